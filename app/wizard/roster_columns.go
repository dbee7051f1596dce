package wizard

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sureform/export/formtext"
	"sureform/forms"
)

// Cell kinds of the roster table.
const (
	cellLabel = iota
	cellEntry
	cellSelect
	cellAction
)

// rosterColumn is one column of the roster table: how a member's field is
// shown and edited.
type rosterColumn struct {
	title string
	// field is the member's JSON field name, matched against finding paths.
	field string
	kind  int
	width float32
	// options lists a select column's choices; optionsFn computes them.
	options   []string
	optionsFn func(f *forms.Filing) []string
	get       func(m *forms.Member) string
	// set stores text typed or chosen; an error leaves the member as it
	// was and is shown to the user.
	set func(m *forms.Member, s string) error
}

var yesNo = []string{"是", "否", ""}

func boolText(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "是"
	}
	return "否"
}

func parseYesNo(s string) *bool {
	switch s {
	case "是":
		return forms.BoolPtr(true)
	case "否":
		return forms.BoolPtr(false)
	}
	return nil
}

var cnDigits = []string{"", "一", "二", "三", "四", "五", "六"}

// gradeOptions are the years of study the table offers.
var gradeOptions = []string{"大一", "大二", "大三", "大四", "大五", "研一", "研二", "研三", ""}

func gradeText(m *forms.Member) string {
	if m.Grade <= 0 || m.Grade >= len(cnDigits) {
		return m.GradeText
	}
	if m.Level == forms.LevelGraduate {
		return "研" + cnDigits[m.Grade]
	}
	return "大" + cnDigits[m.Grade]
}

func setGrade(m *forms.Member, s string) error {
	if s == "" {
		m.Grade, m.GradeText = 0, ""
		return nil
	}
	rs := []rune(s)
	if len(rs) != 2 {
		return fmt.Errorf("年级“%s”无法识别，请从列表中选择", s)
	}
	for i, d := range cnDigits {
		if i > 0 && string(rs[1]) == d {
			switch rs[0] {
			case '大':
				m.Grade, m.Level, m.GradeText = i, forms.LevelUndergraduate, ""
				return nil
			case '研':
				m.Grade, m.Level, m.GradeText = i, forms.LevelGraduate, ""
				return nil
			}
		}
	}
	return fmt.Errorf("年级“%s”无法识别，请从列表中选择", s)
}

// rankText writes a rank as the exports do (3/45, 20/专业, 前10%).
func rankText(m *forms.Member) string { return formtext.Rank(m) }

var errRank = errors.New("成绩排名应写作“名次/专业人数”（如 3/45），或只写名次，或“前10%”；大一新生留空")

func setRank(m *forms.Member, s string) error {
	s = toHalfWidth(s)
	if s == "" {
		m.Rank, m.RankTotal, m.RankPercent = nil, nil, nil
		return nil
	}
	if strings.HasPrefix(s, "前") && strings.HasSuffix(s, "%") {
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(s, "前"), "%"), 64)
		if err != nil || v <= 0 || v > 100 {
			return errRank
		}
		m.Rank, m.RankTotal, m.RankPercent = nil, nil, &v
		return nil
	}
	num, den, hasDen := strings.Cut(s, "/")
	r, err := strconv.Atoi(strings.TrimSpace(num))
	if err != nil || r <= 0 {
		return errRank
	}
	if !hasDen {
		m.Rank, m.RankTotal, m.RankPercent = &r, nil, nil
		return nil
	}
	if den = strings.TrimSpace(den); den == "" || den == "专业" { // size unknown
		m.Rank, m.RankTotal, m.RankPercent = &r, nil, nil
		return nil
	}
	t, err := strconv.Atoi(den)
	if err != nil || t <= 0 {
		return errRank
	}
	m.Rank, m.RankTotal, m.RankPercent = &r, &t, nil
	return nil
}

func departmentOptions(f *forms.Filing) []string {
	return append([]string{forms.PresidiumDepartment}, append(f.DepartmentNames(), "")...)
}

// rosterColumns are the table's columns, in the official roster order
// followed by 职务, 所在部门 and the union origin.
var rosterColumns = []rosterColumn{
	{title: "序号", kind: cellLabel, width: 56},
	{title: "姓名", field: "name", kind: cellEntry, width: 110,
		get: func(m *forms.Member) string { return m.Name },
		set: func(m *forms.Member, s string) error { m.Name = s; return nil }},
	{title: "政治面貌", field: "political_status", kind: cellSelect, width: 130,
		options: append(append([]string{}, forms.PoliticalStatuses...), "群众", ""),
		get:     func(m *forms.Member) string { return m.PoliticalStatus },
		set:     func(m *forms.Member, s string) error { m.PoliticalStatus = s; return nil }},
	{title: "院系", field: "college", kind: cellEntry, width: 150,
		get: func(m *forms.Member) string { return m.College },
		set: func(m *forms.Member, s string) error { m.College = s; return nil }},
	{title: "专业", field: "major", kind: cellEntry, width: 120,
		get: func(m *forms.Member) string { return m.Major },
		set: func(m *forms.Member, s string) error { m.Major = s; return nil }},
	{title: "年级", field: "grade", kind: cellSelect, width: 90, options: gradeOptions,
		get: gradeText, set: setGrade},
	{title: "成绩排名", field: "rank", kind: cellEntry, width: 100, get: rankText, set: setRank},
	{title: "排名范围", field: "rank_window", kind: cellSelect, width: 130,
		options: append(append([]string{}, forms.RankWindows...), ""),
		get:     func(m *forms.Member) string { return m.RankWindow },
		set:     func(m *forms.Member, s string) error { m.RankWindow = s; return nil }},
	{title: "不及格", field: "failed", kind: cellSelect, width: 80, options: yesNo,
		get: func(m *forms.Member) string { return boolText(m.Failed) },
		set: func(m *forms.Member, s string) error { m.Failed = parseYesNo(s); return nil }},
	{title: "学生工作经历", field: "experience", kind: cellEntry, width: 180,
		get: func(m *forms.Member) string { return m.Experience },
		set: func(m *forms.Member, s string) error { m.Experience = s; return nil }},
	{title: "职务", field: "position", kind: cellSelect, width: 100,
		options: append(append([]string{}, forms.Positions...), ""),
		get:     func(m *forms.Member) string { return m.Position },
		set:     func(m *forms.Member, s string) error { m.Position = s; return nil }},
	{title: "所在部门", field: "department", kind: cellSelect, width: 120, optionsFn: departmentOptions,
		get: func(m *forms.Member) string { return m.Department },
		set: func(m *forms.Member, s string) error { m.Department = s; return nil }},
	{title: "来自院级学生会", field: "from_college_union", kind: cellSelect, width: 120, options: yesNo,
		get: func(m *forms.Member) string { return boolText(m.FromCollegeUnion) },
		set: func(m *forms.Member, s string) error { m.FromCollegeUnion = parseYesNo(s); return nil }},
	{title: "问题", kind: cellLabel, width: 320},
	{title: "", kind: cellAction, width: 60},
}

// columnOfField returns the column that shows a member field, or -1. Rank
// fields share one column, as do grade and level.
func columnOfField(field string) int {
	switch field {
	case "rank_total", "rank_percent":
		field = "rank"
	case "level", "grade_text":
		field = "grade"
	}
	for i, c := range rosterColumns {
		if c.field != "" && c.field == field {
			return i
		}
	}
	return -1
}
