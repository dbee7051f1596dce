package pdf

import (
	"fmt"
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

	section int
	// headings are the numbered section headings, in order.
	headings []string
	// inTable holds the text sections printed in the form's optional rows,
	// which are not repeated as sections of their own.
	inTable map[string]bool
}

// draw lays out (and, on a drawing canvas, draws) the whole report.
func (r *report) draw(c *canvas, progress func(float64)) {
	r.section = 0
	r.headings = nil
	r.inTable = map[string]bool{}
	c.setSize(sizeBody)
	c.setGray(0)
	running := strings.TrimSpace(formtext.OrgName(r.f) + "　" + r.ed.Title)
	c.onNewPage = func() {
		if c.page == 1 {
			return
		}
		c.setSize(sizeSmall)
		c.setGray(0.3)
		c.textLines(marginLeft, marginTop-9, contentW, []string{running}, 'L')
		c.textLines(marginLeft, marginTop-9, contentW, []string{r.f.AcademicYear}, 'R')
		c.setGray(0)
	}
	r.heading(c)
	r.selfAssessment(c)
	progress(0.15)
	r.college(c)
	progress(0.2)
	r.roster(c, func(p float64) { progress(0.2 + 0.6*p) })
	r.chart(c)
	r.congress(c)
	r.guidance(c)
	progress(0.85)
	r.texts(c)
	r.signatures(c)
	progress(1)
}

// metadata is the document information: title, subject, author.
func (r *report) metadata() metadata {
	return metadata{
		title:    strings.TrimSpace(formtext.OrgName(r.f) + " " + r.ed.Title),
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

// heading starts a numbered section, keeping it on a page with at least
// keep mm of what follows.
func (r *report) heading(c *canvas) {
	c.newPage()
	c.setSize(sizeTitle)
	lines := c.wrap(r.ed.Title, contentW)
	c.bold = true
	c.textLines(marginLeft, c.y, contentW, lines, 'C')
	c.bold = false
	c.y += float64(len(lines))*c.lineH() + 1
	c.setSize(sizeBody)
	sub := strings.TrimSpace(r.ed.Name)
	if r.f.AcademicYear != "" {
		sub += "　" + r.f.AcademicYear
	}
	c.setGray(0.25)
	lines = c.wrap(sub, contentW)
	c.textLines(marginLeft, c.y, contentW, lines, 'C')
	c.setGray(0)
	c.y += float64(len(lines))*c.lineH() + 4

	var fields []string
	if !r.ed.HasHeader(forms.HeaderOrgName) {
		fields = append(fields, "学校："+strings.TrimSpace(r.f.School)+"　　"+
			formtext.Box(r.f.OrgType != forms.OrgGraduateUnion, forms.OrgStudentUnion)+"/"+
			formtext.Box(r.f.OrgType == forms.OrgGraduateUnion, forms.OrgGraduateUnion))
	}
	for _, h := range r.ed.HeaderFields {
		fields = append(fields, formtext.HeaderField(r.f, h))
	}
	var tail []string
	if r.f.AcademicYear != "" {
		tail = append(tail, "学年："+r.f.AcademicYear)
	}
	if !r.f.FilingDate.IsZero() {
		tail = append(tail, "填报日期："+r.f.FilingDate.Chinese())
	}
	if len(tail) > 0 {
		fields = append(fields, strings.Join(tail, "　　"))
	}
	for _, fl := range fields {
		lines := c.wrap(fl, contentW)
		c.need(float64(len(lines)) * c.lineH())
		c.textLines(marginLeft, c.y, contentW, lines, 'L')
		c.y += float64(len(lines)) * c.lineH()
	}
	c.y += 3
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

// subHeading is an unnumbered heading inside a section.
func (r *report) subHeading(c *canvas, title string, keep float64) {
	c.setSize(sizeSub)
	lines := c.wrap(title, contentW)
	h := float64(len(lines))*c.lineH() + 1
	c.y += 2
	c.need(h + keep)
	c.textLines(marginLeft, c.y, contentW, lines, 'L')
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

// selfAssessment draws the form's answered sections as on the official
// form, then its optional rows.
func (r *report) selfAssessment(c *canvas) {
	cols := []float64{22, 84, 36, 32}
	first := true
	for si := range r.ed.Sections {
		sec := &r.ed.Sections[si]
		if sec.Kind != forms.SectionAnswers {
			continue
		}
		title := sec.Title
		if strings.TrimSpace(title) == "" {
			title = "评估备案表"
		}
		r.sectionHeading(c, title, 30)
		t := &table{cols: cols, size: sizeTable, header: [][]cell{{
			{text: sec.Columns[0], span: 2, align: 'C', head: true},
			{text: sec.Columns[1], align: 'C', head: true},
			{text: sec.Columns[2], align: 'C', head: true},
		}}}
		answer := func(id string) []cell {
			return []cell{
				{text: formtext.Choice(r.f.Answers[id].Met, sec.Answers[0], sec.Answers[1], " "), align: 'C'},
				{text: r.d.NoteFor(r.f, id)},
			}
		}
		for _, it := range sec.Items {
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
		if first {
			for _, title := range r.ed.OptionalRows {
				key := formtext.OptionalKey(title)
				r.inTable[key] = true
				c.row(t, []cell{{text: title, align: 'C'}, {text: formtext.OptionalValue(r.f, key), span: 3}}, 12)
			}
			first = false
		}
		if strings.TrimSpace(r.ed.Legend) != "" {
			c.setSize(sizeSmall)
			c.y += 1
			r.paragraph(c, r.ed.Legend, 'L')
		}
	}
}

// college draws the college-level section (counts) and its matrix, for
// editions that have one.
func (r *report) college(c *canvas) {
	sec := r.ed.CollegeSection()
	if sec == nil {
		return
	}
	r.sectionHeading(c, sec.Title, 30)
	t := &table{cols: []float64{110, 34, 30}, size: sizeTable, header: [][]cell{{
		{text: sec.Columns[0], align: 'C', head: true},
		{text: sec.Columns[1], align: 'C', head: true},
		{text: sec.Columns[2], align: 'C', head: true},
	}}}
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

	title := sec.MatrixTitle
	if strings.TrimSpace(title) == "" {
		title = "具体情况"
	}
	r.subHeading(c, title, 25)
	colW := min(10.0, (contentW-34)/float64(len(items)))
	cols := []float64{contentW - colW*float64(len(items))}
	nums := []cell{{text: "", head: true}}
	for _, it := range items {
		cols = append(cols, colW)
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
	m := &table{cols: cols, size: msize, header: [][]cell{
		{{text: mc[0], align: 'C', head: true}, {text: mc[1], span: len(items), align: 'C', head: true}},
		nums,
	}}
	if len(r.f.CollegeUnions) == 0 {
		c.row(m, []cell{{text: "（未填写二级学生会组织）", span: len(items) + 1, align: 'C'}}, 0)
	}
	for _, u := range r.f.CollegeUnions {
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
		c.row(m, row, 0)
	}
}

// rankText is a member's rank as the report prints it: as the roster
// writes it, or why there is none (新生, 研究生).
func rankText(m *forms.Member) string {
	if t := formtext.Rank(m); t != "" {
		return t
	}
	switch {
	case m.IsFirstYear():
		return "新生"
	case m.Level == forms.LevelGraduate:
		return "研究生"
	}
	return ""
}

// rosterColumns are the roster's column titles and widths.
var rosterColumns = []struct {
	title string
	w     float64
}{
	{"序号", 9}, {"姓名", 19}, {"政治面貌", 16}, {"院系", 24}, {"年级", 13},
	{"学习成绩排名", 15}, {"不及格", 11}, {"工作经历", 29}, {"职务", 18}, {"部门", 20},
}

// roster draws the school-level roster: one row per member, never split,
// with the header on every page.
func (r *report) roster(c *canvas, progress func(float64)) {
	r.sectionHeading(c, "校级组织工作人员名单", 25)
	window := ""
	for i := range r.f.Members {
		w := r.f.Members[i].RankWindow
		if i > 0 && w != window {
			window = ""
			break
		}
		window = w
	}
	c.setSize(sizeSmall)
	note := fmt.Sprintf("共 %d 人。", len(r.f.Members))
	if window != "" {
		note += "学习成绩排名为" + window + "综合排名（名次/专业人数）。"
	} else {
		note += "学习成绩排名写作名次/专业人数；一年级新生、研究生不需填写。"
	}
	r.paragraph(c, note, 'L')
	c.y += 1

	t := &table{size: sizeRoster}
	var head []cell
	for _, col := range rosterColumns {
		t.cols = append(t.cols, col.w)
		head = append(head, cell{text: col.title, align: 'C', head: true})
	}
	t.header = [][]cell{head}
	if len(r.f.Members) == 0 {
		c.row(t, []cell{{text: "（名单为空）", span: len(rosterColumns), align: 'C'}}, 0)
	}
	for i := range r.f.Members {
		m := &r.f.Members[i]
		c.row(t, []cell{
			{text: strconv.Itoa(i + 1), align: 'C'},
			{text: m.Name},
			{text: m.PoliticalStatus},
			{text: m.College},
			{text: formtext.Grade(m), align: 'C'},
			{text: rankText(m), align: 'C'},
			{text: formtext.YesNo(m.Failed), align: 'C'},
			{text: m.Experience},
			{text: m.Position},
			{text: m.Department},
		}, 0)
		if i%200 == 199 {
			progress(float64(i+1) / float64(len(r.f.Members)))
		}
	}
	progress(1)
}

// congress draws the student congress, with ratios computed from counts.
func (r *report) congress(c *canvas) {
	r.sectionHeading(c, "校级学生（研究生）代表大会召开情况", 30)
	cg := r.f.Congress
	count := func(n *int, unit string) string {
		if n == nil {
			return "未填写"
		}
		return strconv.Itoa(*n) + " " + unit
	}
	share := func(num *int, ratio *forms.Ratio, of string) string {
		s := count(num, "人")
		if ratio != nil && ratio.Den > 0 {
			s += fmt.Sprintf("，占%s的 %s（%d÷%d）", of, ratio.String(), ratio.Num, ratio.Den)
		}
		return s
	}
	var rows [][2]string
	add := func(k, v string) { rows = append(rows, [2]string{k, v}) }
	if s := strings.TrimSpace(cg.Session); s != "" {
		add("会议", s)
	}
	date := "未填写"
	if !cg.Date.IsZero() {
		date = cg.Date.Chinese()
		if cg.Planned {
			date = "拟定为" + date + "（尚未召开）"
		}
	}
	add("召开日期", date)
	if p := strings.TrimSpace(cg.Place); p != "" {
		add("地点", p)
	}
	add("学生人数", count(r.f.Students, "人"))
	add("代表人数", share(cg.Delegates, r.d.DelegateShare, "学生人数"))
	if cg.NonCadreDelegates != nil {
		add("非学生会组织骨干代表", share(cg.NonCadreDelegates, r.d.NonCadreShare, "代表"))
	}
	if cg.Present != nil {
		add("出席代表", share(cg.Present, r.d.Quorum, "代表"))
	}
	if cg.DelegateCandidates != nil {
		add("代表候选人", count(cg.DelegateCandidates, "人"))
	}
	if cg.PresidiumSeats != nil || cg.PresidiumCandidates != nil || cg.Contested != nil {
		var parts []string
		if cg.PresidiumSeats != nil {
			parts = append(parts, fmt.Sprintf("应选 %d 人", *cg.PresidiumSeats))
		}
		if cg.PresidiumCandidates != nil {
			parts = append(parts, fmt.Sprintf("候选人 %d 人", *cg.PresidiumCandidates))
		}
		if cg.Contested != nil {
			if *cg.Contested {
				parts = append(parts, "差额选举")
			} else {
				parts = append(parts, "等额选举")
			}
		}
		if cr := r.d.CandidateRatio; cr != nil && cr.Den > 0 && cr.Num > cr.Den {
			excess := forms.Ratio{Num: cr.Num - cr.Den, Den: cr.Den}
			parts = append(parts, "候选人多于应选人数 "+excess.String())
		}
		add("主席团选举", strings.Join(parts, "，"))
	}
	if len(cg.SeatsByCollege) > 0 {
		var parts []string
		total := 0
		for _, s := range cg.SeatsByCollege {
			parts = append(parts, fmt.Sprintf("%s %d 名", s.College, s.Seats))
			total += s.Seats
		}
		add("各院系代表名额", strings.Join(parts, "、")+fmt.Sprintf("，合计 %d 名", total))
	}
	t := &table{cols: []float64{40, contentW - 40}, size: sizeTable}
	for _, kv := range rows {
		c.row(t, []cell{{text: kv[0], align: 'C', head: true}, {text: kv[1]}}, 0)
	}
}

// guidance draws the 指导责任人 table.
func (r *report) guidance(c *canvas) {
	r.sectionHeading(c, "指导责任人", 25)
	t := &table{cols: []float64{12, 64, 30, 30, 38}, size: sizeTable, header: [][]cell{{
		{text: "序号", align: 'C', head: true},
		{text: "职务", align: 'C', head: true},
		{text: "姓名", align: 'C', head: true},
		{text: "是否专职团干", align: 'C', head: true},
		{text: "备注", align: 'C', head: true},
	}}}
	g := r.f.Guidance
	for i, row := range []struct {
		title string
		guide forms.Guide
	}{
		{"分管学生会组织的校团委副书记", g.DeputySecretary},
		{"学生会组织秘书长", g.SecretaryGeneral},
	} {
		c.row(t, []cell{
			{text: strconv.Itoa(i + 1), align: 'C'},
			{text: row.title},
			{text: row.guide.Name, align: 'C'},
			{text: formtext.YesNo(row.guide.FullTime), align: 'C'},
			{text: row.guide.Note},
		}, 0)
	}
}

// texts draws the free-text sections the form's optional rows did not show.
func (r *report) texts(c *canvas) {
	for _, ts := range forms.TextSections {
		if r.inTable[ts.Key] {
			continue
		}
		text := strings.TrimSpace(*ts.Get(&r.f.Texts))
		if text == "" {
			continue
		}
		r.sectionHeading(c, ts.Title, 15)
		c.setSize(sizeBody)
		r.paragraph(c, text, 'L')
	}
}

// signatures draws the signature and stamp blocks of the form, each with
// room for a 42 mm round stamp and kept on one page.
func (r *report) signatures(c *canvas) {
	if len(r.ed.Signatures) == 0 {
		return
	}
	r.sectionHeading(c, "评估意见与签章", 60)
	const (
		labelW = 30.0
		// blockH leaves a 42 mm round stamp room inside the frame between
		// the first line and the bottom, over 盖章 and the date as stamps
		// are placed.
		blockH = 62.0
	)
	for i, sig := range r.ed.Signatures {
		var first string
		var lines []string
		switch sig.Kind {
		case forms.SignatureOpinion:
			accepts := r.f.Opinions.UnionAccepts
			if strings.Contains(sig.Title, "团委") || (i > 0 && !strings.Contains(sig.Title, "学生会")) {
				accepts = r.f.Opinions.LeagueAccepts
			}
			first = "对评估意见是否认可：" + formtext.Choice(accepts, "认可", "不认可", "　")
			lines = []string{"盖章：　　　　　　　　", "年　　月　　日"}
		case forms.SignatureConclusion:
			first = formtext.Choice(nil, "通过", "未通过", "　　")
			lines = []string{"工作组：　　　　　　　　", "负责人签字：　　　　　　　　", "年　　月　　日"}
		}
		c.setSize(sizeBody)
		c.need(blockH)
		x, y := marginLeft, c.y
		c.rect(x, y, labelW, blockH, "D")
		c.rect(x+labelW, y, contentW-labelW, blockH, "D")
		lab := c.wrap(sig.Title, labelW-2*padX)
		c.textLines(x+padX, y+(blockH-float64(len(lab))*c.lineH())/2, labelW-2*padX, lab, 'C')
		bx, bw := x+labelW+3, contentW-labelW-6
		c.textLines(bx, y+3, bw, c.wrap(first, bw), 'L')
		lh := c.lineH() + 2
		for j, l := range lines {
			ly := y + blockH - 3 - float64(len(lines)-j)*lh
			c.textLines(bx, ly, bw, []string{l}, 'R')
		}
		c.y = y + blockH
	}
}
