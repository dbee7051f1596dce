package forms

import (
	"fmt"
	"strings"
)

// Limits the reform documents set, as of the 2020 and 2021 editions: the
// values of DefaultLimits. The percentages are whole numbers so that every
// comparison is exact (see Ratio.AtLeast). Rules read limits from an
// edition's Limits, never from these constants directly.
const (
	StaffLimit               = 40
	LargeSchoolStaffLimit    = 60
	PresidiumLimit           = 5
	DepartmentLimit          = 6
	DepartmentStaffLimit     = 6
	CollegeStaffLimit        = 30
	CollegePresidiumLimit    = 3
	RankPercentLimit         = 30
	DelegatePercentMin       = 1
	NonCadrePercentMin       = 60
	CandidatePercentMin      = 120
	SatisfactionPercentMin   = 60
	FromCollegePercentMin    = 50
	DefaultLeadersMin        = 2
	DefaultLeadersMax        = 3
	DefaultQuorumNumerator   = 2
	DefaultQuorumDenominator = 3
)

// Limits are the numbers and words an edition's rules check, in one place:
// every rule and fact decider reads them from here, so that an edition can
// set its own.
type Limits struct {
	// Staff: 校级学生会组织工作人员一般不超过40人; LargeSchoolStaff: 学生人数
	// 较多、分校区较多的高校不超过60人.
	Staff, LargeSchoolStaff int
	// Presidium: 主席团成员不超过5人. Departments: 工作部门不超过6个.
	Presidium, Departments int
	// DepartmentStaff: the usual 章程 size of a department (一般不超过6人).
	DepartmentStaff int
	// CollegeStaff and CollegePresidium: 院级学生会组织工作人员不超过30人，
	// 主席团成员不超过3人.
	CollegeStaff, CollegePresidium int
	// RankPercent: 学习成绩综合排名在本专业前30%以内.
	RankPercent int
	// DelegatePercent: 代表名额不低于所联系学生人数的1%; NonCadrePercent:
	// 非校、院级学生会组织骨干的代表不低于60%; CandidatePercent: 差额选举
	// 候选人数多于应选人数20% (120 % of the seats).
	DelegatePercent, NonCadrePercent, CandidatePercent int
	// SatisfactionPercent: 满意率达到60%. FromCollegePercent: 来自院级学生会
	// 的工作人员一般不少于50%.
	SatisfactionPercent, FromCollegePercent int
	// LeadersMin, LeadersMax: department heads (部长、副部长) per department
	// where the 章程 says nothing; QuorumNum/QuorumDen: the quorum of a
	// congress where the 章程 says nothing (三分之二).
	LeadersMin, LeadersMax int
	QuorumNum, QuorumDen   int
	// Titles are the positions the form allows: 主席、副主席、执行主席、部长、
	// 副部长、干事.
	Titles []string
}

// DefaultLimits returns the limits of the reform documents behind the 2020
// and 2021 editions.
func DefaultLimits() Limits {
	return Limits{
		Staff: StaffLimit, LargeSchoolStaff: LargeSchoolStaffLimit,
		Presidium: PresidiumLimit, Departments: DepartmentLimit, DepartmentStaff: DepartmentStaffLimit,
		CollegeStaff: CollegeStaffLimit, CollegePresidium: CollegePresidiumLimit,
		RankPercent:     RankPercentLimit,
		DelegatePercent: DelegatePercentMin, NonCadrePercent: NonCadrePercentMin, CandidatePercent: CandidatePercentMin,
		SatisfactionPercent: SatisfactionPercentMin, FromCollegePercent: FromCollegePercentMin,
		LeadersMin: DefaultLeadersMin, LeadersMax: DefaultLeadersMax,
		QuorumNum: DefaultQuorumNumerator, QuorumDen: DefaultQuorumDenominator,
		Titles: append([]string(nil), Positions...),
	}
}

// Limits returns the limits the edition's rules check: those its [limits]
// table sets (see LimitSettings), DefaultLimits for the keys it leaves out.
func (e *Edition) Limits() Limits { return e.LimitSettings.apply(DefaultLimits()) }

// StaffFor is the school-level staff limit of a filing: Staff, or
// LargeSchoolStaff for a school marked as large or multi-campus.
func (l *Limits) StaffFor(f *Filing) int {
	if f.LargeSchool {
		return l.LargeSchoolStaff
	}
	return l.Staff
}

// StaffLimitFor is the school-level staff limit of a filing under the
// default limits: 40, or 60 for a school marked as large or multi-campus.
func StaffLimitFor(f *Filing) int {
	l := DefaultLimits()
	return l.StaffFor(f)
}

// AllowsTitle reports whether a position is one of the allowed titles.
func (l *Limits) AllowsTitle(p string) bool {
	for _, q := range l.Titles {
		if p == q {
			return true
		}
	}
	return false
}

// titleList names the allowed titles for a message: 主席、副主席、…、干事.
func (l *Limits) titleList() string { return strings.Join(l.Titles, "、") }

// IsAllowedPosition reports whether a position is one the forms allow
// under the default limits.
func IsAllowedPosition(p string) bool {
	for _, q := range Positions {
		if p == q {
			return true
		}
	}
	return false
}

// IsLayerName reports whether a department name marks a standing layer the
// reform forbids (a 中心 or 项目办公室).
func IsLayerName(name string) bool {
	return strings.Contains(name, "中心") || strings.Contains(name, "项目办公室")
}

// decideStructure: 工作机构实行“主席团+工作部门”模式，不在工作部门以上或以下
// 设置“中心”“项目办公室”等常设层级.
func decideStructure(in *factInput) (*bool, string) {
	d := in.d
	for _, n := range d.DepartmentNames {
		if IsLayerName(n) {
			return BoolPtr(false), "设有“" + n + "”，属于“中心”“项目办公室”类常设层级"
		}
	}
	if d.Presidium == 0 || d.Departments == 0 {
		return nil, "名单未显示主席团和工作部门，无法判断架构"
	}
	return BoolPtr(true), fmt.Sprintf("主席团%d人，工作部门%d个，未设“中心”“项目办公室”", d.Presidium, d.Departments)
}

// decideStaffLimit: 校级学生会组织工作人员一般不超过40人（学生人数较多、
// 分校区较多的高校不超过60人）.
func decideStaffLimit(in *factInput) (*bool, string) {
	d := in.d
	if d.Staff == 0 {
		return nil, "名单为空"
	}
	return countWithin("名单", d.Staff, in.lim.StaffFor(in.f), "人")
}

// countWithin decides a count against its limit, saying both: 名单实有41人，
// 超过40人.
func countWithin(what string, n, limit int, unit string) (*bool, string) {
	if n > limit {
		return BoolPtr(false), fmt.Sprintf("%s实有%d%s，超过%d%s", what, n, unit, limit, unit)
	}
	return BoolPtr(true), fmt.Sprintf("%s实有%d%s，不超过%d%s", what, n, unit, limit, unit)
}

// decidePresidiumLimit: 主席团成员不超过5人.
func decidePresidiumLimit(in *factInput) (*bool, string) {
	d, lim := in.d, in.lim.Presidium
	if d.Presidium == 0 {
		return nil, "名单中没有标明主席团成员"
	}
	return countWithin("主席团", d.Presidium, lim, "人")
}

// decideDepartmentLimit: 工作部门不超过6个.
func decideDepartmentLimit(in *factInput) (*bool, string) {
	f, d, lim := in.f, in.d, in.lim.Departments
	if d.Departments > lim && departmentsInDoubt(f, lim) {
		return nil, fmt.Sprintf("工作部门列表只有%d个，名单中另有列表外的部门名称，合计%d个，需核对是否为同一部门的不同写法", declaredDepartments(f), d.Departments)
	}
	if d.Departments == 0 {
		return nil, "未填工作部门"
	}
	return countWithin("工作部门", d.Departments, lim, "个")
}

// decideCollegeStaffLimit: 院级学生会组织工作人员不超过30人.
func decideCollegeStaffLimit(in *factInput) (*bool, string) {
	return decideColleges(in.f, func(u *CollegeUnion) *int { return u.Staff }, in.lim.CollegeStaff, "工作人员", "人")
}

// decideCollegePresidiumLimit: 院级学生会组织主席团成员不超过3人.
func decideCollegePresidiumLimit(in *factInput) (*bool, string) {
	return decideColleges(in.f, func(u *CollegeUnion) *int { return u.Presidium }, in.lim.CollegePresidium, "主席团成员", "人")
}

func decideColleges(f *Filing, get func(*CollegeUnion) *int, limit int, what, unit string) (*bool, string) {
	if len(f.CollegeUnions) == 0 {
		return nil, "未列出二级学生会组织"
	}
	over, unknown := 0, 0
	for i := range f.CollegeUnions {
		v := get(&f.CollegeUnions[i])
		switch {
		case v == nil:
			unknown++
		case *v > limit:
			over++
		}
	}
	if over > 0 {
		return BoolPtr(false), fmt.Sprintf("%d个二级学生会组织%s超过%d%s", over, what, limit, unit)
	}
	if unknown > 0 {
		return nil, fmt.Sprintf("%d个二级学生会组织未填%s人数", unknown, what)
	}
	return BoolPtr(true), fmt.Sprintf("各二级学生会组织%s均不超过%d%s", what, limit, unit)
}

// declaredDepartments counts the distinct department names the filing
// declares.
func declaredDepartments(f *Filing) int {
	seen := make(map[string]bool, len(f.Departments))
	for _, dp := range f.Departments {
		if n := trimSpace(dp.Name); n != "" && n != PresidiumDepartment {
			seen[n] = true
		}
	}
	return len(seen)
}

// departmentsInDoubt reports whether the department count exceeds the limit
// only because members name departments that are not declared, which may
// be other spellings of declared ones (办公部 for 办公文秘部).
func departmentsInDoubt(f *Filing, limit int) bool {
	n := declaredDepartments(f)
	return n > 0 && n <= limit
}
