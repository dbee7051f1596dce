package forms

import (
	"fmt"
	"strings"
)

// LimitSettings are the limits an edition file sets in its [limits] table:
// the numbers the form's items name and the titles item 6 (2021 on) allows.
// A key left out keeps the value of DefaultLimits, so a user's edition
// need only name what its form changes.
type LimitSettings struct {
	// Staff and LargeSchoolStaff: 工作人员不超过40人，学生人数较多、分校区
	// 较多的高校不超过60人.
	Staff            *int `toml:"staff"`
	LargeSchoolStaff *int `toml:"large_school_staff"`
	// Presidium: 主席团成员不超过5人. Departments: 工作部门不超过6个.
	Presidium   *int `toml:"presidium"`
	Departments *int `toml:"departments"`
	// DepartmentStaff: the usual size of a department (一般不超过6人).
	DepartmentStaff *int `toml:"department_staff"`
	// CollegeStaff and CollegePresidium: 二级学生会组织工作人员不超过30人，
	// 主席团成员不超过3人.
	CollegeStaff     *int `toml:"college_staff"`
	CollegePresidium *int `toml:"college_presidium"`
	// RankPercent: 学习成绩综合排名在本专业前30%以内.
	RankPercent *int `toml:"rank_percent"`
	// Titles are the positions the form allows (主席、副主席、执行主席、部长、
	// 副部长、干事; the 2023—2024学年 wording adds 主席团成员).
	Titles []string `toml:"titles"`
}

// apply returns l with the settings that are set.
func (s *LimitSettings) apply(l Limits) Limits {
	set := func(dst *int, v *int) {
		if v != nil {
			*dst = *v
		}
	}
	set(&l.Staff, s.Staff)
	set(&l.LargeSchoolStaff, s.LargeSchoolStaff)
	set(&l.Presidium, s.Presidium)
	set(&l.Departments, s.Departments)
	set(&l.DepartmentStaff, s.DepartmentStaff)
	set(&l.CollegeStaff, s.CollegeStaff)
	set(&l.CollegePresidium, s.CollegePresidium)
	set(&l.RankPercent, s.RankPercent)
	if len(s.Titles) > 0 {
		l.Titles = append([]string(nil), s.Titles...)
	}
	return l
}

// check refuses limits no form could mean: counts below 1, a percentage
// outside 1–100, a large school's limit below the ordinary one, blank or
// repeated titles.
func (s *LimitSettings) check() error {
	for _, c := range s.counts() {
		if c.v != nil && (*c.v < 1 || *c.v > 10000) {
			return fmt.Errorf("limits 中的 %s 应为正整数，实为 %d", c.key, *c.v)
		}
	}
	if s.RankPercent != nil && *s.RankPercent > 100 {
		return fmt.Errorf("limits 中的 rank_percent 是百分比，应在 1–100 之间，实为 %d", *s.RankPercent)
	}
	l := s.apply(DefaultLimits())
	if l.LargeSchoolStaff < l.Staff {
		return fmt.Errorf("limits 中的 large_school_staff（%d）不应小于 staff（%d）", l.LargeSchoolStaff, l.Staff)
	}
	seen := map[string]bool{}
	for _, t := range s.Titles {
		t = strings.TrimSpace(t)
		if t == "" {
			return fmt.Errorf("limits 的 titles 中有空的职务名称")
		}
		if seen[t] {
			return fmt.Errorf("limits 的 titles 中职务“%s”重复", t)
		}
		seen[t] = true
	}
	return nil
}

// limitCount is one numeric key of a [limits] table.
type limitCount struct {
	key string
	v   *int
}

// counts lists the numeric keys in the order edition files write them.
func (s *LimitSettings) counts() []limitCount {
	return []limitCount{{"staff", s.Staff}, {"large_school_staff", s.LargeSchoolStaff}, {"presidium", s.Presidium},
		{"departments", s.Departments}, {"department_staff", s.DepartmentStaff},
		{"college_staff", s.CollegeStaff}, {"college_presidium", s.CollegePresidium}, {"rank_percent", s.RankPercent}}
}

// empty reports whether the table sets nothing.
func (s *LimitSettings) empty() bool {
	for _, c := range s.counts() {
		if c.v != nil {
			return false
		}
	}
	return len(s.Titles) == 0
}
