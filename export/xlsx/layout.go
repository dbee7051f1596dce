package xlsx

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Fonts and sizes of the printed form: 宋体 for the body and 黑体 for titles,
// as Chinese office forms set them.
const (
	fontBody  = "宋体"
	fontTitle = "黑体"
	sizeBody  = 11.0
	sizeTitle = 18.0
	sizeHead  = 11.0
)

// Geometry used to compute row heights.
const (
	// colUnitPt is the width in points of one unit of column width (the
	// width of a digit of the 11 pt default font, 7 px at 96 dpi).
	colUnitPt = 5.25
	// cellPadPt is the horizontal padding a spreadsheet leaves inside a
	// cell, both sides together.
	cellPadPt = 3.0
	// lineFactor is the line height as a multiple of the font size; CJK
	// fonts need more than Latin ones.
	lineFactor = 1.5
	// rowPadPt is the vertical space added to a row beyond its lines.
	rowPadPt = 4.0
	// maxRowPt is the tallest row a spreadsheet accepts.
	maxRowPt = excelize.MaxRowHeight
	// maxCellChars is the most characters a cell may hold.
	maxCellChars = excelize.TotalCellChars
)

// Border sides of a cell.
const (
	bLeft uint8 = 1 << iota
	bTop
	bRight
	bBottom
	bAll = bLeft | bTop | bRight | bBottom
)

// look is the appearance of a cell: font, alignment and borders. Text
// always wraps.
type look struct {
	font   string
	size   float64
	halign string // left, center, right
	valign string // top, center
	border uint8
}

var (
	lookTitle    = look{font: fontTitle, size: sizeTitle, halign: "center", valign: "center"}
	lookSubtitle = look{font: fontTitle, size: 14, halign: "center", valign: "center"}
	lookField    = look{font: fontBody, size: sizeBody, halign: "left", valign: "center"}
	lookHead     = look{font: fontTitle, size: sizeHead, halign: "center", valign: "center", border: bAll}
	lookText     = look{font: fontBody, size: sizeBody, halign: "left", valign: "center", border: bAll}
	lookCenter   = look{font: fontBody, size: sizeBody, halign: "center", valign: "center", border: bAll}
)

// with returns l with other borders.
func (l look) with(border uint8) look { l.border = border; return l }

// valigned returns l with another vertical alignment.
func (l look) valigned(v string) look { l.valign = v; return l }

// book is the workbook being written, with its cached cell styles.
type book struct {
	x      *excelize.File
	styles map[look]int
}

func newBook() (*book, error) {
	x := excelize.NewFile()
	if err := x.SetDefaultFont(fontBody); err != nil {
		x.Close()
		return nil, fmt.Errorf("设置默认字体：%w", err)
	}
	return &book{x: x, styles: map[look]int{}}, nil
}

func (b *book) style(l look) (int, error) {
	if id, ok := b.styles[l]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Font:      &excelize.Font{Family: l.font, Size: l.size},
		Alignment: &excelize.Alignment{Horizontal: l.halign, Vertical: l.valign, WrapText: true},
	}
	for _, s := range []struct {
		bit  uint8
		name string
	}{{bLeft, "left"}, {bTop, "top"}, {bRight, "right"}, {bBottom, "bottom"}} {
		if l.border&s.bit != 0 {
			st.Border = append(st.Border, excelize.Border{Type: s.name, Color: "000000", Style: 1})
		}
	}
	id, err := b.x.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("创建单元格样式：%w", err)
	}
	b.styles[l] = id
	return id, nil
}

// sheet writes one worksheet row by row and computes the row heights from
// the text of its cells.
type sheet struct {
	b      *book
	name   string
	widths []float64 // column widths in units, column A first
	row    int       // the last row written
	minPt  map[int]float64
	spans  []span
	// choices are the answer cells, by the two answers they offer in a
	// drop-down list.
	choices map[[2]string][]string
	// unitStart is the first row of the last item or matrix row written:
	// the rows that move to the next page together with what must follow.
	unitStart int
	// keeps are the row ranges printed together on one page where they fit
	// (see paginate); titleFirst and titleLast are the rows repeated at
	// the top of every page.
	keeps                 []keep
	titleFirst, titleLast int
	err                   error
}

// keep is a range of rows, from and to, kept on one printed page: the last
// form rows with the optional rows and signature blocks after them. When
// they do not fit on one page, the rows from alt on are kept together.
type keep struct{ from, alt, to int }

// span is a cell that covers several rows: together they must be as tall
// as its text needs.
type span struct {
	top, bottom int
	need        float64
}

func (b *book) addSheet(name string, widths []float64) *sheet {
	s := &sheet{b: b, name: name, widths: widths, minPt: map[int]float64{}, choices: map[[2]string][]string{}}
	if b.x.SheetCount == 1 && b.x.GetSheetName(0) == "Sheet1" {
		s.err = b.x.SetSheetName("Sheet1", name)
	} else {
		_, s.err = b.x.NewSheet(name)
	}
	if s.err != nil {
		s.err = fmt.Errorf("新建工作表“%s”：%w", name, s.err)
		return s
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.x.SetColWidth(name, col, col, w); err != nil {
			s.fail(fmt.Errorf("设置工作表“%s”第 %s 列宽度：%w", name, col, err))
		}
	}
	return s
}

func (s *sheet) fail(err error) {
	if s.err == nil && err != nil {
		s.err = err
	}
}

// next starts a new row and returns its number.
func (s *sheet) next() int {
	s.row++
	return s.row
}

// widthPt is the width of columns c1..c2 (1-based) in points.
func (s *sheet) widthPt(c1, c2 int) float64 {
	w := 0.0
	for c := c1; c <= c2 && c <= len(s.widths); c++ {
		w += s.widths[c-1] * colUnitPt
	}
	return w
}

// lineWidthEm is how many em of text in l fit on a line of columns c1..c2.
func (s *sheet) lineWidthEm(c1, c2 int, l look) float64 {
	return (s.widthPt(c1, c2) - cellPadPt) / l.size
}

// heightFor is the row height that n lines of text in l need.
func heightFor(n int, l look) float64 {
	return float64(n)*l.size*lineFactor + rowPadPt
}

// cellText makes a text safe for a cell: control characters other than
// line breaks and tabs are dropped, and it is cut to what a cell holds.
func cellText(t string) string {
	t = strings.ReplaceAll(t, "\r\n", "\n")
	t = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f {
			return -1
		}
		return r
	}, t)
	if utf8.RuneCountInString(t) > maxCellChars {
		t = string([]rune(t)[:maxCellChars])
	}
	return t
}

// put writes text into the cell range (r1,c1)–(r2,c2), merging it when it
// covers more than one cell, styles every cell of the range, and records
// the height the text needs. The text is always stored as a string, so a
// text starting with = + - @ is never taken for a formula.
func (s *sheet) put(r1, c1, r2, c2 int, text string, l look) {
	if s.err != nil {
		return
	}
	text = cellText(text)
	tl, _ := excelize.CoordinatesToCellName(c1, r1)
	br, _ := excelize.CoordinatesToCellName(c2, r2)
	wrap := func(err error) error {
		return fmt.Errorf("写入工作表“%s”单元格 %s：%w", s.name, tl, err)
	}
	if text != "" {
		if err := s.b.x.SetCellStr(s.name, tl, text); err != nil {
			s.fail(wrap(err))
			return
		}
	}
	if tl != br {
		if err := s.b.x.MergeCell(s.name, tl, br); err != nil {
			s.fail(wrap(err))
			return
		}
	}
	id, err := s.b.style(l)
	if err != nil {
		s.fail(wrap(err))
		return
	}
	if err := s.b.x.SetCellStyle(s.name, tl, br, id); err != nil {
		s.fail(wrap(err))
		return
	}
	need := heightFor(lineCount(text, s.lineWidthEm(c1, c2, l)), l)
	if r1 == r2 {
		s.atLeast(r1, need)
		return
	}
	s.spans = append(s.spans, span{top: r1, bottom: r2, need: need})
}

// putNumber writes n as a number into cell (r, c), styled as l.
func (s *sheet) putNumber(r, c, n int, l look) {
	s.put(r, c, r, c, "", l)
	if s.err != nil {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(c, r)
	if err := s.b.x.SetCellInt(s.name, cell, int64(n)); err != nil {
		s.fail(fmt.Errorf("写入工作表“%s”单元格 %s：%w", s.name, cell, err))
	}
}

// putChoice writes an answer into cell (r, c) and offers the two answers
// in a drop-down list, so that the cell cannot be given a third.
func (s *sheet) putChoice(r, c int, text string, answers [2]string, l look) {
	s.put(r, c, r, c, text, l)
	cell, _ := excelize.CoordinatesToCellName(c, r)
	s.choices[answers] = append(s.choices[answers], cell)
}

// addChoices adds the drop-down lists of the answer cells.
func (s *sheet) addChoices() error {
	keys := make([][2]string, 0, len(s.choices))
	for k := range s.choices {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(s.choices[k], " ")
		if err := dv.SetDropList(k[:]); err != nil {
			return fmt.Errorf("工作表“%s”答案下拉列表：%w", s.name, err)
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "答案只能二选一", "请从下拉列表中选择："+k[0]+" 或 "+k[1])
		if err := s.b.x.AddDataValidation(s.name, dv); err != nil {
			return fmt.Errorf("工作表“%s”答案下拉列表：%w", s.name, err)
		}
	}
	return nil
}

// atLeast makes row r at least pt points tall.
func (s *sheet) atLeast(r int, pt float64) {
	if pt > s.minPt[r] {
		s.minPt[r] = pt
	}
}

// chunkPt is the most height a row of a long text is given: well below
// the tallest row a spreadsheet allows, so that pages break between rows
// without leaving much of a page empty.
const chunkPt = 200.0

// linesPerRow is how many lines of text in l one row of a long text holds.
func linesPerRow(l look) int {
	return max(1, int((chunkPt-rowPadPt)/(l.size*lineFactor)))
}

// chunks splits a text into pieces that each fit in one row of columns
// c1..c2, so that a long text is never cut off by the row height limit.
// Pieces end at a paragraph's or a sentence's end; only a sentence longer
// than a row is cut at a line end.
func (s *sheet) chunks(text string, c1, c2 int, l look) []string {
	text = cellText(text)
	width := s.lineWidthEm(c1, c2, l)
	per := linesPerRow(l)
	if len(wrapLinesKeepingBreaks(text, width)) <= per {
		return []string{text}
	}
	var out []string
	cur := ""
	flush := func() {
		if t := strings.TrimRight(cur, "\n"); t != "" {
			out = append(out, t)
		}
		cur = ""
	}
	for _, sent := range sentences(text) {
		if n := len(wrapLinesKeepingBreaks(cur+sent, width)); n <= per {
			cur += sent
			continue
		}
		flush()
		lines := wrapLinesKeepingBreaks(sent, width)
		for len(lines) > per {
			out = append(out, strings.TrimRight(strings.Join(lines[:per], ""), "\n"))
			lines = lines[per:]
		}
		cur = strings.Join(lines, "")
	}
	flush()
	return out
}

// sentences cuts a text after each sentence end (。！？； and their
// closing quotes or brackets) and each line break; joined, the pieces give
// back the text.
func sentences(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '。', '！', '？', '；', '!', '?', '\n':
			j := i + 1
			for j < len(rs) && strings.ContainsRune("”’」』）)】》\n", rs[j]) {
				j++
			}
			out = append(out, string(rs[start:j]))
			start = j
			i = j - 1
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

// wrapLinesKeepingBreaks is wrapLines with each paragraph's last line
// ending in "\n", so that joining the lines gives back the text.
func wrapLinesKeepingBreaks(text string, width float64) []string {
	var out []string
	paras := strings.Split(text, "\n")
	for i, p := range paras {
		ls := wrapParagraph(p, width)
		if i < len(paras)-1 {
			ls[len(ls)-1] += "\n"
		}
		out = append(out, ls...)
	}
	return out
}

// finish sets the row heights: every row as tall as its tallest cell, and
// the rows under a multi-row cell together as tall as that cell's text.
func (s *sheet) finish() error {
	if s.err != nil {
		return s.err
	}
	if err := s.addChoices(); err != nil {
		return err
	}
	def := heightFor(1, lookText)
	h := func(r int) float64 {
		if v, ok := s.minPt[r]; ok {
			return v
		}
		return def
	}
	for _, sp := range s.spans {
		sum := 0.0
		for r := sp.top; r <= sp.bottom; r++ {
			sum += h(r)
		}
		if sum < sp.need {
			extra := (sp.need - sum) / float64(sp.bottom-sp.top+1)
			for r := sp.top; r <= sp.bottom; r++ {
				s.minPt[r] = h(r) + extra
			}
		}
	}
	heights := make([]float64, s.row+1)
	for r := 1; r <= s.row; r++ {
		pt := math.Min(math.Ceil(h(r)*4)/4, maxRowPt)
		heights[r] = pt
		if err := s.b.x.SetRowHeight(s.name, r, pt); err != nil {
			return fmt.Errorf("设置工作表“%s”第 %d 行行高：%w", s.name, r, err)
		}
	}
	for _, r := range s.paginate(heights) {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := s.b.x.InsertPageBreak(s.name, cell); err != nil {
			return fmt.Errorf("工作表“%s”第 %d 行前分页：%w", s.name, r, err)
		}
	}
	return nil
}

// pagePt is the height of the printed area of an A4 page in points, a
// little less than the page between its margins so that a spreadsheet's
// rounding never pushes a row over.
const pagePt = (11.69-marginTopIn-marginBotIn)*72 - 8

// paginate lays the rows out on pages as a spreadsheet prints them (each
// row whole, the title rows repeated on every page) and returns the rows
// that must start a page so that each keep range is printed on one page:
// signature blocks never stand alone on a page, the last form rows move
// with them.
func (s *sheet) paginate(heights []float64) []int {
	if len(s.keeps) == 0 {
		return nil
	}
	title := 0.0
	if s.titleFirst > 0 {
		for r := s.titleFirst; r <= s.titleLast && r < len(heights); r++ {
			title += heights[r]
		}
	}
	span := func(a, b int) float64 {
		t := 0.0
		for r := a; r <= b && r < len(heights); r++ {
			t += heights[r]
		}
		return t
	}
	var breaks []int
	y := 0.0
	alt := map[int]int{} // alternative start → end of its range
	for r := 1; r < len(heights); r++ {
		for _, k := range s.keeps {
			start, end := 0, 0
			switch {
			case r == k.from:
				start, end = k.from, k.to
			case alt[r] > 0:
				start, end = r, alt[r]
			default:
				continue
			}
			need := span(start, end)
			if title+need > pagePt {
				if start == k.from && k.alt > k.from {
					alt[k.alt] = k.to
				}
				continue
			}
			if y+need > pagePt && y > title {
				breaks = append(breaks, r)
				y = title
			}
		}
		if y+heights[r] > pagePt && y > title {
			y = title
		}
		y += heights[r]
	}
	return breaks
}
