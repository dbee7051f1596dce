package fontprune

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/go-text/typesetting/font"

	"sureform/assets"
	"sureform/assets/fontfile"
)

// glyphHasOutline reports whether the font draws r with any contour.
func glyphHasOutline(t *testing.T, f *font.Face, r rune) bool {
	t.Helper()
	gid, ok := f.NominalGlyph(r)
	if !ok {
		t.Fatalf("rune %q not in cmap", r)
	}
	out, ok := f.GlyphData(gid).(font.GlyphOutline)
	return ok && len(out.Segments) > 0
}

func TestPruneKeepsChosenGlyphsOnly(t *testing.T) {
	keep := func(r rune) bool { return r < 0x80 || r == '学' || r == '会' }
	data, err := Prune(assets.FontRegular, keep)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) >= len(assets.FontRegular)/10 {
		t.Errorf("pruned font is %d bytes, want well under a tenth of %d", len(data), len(assets.FontRegular))
	}
	f, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("pruned font does not parse: %v", err)
	}
	for _, r := range "A学会z" {
		if !glyphHasOutline(t, f, r) {
			t.Errorf("%q lost its outline", r)
		}
	}
	for _, r := range "矞嫒" {
		if _, ok := f.NominalGlyph(r); ok {
			t.Errorf("%q is still mapped; a renderer would not fall back to another font", r)
		}
	}
	// the character map is exactly the kept runes, with the original glyphs
	pruned, err := Runes(data)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := Runes(assets.FontRegular)
	want := 0
	for _, r := range all {
		if keep(r) {
			want++
		}
	}
	if len(pruned) != want {
		t.Errorf("pruned font maps %d characters, want %d", len(pruned), want)
	}
	for _, r := range pruned {
		if !keep(r) {
			t.Errorf("%q mapped but not kept", r)
		}
	}
	// metrics are unchanged, so text measures the same in both fonts
	orig, err := font.ParseTTF(bytes.NewReader(assets.FontRegular))
	if err != nil {
		t.Fatal(err)
	}
	g1, _ := orig.NominalGlyph('学')
	g2, _ := f.NominalGlyph('学')
	if g1 != g2 || orig.HorizontalAdvance(g1) != f.HorizontalAdvance(g2) {
		t.Errorf("glyph id or advance changed: %d/%v vs %d/%v", g1, orig.HorizontalAdvance(g1), g2, f.HorizontalAdvance(g2))
	}
}

func TestPruneRejectsBrokenFonts(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":     nil,
		"short":     []byte("\x00\x01\x00\x00\x00\x05"),
		"truncated": assets.FontRegular[:4096],
		"not font":  []byte("this is not a font file, just text long enough"),
	} {
		if _, err := Prune(data, func(rune) bool { return true }); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzPrune(f *testing.F) {
	f.Add(assets.FontRegular[:2048])
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00glyf\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Prune(data, func(r rune) bool { return r < 0x100 }) // must not panic
	})
}

func BenchmarkPrune(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Prune(assets.FontRegular, func(r rune) bool { return r < 0x80 }); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRunes(t *testing.T) {
	runes, err := Runes(assets.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	has := map[rune]bool{}
	for _, r := range runes {
		has[r] = true
	}
	if len(has) < 20000 {
		t.Errorf("%d characters, want the bundled font's 20,000 and more", len(has))
	}
	for _, r := range "A学矞嫒，" {
		if !has[r] {
			t.Errorf("%q missing", r)
		}
	}
	for _, r := range "\u0000\uE000\U0001F600" { // control, private use, emoji: not in the font
		if has[r] {
			t.Errorf("%U listed, but the font has no glyph for it", r)
		}
	}
	if _, err := Runes([]byte("not a font")); err == nil {
		t.Error("no error for a file that is not a font")
	}
}

func TestPruneDropsGlyphNames(t *testing.T) {
	data, err := Prune(assets.FontRegular, func(r rune) bool { return r < 0x80 })
	if err != nil {
		t.Fatal(err)
	}
	ft, err := fontfile.ReadTables(data)
	if err != nil {
		t.Fatal(err)
	}
	post := ft.ByTag["post"]
	if len(post) != 32 || post[0] != 0 || post[1] != 3 {
		t.Errorf("post table is %d bytes, version %x; want 32 bytes, version 3", len(post), post[:4])
	}
	orig, err := fontfile.ReadTables(assets.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(post[4:32], orig.ByTag["post"][4:32]) {
		t.Error("post header (italic angle, underline, fixed pitch) changed")
	}
}

// TestPruneKeepsSubstitutionGlyphs: glyphs no character maps to are the
// ones glyph substitution uses (the bundled font draws the colon of 08:44
// with one); pruning must keep their outlines, or the substituted
// character vanishes from the screen.
func TestPruneKeepsSubstitutionGlyphs(t *testing.T) {
	glyphSizes := func(ttf []byte) (sizes []int, mapped []bool) {
		t.Helper()
		ft, err := fontfile.ReadTables(ttf)
		if err != nil {
			t.Fatal(err)
		}
		tables := ft.ByTag
		n := int(binary.BigEndian.Uint16(tables["maxp"][4:]))
		offsets, err := fontfile.Loca(tables["loca"], n, binary.BigEndian.Uint16(tables["head"][50:]) == 1, len(tables["glyf"]))
		if err != nil {
			t.Fatal(err)
		}
		mapped = make([]bool, n)
		if err := fontfile.MapRunes(tables["cmap"], func(_ rune, g int) {
			if g >= 0 && g < n {
				mapped[g] = true
			}
		}); err != nil {
			t.Fatal(err)
		}
		for g := 0; g < n; g++ {
			sizes = append(sizes, offsets[g+1]-offsets[g])
		}
		return sizes, mapped
	}
	before, mapped := glyphSizes(assets.FontRegular)
	out, err := Prune(assets.FontRegular, func(r rune) bool { return r < 0x80 })
	if err != nil {
		t.Fatal(err)
	}
	after, _ := glyphSizes(out)
	unmapped := 0
	for g := range before {
		if mapped[g] || before[g] == 0 {
			continue
		}
		unmapped++
		if after[g] < before[g] {
			t.Fatalf("glyph %d, which no character maps to, lost its outline", g)
		}
	}
	if unmapped == 0 {
		t.Fatal("the bundled font has no unmapped glyphs: this test checks nothing")
	}
}
