package pdf

import (
	"strconv"
	"strings"

	"sureform/export/formtext"
	"sureform/forms"
)

// Font sizes, in points.
const (
	sizeTitle   = 17
	sizeHeading = 13
	sizeSub     = 11
	sizeBody    = 10.5
	sizeTable   = 10
	sizeRoster  = 8.5
	sizeSmall   = 9
)

// report lays out one filing.
type report struct {
	f  *forms.Filing
	ed *forms.Edition
	d  forms.Derived
	// review, when set, makes the document the review report of these
	// findings instead of the official report.
	review *forms.Report

	section int
	// headings are the numbered section headings, in order.
	headings []string
	// inTable holds the text sections printed in the form's optional rows,
	// which are not repeated as sections of their own.
	inTable map[string]bool
}

// draw lays out (and, on a drawing canvas, draws) the whole report: the
// official form first, then the attachments in the order the schools'
// disclosures have them.
func (r *report) draw(c *canvas, progress func(float64)) {
	r.section = 0
	r.headings = nil
	r.inTable = map[string]bool{}
	c.setSize(sizeBody)
	c.setGray(0)
	if r.review != nil {
		r.drawReview(c, progress)
		return
	}
	running := strings.TrimSpace(formtext.OrgName(r.f) + "　" + formtext.Title(r.ed))
	c.onNewPage = func() {
		if c.page == 1 {
			return
		}
		c.setSize(sizeSmall)
		c.setGray(0.3)
		c.textLines(marginLeft, marginTop-9, contentW, []string{running}, 'L')
		c.setGray(0)
	}
	r.formHead(c)
	r.form(c)
	progress(0.2)
	r.attachments(c, progress)
	progress(1)
}

// metadata is the document information: title, subject, author.
func (r *report) metadata() metadata {
	if r.review != nil {
		return metadata{
			title:    strings.TrimSpace(formtext.OrgName(r.f) + " " + ReviewTitle),
			subject:  strings.TrimSpace(r.ed.Title + " " + ReviewTitle),
			author:   strings.TrimSpace(r.f.School),
			keywords: "学生会组织深化改革 评估备案 审核",
		}
	}
	return metadata{
		title:    strings.TrimSpace(formtext.OrgName(r.f) + " " + formtext.Title(r.ed)),
		subject:  strings.TrimSpace(r.ed.Name + " " + r.f.AcademicYear),
		author:   strings.TrimSpace(r.f.School),
		keywords: "学生会组织深化改革 评估备案",
	}
}

var chineseNumerals = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// chineseNumber writes 1–99 as the numbering of headings does: 一, 十二.
func chineseNumber(n int) string {
	switch {
	case n <= 10:
		return chineseNumerals[n]
	case n < 20:
		return "十" + chineseNumerals[n-10]
	case n < 100 && n%10 == 0:
		return chineseNumerals[n/10] + "十"
	case n < 100:
		return chineseNumerals[n/10] + "十" + chineseNumerals[n%10]
	}
	return strconv.Itoa(n)
}

// formHead draws the form's title and the header fields the edition
// defines, and nothing the official form lacks.
func (r *report) formHead(c *canvas) {
	c.newPage()
	c.setSize(sizeTitle)
	lines := c.wrap(formtext.Title(r.ed), contentW)
	c.bold = true
	c.textLines(marginLeft, c.y, contentW, lines, 'C')
	c.bold = false
	c.y += float64(len(lines))*c.lineH() + 3
	c.setSize(sizeBody)

	var fields []string
	if !r.ed.HasHeader(forms.HeaderOrgName) {
		fields = append(fields, "学校："+strings.TrimSpace(r.f.School)+"　　"+
			formtext.Box(r.f.OrgType != forms.OrgGraduateUnion, forms.OrgStudentUnion)+"/"+
			formtext.Box(r.f.OrgType == forms.OrgGraduateUnion, forms.OrgGraduateUnion))
	}
	for _, h := range r.ed.HeaderFields {
		fields = append(fields, formtext.HeaderField(r.f, h))
	}
	for _, fl := range fields {
		lines := c.wrap(fl, contentW)
		c.need(float64(len(lines)) * c.lineH())
		c.textLines(marginLeft, c.y, contentW, lines, 'L')
		c.y += float64(len(lines)) * c.lineH()
	}
	c.y += 2
}

// sectionHeading starts a numbered section, kept on a page with at least
// keep mm of what follows.
func (r *report) sectionHeading(c *canvas, title string, keep float64) {
	r.section++
	c.setSize(sizeHeading)
	text := chineseNumber(r.section) + "、" + title
	r.headings = append(r.headings, text)
	lines := c.wrap(text, contentW)
	h := float64(len(lines))*c.lineH() + 2
	if c.page > 0 && c.y > contentTop+1 {
		c.y += 4
	}
	c.need(h + keep)
	c.bold = true
	c.textLines(marginLeft, c.y, contentW, lines, 'L')
	c.bold = false
	c.y += h
}

// paragraph writes wrapped text at the current size, flowing over pages.
func (r *report) paragraph(c *canvas, text string, align byte) {
	lh := c.lineH()
	for _, l := range c.wrap(text, contentW) {
		c.need(lh)
		c.textLines(marginLeft, c.y, contentW, []string{l}, align)
		c.y += lh
	}
}

// formCols are the column widths of the form: group or item number, item
// text, conclusion, 备注. An item without parts spans the first two. The
// first is wide enough for the six characters of the longest official
// label (自评公开链接, 高校团委意见) on one line.
var formCols = []float64{25, 81, 36, 32}

// Signature block geometry, in mm.
const (
	// sigBlockH leaves a 42 mm round seal room between the block's first
	// line and its bottom edge, over 盖章 and the date as seals are placed.
	sigBlockH = 50.0
	// optionalRowH is the least height of an optional row, room for a
	// line or two written by hand.
	optionalRowH = 12.0
)

// form draws the official form: its sections as one ruled table with the
// sections' captions as caption rows, then in the same table the
// edition's optional rows and its signature and stamp blocks. The optional
// rows and blocks follow the whole form (after the college-level part of
// editions that have one), and the blocks are kept on the page of the last
// form rows.
func (r *report) form(c *canvas) {
	last := -1
	for si := range r.ed.Sections {
		if k := r.ed.Sections[si].Kind; k == forms.SectionAnswers || k == forms.SectionCounts {
			last = si
		}
	}
	tail := &table{cols: formCols, size: sizeTable}
	keep := r.tailHeight(c, tail)
	for si := range r.ed.Sections {
		sec := &r.ed.Sections[si]
		k := 0.0
		if si == last {
			k = keep
		}
		switch sec.Kind {
		case forms.SectionAnswers:
			tail = r.answerSection(c, sec, k)
		case forms.SectionCounts:
			r.collegeSection(c, sec, k)
			tail = &table{cols: formCols, size: sizeTable, headerPage: c.page}
		}
	}
	r.tail(c, tail)
}

// sectionTop draws a section's caption row and, below the caption of the
// form's first section, the edition's legend (标注“★”为核心指标…), where the
// published 改革自评表 print it: above the column headings. Both are kept on
// a page with the headings and 20 mm of the section's first rows.
func (r *report) sectionTop(c *canvas, sec *forms.Section, t *table) {
	keep := c.headerHeight(t) + 20
	legend := strings.TrimSpace(r.ed.Legend)
	if legend == "" || !r.firstSection(sec) {
		r.captionRow(c, sec.Title, t.cols, keep)
		return
	}
	c.setSize(sizeTable)
	cells := c.layRow(&table{cols: t.cols, size: sizeTable}, []cell{{text: legend, span: len(t.cols), align: 'L'}})
	h := c.rowHeight(cells, 0)
	r.captionRow(c, sec.Title, t.cols, keep+h)
	c.setSize(sizeTable)
	c.need(h + keep)
	c.drawRow(cells, h, false)
}

// firstSection reports whether sec is the first table of the form.
func (r *report) firstSection(sec *forms.Section) bool {
	for i := range r.ed.Sections {
		if k := r.ed.Sections[i].Kind; k == forms.SectionAnswers || k == forms.SectionCounts {
			return &r.ed.Sections[i] == sec
		}
	}
	return false
}

// captionRow draws a section's caption as a row spanning the table, kept
// on a page with keep mm of what follows.
func (r *report) captionRow(c *canvas, title string, cols []float64, keep float64) {
	if strings.TrimSpace(title) == "" {
		return
	}
	t := &table{cols: cols, size: sizeTable}
	c.setSize(sizeTable)
	cells := c.layRow(t, []cell{{text: title, span: len(cols), align: 'C', head: true, bold: true}})
	h := c.rowHeight(cells, 0)
	c.need(h + keep)
	c.drawRow(cells, h, false)
}

// answerSection draws an answered section of the form and returns its
// table, which the optional rows and signature blocks continue. The last
// item is kept on a page with keep mm below it.
func (r *report) answerSection(c *canvas, sec *forms.Section, keep float64) *table {
	t := &table{cols: formCols, size: sizeTable, header: [][]cell{{
		{text: sec.Columns[0], span: 2, align: 'C', head: true},
		{text: sec.Columns[1], align: 'C', head: true},
		{text: sec.Columns[2], align: 'C', head: true},
	}}}
	r.sectionTop(c, sec, t)
	answer := func(id string) []cell {
		return []cell{
			{text: formtext.Choice(r.f.Answers[id].Met, sec.Answers[0], sec.Answers[1], " "), align: 'C'},
			{text: r.d.NoteFor(r.f, id)},
		}
	}
	for i, it := range sec.Items {
		if i == len(sec.Items)-1 {
			c.keepWith = keep
		}
		if len(it.Parts) == 0 {
			c.row(t, append([]cell{{text: formtext.ItemLabel(it), span: 2}}, answer(it.ID)...), 0)
			continue
		}
		var rows [][]cell
		for _, p := range it.Parts {
			rows = append(rows, append([]cell{{text: formtext.ItemLabel(p)}}, answer(p.ID)...))
		}
		c.group(t, cell{text: formtext.ItemLabel(it), align: 'C'}, rows)
	}
	c.keepWith = 0
	return t
}

// collegeSection draws the college-level part of the form: its items with
// the number of college unions meeting each, then the 具体情况 matrix. The
// last matrix row is kept on a page with keep mm below it.
func (r *report) collegeSection(c *canvas, sec *forms.Section, keep float64) {
	cols := []float64{110, 34, contentW - 144}
	t := &table{cols: cols, size: sizeTable, header: [][]cell{{
		{text: sec.Columns[0], align: 'C', head: true},
		{text: sec.Columns[1], align: 'C', head: true},
		{text: sec.Columns[2], align: 'C', head: true},
	}}}
	r.sectionTop(c, sec, t)
	items := sec.Answerable()
	for _, it := range items {
		count := ""
		if n, ok := r.f.CollegeItemCounts[it.ID]; ok {
			count = strconv.Itoa(n)
		} else if len(r.f.CollegeUnions) > 0 {
			count = strconv.Itoa(r.d.CollegeCounts[it.ID])
		}
		c.row(t, []cell{{text: formtext.ItemLabel(it)}, {text: count, align: 'C'}, {text: r.d.NoteFor(r.f, it.ID)}}, 0)
	}

	colW := min(10.0, (contentW-34)/float64(max(len(items), 1)))
	mcols := []float64{contentW - colW*float64(len(items))}
	nums := []cell{{text: "", head: true}}
	for _, it := range items {
		mcols = append(mcols, colW)
		n := it.Number
		if n == "" {
			n = it.ID
		}
		nums = append(nums, cell{text: n, align: 'C', head: true})
	}
	mc := []string{"二级学生会组织", "符合标准情况（请填写是/否）"}
	if len(sec.MatrixColumns) == 2 {
		mc = sec.MatrixColumns
	}
	msize := float64(sizeTable)
	if colW < 8 {
		msize = sizeSmall * colW / 8 // many items: keep two-digit numbers on one line
	}
	m := &table{cols: mcols, size: msize, header: [][]cell{
		{{text: mc[0], align: 'C', head: true}, {text: mc[1], span: len(items), align: 'C', head: true}},
		nums,
	}}
	title := sec.MatrixTitle
	if strings.TrimSpace(title) == "" {
		title = "具体情况"
	}
	r.captionRow(c, title, mcols, c.headerHeight(m)+8)
	if len(r.f.CollegeUnions) == 0 {
		c.keepWith = keep
		c.row(m, []cell{{text: "", span: len(items) + 1}}, 0)
	}
	for i, u := range r.f.CollegeUnions {
		row := []cell{{text: u.Name}}
		for _, it := range items {
			v := ""
			if ok, set := u.Items[it.ID]; set {
				v = sec.Answers[1]
				if ok {
					v = sec.Answers[0]
				}
			}
			row = append(row, cell{text: v, align: 'C'})
		}
		if i == len(r.f.CollegeUnions)-1 {
			c.keepWith = keep
		}
		c.row(m, row, 0)
	}
	c.keepWith = 0
}

// optionalCells are the cells of an optional row.
func (r *report) optionalCells(title string) []cell {
	return []cell{{text: title, align: 'C'}, {text: formtext.OptionalValue(r.f, formtext.OptionalKey(title)), span: 3}}
}

// tailHeight is the height of the form's optional rows and signature
// blocks, or 0 when they do not fit on one page together with a form row
// (a long optional text): then only the blocks are kept together with the
// last optional row.
func (r *report) tailHeight(c *canvas, t *table) float64 {
	c.setSize(t.size)
	h := float64(len(r.ed.Signatures)) * sigBlockH
	for _, title := range r.ed.OptionalRows {
		h += c.rowHeight(c.layRow(t, r.optionalCells(title)), optionalRowH)
	}
	if h+c.headerHeight(t)+40 > contentEnd-contentTop {
		return 0
	}
	return h
}

// tail draws the optional rows and the signature and stamp blocks in
// table t, after the form's last rows; the blocks stay together with at
// least the last optional row.
func (r *report) tail(c *canvas, t *table) {
	sigH := float64(len(r.ed.Signatures)) * sigBlockH
	for i, title := range r.ed.OptionalRows {
		r.inTable[formtext.OptionalKey(title)] = true
		if i == len(r.ed.OptionalRows)-1 {
			c.keepWith = sigH
		}
		c.row(t, r.optionalCells(title), optionalRowH)
	}
	c.keepWith = 0
	for _, sig := range r.ed.Signatures {
		r.signature(c, t, sig)
	}
}

// signature draws one signature and stamp block as a row of the form:
// its title in the first column and, across the others, the opinion or
// conclusion with room to sign, a seal and the date. A block is never
// split across pages.
func (r *report) signature(c *canvas, t *table, sig forms.Signature) {
	var first string
	var lines []string
	switch sig.Kind {
	case forms.SignatureOpinion:
		first = formtext.Opinion(formtext.OpinionAccepts(r.f, sig.Title))
		lines = []string{"盖章：　　　　　　　　", "年　　月　　日"}
	case forms.SignatureConclusion:
		first = formtext.Conclusion()
		lines = []string{"工作组：　　　　　　　　", "负责人签字：　　　　　　　　", "年　　月　　日"}
	}
	c.setSize(t.size)
	if c.need(sigBlockH) {
		t.headerPage = c.page
	}
	labelW := t.cols[0]
	x, y := marginLeft, c.y
	c.rect(x, y, labelW, sigBlockH, "D")
	c.rect(x+labelW, y, contentW-labelW, sigBlockH, "D")
	lab := c.wrap(sig.Title, labelW-2*padX)
	c.textLines(x+padX, y+(sigBlockH-float64(len(lab))*c.lineH())/2, labelW-2*padX, lab, 'C')
	bx, bw := x+labelW+3, contentW-labelW-6
	c.textLines(bx, y+3, bw, c.wrap(first, bw), 'L')
	lh := c.lineH() + 2
	for j, l := range lines {
		ly := y + sigBlockH - 3 - float64(len(lines)-j)*lh
		c.textLines(bx, ly, bw, []string{l}, 'R')
	}
	c.y = y + sigBlockH
}

// attachments draws what follows the form, in the order of the schools'
// disclosures: the charter, the organisation chart, the roster, the
// candidate method, the congress with its report, the delegate method, the
// review method, the party's guidance, the 指导责任人, then the texts the
// form's optional rows did not show. Each heading appears once.
func (r *report) attachments(c *canvas, progress func(float64)) {
	printed := map[string]bool{}
	text := func(key string) {
		printed[key] = true
		if r.inTable[key] {
			return
		}
		for _, ts := range forms.TextSections {
			if ts.Key != key {
				continue
			}
			t := strings.TrimSpace(*ts.Get(&r.f.Texts))
			if t == "" {
				return
			}
			r.sectionHeading(c, ts.Title, 15)
			c.setSize(sizeBody)
			r.paragraph(c, t, 'L')
		}
	}
	text("charter")
	r.chart(c)
	r.roster(c, func(p float64) { progress(0.2 + 0.6*p) })
	text("candidate_method")
	printed["congress_report"] = true
	r.congress(c)
	text("delegate_method")
	text("review_method")
	text("party_guidance")
	progress(0.85)
	r.guidance(c)
	for _, ts := range forms.TextSections {
		if !printed[ts.Key] {
			text(ts.Key)
		}
	}
}

// roster draws the school-level roster under the official column
// headings: one row per member, never split, with the header on every
// page.
func (r *report) roster(c *canvas, progress func(float64)) {
	r.sectionHeading(c, formtext.TitleRoster, 25)
	t := &table{size: sizeRoster, cols: rosterWidths}
	var head []cell
	for _, title := range formtext.RosterColumns {
		head = append(head, cell{text: title, align: 'C', head: true})
	}
	t.header = [][]cell{head}
	if len(r.f.Members) == 0 {
		c.row(t, []cell{{text: "", span: len(rosterWidths)}}, 0)
	}
	for i := range r.f.Members {
		row := formtext.RosterRow(i, &r.f.Members[i])
		cells := make([]cell, len(row))
		for j, v := range row {
			cells[j] = cell{text: v, align: 'C'}
		}
		cells[formtext.RosterColExperience].align = 'L'
		c.row(t, cells, 0)
		if i%200 == 199 {
			progress(float64(i+1) / float64(len(r.f.Members)))
		}
	}
	progress(1)
}

// rosterWidths are the widths of the roster's columns, in mm, in the
// order of formtext.RosterColumns.
var rosterWidths = []float64{9, 15, 15, 22, 13, 24, 14, 28, 17, 17}

// congress draws the student congress, with ratios computed from counts,
// followed by the school's own report of it.
func (r *report) congress(c *canvas) {
	r.sectionHeading(c, formtext.TitleCongress, 30)
	t := &table{cols: []float64{40, contentW - 40}, size: sizeTable}
	for _, kv := range formtext.CongressFacts(r.f, &r.d) {
		c.row(t, []cell{{text: kv[0], align: 'C', head: true}, {text: kv[1]}}, 0)
	}
	if rep := strings.TrimSpace(r.f.Texts.CongressReport); rep != "" {
		c.y += 3
		c.setSize(sizeBody)
		r.paragraph(c, rep, 'L')
	}
}

// guidance draws the 指导责任人 table under the official headings.
func (r *report) guidance(c *canvas) {
	r.sectionHeading(c, formtext.TitleGuidance, 25)
	t := &table{cols: []float64{12, 64, 30, 30, 38}, size: sizeTable}
	var head []cell
	for _, h := range formtext.GuidanceColumns {
		head = append(head, cell{text: h, align: 'C', head: true})
	}
	t.header = [][]cell{head}
	for _, row := range formtext.GuidanceRows(r.f) {
		c.row(t, []cell{
			{text: row[0], align: 'C'}, {text: row[1]}, {text: row[2], align: 'C'},
			{text: row[3], align: 'C'}, {text: row[4]},
		}, 0)
	}
}
