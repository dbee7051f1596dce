// Package glyph provides the outlines of characters that the report's main
// font cannot print through the PDF text machinery: characters outside the
// Basic Multilingual Plane (CJK Extension B and later, which occur in names)
// and characters the main font lacks. The report draws such a character as a
// filled vector path.
//
// Outlines come from Sources: a TrueType or OpenType font (FontSource), or
// the compact outline table bundled with sureform (Bundled), which holds the
// Chinese ideographs of CJK Extensions A to F that have a Chinese source and
// a Mandarin reading in Unihan, and the symbols, that the main font lacks,
// taken from the Hanazono Mincho fonts (SIL OFL 1.1).
package glyph

import (
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Op is the kind of a path segment.
type Op uint8

// Segment kinds, as in a TrueType or CFF outline.
const (
	MoveTo Op = iota
	LineTo
	QuadTo
	CubeTo
)

// Point is a point of an outline in em units, y pointing up from the
// baseline.
type Point struct{ X, Y float64 }

// Segment is one path segment: MoveTo and LineTo use Pts[0], QuadTo
// Pts[0..1] (control, end), CubeTo Pts[0..2].
type Segment struct {
	Op  Op
	Pts [3]Point
}

// Outline is a character's shape: its advance width and filled contours
// (non-zero winding), in em units.
type Outline struct {
	Advance  float64
	Segments []Segment
}

// Source gives the outline of a character, if it has one.
type Source interface {
	Outline(r rune) (Outline, bool)
}

// Sources tries several sources in order.
type Sources []Source

// Outline returns the outline from the first source that has r.
func (s Sources) Outline(r rune) (Outline, bool) {
	for _, src := range s {
		if src == nil {
			continue
		}
		if o, ok := src.Outline(r); ok {
			return o, true
		}
	}
	return Outline{}, false
}

// FontSource reads outlines from a parsed font. It is safe for concurrent
// use.
type FontSource struct {
	f *sfnt.Font
}

// NewFontSource parses TrueType or OpenType (CFF) font data.
func NewFontSource(data []byte) (*FontSource, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return &FontSource{f: f}, nil
}

// FontSourceOf wraps an already parsed font.
func FontSourceOf(f *sfnt.Font) *FontSource { return &FontSource{f: f} }

// Outline returns the outline of r, or false when the font lacks r.
func (s *FontSource) Outline(r rune) (Outline, bool) {
	var buf sfnt.Buffer
	g, err := s.f.GlyphIndex(&buf, r)
	if err != nil || g == 0 {
		return Outline{}, false
	}
	return fontOutline(s.f, &buf, g)
}

func fontOutline(f *sfnt.Font, buf *sfnt.Buffer, g sfnt.GlyphIndex) (Outline, bool) {
	const ppem = 1 << 12 // precision: the outline in 1/4096 em
	segs, err := f.LoadGlyph(buf, g, fixed.I(ppem), nil)
	if err != nil {
		return Outline{}, false
	}
	adv, err := f.GlyphAdvance(buf, g, fixed.I(ppem), 0)
	if err != nil {
		return Outline{}, false
	}
	o := Outline{Advance: float64(adv) / 64 / ppem, Segments: make([]Segment, len(segs))}
	for i, s := range segs {
		o.Segments[i].Op = Op(s.Op)
		for j := 0; j < 3; j++ {
			// sfnt's y axis points down.
			o.Segments[i].Pts[j] = Point{float64(s.Args[j].X) / 64 / ppem, -float64(s.Args[j].Y) / 64 / ppem}
		}
	}
	return o, true
}
