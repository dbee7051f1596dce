package formtemplate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"sureform/forms"
)

var (
	// itemStart matches a numbered item: 1. 坚持…, 1★. 坚持…, 11 .按期…,
	// 3、工作人员…, （4）主席团…, with a marker before or after the dot.
	itemStart = regexp.MustCompile(`^[（(]?\s*(\d{1,2})\s*([★▲]?)\s*(?:[)）]|[.．、])\s*([★▲]?)\s*(\S.*)$`)
	// bareNumber is a cell holding only an item's number (1, 2★, 3.).
	bareNumber = regexp.MustCompile(`^(\d{1,2})\s*([★▲]?)\s*[.．、]?$`)
	// academicYear matches 2024—2025学年 in any dash style.
	academicYear = regexp.MustCompile(`(\d{4})\s*[—–\-－~～至]+\s*(\d{4})\s*学年`)
	// sinceDate matches the 2020 wording 2019年10月以来召开.
	sinceDate = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月以来`)
	// enumerator is a heading's leading （一）, 一、, (二).
	enumerator = regexp.MustCompile(`^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])\s*`)
	// boxes are the check boxes and tick glyphs around answer words, with
	// what Wingdings ticks become when copied (R, £, S, T, þ, ü, ¨, and the
	// “(” of a PDF's extracted text).
	boxes = strings.NewReplacer("☑", "", "□", "", "■", "", "☐", "", "☒", "", "✓", "", "✔", "", "√", "",
		"○", "", "●", "", "◻", "", "◼", "", "R", "", "£", "", "S", "", "T", "", "þ", "", "ü", "", "¨", "", "(", "", "（", "",
		"/", "", "／", "", "、", "", " ", "", "\u3000", "")
)

// parser walks a template's cells in reading order.
type parser struct {
	ed      *forms.Edition
	sec     *forms.Section
	item    *draft
	words   [][]string // the answer words offered, per section
	columns int        // cells still to take as column titles
	footer  bool
	matrix  bool
	pending string // a number read in a cell of its own
	seen    bool   // a section or item has begun
}

// draft is an item being read: its number, marker and rows (one row, or a
// group title and its parts).
type draft struct {
	number, marker string
	rows           []*row
	// unnumbered marks an item whose number was lost (a PDF's extracted
	// text drops some); it is kept only when an answer follows its text.
	unnumbered bool
}

type row struct {
	text, note string
	answered   bool
}

func parse(toks []token) (*forms.Edition, error) {
	p := &parser{ed: &forms.Edition{}}
	for _, t := range toks {
		p.cell(t.text)
	}
	p.endItem()
	// Keep the sections that are tables: numbered items under column
	// titles or with answer boxes. A heading with nothing under it (the
	// disclosure's own title) or numbered prose after the form is dropped.
	var kept []forms.Section
	for si, s := range p.ed.Sections {
		if len(s.Items) == 0 || (len(s.Columns) == 0 && len(p.words[si]) == 0) {
			continue
		}
		s.Answers = answerPair(p.words[si])
		kept = append(kept, s)
	}
	p.ed.Sections = kept
	if len(kept) == 0 {
		return nil, errNoItems
	}
	for si := range p.ed.Sections {
		numberLost(&p.ed.Sections[si])
	}
	assignIDs(p.ed)
	for _, s := range p.ed.Sections {
		for _, it := range s.Items {
			if m := sinceDate.FindStringSubmatch(it.Text); m != nil && strings.Contains(it.Text, "代表大会") {
				mo, _ := strconv.Atoi(m[2])
				p.ed.CongressRule, p.ed.CongressSince = forms.CongressSince, fmt.Sprintf("%s-%02d-01", m[1], mo)
			}
			for _, r := range append([]forms.Item{it}, it.Parts...) {
				if r.Note == forms.NoteSatisfactionUnion || r.Note == forms.NoteSatisfactionStaff {
					p.ed.Satisfaction = true
				}
			}
		}
	}
	return p.ed, nil
}

func (p *parser) cell(text string) {
	ed := p.ed
	// A number in a cell of its own (a 序号 column) numbers the text that
	// follows it.
	if n := p.pending; n != "" {
		p.pending = ""
		if hasHan(text) && answerWords(text) == nil && noteKind(text, "") == "" && !itemStart.MatchString(text) &&
			!isSectionTitle(text) && utf8.RuneCountInString(text) > 4 {
			text = n + ". " + text
		}
	}
	if m := bareNumber.FindStringSubmatch(text); m != nil && p.seen && !p.matrix && p.columns == 0 {
		p.pending = m[1] + m[2]
		return
	}
	if ed.AcademicYear == "" {
		if m := academicYear.FindStringSubmatch(text); m != nil {
			ed.AcademicYear = m[1] + "—" + m[2] + "学年"
		}
	}
	if p.columns > 0 && p.sec != nil {
		p.sec.Columns = append(p.sec.Columns, text)
		p.columns--
		if strings.Contains(text, "数量") {
			p.sec.Kind = forms.SectionCounts
		}
		return
	}
	switch {
	case strings.Contains(text, "标注") && strings.ContainsAny(text, "★▲"):
		ed.Legend = strings.TrimSpace(text)
		return
	case text == "指标" || text == "项目":
		p.endItem()
		if p.sec == nil || len(p.sec.Items) > 0 {
			p.newSection("")
		}
		p.sec.Columns = []string{text}
		p.columns = 2
		p.matrix = false
		return
	case text == "具体情况":
		p.endItem()
		p.matrix = true
		if p.sec != nil {
			p.sec.MatrixTitle = text
		}
		return
	case isSignature(text) && p.seen:
		p.endItem()
		kind := forms.SignatureOpinion
		if strings.HasSuffix(text, "结论") {
			kind = forms.SignatureConclusion
		}
		ed.Signatures = append(ed.Signatures, forms.Signature{Title: text, Kind: kind})
		p.footer = true
		return
	case isOptionalRow(text) && p.seen:
		p.endItem()
		ed.OptionalRows = append(ed.OptionalRows, strings.ReplaceAll(strings.ReplaceAll(text, "(选填)", "（选填）"), " ", ""))
		return
	case !p.seen && p.header(text):
		return
	case isSectionTitle(text):
		p.endItem()
		p.newSection(enumerator.ReplaceAllString(text, ""))
		p.matrix, p.footer = false, false
		return
	}
	if p.footer {
		return
	}
	if m := itemStart.FindStringSubmatch(text); m != nil && !p.matrix && hasHan(m[4]) {
		p.endItem()
		if p.sec == nil {
			p.newSection("")
		}
		marker := m[2] + m[3]
		body := strings.TrimSpace(m[4])
		for _, mk := range []string{forms.MarkerCore, forms.MarkerObserved} {
			if strings.HasPrefix(body, mk) || strings.HasSuffix(body, mk) {
				marker = mk
				body = strings.TrimSpace(strings.Trim(body, mk))
			}
		}
		if len(marker) > len(forms.MarkerCore) {
			marker = marker[:len(forms.MarkerCore)]
		}
		p.item = &draft{number: m[1], marker: marker, rows: []*row{{text: body, answered: p.sec.Kind == forms.SectionCounts}}}
		p.seen = true
		return
	}
	if p.matrix || p.item == nil {
		if !p.seen && ed.Title == "" && strings.Contains(text, "表") && utf8.RuneCountInString(text) <= 40 {
			ed.Title = strings.TrimSpace(enumerator.ReplaceAllString(academicYear.ReplaceAllString(text, ""), ""))
		}
		return
	}
	p.itemCell(text)
}

// itemCell adds a cell to the item being read: an answer, a 备注, more of
// the item's text, or the text of another part.
func (p *parser) itemCell(text string) {
	cur := p.item.rows[len(p.item.rows)-1]
	if words := answerWords(text); words != nil {
		n := len(p.ed.Sections) - 1
		p.words[n] = append(p.words[n], words...)
		cur.answered = true
		return
	}
	if isCount(text) && p.sec.Kind == forms.SectionCounts {
		return
	}
	grouped := len(p.item.rows) > 1
	switch {
	case noteKind(text, cur.text) != "":
		cur.note = joinText(cur.note, text)
	case cur.answered && grouped:
		p.item.rows = append(p.item.rows, &row{text: text, answered: p.sec.Kind == forms.SectionCounts})
	case cur.answered && p.sec.Kind == forms.SectionAnswers && looksLikeItem(text):
		// an item whose number was lost: kept if an answer follows
		p.endItem()
		p.item = &draft{unnumbered: true, rows: []*row{{text: text}}}
	case cur.answered:
		cur.note = joinText(cur.note, text)
	case !grouped && utf8.RuneCountInString(cur.text) <= 12 && !strings.ContainsAny(cur.text, "。，；") && strings.ContainsAny(text, "。，；"):
		// a short group title (机构和人员规模) and its first part
		p.item.rows = append(p.item.rows, &row{text: text})
	default:
		cur.text = joinText(cur.text, text)
	}
}

func joinText(a, b string) string {
	if a == "" {
		return b
	}
	return a + b
}

// endItem adds the item being read to its section.
func (p *parser) endItem() {
	d := p.item
	if d == nil {
		return
	}
	p.item = nil
	if d.unnumbered && !d.rows[0].answered {
		return // the 备注 of the item before, not an item
	}
	it := forms.Item{Number: d.number, Marker: d.marker}
	rows := d.rows
	if len(rows) > 1 && !rows[0].answered {
		it.Text = rows[0].text
		for _, r := range rows[1:] {
			it.Parts = append(it.Parts, forms.Item{Text: r.text, Note: noteOf(r.note, r.text)})
		}
	} else {
		it.Text = rows[0].text
		note := rows[0].note
		for _, r := range rows[1:] {
			note = joinText(note, r.text+r.note)
		}
		it.Note = noteOf(note, it.Text)
	}
	p.sec.Items = append(p.sec.Items, it)
}

// noteOf is the note kind of a 备注: guessed from its text, NoteFree for
// any other text, none when blank.
func noteOf(note, itemText string) string {
	if k := noteKind(note, itemText); k != forms.NoteNone || strings.TrimSpace(note) == "" {
		return k
	}
	return forms.NoteFree
}

// assignIDs names the sections and items as the shipped editions do: the
// first yes/no section "school" with items by number, the first counts
// section "college" with items c1, c2, …, parts 3.1, 3.2; other sections
// s3, s4 with items s3-1, ….
func assignIDs(ed *forms.Edition) {
	school, college := false, false
	for si := range ed.Sections {
		s := &ed.Sections[si]
		prefix := ""
		switch {
		case s.Kind == forms.SectionAnswers && !school:
			s.ID, school = "school", true
		case s.Kind == forms.SectionCounts && !college:
			s.ID, college, prefix = "college", true, "c"
		default:
			s.ID = fmt.Sprintf("s%d", si+1)
			prefix = s.ID + "-"
		}
		taken := map[string]bool{}
		unique := func(id string) string {
			c := id
			for n := 2; taken[c]; n++ {
				c = fmt.Sprintf("%s-%d", id, n)
			}
			taken[c] = true
			return c
		}
		for ii := range s.Items {
			it := &s.Items[ii]
			base := it.Number
			if base == "" {
				base = fmt.Sprintf("u%d", ii+1) // a number that could not be recovered
			}
			it.ID = unique(prefix + base)
			for pi := range it.Parts {
				it.Parts[pi].ID = unique(fmt.Sprintf("%s.%d", it.ID, pi+1))
			}
		}
	}
}

// newSection starts a section. The first section of yes/no answers is
// "school", the first counts section "college", as in the shipped editions.
func (p *parser) newSection(title string) {
	p.endItem()
	kind := forms.SectionAnswers
	if strings.Contains(title, "二级") && len(p.ed.Sections) > 0 {
		kind = forms.SectionCounts
	}
	p.ed.Sections = append(p.ed.Sections, forms.Section{Title: title, Kind: kind})
	p.sec = &p.ed.Sections[len(p.ed.Sections)-1]
	p.words = append(p.words, nil)
	p.seen = true
}

// header takes a cell of the form's header (above its first section):
// 组织名称, 二级学生会组织数量, 省级核查, 自评公开链接, or the form's title.
func (p *parser) header(text string) bool {
	add := func(f string) bool {
		if !p.ed.HasHeader(f) {
			p.ed.HeaderFields = append(p.ed.HeaderFields, f)
		}
		return true
	}
	switch {
	case strings.Contains(text, "组织名称"):
		return add(forms.HeaderOrgName)
	case strings.Contains(text, "二级学生会组织") && strings.Contains(text, "数量"):
		return add(forms.HeaderCollegeCount)
	case strings.Contains(text, "核查"):
		return add(forms.HeaderProvincialReview)
	case strings.Contains(text, "自评公开链接"):
		return add(forms.HeaderPublicURL)
	}
	return false
}

func isSectionTitle(text string) bool {
	t := enumerator.ReplaceAllString(text, "")
	if itemStart.MatchString(t) && !strings.HasPrefix(strings.TrimSpace(text), "（") && !strings.HasPrefix(strings.TrimSpace(text), "(") {
		return false
	}
	if utf8.RuneCountInString(t) > 80 || !strings.Contains(t, "学生会") {
		return false
	}
	return strings.HasSuffix(t, "自评表") || strings.HasSuffix(t, "自评") || strings.HasSuffix(t, "情况")
}

func isSignature(text string) bool {
	n := utf8.RuneCountInString(text)
	return n <= 12 && (strings.HasSuffix(text, "组织意见") || strings.HasSuffix(text, "团委意见") || text == "评估结论")
}

func isOptionalRow(text string) bool {
	return text == "自评公开链接" || (strings.HasSuffix(text, "（选填）") || strings.HasSuffix(text, "(选填)")) && utf8.RuneCountInString(text) <= 30
}

// answerWords returns the answer words a cell offers (☑是 □否 → 是, 否;
// □达标 □未达标 → 达标, 未达标), or nil when the cell is not an answer.
func answerWords(text string) []string {
	t := boxes.Replace(text)
	switch t {
	case "是", "否", "达标", "未达标":
		return []string{t}
	case "是否":
		return []string{"是", "否"}
	case "达标未达标":
		return []string{"达标", "未达标"}
	}
	return nil
}

// answerPair makes the section's two answer words from those its cells
// offered, the positive first.
func answerPair(words []string) []string {
	has := map[string]bool{}
	for _, w := range words {
		has[w] = true
	}
	switch {
	case has["达标"] || has["未达标"]:
		return []string{"达标", "未达标"}
	case has["是"] || has["否"]:
		return []string{"是", "否"}
	}
	return nil
}

// isCount reports whether a cell is a bare count (a filled-in form's
// 符合标准学生会组织数量).
func isCount(text string) bool {
	_, err := strconv.Atoi(strings.TrimSpace(text))
	return err == nil
}

// noteKind guesses what a 备注 holds from its printed text (实有  人,
// 召开日期为：, 满意率为  %) and the item's wording.
func noteKind(note, itemText string) string {
	n := strings.TrimSpace(note)
	switch {
	case n == "":
		return forms.NoteNone
	case strings.Contains(n, "召开日期") || strings.Contains(n, "召开时间"):
		return forms.NoteCongressDate
	case strings.Contains(n, "满意率") || strings.Contains(n, "满意度为"):
		if strings.Contains(itemText, "工作人员") {
			return forms.NoteSatisfactionStaff
		}
		return forms.NoteSatisfactionUnion
	case strings.Contains(n, "秘书长"):
		return forms.NoteSecretaryGeneral
	case strings.Contains(n, "实有") || countNote.MatchString(n):
		switch {
		case strings.Contains(n, "个") || strings.Contains(itemText, "工作部门不超过"):
			return forms.NoteDepartmentCount
		case strings.Contains(itemText, "主席团"):
			return forms.NotePresidiumCount
		}
		return forms.NoteStaffCount
	}
	return ""
}

var countNote = regexp.MustCompile(`^\d*\s*[人个]$`)

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// looksLikeItem reports whether a cell after an answered item reads like
// the wording of another item rather than a 备注: a sentence of some
// length ending in 。 or ；.
func looksLikeItem(text string) bool {
	t := strings.TrimSpace(text)
	return utf8.RuneCountInString(t) >= 8 && (strings.HasSuffix(t, "。") || strings.HasSuffix(t, "；")) && hasHan(t)
}

// numberLost numbers the items whose numbers were lost when the items
// around them leave exactly their numbers free: 3, _, _, 6 become 3, 4,
// 5, 6; an item still without a number is numbered after the one before.
func numberLost(s *forms.Section) {
	num := func(i int) int {
		n, err := strconv.Atoi(s.Items[i].Number)
		if err != nil {
			return -1
		}
		return n
	}
	for i := 0; i < len(s.Items); i++ {
		if s.Items[i].Number != "" {
			continue
		}
		j := i
		for j < len(s.Items) && s.Items[j].Number == "" {
			j++
		}
		prev := 0
		if i > 0 {
			prev = num(i - 1)
		}
		if prev < 0 {
			continue
		}
		if j < len(s.Items) && num(j) >= 0 && num(j)-prev-1 != j-i {
			continue // the numbers around do not leave these places
		}
		for k := i; k < j; k++ {
			s.Items[k].Number = strconv.Itoa(prev + 1 + k - i)
		}
		i = j
	}
}
