package forms

import (
	"fmt"
	"strconv"
)

// members checks every person on the school-level roster.
func (c *checker) members() {
	f := c.f
	if len(f.Members) == 0 {
		c.add(RuleMemberRosterEmpty, "members", "工作人员名单为空：请录入或从 Excel 导入校级学生会组织工作人员名单，否则人数、政治面貌、职务和学习成绩都无法核对")
		return
	}
	type key struct {
		name, college, major string
		grade                int
	}
	var seen map[key]int
	if len(f.Members) > 1 {
		seen = make(map[key]int, len(f.Members))
	}
	for i := range f.Members {
		m := &f.Members[i]
		name := trimSpace(m.Name)
		if name == "" {
			c.addf(RuleMemberName, memberPath(i, "name"), "工作人员名单第%d行没有填写姓名", i+1)
		} else if seen != nil {
			k := key{name, trimSpace(m.College), trimSpace(m.Major), m.Grade}
			if j, dup := seen[k]; dup {
				c.addf(RuleMemberDuplicate, memberPath(i, "name"),
					"%s与第%d行是同一人（姓名、院系、年级、专业都相同），重复列出会多算工作人员人数", c.memberRef(i), j+1)
			} else {
				seen[k] = i
			}
		}
		c.memberPolitics(i, m)
		c.memberPosition(i, m)
		c.memberAcademic(i, m)
	}
}

func (c *checker) memberPolitics(i int, m *Member) {
	s := trimSpace(m.PoliticalStatus)
	switch {
	case s == "":
		c.addf(RuleMemberPoliticalMissing, memberPath(i, "political_status"),
			"%s未填政治面貌，无法核对是否为中共党员、中共预备党员或共青团员", c.memberRef(i))
	case !IsAcceptedPoliticalStatus(s):
		c.addf(RuleMemberPolitical, memberPath(i, "political_status"),
			"%s的政治面貌为“%s”，工作人员须为中共党员、中共预备党员或共青团员", c.memberRef(i), s)
	}
}

func (c *checker) memberPosition(i int, m *Member) {
	p := trimSpace(m.Position)
	dept := trimSpace(m.Department)
	switch {
	case p == "" && dept == "":
		c.addf(RuleMemberPositionMissing, memberPath(i, "position"),
			"%s未填职务和所在部门，无法核对职务设置、主席团人数和部门人数", c.memberRef(i))
		return
	case p == "":
		c.addf(RuleMemberPositionMissing, memberPath(i, "position"),
			"%s未填职务，无法核对职务设置（只能是主席、副主席、执行主席、部长、副部长、干事）", c.memberRef(i))
		return
	case p == "主席团成员" || p == "主席团委员":
		c.addf(RuleMemberPosition, memberPath(i, "position"),
			"%s的职务为“%s”，不是规定的职务：主席团成员应写明主席、副主席或执行主席（轮值）", c.memberRef(i), p)
	case !c.lim.AllowsTitle(p):
		c.addf(RuleMemberPosition, memberPath(i, "position"),
			"%s的职务为“%s”，除主席、副主席、执行主席、部长、副部长、干事外不得设其他职务", c.memberRef(i), p)
	}
	switch {
	case dept == "" && !IsPresidiumPosition(p):
		c.addf(RuleMemberDepartmentMissing, memberPath(i, "department"),
			"%s（%s）未填所在部门，无法核对部门数和各部门人数", c.memberRef(i), p)
	case IsPresidiumPosition(p) && dept != PresidiumDepartment && dept != "":
		c.addf(RuleMemberPresidiumPlacement, memberPath(i, "department"),
			"%s的职务是%s，所在部门却是“%s”：主席团成员应填“主席团”，否则不计入主席团人数", c.memberRef(i), p, dept)
	case dept == PresidiumDepartment && (IsLeaderPosition(p) || p == PositionStaff):
		c.addf(RuleMemberPresidiumPlacement, memberPath(i, "department"),
			"%s的职务是%s，所在部门却是“主席团”，会被计入主席团人数；部长、副部长、干事应填所在工作部门", c.memberRef(i), p)
	}
}

func (c *checker) memberAcademic(i int, m *Member) {
	if m.Rank != nil || m.RankTotal != nil {
		switch {
		case m.Rank != nil && *m.Rank < 1:
			c.addf(RuleMemberRankInvalid, memberPath(i, "rank"), "%s的排名为%d，名次应为正数", c.memberRef(i), *m.Rank)
		case m.RankTotal != nil && *m.RankTotal < 1:
			c.addf(RuleMemberRankInvalid, memberPath(i, "rank_total"), "%s的专业人数为%d，应为正数", c.memberRef(i), *m.RankTotal)
		case m.Rank != nil && m.RankTotal != nil && *m.Rank > *m.RankTotal:
			c.addf(RuleMemberRankInvalid, memberPath(i, "rank"),
				"%s的排名为%d/%d，名次大于专业人数，请核对", c.memberRef(i), *m.Rank, *m.RankTotal)
		}
	}
	if w := trimSpace(m.RankWindow); w != "" && !isRankWindow(w) {
		c.addf(RuleMemberRankWindow, memberPath(i, "rank_window"),
			"%s的排名统计区间为“%s”，应为最近1个学期、最近1学年或入学以来三者之一", c.memberRef(i), w)
	}
	if c.f.IsGraduate(m) {
		c.memberFailed(i, m, "研究生")
		return
	}
	if m.IsFirstYear() {
		return
	}
	if m.Grade < 1 || m.Grade > 8 {
		text := trimSpace(m.GradeText)
		what := "未填年级"
		switch {
		case text != "":
			what = "年级“" + text + "”无法识别"
		case m.Grade != 0:
			what = "年级" + strconv.Itoa(m.Grade) + "无法识别"
		}
		c.addf(RuleMemberGrade, memberPath(i, "grade"),
			"%s%s，无法判断是否为一年级新生；如不是新生，须核对其成绩排名在本专业前30%%以内且无课业不及格", c.memberRef(i), what)
		return
	}
	switch {
	case m.Rank != nil && m.RankTotal != nil:
		r, t := *m.Rank, *m.RankTotal
		if pct := c.lim.RankPercent; r >= 1 && t >= 1 && r <= t && !rankWithin(r, t, pct) {
			c.addf(RuleMemberRank, memberPath(i, "rank"),
				"%s的学习成绩排名为%d/%d（前%s），不在本专业前%d%%以内（%d人的专业须在第%d名以内）",
				c.memberRef(i), r, t, percentAbove(Ratio{r, t}, pct), pct, t, rankCutoff(t, pct))
		}
	case m.RankPercent != nil:
		if pct := c.lim.RankPercent; *m.RankPercent > float64(pct) {
			c.addf(RuleMemberRank, memberPath(i, "rank_percent"),
				"%s的学习成绩排名为前%s，不在本专业前%d%%以内", c.memberRef(i), FormatPercent(*m.RankPercent), pct)
		}
	case m.Rank != nil:
		c.addf(RuleMemberRankUnverified, memberPath(i, "rank_total"),
			"%s的排名只有名次%d，没有专业人数，无法核对是否在本专业前30%%以内（请补填专业人数，如 %d/专业人数）",
			c.memberRef(i), *m.Rank, *m.Rank)
	default:
		c.addf(RuleMemberRankMissing, memberPath(i, "rank"),
			"%s是%d年级本专科生，未填学习成绩排名，无法核对是否在本专业前30%%以内", c.memberRef(i), m.Grade)
	}
	c.memberFailed(i, m, fmt.Sprintf("%d年级本专科生", m.Grade))
}

func (c *checker) memberFailed(i int, m *Member, who string) {
	switch {
	case m.Failed == nil:
		c.addf(RuleMemberFailedMissing, memberPath(i, "failed"),
			"%s未填是否有课业不及格，无法核对（%s须无课业不及格）", c.memberRef(i), who)
	case *m.Failed:
		c.addf(RuleMemberFailed, memberPath(i, "failed"),
			"%s有课业不及格，%s担任学生会工作人员须无课业不及格", c.memberRef(i), who)
	}
}

func isRankWindow(w string) bool {
	for _, v := range RankWindows {
		if w == v {
			return true
		}
	}
	return false
}
