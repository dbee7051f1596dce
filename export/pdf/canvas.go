package pdf

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/image/font/sfnt"

	"sureform/export/linebreak"
	"sureform/export/pdf/glyph"
)

// Page geometry, in millimetres.
const (
	pageW        = 210.0
	pageH        = 297.0
	marginLeft   = 18.0
	marginRight  = 18.0
	marginTop    = 18.0
	marginBottom = 20.0
	contentW     = pageW - marginLeft - marginRight
	contentTop   = marginTop
	contentEnd   = pageH - marginBottom

	// ptMM converts points (font sizes) to millimetres.
	ptMM = 25.4 / 72
	// leading is the line height as a multiple of the font size.
	leading = 1.4
	// ascent is the share of the font size above the baseline that CJK
	// glyphs use; text is placed with its baseline this far below its top.
	ascent = 0.86
)

// Check boxes: these characters are drawn as vector marks.
const (
	boxTicked = '☑'
	boxEmpty  = '□'
)

// How a character is printed.
type runeKind uint8

const (
	kindIgnore  runeKind = iota // zero width, not drawn
	kindFont                    // text in the embedded font
	kindOutline                 // a filled outline
	kindBox                     // a check box drawn as a vector mark
	kindMissing                 // no font has it: a marked box
)

type runeInfo struct {
	kind    runeKind
	advance float64 // em
	outline glyph.Outline
}

// canvas lays out and draws the report. With a nil document it only
// measures: it counts pages and collects the characters the font must have.
type canvas struct {
	fs    *fonts
	doc   *document
	buf   sfnt.Buffer
	runes map[rune]*runeInfo
	// wraps caches wrapped texts; the drawing pass shares the measuring
	// pass's cache.
	wraps map[wrapKey][]string
	// used holds the characters printed with the font; missing those no
	// font has.
	used    map[rune]bool
	missing map[rune]bool

	size float64 // current font size, pt
	gray float64 // current text gray, 0 black
	// bold sets titles: in the installed 黑体 face where there is one
	// (drawn as outlines), else by stroking the body face's outline as
	// well as filling it.
	bold bool
	// titleRunes caches how the 黑体 face draws each character.
	titleRunes map[rune]*runeInfo

	page       int
	totalPages int
	y          float64
	// keepWith is the height that must follow the next table row on its
	// page (see takeKeep).
	keepWith float64
	// onNewPage draws the running header of a new page.
	onNewPage func()
}

func newCanvas(fs *fonts, doc *document) *canvas {
	c := &canvas{fs: fs, doc: doc, runes: map[rune]*runeInfo{}, wraps: map[wrapKey][]string{}, used: map[rune]bool{' ': true}, missing: map[rune]bool{}}
	for r := '0'; r <= '9'; r++ {
		c.used[r] = true // page numbers
	}
	return c
}

// drawing reports whether the canvas draws (second pass).
func (c *canvas) drawing() bool { return c.doc != nil }

// fontRunes lists the characters to embed.
func (c *canvas) fontRunes() []rune { return sortedRunes(c.used) }

// isIgnorable reports characters that take no room and are not drawn:
// controls, joiners, variation selectors and other default-ignorable code
// points.
func isIgnorable(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.In(r, unicode.Variation_Selector, unicode.Join_Control) ||
		r == 0x200B || r == 0xFEFF || r == 0x00AD || (r >= 0x2060 && r <= 0x206F)
}

// info classifies r, once per document.
func (c *canvas) info(r rune) *runeInfo {
	if in, ok := c.runes[r]; ok {
		return in
	}
	in := &runeInfo{}
	c.runes[r] = in
	upem := float64(c.fs.main.UnitsPerEm())
	switch g := c.fs.main.GlyphIndex(&c.buf, r); {
	case r == boxTicked || r == boxEmpty || r == '☐':
		in.kind, in.advance = kindBox, 1
	case isIgnorable(r):
		in.kind = kindIgnore
	case g != 0 && r <= 0xFFFF:
		in.kind, in.advance = kindFont, float64(c.fs.main.Advance(g))/upem
	default:
		var o glyph.Outline
		ok := false
		if g != 0 {
			o, ok = c.fs.mainOutlines.Outline(r)
		}
		if !ok {
			o, ok = c.fs.fallback.Outline(r)
		}
		if ok {
			in.kind, in.advance, in.outline = kindOutline, o.Advance, o
		} else {
			in.kind, in.advance = kindMissing, missingWidth(r)
		}
	}
	return in
}

// missingWidth is the width, in em, of the box that stands for a character
// no font has: room for "U+" and the code point in small print.
func missingWidth(r rune) float64 {
	return 0.2 + 0.3*float64(len(fmt.Sprintf("%04X", r)))
}

// runeWidth is the advance of r at the current size, in mm.
func (c *canvas) runeWidth(r rune) float64 {
	if ti := c.titleInfo(r); ti != nil {
		return ti.advance * c.size * ptMM
	}
	return c.info(r).advance * c.size * ptMM
}

// titleInfo is how the installed 黑体 face draws r in a title, or nil when
// the text is not a title, there is no such face or it lacks r (then the
// body face draws r, thickened).
func (c *canvas) titleInfo(r rune) *runeInfo {
	if !c.bold || c.fs.title == nil || r == ' ' || r == boxTicked || r == boxEmpty || r == '☐' || isIgnorable(r) {
		return nil
	}
	if in, ok := c.titleRunes[r]; ok {
		return in
	}
	var in *runeInfo
	if o, ok := c.fs.title.Outline(r); ok {
		in = &runeInfo{kind: kindOutline, advance: o.Advance, outline: o}
	}
	if c.titleRunes == nil {
		c.titleRunes = map[rune]*runeInfo{}
	}
	c.titleRunes[r] = in
	return in
}

// width is the advance of s at the current size, in mm.
func (c *canvas) width(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += c.runeWidth(r)
	}
	return w
}

// lineH is the line height at the current size, in mm.
func (c *canvas) lineH() float64 { return c.size * ptMM * leading }

// setSize sets the font size in points.
func (c *canvas) setSize(pt float64) {
	if c.size == pt {
		return
	}
	c.size = pt
	if c.drawing() {
		c.doc.pdf.SetFontSize(pt)
	}
}

// setGray sets the gray level of text and fills: 0 is black, 1 white.
func (c *canvas) setGray(g float64) {
	c.gray = g
	if c.drawing() {
		v := int(g * 255)
		c.doc.pdf.SetTextColor(v, v, v)
		c.doc.pdf.SetFillColor(v, v, v)
	}
}

// wrapKey identifies a wrapped text: the same text, width and size always
// wrap the same way, in both passes.
type wrapKey struct {
	s       string
	w, size float64
}

// wrap breaks s into lines no wider than w at the current size.
func (c *canvas) wrap(s string, w float64) []string {
	if s == "" {
		return nil
	}
	k := wrapKey{s, w, c.size}
	if l, ok := c.wraps[k]; ok {
		return l
	}
	l := linebreak.Lines(s, w, c.runeWidth)
	c.wraps[k] = l
	return l
}

// text draws s with its baseline at y, starting at x.
func (c *canvas) text(x, y float64, s string) {
	var run strings.Builder
	runX := x
	flush := func(next float64) {
		if run.Len() > 0 && c.drawing() {
			if c.bold {
				c.strokeLike()
				c.doc.pdf.SetTextRenderingMode(2)
			}
			c.doc.pdf.Text(runX, y, run.String())
			if c.bold {
				c.doc.pdf.SetTextRenderingMode(0)
				c.doc.pdf.SetLineWidth(lineW)
			}
		}
		run.Reset()
		runX = next
	}
	for _, r := range s {
		if ti := c.titleInfo(r); ti != nil {
			flush(x)
			w := ti.advance * c.size * ptMM
			bold := c.bold
			c.bold = false // the face is bold itself
			c.actualTextW(r, ti.advance, x, y, func() { c.outline(x, y, ti.outline) })
			c.bold = bold
			x += w
			runX = x
			continue
		}
		in := c.info(r)
		w := in.advance * c.size * ptMM
		switch in.kind {
		case kindIgnore:
			continue
		case kindFont:
			c.used[r] = true
			run.WriteRune(r)
			x += w
			continue
		}
		flush(x)
		switch in.kind {
		case kindOutline:
			c.actualText(r, x, y, func() { c.outline(x, y, in.outline) })
		case kindBox:
			c.actualText(r, x, y, func() { c.checkbox(x, y, r == boxTicked) })
		case kindMissing:
			c.missing[r] = true
			for _, ch := range fmt.Sprintf("U+%04X", r) {
				c.used[ch] = true
			}
			c.actualText(r, x, y, func() { c.missingBox(x, y, r, w) })
		}
		x += w
		runX = x
	}
	flush(x)
}

// actualText draws a character by other means than the font, marked so that
// text extraction returns r: the drawing and an invisible space sit in a
// marked-content span whose ActualText is r.
func (c *canvas) actualText(r rune, x, y float64, draw func()) {
	c.actualTextW(r, c.info(r).advance, x, y, draw)
}

// actualTextW is actualText for a character drawn advance em wide.
func (c *canvas) actualTextW(r rune, advance float64, x, y float64, draw func()) {
	if !c.drawing() {
		return
	}
	p := c.doc.pdf
	var hex strings.Builder
	for _, u := range utf16.Encode([]rune{r}) {
		fmt.Fprintf(&hex, "%04X", u)
	}
	p.RawWriteStr("/Span <</ActualText <FEFF" + hex.String() + ">>> BDC")
	draw()
	// The placeholder is stretched to the drawn character's width, so that
	// extraction sees no gap after it.
	c.used[' '] = true
	scale := 100.0
	if sp := c.info(' ').advance; sp > 0 {
		scale = 100 * advance / sp
	}
	p.SetTextRenderingMode(3)
	p.RawWriteStr(fmt.Sprintf("%.2f Tz", scale))
	p.Text(x, y, " ")
	p.RawWriteStr("100 Tz")
	p.SetTextRenderingMode(0)
	p.RawWriteStr("EMC")
}

// outline fills a glyph outline at the current size with its origin at x
// on baseline y.
func (c *canvas) outline(x, y float64, o glyph.Outline) {
	p := c.doc.pdf
	s := c.size * ptMM
	pt := func(q glyph.Point) (float64, float64) { return x + q.X*s, y - q.Y*s }
	var cx, cy float64
	open := false
	for _, seg := range o.Segments {
		switch seg.Op {
		case glyph.MoveTo:
			if open {
				p.ClosePath()
			}
			cx, cy = pt(seg.Pts[0])
			p.MoveTo(cx, cy)
			open = true
		case glyph.LineTo:
			cx, cy = pt(seg.Pts[0])
			p.LineTo(cx, cy)
		case glyph.QuadTo:
			qx, qy := pt(seg.Pts[0])
			ex, ey := pt(seg.Pts[1])
			p.CurveBezierCubicTo(cx+2.0/3*(qx-cx), cy+2.0/3*(qy-cy), ex+2.0/3*(qx-ex), ey+2.0/3*(qy-ey), ex, ey)
			cx, cy = ex, ey
		case glyph.CubeTo:
			ax, ay := pt(seg.Pts[0])
			bx, by := pt(seg.Pts[1])
			cx, cy = pt(seg.Pts[2])
			p.CurveBezierCubicTo(ax, ay, bx, by, cx, cy)
		}
	}
	if open {
		p.ClosePath()
		c.fillText()
		if c.bold {
			c.strokeLike()
			p.DrawPath("B")
			p.SetLineWidth(lineW)
		} else {
			p.DrawPath("f")
		}
	}
}

// strokeLike sets the stroke to the text colour and the width that makes
// text bold.
func (c *canvas) strokeLike() {
	v := int(c.gray * 255)
	c.doc.pdf.SetDrawColor(v, v, v)
	c.doc.pdf.SetLineWidth(0.035 * c.size * ptMM)
}

// fillText sets the fill colour to the text colour.
func (c *canvas) fillText() {
	v := int(c.gray * 255)
	c.doc.pdf.SetFillColor(v, v, v)
}

// checkbox draws a check box in the em square at x on baseline y, ticked
// or empty.
func (c *canvas) checkbox(x, y float64, ticked bool) {
	p := c.doc.pdf
	em := c.size * ptMM
	side := 0.74 * em
	bx, by := x+(em-side)/2, y+0.1*em-side
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.06 * em)
	p.Rect(bx, by, side, side, "D")
	if ticked {
		p.SetLineWidth(0.1 * em)
		p.SetLineCapStyle("round")
		p.SetLineJoinStyle("round")
		p.MoveTo(bx+0.18*side, by+0.52*side)
		p.LineTo(bx+0.42*side, by+0.78*side)
		p.LineTo(bx+0.86*side, by+0.18*side)
		p.DrawPath("D")
		p.SetLineCapStyle("butt")
		p.SetLineJoinStyle("miter")
	}
	p.SetLineWidth(lineW)
}

// missingBox draws the stand-in for a character no font has: a dashed box
// of width w with the code point inside.
func (c *canvas) missingBox(x, y float64, r rune, w float64) {
	p := c.doc.pdf
	em := c.size * ptMM
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.04 * em)
	p.SetDashPattern([]float64{0.08 * em, 0.06 * em}, 0)
	p.Rect(x+0.05*em, y+0.12*em-0.95*em, w-0.1*em, 0.95*em, "D")
	p.SetDashPattern(nil, 0)
	p.SetLineWidth(lineW)
	size := c.size
	p.SetFontSize(size * 0.42)
	code := fmt.Sprintf("%04X", r)
	p.Text(x+0.1*em, y-0.5*em, "U+")
	p.Text(x+0.1*em, y-0.02*em, code)
	p.SetFontSize(size)
}

// textLines draws lines from top y, aligned in [x, x+w]: align is 'L', 'C'
// or 'R'.
func (c *canvas) textLines(x, y, w float64, lines []string, align byte) {
	lh := c.lineH()
	for i, l := range lines {
		lx := x
		switch align {
		case 'C':
			lx = x + (w-c.width(l))/2
		case 'R':
			lx = x + w - c.width(l)
		}
		c.text(lx, y+float64(i)*lh+(lh-c.size*ptMM)/2+ascent*c.size*ptMM, l)
	}
}

// lineW is the width of table rules, in mm.
const lineW = 0.2

// rect draws a rectangle; style is "D" (frame), "F" (fill) or "FD".
func (c *canvas) rect(x, y, w, h float64, style string) {
	if c.drawing() {
		c.doc.pdf.Rect(x, y, w, h, style)
	}
}

// line draws a straight line.
func (c *canvas) line(x1, y1, x2, y2 float64) {
	if c.drawing() {
		c.doc.pdf.Line(x1, y1, x2, y2)
	}
}

// newPage starts a page with its running header and page number.
func (c *canvas) newPage() {
	c.page++
	c.y = contentTop
	if c.drawing() {
		p := c.doc.pdf
		p.AddPage()
		p.SetLineWidth(lineW)
		p.SetDrawColor(0, 0, 0)
		p.SetFont(c.doc.family, "", c.size)
	}
	size, gray := c.size, c.gray
	c.setSize(9)
	c.setGray(0.3)
	foot := fmt.Sprintf("第 %d 页 共 %d 页", c.page, c.totalPages)
	c.textLines(marginLeft, pageH-marginBottom+6, contentW, []string{foot}, 'C')
	if c.onNewPage != nil {
		c.onNewPage()
	}
	c.setSize(size)
	c.setGray(gray)
}

// room is the height left on the page below the cursor.
func (c *canvas) room() float64 { return contentEnd - c.y }

// need starts a new page unless h mm fit below the cursor; it reports
// whether it did.
func (c *canvas) need(h float64) bool {
	if c.page == 0 || c.y+h > contentEnd+1e-6 {
		c.newPage()
		return true
	}
	return false
}
