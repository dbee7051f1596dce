package forms

import (
	"fmt"
	"strings"
)

// school checks the school-level union as a whole: its size, presidium,
// departments and their names, and the 章程 limits per department. The
// form: 工作人员不超过40人，学生人数较多、分校区较多的高校不超过60人; 主席团
// 成员不超过5人; 工作部门不超过6个; 工作机构架构为“主席团+工作部门”模式，未在
// 工作部门以上或以下设置“中心”、“项目办公室”等常设层级. The 若干意见:
// 校级学生会组织工作人员中来自院级学生会组织的一般不少于50% (一般: a 提示).
// Department sizes and leaders come from the schools' 章程, so they are
// 提示 too.
func (c *checker) school() {
	f, d := c.f, c.d
	if lim := c.lim.StaffFor(f); d.Staff > lim {
		if f.LargeSchool {
			c.addf(RuleSchoolStaff, "members", "工作人员名单实有%d人，超过%d人的上限（已按学生人数较多、分校区较多的高校计）", d.Staff, lim)
		} else {
			c.addf(RuleSchoolStaff, "members", "工作人员名单实有%d人，超过%d人的上限（学生人数较多、分校区较多的高校为60人，如属此类请在基本信息中勾选）", d.Staff, lim)
		}
	}
	presidium := f.Presidium()
	unplaced := 0
	for i := range f.Members {
		m := &f.Members[i]
		if trimSpace(m.Position) == "" && trimSpace(m.Department) == "" {
			unplaced++
		}
	}
	switch {
	case d.Presidium > c.lim.Presidium:
		c.addf(RuleSchoolPresidium, "members", "主席团实有%d人（%s），超过%d人", d.Presidium, c.names(presidium, 8), c.lim.Presidium)
	case c.ch.PresidiumMax > 0 && d.Presidium > c.ch.PresidiumMax:
		c.addf(RuleSchoolPresidiumCharter, "members", "主席团实有%d人（%s），多于本校章程规定的%d人", d.Presidium, c.names(presidium, 8), c.ch.PresidiumMax)
	}
	c.presidiumMix(presidium)
	if len(f.Members) > 0 && d.Presidium == 0 && unplaced == 0 {
		c.add(RuleSchoolPresidiumMissing, "members", "工作人员名单中没有主席团成员（主席、副主席或执行主席），无法体现“主席团+工作部门”架构")
	}
	if d.Departments > c.lim.Departments && !departmentsInDoubt(f, c.lim.Departments) {
		c.addf(RuleSchoolDepartments, "departments", "工作部门实有%d个（%s），超过%d个", d.Departments, strings.Join(c.d.DepartmentNames, "、"), c.lim.Departments)
	}
	c.departments()
	if r := d.FromCollegeShare; r != nil && !r.AtLeast(c.lim.FromCollegePercent) {
		c.addf(RuleSchoolFromCollege, "members", "名单中来自院级学生会的工作人员%d人，占已填来源的%d人的%s，低于%d%%", r.Num, r.Den, percentBelow(*r, c.lim.FromCollegePercent), c.lim.FromCollegePercent)
	}
}

// departments checks department names and, per department, its size and
// leaders.
func (c *checker) departments() {
	f := c.f
	declared := make(map[string]int, len(f.Departments))
	for i, dp := range f.Departments {
		n := trimSpace(dp.Name)
		if n == "" {
			continue
		}
		if _, dup := declared[n]; !dup {
			declared[n] = i
		}
		if IsLayerName(n) {
			c.addf(RuleSchoolLayer, fmt.Sprintf("departments[%d].name", i),
				"工作部门“%s”是“中心”或“项目办公室”类设置；工作机构只能是“主席团+工作部门”，不得在部门以上或以下设常设层级", n)
		}
	}
	type group struct {
		first   int
		members []int
	}
	groups := map[string]*group{}
	var order []string
	for i := range f.Members {
		m := &f.Members[i]
		if m.InPresidium() {
			continue
		}
		n := trimSpace(m.Department)
		if n == "" {
			continue
		}
		g := groups[n]
		if g == nil {
			g = &group{first: i}
			groups[n] = g
			order = append(order, n)
		}
		g.members = append(g.members, i)
	}
	declaredNames := make([]string, 0, len(f.Departments))
	for _, dp := range f.Departments {
		if n := trimSpace(dp.Name); n != "" {
			declaredNames = append(declaredNames, n)
		}
	}
	lo, hi := c.lim.LeadersMin, c.lim.LeadersMax
	source := "常见章程规定"
	if c.ch.LeadersMax > 0 {
		lo, hi, source = c.ch.LeadersMin, c.ch.LeadersMax, "本校章程规定"
	}
	for _, n := range order {
		g := groups[n]
		path := memberPath(g.first, "department")
		if i, ok := declared[n]; ok {
			path = fmt.Sprintf("departments[%d].name", i)
		} else {
			if IsLayerName(n) {
				c.addf(RuleSchoolLayer, path, "%s所在的“%s”是“中心”或“项目办公室”类设置；工作机构只能是“主席团+工作部门”", c.memberRef(g.first), n)
			}
			if len(declaredNames) > 0 {
				hint := ""
				if like := similarName(n, declaredNames); like != "" {
					hint = "，可能就是“" + like + "”的简称，如是请统一名称"
				}
				c.addf(RuleSchoolUndeclared, path, "%s所在部门“%s”不在工作部门列表（%s）中%s；否则部门数会多算一个",
					c.names(g.members, 5), n, strings.Join(declaredNames, "、"), hint)
			}
		}
		if len(g.members) > c.lim.DepartmentStaff {
			c.addf(RuleSchoolDepartmentSize, path, "工作部门“%s”有%d人，每个工作部门的人数一般不超过%d人", n, len(g.members), c.lim.DepartmentStaff)
		}
		leaders, unknown := 0, false
		for _, i := range g.members {
			p := trimSpace(f.Members[i].Position)
			if p == "" {
				unknown = true
			}
			if IsLeaderPosition(p) {
				leaders++
			}
		}
		if !unknown && (leaders < lo || leaders > hi) {
			c.addf(RuleSchoolLeaders, path, "工作部门“%s”有负责人（部长、副部长）%d人，%s为%d至%d人", n, leaders, source, lo, hi)
		}
	}
}

// similarName returns a declared department name that contains the runes
// of n in order (办公部 in 办公文秘部), or "".
func similarName(n string, names []string) string {
	for _, cand := range names {
		if isSubsequence([]rune(n), []rune(cand)) {
			return cand
		}
	}
	return ""
}

func isSubsequence(a, b []rune) bool {
	if len(a) < 2 {
		return false
	}
	j := 0
	for _, r := range b {
		if j < len(a) && a[j] == r {
			j++
		}
	}
	return j == len(a)
}

// names lists the names of the members at idx, at most max of them.
func (c *checker) names(idx []int, max int) string {
	var b strings.Builder
	for k, i := range idx {
		if k == max {
			fmt.Fprintf(&b, "等%d人", len(idx))
			break
		}
		if k > 0 {
			b.WriteString("、")
		}
		n := trimSpace(c.f.Members[i].Name)
		if n == "" {
			n = "第" + itoa(i+1) + "人"
		}
		b.WriteString(n)
	}
	return b.String()
}

// presidiumMix warns of a presidium that mixes 主席/副主席 with 执行主席.
// The 章程 of 辽阳职业技术学院 (第十四条): 学生会主席团集体负责学生会重大事项，
// 设主席、副主席，或根据工作需要设执行主席。执行主席由主席团成员轮值担任 —
// one model or the other. The form itself allows either title, so this is a
// 提示, not an error.
func (c *checker) presidiumMix(presidium []int) {
	var chairs, executives []int
	for _, i := range presidium {
		switch trimSpace(c.f.Members[i].Position) {
		case PositionPresident, PositionVicePresident:
			chairs = append(chairs, i)
		case PositionExecutivePresident:
			executives = append(executives, i)
		}
	}
	if len(chairs) == 0 || len(executives) == 0 {
		return
	}
	c.addf(RuleSchoolPresidiumMix, "members", "主席团中既有主席、副主席（%s），又有执行主席（%s）；章程通常规定“设主席、副主席，或根据工作需要设执行主席”，执行主席由主席团成员轮值担任，请核对职务是否写对",
		c.names(chairs, 8), c.names(executives, 8))
}
