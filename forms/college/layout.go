// Package college runs the round trip of the college workbook (二级学生会
// 组织填报表): which college unions a school sends it to, what its sheets
// hold, reading a filled one back through the school roster's parser and
// normalisers, a preview per college of what will change, and applying
// it to the filing with undo. The workbook itself is written by package
// export/collegebook from the layout declared here, so that the writer and
// the reader agree on one definition.
package college

import (
	"fmt"
	"path/filepath"
	"strings"

	"sureform/forms"
	"sureform/forms/roster"
)

// Sheet names of the college workbook. The reader finds each sheet by its
// content, so a renamed sheet still imports.
const (
	SheetBasic   = "基本情况"
	SheetRoster  = roster.TemplateSheet
	SheetAnswers = "自评"
)

// Keys of the lines of the 基本情况 sheet.
const (
	KeyName        = "name"
	KeyOrgType     = "org_type"
	KeyStudents    = "students"
	KeyCongress    = "congress_date"
	KeyElection    = "presidium_election"
	KeyLead        = "league_lead"
	KeyLeadStaff   = "league_lead_staff"
	KeySecretary   = "secretary_general"
	KeySecretStaff = "secretary_general_staff"
	KeyFilledBy    = "filled_by"
	KeyPhone       = "phone"
)

// BasicField is one line of the 基本情况 sheet: a label in the first column,
// the value to fill in the second, a hint in the third.
type BasicField struct {
	Key   string
	Label string
	Hint  string
	// Choices, when set, are offered as a drop-down list.
	Choices []string
	// Fixed marks a value the school fills in and the college cannot change.
	Fixed bool
}

var yesNo = []string{"是", "否"}

// BasicFields lists the lines of the 基本情况 sheet in order.
var BasicFields = []BasicField{
	{Key: KeyName, Label: "组织名称", Hint: "由学校填写，请勿修改", Fixed: true},
	{Key: KeyOrgType, Label: "组织类型", Hint: "学生会或研究生会", Choices: []string{forms.OrgStudentUnion, forms.OrgGraduateUnion}},
	{Key: KeyStudents, Label: "学生人数", Hint: "本组织联系的全日制学生人数，填数字"},
	{Key: KeyCongress, Label: "学代会或全体学生大会召开日期", Hint: "最近一次召开的日期，如 2021-05-20 或 2021年5月20日"},
	{Key: KeyElection, Label: "主席团产生方式", Hint: "从列表选择；其他方式请如实填写", Choices: forms.PresidiumElections},
	{Key: KeyLead, Label: "指导的团组织负责人", Hint: "指导本组织的团组织负责人姓名"},
	{Key: KeyLeadStaff, Label: "团组织负责人是否为团委老师", Hint: "是 或 否", Choices: yesNo},
	{Key: KeySecretary, Label: "秘书长", Hint: "本组织秘书长姓名"},
	{Key: KeySecretStaff, Label: "秘书长是否为团委老师", Hint: "是 或 否", Choices: yesNo},
	{Key: KeyFilledBy, Label: "填表人", Hint: "姓名"},
	{Key: KeyPhone, Label: "联系电话", Hint: "手机或办公电话"},
}

// Columns of the 自评 sheet.
const (
	AnswerNumberHeader = "序号"
	AnswerTextHeader   = "项目"
	AnswerHeader       = "是否符合（是/否）"
	AnswerNoteHeader   = "备注"
	// AnswerCheckHeader heads the column, after 备注, that shows
	// forms.UnconfirmedNote beside the items whose wording could not be
	// confirmed; the workbook has it only when the edition has such items,
	// and the reader does not read it.
	AnswerCheckHeader = "原文核对"
)

// Title is the workbook's title: the school, the academic year and the
// union (某某学院2021—2022学年二级学生会组织情况填报表（医学护理系学生会）).
func Title(f *forms.Filing, u *forms.CollegeUnion) string {
	return fmt.Sprintf("%s%s二级学生会组织情况填报表（%s）", f.School, f.AcademicYear, u.UnionName(f))
}

// Instructions are the lines of instructions on the 基本情况 sheet.
func Instructions(f *forms.Filing) []string {
	return []string{
		"本表由学校团委发给各二级学生会组织（含二级院系、书院、分校区等学生会、研究生会）填写，填好后请原样发回，不要另存为其他格式。",
		"1. 在本页填写基本情况（白色格子），带下拉箭头的格子请从列表中选择。",
		"2. 在“" + SheetRoster + "”工作表逐人填写本组织全体工作人员，列的含义见“填写说明”工作表。",
		"3. 在“" + SheetAnswers + "”工作表对每一项选择“是”或“否”，答“否”的请在备注中说明原因。",
		"学校收回后用 sureform 导入，会按名单、日期等数据逐项核对，与数据不符的答案会被指出。",
	}
}

// Targets lists the college unions a school sends the workbook to: the
// filing's college unions, or, when it has none yet, the 院系 named by
// its roster and its congress's seats, in that order.
func Targets(f *forms.Filing) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = roster.CleanCollege(s)
		if s == "" || seen[s] {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	if len(f.CollegeUnions) > 0 {
		for _, u := range f.CollegeUnions {
			add(u.Name)
		}
		return out
	}
	for _, m := range f.Members {
		add(m.College)
	}
	for _, s := range f.Congress.SeatsByCollege {
		add(s.College)
	}
	return out
}

// FileName is the workbook's file name for a union: 二级学生会组织-医学护理系.xlsx,
// with characters that file systems refuse replaced.
func FileName(name string) string {
	r := strings.NewReplacer("/", "_", "\\", "_", ":", "_", "*", "_", "?", "_", "\"", "_", "<", "_", ">", "_", "|", "_", "\x00", "")
	name = strings.TrimSpace(r.Replace(name))
	if name == "" {
		name = "未命名"
	}
	return "二级学生会组织-" + name + ".xlsx"
}

// nameFromFile reads the union's name back from a workbook's file name:
// 二级学生会组织-医学护理系 (2).xlsx gives 医学护理系.
func nameFromFile(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	_, name, ok := strings.Cut(base, "二级学生会组织-")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(name, "(（"); i > 0 {
		name = name[:i]
	}
	return strings.TrimSpace(name)
}

// EnsureUnions gives the filing a college union for each target when it
// has none yet, so that the workbooks written can be tracked; it returns
// the unions' indexes in target order.
func EnsureUnions(f *forms.Filing, targets []string) []int {
	idx := make([]int, len(targets))
	for i, t := range targets {
		idx[i] = findUnion(f, t)
		if idx[i] < 0 {
			f.CollegeUnions = append(f.CollegeUnions, forms.CollegeUnion{Name: t, Items: map[string]bool{}})
			idx[i] = len(f.CollegeUnions) - 1
		}
	}
	return idx
}

// findUnion returns the index of the filing's union with the given name,
// compared without spaces and without a trailing 学生会/研究生会; -1 when none.
func findUnion(f *forms.Filing, name string) int {
	key := unionKey(name)
	if key == "" {
		return -1
	}
	for i := range f.CollegeUnions {
		if unionKey(f.CollegeUnions[i].Name) == key {
			return i
		}
	}
	return -1
}

func unionKey(name string) string {
	k := strings.Join(strings.Fields(roster.CleanText(name)), "")
	for _, s := range []string{"学生会", "研究生会"} {
		k = strings.TrimSuffix(k, s)
	}
	return k
}
