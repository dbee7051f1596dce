package forms

import (
	"fmt"
	"strconv"
	"strings"
)

// memberGroup collects the members one rule finds the same thing about, so
// that the rule reports once per place, listing them, instead of once per
// member.
type memberGroup struct {
	rule, field string
	// many says what the members share, after 名单中N人: 未填政治面貌，….
	many string
	// idx are the members, detail what to write after each name (名次6).
	idx    []int
	detail []string
	// one is the message for a group of one member.
	one string
}

// memberGroups keeps groups in the order they were first added.
type memberGroups struct {
	order []*memberGroup
	by    map[string]*memberGroup
}

// group adds member i to the group of rule and many; one is the message
// used when the member turns out to be the only one, detail (may be "")
// what the list writes after the member's name.
func (c *checker) group(g *memberGroups, rule, field, many string, i int, one, detail string) {
	key := rule + "\x00" + many
	if g.by == nil {
		g.by = map[string]*memberGroup{}
	}
	mg := g.by[key]
	if mg == nil {
		mg = &memberGroup{rule: rule, field: field, many: many, one: one}
		g.by[key] = mg
		g.order = append(g.order, mg)
	}
	mg.idx = append(mg.idx, i)
	mg.detail = append(mg.detail, detail)
}

// flush records one finding per group: at the member's field for one
// member, at members for several, listing them (名单中27人未填职务和部门：张三、李四…).
func (c *checker) flush(g *memberGroups) {
	for _, mg := range g.order {
		if len(mg.idx) == 1 {
			c.add(mg.rule, memberPath(mg.idx[0], mg.field), mg.one)
			continue
		}
		var b strings.Builder
		for k, i := range mg.idx {
			if k > 0 {
				b.WriteString("、")
			}
			b.WriteString(c.memberName(i))
			if mg.detail[k] != "" {
				b.WriteString("（" + mg.detail[k] + "）")
			}
		}
		c.add(mg.rule, "members", fmt.Sprintf("名单中%d人%s：%s", len(mg.idx), mg.many, b.String()))
		c.out[len(c.out)-1].Members = mg.idx
	}
}

// memberName is a member's name for a list, or 第N人 when it is blank.
func (c *checker) memberName(i int) string {
	if n := trimSpace(c.f.Members[i].Name); n != "" {
		return n
	}
	return "第" + itoa(i+1) + "人"
}

// members checks every person on the school-level roster. The form:
// 工作人员均为中共党员（含预备党员）或共青团员; 工作人员中除一年级新生外的本专科生
// 最近1个学期/最近1学年/入学以来三者取其一，学习成绩综合排名在本专业前30%以内，
// 且无课业不及格情况；研究生无课业不及格情况; 职务设置主席、副主席（或执行主席）、
// 部长、副部长、干事. What the roster cannot show (a missing grade, rank or
// title) is a 提示, never an error.
func (c *checker) members() {
	f := c.f
	if len(f.Members) == 0 {
		c.add(RuleMemberRosterEmpty, "members", "工作人员名单为空：请录入或从 Excel 导入校级学生会组织工作人员名单，否则人数、政治面貌、职务和学习成绩都无法核对")
		return
	}
	var g memberGroups
	c.duplicates()
	for i := range f.Members {
		m := &f.Members[i]
		if trimSpace(m.Name) == "" {
			c.addf(RuleMemberName, memberPath(i, "name"), "名单第%d人没有填写姓名", i+1)
		}
		c.memberPolitics(&g, i, m)
		c.memberPosition(&g, i, m)
		c.memberAcademic(&g, i, m)
	}
	c.flush(&g)
}

// duplicates finds the same person listed twice: 同一人（姓名、院系、年级、
// 专业相同） is an error, since it counts one person twice; the same name
// and college with a different or missing grade is a 提示 to check.
func (c *checker) duplicates() {
	f := c.f
	if len(f.Members) < 2 {
		return
	}
	type key struct {
		name, college, major string
		grade                int
	}
	type person struct{ name, college string }
	same := make(map[key]int, len(f.Members))
	byPerson := make(map[person]int, len(f.Members))
	for i := range f.Members {
		m := &f.Members[i]
		name := trimSpace(m.Name)
		if name == "" {
			continue
		}
		k := key{name, trimSpace(m.College), trimSpace(m.Major), m.Grade}
		if j, dup := same[k]; dup {
			c.addf(RuleMemberDuplicate, memberPath(i, "name"),
				"%s与第%d人是同一人（姓名、院系、年级、专业都相同），重复列出会多算工作人员人数", c.memberRef(i), j+1)
			continue
		}
		same[k] = i
		p := person{name, trimSpace(m.College)}
		if j, ok := byPerson[p]; ok {
			if o := &f.Members[j]; o.Grade != m.Grade || o.Grade == 0 {
				c.addf(RuleMemberMaybeDuplicate, memberPath(i, "name"),
					"%s与第%d人姓名、院系相同，年级%s，请核对是否为同一人（同一人只能列一次）", c.memberRef(i), j+1, gradePair(o, m))
			}
		} else {
			byPerson[p] = i
		}
	}
}

// gradePair says how two members' grades differ for a message.
func gradePair(a, b *Member) string {
	g := func(m *Member) string {
		if m.Grade == 0 {
			if t := trimSpace(m.GradeText); t != "" {
				return "“" + t + "”"
			}
			return "未填"
		}
		return itoa(m.Grade) + "年级"
	}
	if a.Grade == b.Grade {
		return "都未填"
	}
	return "分别为" + g(a) + "和" + g(b)
}

func (c *checker) memberPolitics(g *memberGroups, i int, m *Member) {
	s := trimSpace(m.PoliticalStatus)
	switch {
	case s == "":
		c.group(g, RuleMemberPoliticalMissing, "political_status", "未填政治面貌，无法核对是否为中共党员、中共预备党员或共青团员", i,
			c.memberRef(i)+"未填政治面貌，无法核对是否为中共党员、中共预备党员或共青团员", "")
	case !IsAcceptedPoliticalStatus(s):
		c.addf(RuleMemberPolitical, memberPath(i, "political_status"),
			"%s的政治面貌为“%s”，工作人员须为中共党员、中共预备党员或共青团员", c.memberRef(i), s)
	}
}

// IsUnconfirmedPresidiumTitle reports whether a position names a presidium
// member without the exact title: 主席团成员, 主席团委员. Such a member sits
// in the presidium; the exact title (主席、副主席或执行主席) is to be
// confirmed.
func IsUnconfirmedPresidiumTitle(p string) bool {
	return p == PositionPresidiumMember || p == "主席团委员"
}

func (c *checker) memberPosition(g *memberGroups, i int, m *Member) {
	p := trimSpace(m.Position)
	dept := trimSpace(m.Department)
	switch {
	case p == "" && m.SuggestedPosition != "":
		what := m.SuggestedPosition
		if d := m.SuggestedDepartment; d != "" && d != PresidiumDepartment {
			what = d + what
		}
		c.group(g, RuleMemberPositionMissing, "position", "的职务是从工作经历推断的，确认前不计入主席团人数和部门人数，请逐一确认", i,
			fmt.Sprintf("%s的职务从工作经历推断为“%s”，确认前不计入主席团人数和部门人数，请确认", c.memberRef(i), what), "推断为"+what)
		return
	case p == "" && dept == "":
		c.group(g, RuleMemberPositionMissing, "position", "未填职务和所在部门，无法核对职务设置、主席团人数和部门人数", i,
			c.memberRef(i)+"未填职务和所在部门，无法核对职务设置、主席团人数和部门人数", "")
		return
	case p == "":
		c.group(g, RuleMemberPositionMissing, "position", "未填职务，无法核对职务设置（只能是"+c.lim.titleList()+"）", i,
			c.memberRef(i)+"未填职务，无法核对职务设置（只能是"+c.lim.titleList()+"）", "")
		return
	case IsUnconfirmedPresidiumTitle(p) && !c.lim.AllowsTitle(p):
		// 主席团成员 is how several schools' own plans word it (咸宁): a
		// presidium member whose exact title the form wants named.
		c.group(g, RuleMemberPresidiumTitle, "position", "的职务为“主席团成员”，计入主席团；请写明各人是主席、副主席还是执行主席", i,
			fmt.Sprintf("%s的职务为“%s”，计入主席团；请写明是主席、副主席还是执行主席", c.memberRef(i), p), "")
	case !c.lim.AllowsTitle(p):
		c.addf(RuleMemberPosition, memberPath(i, "position"),
			"%s的职务为“%s”，除%s外不得设其他职务", c.memberRef(i), p, c.lim.titleList())
	}
	switch {
	case dept == "" && !IsPresidiumPosition(p):
		c.group(g, RuleMemberDepartmentMissing, "department", "未填所在部门，无法核对部门数和各部门人数", i,
			fmt.Sprintf("%s（%s）未填所在部门，无法核对部门数和各部门人数", c.memberRef(i), p), p)
	case IsPresidiumPosition(p) && dept != PresidiumDepartment && dept != "":
		c.addf(RuleMemberPresidiumPlacement, memberPath(i, "department"),
			"%s的职务是%s，所在部门却是“%s”：主席团成员应填“主席团”，否则不计入主席团人数", c.memberRef(i), p, dept)
	case dept == PresidiumDepartment && (IsLeaderPosition(p) || p == PositionStaff):
		c.addf(RuleMemberPresidiumPlacement, memberPath(i, "department"),
			"%s的职务是%s，所在部门却是“主席团”，会被计入主席团人数；部长、副部长、干事应填所在工作部门", c.memberRef(i), p)
	}
}

func (c *checker) memberAcademic(g *memberGroups, i int, m *Member) {
	pct := c.lim.RankPercent
	if m.Rank != nil || m.RankTotal != nil {
		switch {
		case m.Rank != nil && *m.Rank < 1:
			c.addf(RuleMemberRankInvalid, memberPath(i, "rank"), "%s的名次为%d，名次应为正数", c.memberRef(i), *m.Rank)
		case m.RankTotal != nil && *m.RankTotal < 1:
			c.addf(RuleMemberRankInvalid, memberPath(i, "rank_total"), "%s的专业人数为%d，应为正数", c.memberRef(i), *m.RankTotal)
		case m.Rank != nil && m.RankTotal != nil && *m.Rank > *m.RankTotal:
			c.addf(RuleMemberRankInvalid, memberPath(i, "rank"),
				"%s的排名为%d/%d，名次大于专业人数，请核对", c.memberRef(i), *m.Rank, *m.RankTotal)
		}
	}
	if m.RankPercent != nil && (*m.RankPercent <= 0 || *m.RankPercent > 100) {
		c.addf(RuleMemberRankInvalid, memberPath(i, "rank_percent"),
			"%s的排名百分比为%s，应在0%%到100%%之间", c.memberRef(i), FormatPercent(*m.RankPercent))
	}
	if w := trimSpace(m.RankWindow); w != "" && !isRankWindow(w) {
		c.addf(RuleMemberRankWindow, memberPath(i, "rank_window"),
			"%s的排名统计区间为“%s”，应为最近1个学期、最近1学年或入学以来三者之一", c.memberRef(i), w)
	}
	if c.f.IsGraduate(m) {
		c.memberFailed(g, i, m, "研究生")
		return
	}
	if m.IsFirstYear() {
		return
	}
	if m.Grade < 1 || m.Grade > 8 {
		text := trimSpace(m.GradeText)
		switch {
		case text != "":
			c.addf(RuleMemberGrade, memberPath(i, "grade"),
				"%s的年级“%s”无法识别，无法判断是否为一年级新生；如不是新生，须核对其成绩排名在本专业前%d%%以内且无课业不及格", c.memberRef(i), text, pct)
		case m.Grade != 0:
			c.addf(RuleMemberGrade, memberPath(i, "grade"),
				"%s的年级%d无法识别，无法判断是否为一年级新生；如不是新生，须核对其成绩排名在本专业前%d%%以内且无课业不及格", c.memberRef(i), m.Grade, pct)
		default:
			many := fmt.Sprintf("未填年级，无法判断是否为一年级新生；如不是新生，须核对其成绩排名在本专业前%d%%以内且无课业不及格", pct)
			c.group(g, RuleMemberGrade, "grade", many, i, c.memberRef(i)+many, "")
		}
		return
	}
	switch {
	case m.Rank != nil && m.RankTotal != nil:
		r, t := *m.Rank, *m.RankTotal
		if r >= 1 && t >= 1 && r <= t && !rankWithin(r, t, pct) {
			c.addf(RuleMemberRank, memberPath(i, "rank"),
				"%s的学习成绩排名为%d/%d（前%s），不在本专业前%d%%以内（%d人的专业须在第%d名以内）",
				c.memberRef(i), r, t, percentAbove(Ratio{r, t}, pct), pct, t, rankCutoff(t, pct))
		}
	case m.RankPercent != nil:
		if *m.RankPercent > float64(pct) && *m.RankPercent <= 100 {
			c.addf(RuleMemberRank, memberPath(i, "rank_percent"),
				"%s的学习成绩排名为前%s，不在本专业前%d%%以内", c.memberRef(i), formatPercentAbove(*m.RankPercent, pct), pct)
		}
	case m.Rank != nil:
		many := fmt.Sprintf("的排名只有名次、没有专业人数，无法核对是否在本专业前%d%%以内（请补填专业人数）", pct)
		c.group(g, RuleMemberRankUnverified, "rank_total", many, i,
			fmt.Sprintf("%s的排名只有名次%d，没有专业人数，无法核对是否在本专业前%d%%以内（请补填专业人数，如 %d/专业人数）", c.memberRef(i), *m.Rank, pct, *m.Rank),
			"名次"+strconv.Itoa(*m.Rank))
	default:
		many := fmt.Sprintf("是二年级及以上的本专科生，未填学习成绩排名，无法核对是否在本专业前%d%%以内", pct)
		c.group(g, RuleMemberRankMissing, "rank", many, i,
			fmt.Sprintf("%s是%d年级本专科生，未填学习成绩排名，无法核对是否在本专业前%d%%以内", c.memberRef(i), m.Grade, pct), itoa(m.Grade)+"年级")
	}
	c.memberFailed(g, i, m, fmt.Sprintf("%d年级本专科生", m.Grade))
}

// formatPercentAbove writes a typed percentage above pct so that it does
// not read as pct: 30.04 is 30.1%, not 30%.
func formatPercentAbove(p float64, pct int) string {
	if s := FormatPercent(p); s != FormatPercent(float64(pct)) {
		return s
	}
	return FormatPercent(float64(pct) + 0.1)
}

func (c *checker) memberFailed(g *memberGroups, i int, m *Member, who string) {
	switch {
	case m.Failed == nil:
		c.group(g, RuleMemberFailedMissing, "failed", "未填是否有课业不及格，无法核对（须无课业不及格）", i,
			fmt.Sprintf("%s未填是否有课业不及格，无法核对（%s须无课业不及格）", c.memberRef(i), who), "")
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
