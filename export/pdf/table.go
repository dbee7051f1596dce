package pdf

import "math"

// Cell padding, in mm.
const (
	padX = 1.4
	padY = 1.2
)

// cell is one cell of a table row.
type cell struct {
	text  string
	span  int  // columns spanned; 0 means 1
	align byte // 'L' (default), 'C' or 'R'
	head  bool // shaded, as a header
	bold  bool
}

// table is a ruled table whose header rows repeat on every page it spans.
type table struct {
	cols   []float64 // column widths, mm
	size   float64   // font size, pt
	header [][]cell
	// headerPage is the page the header was last drawn on.
	headerPage int
	// headerH caches the header's height; 0 until measured.
	headerH float64
}

// laidCell is a cell placed in a row: its position and wrapped lines.
type laidCell struct {
	cell
	x, w  float64
	lines []string
}

// layRow places a row's cells and wraps their text.
func (c *canvas) layRow(t *table, row []cell) []laidCell {
	return c.layRowFrom(t, 0, row)
}

// layRowFrom places a row's cells starting at column col.
func (c *canvas) layRowFrom(t *table, col int, row []cell) []laidCell {
	out := make([]laidCell, 0, len(row))
	x := marginLeft
	for i := 0; i < col; i++ {
		x += t.cols[i]
	}
	for _, cl := range row {
		span := max(cl.span, 1)
		w := 0.0
		for i := col; i < col+span && i < len(t.cols); i++ {
			w += t.cols[i]
		}
		col += span
		out = append(out, laidCell{cell: cl, x: x, w: w, lines: c.wrap(cl.text, w-2*padX)})
		x += w
	}
	return out
}

// rowHeight is the height a row of laid cells needs.
func (c *canvas) rowHeight(cells []laidCell, minH float64) float64 {
	n := 1
	for _, lc := range cells {
		n = max(n, len(lc.lines))
	}
	return math.Max(minH, float64(n)*c.lineH()+2*padY)
}

// drawRow draws laid cells as one row of height h at the cursor and moves
// the cursor below it. Text is centred vertically unless top is set.
func (c *canvas) drawRow(cells []laidCell, h float64, top bool) {
	for _, lc := range cells {
		if lc.head {
			c.setGray(0.92)
			c.rect(lc.x, c.y, lc.w, h, "F")
			c.setGray(0)
		}
		c.rect(lc.x, c.y, lc.w, h, "D")
		ty := c.y + (h-float64(len(lc.lines))*c.lineH())/2
		if top {
			ty = c.y + padY
		}
		align := lc.align
		if align == 0 {
			align = 'L'
		}
		c.bold = lc.bold
		c.textLines(lc.x+padX, ty, lc.w-2*padX, lc.lines, align)
		c.bold = false
	}
	c.y += h
}

// headerHeight is the height of the table's header rows.
func (c *canvas) headerHeight(t *table) float64 {
	if t.headerH > 0 || len(t.header) == 0 {
		return t.headerH
	}
	c.setSize(t.size)
	for _, r := range t.header {
		t.headerH += c.rowHeight(c.layRow(t, r), 0)
	}
	return t.headerH
}

// drawHeader draws the header rows at the cursor.
func (c *canvas) drawHeader(t *table) {
	c.setSize(t.size)
	for _, r := range t.header {
		cells := c.layRow(t, r)
		c.drawRow(cells, c.rowHeight(cells, 0), false)
	}
	t.headerPage = c.page
}

// row draws one table row, never split across pages unless it is taller
// than a whole page; the header is repeated at the top of every page.
func (c *canvas) row(t *table, r []cell, minH float64) {
	c.setSize(t.size)
	cells := c.layRow(t, r)
	h := c.rowHeight(cells, minH)
	hh := c.headerHeight(t)
	if h > contentEnd-contentTop-hh {
		c.splitRow(t, cells, h)
		return
	}
	needH := h + c.takeKeep(h+hh)
	if t.headerPage != c.page {
		needH += hh
	}
	if c.need(needH) || t.headerPage != c.page {
		c.drawHeader(t)
	}
	c.setSize(t.size)
	c.drawRow(cells, h, false)
}

// takeKeep returns, and clears, the height that must follow the next row
// on its page; 0 when that and a row of height h would not fit on one
// page together.
func (c *canvas) takeKeep(h float64) float64 {
	k := c.keepWith
	c.keepWith = 0
	if h+k > contentEnd-contentTop {
		return 0
	}
	return k
}

// splitRow draws a row taller than a page in pieces, line by line, each
// piece on its own page under the repeated header.
func (c *canvas) splitRow(t *table, cells []laidCell, h float64) {
	lh := c.lineH()
	done := 0
	// reserve is the room the last piece leaves below it for what must
	// follow on its page (the signature blocks after a long text).
	reserve := c.takeKeep(0)
	lines := 0
	for _, lc := range cells {
		lines = max(lines, len(lc.lines))
	}
	if c.page == 0 {
		c.newPage()
	}
	for {
		if c.room() < 3*lh+2*padY || t.headerPage != c.page {
			if c.room() < 3*lh+2*padY {
				c.newPage()
			}
			c.drawHeader(t)
		}
		c.setSize(t.size)
		fit := int((c.room() - 2*padY) / lh)
		fresh := c.y <= contentTop+c.headerHeight(t)+1e-6
		if left := lines - done; left <= fit && float64(left)*lh+2*padY+reserve > c.room() {
			// The rest fits but what must follow it does not: carry two
			// lines over so that the text and what follows share a page.
			switch {
			case left > 2:
				fit = left - 2
			case !fresh:
				c.newPage()
				continue
			}
		}
		piece := make([]laidCell, len(cells))
		more := false
		for i, lc := range cells {
			piece[i] = lc
			lo := min(done, len(lc.lines))
			hi := min(done+fit, len(lc.lines))
			piece[i].lines = lc.lines[lo:hi]
			if hi < len(lc.lines) {
				more = true
			}
		}
		done += fit
		if !more {
			c.drawRow(piece, c.rowHeight(piece, 0), true)
			return
		}
		c.drawRow(piece, c.room(), true)
	}
}

// group draws rows that share a first cell spanning them all (item 3 of the
// 2020 form: one label beside three answered parts). The group is kept on
// one page.
func (c *canvas) group(t *table, label cell, rows [][]cell) {
	c.setSize(t.size)
	lab := c.layRow(t, []cell{label})[0]
	var laid [][]laidCell
	var hs []float64
	total := 0.0
	for _, r := range rows {
		cells := c.layRowFrom(t, 1, r)
		h := c.rowHeight(cells, 0)
		laid = append(laid, cells)
		hs = append(hs, h)
		total += h
	}
	if lh := c.rowHeight([]laidCell{lab}, 0); lh > total && len(hs) > 0 {
		hs[len(hs)-1] += lh - total
		total = lh
	}
	needH := total + c.takeKeep(total+c.headerHeight(t))
	if t.headerPage != c.page {
		needH += c.headerHeight(t)
	}
	if c.need(needH) || t.headerPage != c.page {
		c.drawHeader(t)
	}
	c.setSize(t.size)
	top := c.y
	for i, cells := range laid {
		c.drawRow(cells, hs[i], false)
	}
	bottom := c.y
	c.y = top
	c.drawRow([]laidCell{lab}, total, false)
	c.y = bottom
}
