package forms

import "fmt"

// inputRanges reports numbers no real filing can have, as input errors:
// negative counts, percentages outside 0–100, a part larger than its whole
// (a presidium larger than the union's staff). The other rules then leave
// those numbers alone, so that no message compares an impossible number
// with a limit.
func (c *checker) inputRanges() {
	f := c.f
	neg := func(path, what string, v *int) {
		if v != nil && *v < 0 {
			c.addf(RuleInputRange, path, "%s填为%d，人数不能为负数", what, *v)
		}
	}
	pct := func(path, what string, v *float64) {
		if v != nil && (*v < 0 || *v > 100) {
			c.addf(RuleInputRange, path, "%s写为%s，百分比应在0%%到100%%之间", what, FormatPercent(*v))
		}
	}
	neg("students", "全日制在校学生人数", f.Students)
	cg := &f.Congress
	neg("congress.delegates", "学生代表大会代表人数", cg.Delegates)
	neg("congress.non_cadre_delegates", "非学生会骨干代表人数", cg.NonCadreDelegates)
	neg("congress.present", "出席代表人数", cg.Present)
	neg("congress.presidium_seats", "主席团应选人数", cg.PresidiumSeats)
	neg("congress.presidium_candidates", "主席团候选人数", cg.PresidiumCandidates)
	neg("congress.delegate_candidates", "代表候选人数", cg.DelegateCandidates)
	pct("congress.stated_delegate_percent", "代表占学生人数的比例", cg.StatedDelegatePercent)
	pct("congress.stated_non_cadre_percent", "非学生会骨干代表占代表的比例", cg.StatedNonCadrePercent)
	for i, s := range cg.SeatsByCollege {
		if s.Seats < 0 {
			c.addf(RuleInputRange, fmt.Sprintf("congress.seats_by_college[%d].seats", i), "“%s”的代表名额填为%d，人数不能为负数", s.College, s.Seats)
		}
	}
	pct("satisfaction.union.stated_percent", "整体工作满意率", f.Satisfaction.Union.StatedPercent)
	pct("satisfaction.staff.stated_percent", "工作人员满意率", f.Satisfaction.Staff.StatedPercent)
	if cg.PresidiumSeats != nil && cg.PresidiumCandidates != nil && *cg.PresidiumSeats >= 0 && *cg.PresidiumCandidates >= 0 &&
		cg.Contested != nil && !*cg.Contested && *cg.PresidiumCandidates < *cg.PresidiumSeats {
		c.addf(RuleInputRange, "congress.presidium_candidates", "主席团为等额选举、应选%d人，候选人却只有%d人，请核对", *cg.PresidiumSeats, *cg.PresidiumCandidates)
	}
	for i := range f.CollegeUnions {
		u := &f.CollegeUnions[i]
		base := fmt.Sprintf("college_unions[%d]", i)
		name := u.Name
		if name == "" {
			name = fmt.Sprintf("第%d个二级学生会组织", i+1)
		}
		neg(base+".staff", "“"+name+"”的工作人员人数", u.Staff)
		neg(base+".presidium", "“"+name+"”的主席团人数", u.Presidium)
		if u.Staff != nil && u.Presidium != nil && *u.Presidium >= 0 && *u.Staff >= 0 && *u.Presidium > *u.Staff {
			c.addf(RuleInputRange, base+".presidium", "“%s”的主席团%d人，多于该组织工作人员%d人，主席团成员也是工作人员，请核对", name, *u.Presidium, *u.Staff)
		}
	}
}
