package glyph

import (
	"math"

	"testing"

	"sureform/assets"
)

// TestBundledCoversNames checks that the bundled table has the rare name
// characters the main font lacks and none that it has.
func TestBundledCoversNames(t *testing.T) {
	tab, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	main, err := NewFontSource(assets.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() < 15000 {
		t.Errorf("bundled table has %d characters, want the ~20,000 of Extensions A–F", tab.Len())
	}
	for _, r := range []rune{'𡈼', '☑', '㲰', '㲴', '𬤥'} {
		if _, ok := main.Outline(r); ok {
			t.Errorf("main font has %q; the test needs one it lacks", r)
		}
		o, ok := tab.Outline(r)
		if !ok {
			t.Errorf("bundled table lacks %q (U+%04X)", r, r)
			continue
		}
		if o.Advance < 0.5 || o.Advance > 1.2 || len(o.Segments) < 4 {
			t.Errorf("%q: advance %.3f, %d segments: not a plausible glyph", r, o.Advance, len(o.Segments))
		}
	}
	for _, r := range tab.Runes()[:50] {
		if _, ok := main.Outline(r); ok {
			t.Errorf("bundled table holds %q which the main font has", r)
		}
	}
	if _, ok := tab.Outline('学'); ok {
		t.Error("bundled table holds 学, which the main font has")
	}
}

// TestTableRoundTrip encodes outlines from a real font and checks that they
// decode to the same points within the table's precision.
func TestTableRoundTrip(t *testing.T) {
	src, err := NewFontSource(assets.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	var entries []Entry
	for _, r := range "学生会𠮷矞A，" {
		o, ok := src.Outline(r)
		if !ok {
			t.Fatalf("main font lacks %q", r)
		}
		entries = append(entries, Entry{r, o})
	}
	data, err := EncodeTable(entries, 1000)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := ParseTable(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		o, ok := tab.Outline(e.Rune)
		if !ok {
			t.Fatalf("%q lost", e.Rune)
		}
		if len(o.Segments) != len(e.Outline.Segments) || math.Abs(o.Advance-e.Outline.Advance) > 0.001 {
			t.Fatalf("%q: %d segments adv %.3f, want %d adv %.3f", e.Rune, len(o.Segments), o.Advance, len(e.Outline.Segments), e.Outline.Advance)
		}
		for i, s := range o.Segments {
			w := e.Outline.Segments[i]
			if s.Op != w.Op {
				t.Fatalf("%q segment %d op %d, want %d", e.Rune, i, s.Op, w.Op)
			}
			for j := 0; j < s.Op.points(); j++ {
				if math.Abs(s.Pts[j].X-w.Pts[j].X) > 0.0006 || math.Abs(s.Pts[j].Y-w.Pts[j].Y) > 0.0006 {
					t.Fatalf("%q segment %d point %d = %v, want %v", e.Rune, i, j, s.Pts[j], w.Pts[j])
				}
			}
		}
		// Glyphs sit on the baseline with y up: most of a CJK glyph is above 0.
		if e.Rune == '学' {
			maxY := 0.0
			for _, s := range o.Segments {
				maxY = math.Max(maxY, s.Pts[0].Y)
			}
			if maxY < 0.6 {
				t.Errorf("学 reaches only y=%.2f em: y axis upside down?", maxY)
			}
		}
	}
	if _, ok := tab.Outline('丁'); ok {
		t.Error("丁 found in a table without it")
	}
}

// TestParseTableRejectsDamage feeds damaged tables to the decoder.
func TestParseTableRejectsDamage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("garbage"), assets.FallbackOutlines[:100]} {
		if _, err := ParseTable(data); err == nil {
			t.Errorf("ParseTable(%d bytes of damage) succeeded", len(data))
		}
	}
}

// FuzzTableOutline decodes arbitrary glyph data: it must never panic.
func FuzzTableOutline(f *testing.F) {
	f.Add([]byte{2, 0, 4, 4, 1, 8, 0}, int32('a'))
	f.Add([]byte{255, 255, 255, 255, 1}, int32('b'))
	f.Fuzz(func(t *testing.T, glyphData []byte, r int32) {
		data, err := EncodeTable(nil, 256)
		if err != nil {
			t.Fatal(err)
		}
		tab, err := ParseTable(data)
		if err != nil {
			t.Fatal(err)
		}
		tab.count = 1
		tab.index = []byte{0, 0, 0, 'a', 1, 0, 0, 0, 0, 0, 0, 0}
		tab.decoded[0] = glyphData
		tab.Outline(rune(r))
		tab.Outline('a')
		tab.decode(Outline{}, glyphData)
	})
}

// BenchmarkParseBundled measures decoding the bundled table, which a report
// pays once per process when it needs a character the main font lacks.
func BenchmarkParseBundled(b *testing.B) {
	for b.Loop() {
		if _, err := ParseTable(assets.FallbackOutlines); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParseTable reads arbitrary table files: errors are fine, panics are
// not.
func FuzzParseTable(f *testing.F) {
	src, err := NewFontSource(assets.FontRegular)
	if err != nil {
		f.Fatal(err)
	}
	o, _ := src.Outline('学')
	data, err := EncodeTable([]Entry{{'学', o}, {'a', o}}, 256)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:30])
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := ParseTable(data)
		if err != nil {
			return
		}
		for _, r := range tab.Runes() {
			tab.Outline(r)
		}
		tab.Outline('学')
	})
}
