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
