package formtext

import (
	"fmt"
	"strconv"
	"strings"

	"sureform/forms"
)

// RosterColumns are the column headings of 校级组织工作人员名单, verbatim from
// the official form, followed by the member's post and department, which
// the organisation chart is drawn from.
var RosterColumns = []string{
	"序号", "姓名", "政治面貌", "院系", "年级",
	"最近1个学期/最近1学年/入学以来学习成绩综合排名（一年级新生、研究生不需填写）",
	"是否存在课业不及格情况", "院系、班级学生工作经历", "学生会职务", "所在部门",
}

// Roster column indexes of RosterColumns that hold running text rather than
// a short value.
const (
	RosterColExperience = 7
)

// RosterRow is the cells of member i (from 0) of the roster, in the order
// of RosterColumns.
func RosterRow(i int, m *forms.Member) []string {
	dept := m.Department
	if dept == "" && m.InPresidium() {
		dept = forms.PresidiumDepartment
	}
	return []string{
		strconv.Itoa(i + 1), m.Name, m.PoliticalStatus, m.College, Grade(m),
		Rank(m), YesNo(m.Failed), m.Experience, m.Position, dept,
	}
}

// Titles of the attachments that follow the form, as the schools'
// disclosures head them.
const (
	TitleChart    = "校级组织工作机构组织架构图"
	TitleRoster   = "校级组织工作人员名单"
	TitleCongress = "校级学生（研究生）代表大会召开情况"
	TitleGuidance = "校团委指导学生会主要责任人"
)

// GuidanceColumns are the column headings of the 指导责任人 table, verbatim.
var GuidanceColumns = []string{"序号", "类别", "姓名", "是否为专职团干", "备注"}

// Categories of the 指导责任人 table.
const (
	GuideDeputySecretary  = "分管学生会组织的校团委副书记"
	GuideSecretaryGeneral = "学生会组织秘书长"
)

// GuidanceRows are the rows of the 指导责任人 table, in the order of
// GuidanceColumns.
func GuidanceRows(f *forms.Filing) [][]string {
	var out [][]string
	for i, g := range []struct {
		category string
		guide    forms.Guide
	}{
		{GuideDeputySecretary, f.Guidance.DeputySecretary},
		{GuideSecretaryGeneral, f.Guidance.SecretaryGeneral},
	} {
		out = append(out, []string{strconv.Itoa(i + 1), g.category, strings.TrimSpace(g.guide.Name),
			YesNo(g.guide.FullTime), strings.TrimSpace(g.guide.Note)})
	}
	return out
}

// Count writes a count with its unit as Chinese text sets it, without
// spaces (40人), or "" when unknown.
func Count(n *int, unit string) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n) + unit
}

// share appends "，<label>X%" to a sentence when the ratio is known and
// its denominator is not zero.
func share(label string, r *forms.Ratio) string {
	if r == nil || r.Den == 0 {
		return ""
	}
	return "，" + label + r.String()
}

// contest is the 差额比例 of an election: candidates beyond seats, of seats.
func contest(candidates, seats *int) *forms.Ratio {
	if candidates == nil || seats == nil || *seats == 0 {
		return nil
	}
	return &forms.Ratio{Num: *candidates - *seats, Den: *seats}
}

// CongressFacts lists the facts of the student congress as label and
// sentence, with the ratios computed from the counts; a fact the filing
// does not give has an empty sentence.
func CongressFacts(f *forms.Filing, d *forms.Derived) [][2]string {
	c := f.Congress
	date := c.Date.Chinese()
	if date != "" && c.Planned {
		date = "拟定为" + date + "（尚未召开）"
	}
	delegates := ""
	if c.Delegates != nil {
		delegates = "代表" + Count(c.Delegates, "人") + share("占联系学生人数的", d.DelegateShare)
	}
	nonCadre := ""
	if c.NonCadreDelegates != nil {
		nonCadre = "非学生会组织骨干代表" + Count(c.NonCadreDelegates, "人") + share("占代表总数的", d.NonCadreShare)
	}
	candidates := ""
	if c.DelegateCandidates != nil {
		candidates = "代表候选人" + Count(c.DelegateCandidates, "人") +
			share("差额比例", contest(c.DelegateCandidates, c.Delegates))
	}
	present := ""
	if c.Present != nil {
		present = "到会代表" + Count(c.Present, "人") + share("占代表总数的", d.Quorum)
	}
	var presidium []string
	if c.PresidiumSeats != nil {
		presidium = append(presidium, "应选"+Count(c.PresidiumSeats, "人"))
	}
	if c.PresidiumCandidates != nil {
		presidium = append(presidium, "候选人"+Count(c.PresidiumCandidates, "人"))
	}
	if r := contest(c.PresidiumCandidates, c.PresidiumSeats); r != nil {
		presidium = append(presidium, "差额比例"+r.String())
	}
	if c.Contested != nil {
		if *c.Contested {
			presidium = append(presidium, "差额选举")
		} else {
			presidium = append(presidium, "等额选举")
		}
	}
	var seats []string
	total := 0
	for _, cs := range c.SeatsByCollege {
		seats = append(seats, fmt.Sprintf("%s%d人", strings.TrimSpace(cs.College), cs.Seats))
		total += cs.Seats
	}
	seatText := strings.Join(seats, "；")
	if len(seats) > 0 {
		seatText += fmt.Sprintf("（合计%d人）", total)
	}
	return [][2]string{
		{"届次", strings.TrimSpace(c.Session)},
		{"召开日期", date},
		{"召开地点", strings.TrimSpace(c.Place)},
		{"联系学生人数", Count(f.Students, "人")},
		{"代表人数", delegates},
		{"非学生会组织骨干代表", nonCadre},
		{"代表候选人", candidates},
		{"到会情况", present},
		{"主席团选举", strings.Join(presidium, "，")},
		{"各院系代表名额", seatText},
	}
}

// Opinion is the first line of an opinion signature block: whether the
// signer accepts the assessment.
func Opinion(accepts *bool) string {
	return "对评估意见是否认可：" + Choice(accepts, "认可", "不认可", "　")
}

// OpinionAccepts is the filing's answer for the opinion block titled
// title: the 团委's for a 团委 block, the union's otherwise.
func OpinionAccepts(f *forms.Filing, title string) *bool {
	if strings.Contains(title, "团委") {
		return f.Opinions.LeagueAccepts
	}
	return f.Opinions.UnionAccepts
}

// Conclusion is the first line of the 评估结论 block, left for the
// reviewing working group to tick.
func Conclusion() string { return Choice(nil, "通过", "未通过", "　　") }
