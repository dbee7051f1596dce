package forms

import (
	"fmt"
	"strings"
)

// buildLabels names every answerable item for messages (第3项, 第3项（主席团人数）,
// 二级学生会组织情况第3项) and remembers each item's answer words.
func (c *checker) buildLabels() {
	c.labels = map[string]string{}
	c.words = map[string][2]string{}
	for si := range c.ed.Sections {
		s := &c.ed.Sections[si]
		prefix := ""
		if s.Kind == SectionCounts {
			prefix = s.Title
		}
		for _, it := range s.Items {
			num := it.Number
			if num == "" {
				num = it.ID
			}
			label := prefix + "第" + num + "项"
			if len(it.Parts) == 0 {
				c.labels[it.ID] = label
				c.words[it.ID] = [2]string{s.Answers[0], s.Answers[1]}
				continue
			}
			for k, p := range it.Parts {
				what := partNames[p.Note]
				if what == "" {
					what = fmt.Sprintf("第%d小项", k+1)
				}
				c.labels[p.ID] = label + "（" + what + "）"
				c.words[p.ID] = [2]string{s.Answers[0], s.Answers[1]}
			}
		}
	}
}

var partNames = map[string]string{
	NoteStaffCount:      "工作人员人数",
	NotePresidiumCount:  "主席团人数",
	NoteDepartmentCount: "工作部门数",
}

// label names an item for a message.
func (c *checker) label(id string) string {
	if l, ok := c.labels[id]; ok {
		return l
	}
	return "第" + id + "项"
}

// answerWord is the edition's word for an answer: 达标/未达标 or 是/否.
func (c *checker) answerWord(id string, met bool) string {
	w, ok := c.words[id]
	if !ok {
		w = [2]string{"是", "否"}
	}
	if met {
		return w[0]
	}
	return w[1]
}

// answers compares each answer with what the data supports and checks the
// 备注 the user typed.
func (c *checker) answers() {
	f := c.f
	problems := trimSpace(f.Texts.Problems) != ""
	known := map[string]bool{}
	for si := range c.ed.Sections {
		s := &c.ed.Sections[si]
		if s.Kind != SectionAnswers {
			for _, it := range s.Answerable() {
				known[it.ID] = true
			}
			continue
		}
		for _, it := range s.Answerable() {
			known[it.ID] = true
			c.answer(it, problems)
		}
	}
	for _, id := range sortedAnswerIDs(f.Answers) {
		if !known[id] {
			c.addItems(RuleAnswerUnknownItem, "answers["+id+"]",
				fmt.Sprintf("答案中的条目“%s”不在%s中，不会出现在表格里（可能来自其他版本的表格）", id, c.ed.Name), []string{id})
		}
	}
}

func sortedAnswerIDs(m map[string]Answer) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && comparePaths(ids[j], ids[j-1]) < 0; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	return ids
}

func (c *checker) answer(it Item, problems bool) {
	a := c.f.Answers[it.ID]
	sug := c.d.Items[it.ID]
	path := "answers[" + it.ID + "]"
	items := []string{it.ID}
	label := c.label(it.ID)
	switch {
	case a.Met == nil && sug.Met != nil:
		c.addItems(RuleAnswerSuggested, path, fmt.Sprintf("%s未作答；按数据应答“%s”：%s", label, c.answerWord(it.ID, *sug.Met), sug.Reason), items)
	case a.Met == nil:
		why := ""
		if sug.Reason != "" && it.Fact != FactNone {
			why = "（数据无法判定：" + sug.Reason + "）"
		}
		c.addItems(RuleAnswerUnanswered, path, fmt.Sprintf("%s“%s”未作答，需由学校自评%s", label, shortText(it.Text, 16), why), items)
	case sug.Met != nil && *a.Met != *sug.Met:
		c.addItems(RuleAnswerContradiction, path, fmt.Sprintf("%s答“%s”，但数据显示应为“%s”：%s",
			label, c.answerWord(it.ID, *a.Met), c.answerWord(it.ID, *sug.Met), sug.Reason), items)
	}
	note := trimSpace(a.Note)
	if a.Met != nil && !*a.Met && note == "" && !problems {
		c.addItems(RuleAnswerUnexplained, path, fmt.Sprintf("%s答“%s”，但备注和“问题不足”中都没有说明原因", label, c.answerWord(it.ID, false)), items)
	}
	if note != "" {
		c.note(it, path, label, note)
	}
}

// note checks a typed 备注 against the data it restates.
func (c *checker) note(it Item, path, label, note string) {
	items := []string{it.ID}
	d := c.d
	switch it.Note {
	case NoteStaffCount, NotePresidiumCount, NoteDepartmentCount:
		n, ok := parseNoteCount(note)
		if !ok {
			c.addItems(RuleNoteBlank, path, fmt.Sprintf("%s的备注“%s”没有填写数字", label, note), items)
			return
		}
		c.noteCount(it, path, label, note, n)
	case NoteCongressDate:
		dt, ok := parseNoteDate(note)
		cg := &c.f.Congress
		switch {
		case !ok && strings.ContainsAny(note, "0123456789０１２３４５６７８９"):
			c.addItems(RuleNoteBlank, path, fmt.Sprintf("%s的备注“%s”中的日期无法识别，请写作2021年6月3日", label, note), items)
		case !ok:
			c.addItems(RuleNoteBlank, path, fmt.Sprintf("%s的备注“%s”没有填写日期", label, note), items)
		case !cg.Date.IsZero() && dt != cg.Date:
			c.addItems(RuleNoteDate, path, fmt.Sprintf("%s的备注写召开日期%s，但学生代表大会日期为%s", label, dt.Chinese(), cg.Date.Chinese()), items)
		case cg.Planned && !strings.Contains(note, "拟"):
			c.addItems(RuleNoteDate, path, fmt.Sprintf("%s的备注“%s”写作已召开，但学生代表大会标为拟召开", label, note), items)
		case !cg.Planned && strings.Contains(note, "拟") && !cg.Date.IsZero():
			c.addItems(RuleNoteDate, path, fmt.Sprintf("%s的备注“%s”写作拟召开，但学生代表大会标为已于%s召开", label, note, cg.Date.Chinese()), items)
		}
	case NoteSecretaryGeneral:
		name := trimSpace(c.f.Guidance.SecretaryGeneral.Name)
		written := note
		if i := strings.IndexAny(note, "：:"); i >= 0 {
			written = trimSpace(strings.TrimLeft(note[i:], "：:"))
		}
		switch {
		case written == "":
			c.addItems(RuleNoteBlank, path, fmt.Sprintf("%s的备注“%s”没有填写秘书长姓名", label, note), items)
		case name != "" && !strings.Contains(note, name):
			c.addItems(RuleNoteSecretary, path, fmt.Sprintf("%s的备注“%s”与指导责任人中的秘书长%s不一致", label, note, name), items)
		}
	case NoteSatisfactionUnion, NoteSatisfactionStaff:
		r := d.SatisfactionUnion
		if it.Note == NoteSatisfactionStaff {
			r = d.SatisfactionStaff
		}
		p, ok := parseNotePercent(note)
		switch {
		case !ok:
			c.addItems(RuleNoteBlank, path, fmt.Sprintf("%s的备注“%s”没有填写满意率", label, note), items)
		case r == nil || r.Den <= 0:
			c.addItems(RuleNoteCountUnverified, path, fmt.Sprintf("%s的备注写满意率%s，但未填调查样本数和满意人数，无法核对", label, FormatPercent(p)), items)
		case !PercentMatches(p, *r):
			c.addItems(RuleNotePercent, path, fmt.Sprintf("%s的备注写满意率%s，但按调查人数计算为%d/%d = %s", label, FormatPercent(p), r.Num, r.Den, r), items)
		}
	}
}

// noteCount compares a typed 实有 N with the count derived from the roster.
// Where the roster cannot give an exact count (members without a place,
// departments only members name), a difference is a 提示, not an 错误.
func (c *checker) noteCount(it Item, path, label, note string, n int) {
	items := []string{it.ID}
	f, d := c.f, c.d
	var derived int
	var unit, what, doubt string
	switch it.Note {
	case NoteStaffCount:
		derived, unit, what = d.Staff, "人", "工作人员名单"
	case NotePresidiumCount:
		derived, unit, what = d.Presidium, "人", "名单中的主席团成员"
		unplaced := 0
		for i := range f.Members {
			if trimSpace(f.Members[i].Position) == "" && trimSpace(f.Members[i].Department) == "" {
				unplaced++
			}
		}
		if n > derived && unplaced >= n-derived {
			doubt = fmt.Sprintf("名单中%d人未填职务和部门，可能有人属于主席团", unplaced)
		}
	case NoteDepartmentCount:
		derived, unit, what = d.Departments, "个", "工作部门列表和名单中的部门"
		declared := map[string]bool{}
		for _, dp := range f.Departments {
			declared[trimSpace(dp.Name)] = true
		}
		var undeclared []string
		for _, name := range c.d.DepartmentNames {
			if !declared[name] {
				undeclared = append(undeclared, "“"+name+"”")
			}
		}
		switch {
		case len(undeclared) > 0 && len(f.Departments) > 0:
			doubt = strings.Join(undeclared, "、") + "只出现在名单中，不在工作部门列表里，可能是已有部门的其他写法"
		case n > derived && d.Unassigned > 0:
			doubt = fmt.Sprintf("名单中%d人未填所在部门", d.Unassigned)
		}
	}
	if n == derived {
		return
	}
	if doubt != "" {
		c.addItems(RuleNoteCountUnverified, path, fmt.Sprintf("%s的备注写“%s”，%s为%d%s；%s，请核对", label, note, what, derived, unit, doubt), items)
		return
	}
	c.addItems(RuleNoteCount, path, fmt.Sprintf("%s的备注写“%s”，但%s实有%d%s", label, note, what, derived, unit), items)
}

func shortText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
