package fontsubset

import (
	"bytes"
	"compress/zlib"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"sureform/assets"
)

func mainFont(t testing.TB) *Font {
	t.Helper()
	f, err := Parse(assets.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSubsetKeepsGlyphs checks that every rune of the subset maps to a glyph
// with the same outline and advance as in the full font, and that runes not
// asked for are absent.
func TestSubsetKeepsGlyphs(t *testing.T) {
	f := mainFont(t)
	text := []rune("学生会组织深化改革评估备案表，刘矞哲、冉嫒、阿米娜姆·萨吾提 ABC xyz 0123456789（）“”《》☑𠮷")
	sub, err := f.Subset(text)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(sub)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	var b1, b2 sfnt.Buffer
	for _, r := range text {
		g1 := f.GlyphIndex(&b1, r)
		g2 := s.GlyphIndex(&b2, r)
		if r > 0xFFFF || g1 == 0 {
			if g2 != 0 {
				t.Errorf("%q (U+%04X) is in the subset but should not be", r, r)
			}
			continue
		}
		if g2 == 0 {
			t.Errorf("%q missing from the subset", r)
			continue
		}
		if f.Advance(g1) != s.Advance(g2) {
			t.Errorf("%q advance %d, want %d", r, s.Advance(g2), f.Advance(g1))
		}
		o1, err1 := f.Sfnt().LoadGlyph(&b1, sfnt.GlyphIndex(g1), fixed.I(1000), nil)
		o2, err2 := s.Sfnt().LoadGlyph(&b2, sfnt.GlyphIndex(g2), fixed.I(1000), nil)
		if err1 != nil || err2 != nil {
			t.Fatalf("%q: loading outlines: %v, %v", r, err1, err2)
		}
		if len(o1) != len(o2) {
			t.Errorf("%q outline has %d segments, want %d", r, len(o2), len(o1))
			continue
		}
		for i := range o1 {
			if o1[i] != o2[i] {
				t.Errorf("%q outline segment %d differs", r, i)
				break
			}
		}
	}
	if s.Has(&b2, '丁') {
		t.Error("丁 was not asked for but is in the subset")
	}
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(sub)
	w.Close()
	t.Logf("%d runes: subset %d bytes, %d compressed", len(text), len(sub), z.Len())
}

// sampleText is a realistic mix of what a report prints.
var sampleText = []rune("高校学生会组织深化改革评估备案表，组织名称：阳泉职业技术学院学生会。工作机构架构为“主席团+工作部门”模式，" +
	"未在工作部门以上或以下设置“中心”、“项目办公室”等常设层级。刘矞哲 冉嫒 阿米娜姆·萨吾提 第 1 页 共 9 页 ABCxyz 0123456789（）《》")

// TestSubsetScaled checks that a rescaled subset keeps every outline within
// one unit of the original scaled down, its metrics scaled, and is smaller.
func TestSubsetScaled(t *testing.T) {
	f := mainFont(t)
	full, err := f.Subset(sampleText)
	if err != nil {
		t.Fatal(err)
	}
	for _, upem := range []int{500, 250} {
		sub, err := f.SubsetScaled(sampleText, upem)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Parse(sub)
		if err != nil {
			t.Fatalf("scaled subset does not parse: %v", err)
		}
		if s.UnitsPerEm() != upem {
			t.Fatalf("units per em %d, want %d", s.UnitsPerEm(), upem)
		}
		scale := float64(upem) / float64(f.UnitsPerEm())
		var b1, b2 sfnt.Buffer
		for _, r := range sampleText {
			g1, g2 := f.GlyphIndex(&b1, r), s.GlyphIndex(&b2, r)
			if g2 == 0 {
				t.Fatalf("%q missing", r)
			}
			if d := float64(s.Advance(g2)) - float64(f.Advance(g1))*scale; d > 0.5 || d < -0.5 {
				t.Errorf("%q advance %d, want %.1f", r, s.Advance(g2), float64(f.Advance(g1))*scale)
			}
			// Load both at the same pixel size: points must agree within
			// one unit of the coarser grid.
			ppem := fixed.I(1000)
			o1, _ := f.Sfnt().LoadGlyph(&b1, sfnt.GlyphIndex(g1), ppem, nil)
			o2, err := s.Sfnt().LoadGlyph(&b2, sfnt.GlyphIndex(g2), ppem, nil)
			if err != nil || len(o1) != len(o2) {
				t.Fatalf("%q: %d segments, want %d (%v)", r, len(o2), len(o1), err)
			}
			tol := fixed.Int26_6(64 * 1000 / upem)
			for i := range o1 {
				for j := 0; j < 3; j++ {
					dx, dy := o1[i].Args[j].X-o2[i].Args[j].X, o1[i].Args[j].Y-o2[i].Args[j].Y
					if dx > tol || dx < -tol || dy > tol || dy < -tol {
						t.Fatalf("%q segment %d point %d off by (%v, %v)", r, i, j, dx, dy)
					}
				}
			}
		}
		t.Logf("units per em %d: %d bytes (%d compressed), unscaled %d (%d compressed)", upem, len(sub), deflated(sub), len(full), deflated(full))
		if deflated(sub) >= deflated(full) {
			t.Errorf("scaled subset is not smaller")
		}
	}
}

func deflated(b []byte) int {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Len()
}

// FuzzParse feeds damaged font data to Parse and Subset: errors are fine,
// panics are not.
func FuzzParse(f *testing.F) {
	sub, err := mainFont(f).Subset([]rune("学生会"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sub)
	f.Add(sub[:200])
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"))
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x02\x00\x00\x00\x14\x00\x00\x00\x14"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Installed fonts are read as found, collections (.ttc) included.
		for i := 0; i < min(NumFaces(data), 3); i++ {
			if font, err := ParseFace(data, i); err == nil {
				font.SubsetScaled([]rune("学生会A"), 250)
			}
		}
		font, err := Parse(data)
		if err != nil {
			return
		}
		font.SubsetScaled([]rune("学生会A"), 250)
	})
}

func TestComponents(t *testing.T) {
	// A composite of two components: glyph 7 with word arguments and a
	// scale, then glyph 9 with byte arguments, then 2 bytes of instructions.
	glyph := []byte{0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0,
		0x00, 0x29, 0, 7, 0, 1, 0, 2, 0x40, 0x00, // words|scale|more
		0x01, 0x02, 0, 9, 3, 4, // xy, last
		0xb0, 0x01}
	comps, end, err := Components(glyph)
	if err != nil {
		t.Fatal(err)
	}
	if len(comps) != 2 || comps[0].Glyph != 7 || comps[0].Offset != 10 || comps[1].Glyph != 9 || comps[1].Offset != 20 || end != 26 {
		t.Errorf("components %+v end %d", comps, end)
	}
	if _, _, err := Components(glyph[:22]); err != ErrCompositeTruncated {
		t.Errorf("truncated: %v", err)
	}
	if comps, _, err := Components([]byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 0}); comps != nil || err != nil {
		t.Errorf("simple glyph: %v %v", comps, err)
	}
}
