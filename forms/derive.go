package forms

import (
	"fmt"
	"math"
	"strings"
)

// Ratio is a share computed from counts, never typed: Num of Den.
type Ratio struct {
	Num int `json:"num"`
	Den int `json:"den"`
}

// Percent is the ratio as a percentage; 0 when Den is 0.
func (r Ratio) Percent() float64 {
	if r.Den == 0 {
		return 0
	}
	return 100 * float64(r.Num) / float64(r.Den)
}

// AtLeast reports whether Num/Den ≥ pct %, computed exactly in integers so
// that a boundary such as 1 % of 5,600 is not lost to rounding.
func (r Ratio) AtLeast(pct int) bool {
	return r.Den > 0 && r.Num*100 >= pct*r.Den
}

// String formats the ratio as the forms write a percentage: 76.8%, 60%.
func (r Ratio) String() string { return FormatPercent(r.Percent()) }

// FormatPercent writes a percentage with at most one decimal and no
// trailing zero: 3.1%, 60%.
func FormatPercent(p float64) string {
	v := math.Round(p*10) / 10
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	return s + "%"
}

// Derived is everything sureform computes from a filing's data: counts,
// ratios and, for each item the data decides, the suggested answer and the
// 备注 text in the edition's wording. The GUI, the validator and both
// exports read it; none of them computes these again.
type Derived struct {
	Staff       int `json:"staff"`
	Presidium   int `json:"presidium"`
	Departments int `json:"departments"`
	// DepartmentNames are the departments counted in Departments: those
	// declared, then those only members name (Filing.DepartmentNames).
	DepartmentNames []string `json:"department_names"`
	// Unassigned counts members with neither a department nor a
	// presidium position, whose place cannot be derived.
	Unassigned int `json:"unassigned"`

	// DelegateShare is delegates of students represented; nil when either
	// count is unknown. NonCadreShare is non-cadre delegates of delegates.
	DelegateShare *Ratio `json:"delegate_share"`
	NonCadreShare *Ratio `json:"non_cadre_share"`
	// CandidateRatio is presidium candidates of seats.
	CandidateRatio *Ratio `json:"candidate_ratio"`
	// Quorum is present of delegates.
	Quorum *Ratio `json:"quorum"`
	// FromCollegeShare is members from college unions of members whose
	// origin is known; nil when no member's origin is known.
	FromCollegeShare *Ratio `json:"from_college_share"`

	// SatisfactionUnion and SatisfactionStaff are (满意+基本满意) of sample.
	SatisfactionUnion *Ratio `json:"satisfaction_union"`
	SatisfactionStaff *Ratio `json:"satisfaction_staff"`

	// CollegeCounts are the column sums of the college-union matrix, per
	// college-level item id.
	CollegeCounts map[string]int `json:"college_counts"`

	// Items holds a suggestion for every answerable item of the edition,
	// keyed by item id.
	Items map[string]Suggestion `json:"items"`
}

// Suggestion is what the data says about one answerable item.
type Suggestion struct {
	// Met is the answer the data supports; nil when the data cannot decide
	// (the item needs the user's own answer).
	Met *bool `json:"met"`
	// Note is the 备注 the data gives, in the edition's wording (实有28人,
	// 召开日期为：2021年6月3日, 满意率为76.8%), or "".
	Note string `json:"note,omitempty"`
	// Reason says in Chinese why the data supports Met.
	Reason string `json:"reason,omitempty"`
}

// NoteFor is the 备注 to print for an item: the user's own note when they
// wrote one, otherwise the derived note.
func (d *Derived) NoteFor(f *Filing, id string) string {
	if a, ok := f.Answers[id]; ok && trimSpace(a.Note) != "" {
		return a.Note
	}
	return d.Items[id].Note
}

// StaffNote, PresidiumNote and DepartmentNote format the counts as the
// forms' 备注 do.
func StaffNote(n int) string      { return fmt.Sprintf("实有%d人", n) }
func PresidiumNote(n int) string  { return fmt.Sprintf("实有%d人", n) }
func DepartmentNote(n int) string { return fmt.Sprintf("实有%d个", n) }

// CongressNote formats a congress date as the forms' 备注 do.
func CongressNote(c Congress) string {
	if c.Date.IsZero() {
		return ""
	}
	if c.Planned {
		return "召开日期为：拟定为" + c.Date.Chinese()
	}
	return "召开日期为：" + c.Date.Chinese()
}

// SatisfactionNote formats a satisfaction rate as the forms' 备注 do.
func SatisfactionNote(r Ratio) string { return "满意率为" + r.String() }

// SecretaryNote names the secretary-general as item 15 of the 2020
// edition's 备注 does.
func SecretaryNote(name string) string {
	if trimSpace(name) == "" {
		return ""
	}
	return "组织秘书长：" + name
}

func ratioOf(num, den *int) *Ratio {
	if num == nil || den == nil {
		return nil
	}
	return &Ratio{Num: *num, Den: *den}
}

// deriveCounts fills the counts and ratios of d from the filing; the
// per-item suggestions are filled by the validator's fact deciders.
func deriveCounts(f *Filing) Derived {
	names := f.DepartmentNames()
	d := Derived{
		Staff:           len(f.Members),
		Presidium:       len(f.Presidium()),
		Departments:     len(names),
		DepartmentNames: names,
		CollegeCounts:   map[string]int{},
		Items:           map[string]Suggestion{},
	}
	known, fromCollege := 0, 0
	inCollege := CollegeRosterMatch(f)
	for i := range f.Members {
		m := &f.Members[i]
		if !m.InPresidium() && trimSpace(m.Department) == "" {
			d.Unassigned++
		}
		switch {
		case inCollege[i] >= 0:
			known++
			fromCollege++
		case m.FromCollegeUnion != nil:
			known++
			if *m.FromCollegeUnion {
				fromCollege++
			}
		}
	}
	if known > 0 {
		d.FromCollegeShare = &Ratio{fromCollege, known}
	}
	c := f.Congress
	d.DelegateShare = ratioOf(c.Delegates, f.Students)
	d.NonCadreShare = ratioOf(c.NonCadreDelegates, c.Delegates)
	d.CandidateRatio = ratioOf(c.PresidiumCandidates, c.PresidiumSeats)
	d.Quorum = ratioOf(c.Present, c.Delegates)
	d.SatisfactionUnion = f.Satisfaction.Union.ratio()
	d.SatisfactionStaff = f.Satisfaction.Staff.ratio()
	for _, u := range f.CollegeUnions {
		for id, ok := range u.Items {
			if ok {
				d.CollegeCounts[id]++
			} else if _, seen := d.CollegeCounts[id]; !seen {
				d.CollegeCounts[id] = 0
			}
		}
	}
	return d
}

func (q SurveyQuestion) ratio() *Ratio {
	if q.Sample == nil || (q.Satisfied == nil && q.BasicallySatisfied == nil) {
		return nil
	}
	n := 0
	if q.Satisfied != nil {
		n += *q.Satisfied
	}
	if q.BasicallySatisfied != nil {
		n += *q.BasicallySatisfied
	}
	return &Ratio{Num: n, Den: *q.Sample}
}

// Derive computes the derived facts and the suggested answer and 备注 of
// every item of the edition that the data decides.
func Derive(f *Filing, ed *Edition) Derived {
	d := deriveCounts(f)
	for _, s := range ed.Sections {
		for _, it := range s.Answerable() {
			d.Items[it.ID] = suggest(f, ed, &d, it)
		}
	}
	return d
}

// suggest gives the note for an item from its note kind and the answer
// the data supports from its fact (see decideFact).
func suggest(f *Filing, ed *Edition, d *Derived, it Item) Suggestion {
	var s Suggestion
	switch it.Note {
	case NoteStaffCount:
		s.Note = StaffNote(d.Staff)
	case NotePresidiumCount:
		s.Note = PresidiumNote(d.Presidium)
	case NoteDepartmentCount:
		s.Note = DepartmentNote(d.Departments)
	case NoteCongressDate:
		s.Note = CongressNote(f.Congress)
	case NoteSecretaryGeneral:
		s.Note = SecretaryNote(f.Guidance.SecretaryGeneral.Name)
	case NoteSatisfactionUnion:
		if d.SatisfactionUnion != nil {
			s.Note = SatisfactionNote(*d.SatisfactionUnion)
		}
	case NoteSatisfactionStaff:
		if d.SatisfactionStaff != nil {
			s.Note = SatisfactionNote(*d.SatisfactionStaff)
		}
	}
	s.Met, s.Reason = decideFact(f, ed, d, it)
	return s
}

// Limits the reform documents set. The percentages are whole numbers so
// that every comparison is exact (see Ratio.AtLeast).
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

// StaffLimitFor is the school-level staff limit of a filing: 40, or 60 for a
// school marked as large or multi-campus.
func StaffLimitFor(f *Filing) int {
	if f.LargeSchool {
		return LargeSchoolStaffLimit
	}
	return StaffLimit
}

// IsLayerName reports whether a department name marks a standing layer the
// reform forbids (a 中心 or 项目办公室).
func IsLayerName(name string) bool {
	return strings.Contains(name, "中心") || strings.Contains(name, "项目办公室")
}

// IsAcceptedPoliticalStatus reports whether a political status is one the
// reform accepts, also in the short forms rosters use (党员, 预备党员, 团员).
func IsAcceptedPoliticalStatus(s string) bool {
	switch trimSpace(s) {
	case PartyMember, ProbationaryMember, LeagueMember, "共产党员", "中国共产党党员", "党员",
		"预备党员", "团员", "中国共产主义青年团团员":
		return true
	}
	return false
}

// IsAllowedPosition reports whether a position is one the forms allow.
func IsAllowedPosition(p string) bool {
	for _, q := range Positions {
		if p == q {
			return true
		}
	}
	return false
}

// AcademicStatus is what a member's grade, rank and course record say
// about the academic requirement.
type AcademicStatus int

// Academic statuses.
const (
	// AcademicExempt: a first-year undergraduate, who has no rank yet.
	AcademicExempt AcademicStatus = iota
	// AcademicMet: within the top 30 % and no failed course (graduate
	// students: no failed course).
	AcademicMet
	// AcademicNotMet: outside the top 30 %, or a failed course.
	AcademicNotMet
	// AcademicUnknown: the data cannot decide (grade, rank, major size or
	// course record missing or unreadable).
	AcademicUnknown
)

// IsGraduate reports whether a member is a graduate student: by level, or
// for a member without a level, by the filing's organisation type.
func (f *Filing) IsGraduate(m *Member) bool {
	return m.Level == LevelGraduate || (m.Level == "" && f.OrgType == OrgGraduateUnion)
}

// RankWithinLimit reports whether rank of total is within the top 30 %,
// computed exactly: rank × 100 ≤ 30 × total (12 of 41 is, 13 of 41 is not).
func RankWithinLimit(rank, total int) bool {
	return rank*100 <= RankPercentLimit*total
}

// RankCutoff is the last rank within the top 30 % of a major of total
// students.
func RankCutoff(total int) int { return RankPercentLimit * total / 100 }

// Academic decides the academic requirement for one member.
func (f *Filing) Academic(m *Member) AcademicStatus {
	if f.IsGraduate(m) {
		switch {
		case m.Failed == nil:
			return AcademicUnknown
		case *m.Failed:
			return AcademicNotMet
		}
		return AcademicMet
	}
	if m.IsFirstYear() {
		return AcademicExempt
	}
	st := undergraduateRecord(m)
	if (m.Grade < 1 || m.Grade > 8) && st != AcademicMet {
		return AcademicUnknown
	}
	return st
}

func undergraduateRecord(m *Member) AcademicStatus {
	if m.Failed != nil && *m.Failed {
		return AcademicNotMet
	}
	rank := AcademicUnknown
	switch {
	case m.Rank != nil && m.RankTotal != nil:
		r, t := *m.Rank, *m.RankTotal
		if r >= 1 && t >= 1 && r <= t {
			rank = AcademicMet
			if !RankWithinLimit(r, t) {
				rank = AcademicNotMet
			}
		}
	case m.RankPercent != nil:
		rank = AcademicMet
		if *m.RankPercent > RankPercentLimit {
			rank = AcademicNotMet
		}
	}
	if rank == AcademicNotMet {
		return AcademicNotMet
	}
	if rank == AcademicUnknown || m.Failed == nil {
		return AcademicUnknown
	}
	return AcademicMet
}

// CongressHeld decides whether the congress counts as held for the edition:
// on or after Edition.CongressSinceDate under the "since" rule, within the
// twelve months up to the filing date under the "within_year" rule; a
// planned congress, or one dated after the filing date, is not held. It
// returns nil when the date (or the filing date) is unknown, and the reason.
func CongressHeld(f *Filing, ed *Edition) (*bool, string) {
	c := f.Congress
	if c.Date.IsZero() {
		return nil, "未填学生代表大会召开日期"
	}
	no := func(why string) (*bool, string) { return BoolPtr(false), why }
	if c.Planned {
		return no("学生代表大会拟于" + c.Date.Chinese() + "召开，尚未召开")
	}
	if !f.FilingDate.IsZero() && f.FilingDate.Before(c.Date) {
		return no("学生代表大会日期" + c.Date.Chinese() + "晚于填报日期" + f.FilingDate.Chinese() + "，尚未召开")
	}
	switch ed.CongressRule {
	case CongressSince:
		since := DateOf(ed.CongressSinceDate())
		if c.Date.Before(since) {
			return no("学生代表大会于" + c.Date.Chinese() + "召开，早于" + since.Chinese())
		}
		return BoolPtr(true), "学生代表大会于" + c.Date.Chinese() + "召开，在" + since.Chinese() + "以来"
	case CongressWithinYear:
		if f.FilingDate.IsZero() {
			return nil, "未填填报日期，无法判断学生代表大会是否在12个月内召开"
		}
		from := DateOf(f.FilingDate.Time().AddDate(-1, 0, 0))
		if c.Date.Before(from) {
			return no("学生代表大会于" + c.Date.Chinese() + "召开，不在填报日期" + f.FilingDate.Chinese() + "前12个月内（" + from.Chinese() + "以来）")
		}
		return BoolPtr(true), "学生代表大会于" + c.Date.Chinese() + "召开，在填报日期前12个月内"
	}
	return BoolPtr(true), "学生代表大会于" + c.Date.Chinese() + "召开"
}

// decideFact returns the answer the data supports for an item, from its
// fact, and why; nil when the item has no fact or the data cannot decide.
func decideFact(f *Filing, ed *Edition, d *Derived, it Item) (*bool, string) {
	yes := func(why string) (*bool, string) { return BoolPtr(true), why }
	no := func(why string) (*bool, string) { return BoolPtr(false), why }
	switch it.Fact {
	case FactStructure:
		for _, n := range d.DepartmentNames {
			if IsLayerName(n) {
				return no("设有“" + n + "”，属于“中心”“项目办公室”类常设层级")
			}
		}
		if d.Presidium == 0 || d.Departments == 0 {
			return nil, "名单未显示主席团和工作部门，无法判断架构"
		}
		return yes(fmt.Sprintf("主席团%d人，工作部门%d个，未设“中心”“项目办公室”", d.Presidium, d.Departments))
	case FactStaffLimit:
		if d.Staff == 0 {
			return nil, "名单为空"
		}
		lim := StaffLimitFor(f)
		if d.Staff > lim {
			return no(fmt.Sprintf("名单实有%d人，超过%d人", d.Staff, lim))
		}
		return yes(fmt.Sprintf("名单实有%d人，不超过%d人", d.Staff, lim))
	case FactPresidiumLimit:
		if d.Presidium > PresidiumLimit {
			return no(fmt.Sprintf("主席团实有%d人，超过%d人", d.Presidium, PresidiumLimit))
		}
		if d.Presidium == 0 {
			return nil, "名单中没有标明主席团成员"
		}
		return yes(fmt.Sprintf("主席团实有%d人，不超过%d人", d.Presidium, PresidiumLimit))
	case FactDepartmentLimit:
		if d.Departments > DepartmentLimit && departmentsInDoubt(f) {
			return nil, fmt.Sprintf("工作部门列表只有%d个，名单中另有列表外的部门名称，合计%d个，需核对是否为同一部门的不同写法", declaredDepartments(f), d.Departments)
		}
		if d.Departments > DepartmentLimit {
			return no(fmt.Sprintf("工作部门实有%d个，超过%d个", d.Departments, DepartmentLimit))
		}
		if d.Departments == 0 {
			return nil, "未填工作部门"
		}
		return yes(fmt.Sprintf("工作部门实有%d个，不超过%d个", d.Departments, DepartmentLimit))
	case FactTitles:
		return decideMembers(f, func(m *Member) (bool, bool) {
			p := trimSpace(m.Position)
			return IsAllowedPosition(p), p != ""
		}, "职务", "不在主席、副主席、执行主席、部长、副部长、干事之列")
	case FactPoliticalStatus:
		return decideMembers(f, func(m *Member) (bool, bool) {
			s := trimSpace(m.PoliticalStatus)
			return IsAcceptedPoliticalStatus(s), s != ""
		}, "政治面貌", "不是中共党员、中共预备党员或共青团员")
	case FactAcademicRecord:
		return decideMembers(f, func(m *Member) (bool, bool) {
			switch f.Academic(m) {
			case AcademicNotMet:
				return false, true
			case AcademicUnknown:
				return false, false
			}
			return true, true
		}, "成绩排名或课业情况", "不符合前30%且无不及格的要求")
	case FactCongressHeld:
		held, why := CongressHeld(f, ed)
		if held == nil || !*held || ed.CongressRule != CongressWithinYear {
			return held, why
		}
		// 按期规范召开: the delegate ratios are part of a regular congress.
		if r := d.DelegateShare; r != nil && r.Den > 0 && !r.AtLeast(DelegatePercentMin) {
			return no(fmt.Sprintf("代表%d人，占学生%d人的%s，低于1%%", r.Num, r.Den, r))
		}
		if r := d.NonCadreShare; r != nil && r.Den > 0 && !r.AtLeast(NonCadrePercentMin) {
			return no(fmt.Sprintf("非学生会骨干代表%d人，占代表%d人的%s，低于60%%", r.Num, r.Den, r))
		}
		return held, why
	case FactGuidance:
		g := f.Guidance
		if g.DeputySecretary.FullTime != nil && !*g.DeputySecretary.FullTime {
			return no("分管副书记" + g.DeputySecretary.Name + "不是专职团干部")
		}
		if g.SecretaryGeneral.FullTime != nil && !*g.SecretaryGeneral.FullTime {
			return no("秘书长" + g.SecretaryGeneral.Name + "不是专职团干部")
		}
		if trimSpace(g.DeputySecretary.Name) == "" || trimSpace(g.SecretaryGeneral.Name) == "" ||
			g.DeputySecretary.FullTime == nil || g.SecretaryGeneral.FullTime == nil {
			return nil, "指导责任人姓名或是否专职未填全"
		}
		return yes("分管副书记" + g.DeputySecretary.Name + "、秘书长" + g.SecretaryGeneral.Name + "均为专职团干部")
	case FactSatisfactionUnion:
		return decideSatisfaction(f.Satisfaction.Union, d.SatisfactionUnion)
	case FactSatisfactionStaff:
		return decideSatisfaction(f.Satisfaction.Staff, d.SatisfactionStaff)
	case FactCollegeStaffLimit:
		return decideColleges(f, func(u *CollegeUnion) *int { return u.Staff }, CollegeStaffLimit, "工作人员", "人")
	case FactCollegePresidiumLimit:
		return decideColleges(f, func(u *CollegeUnion) *int { return u.Presidium }, CollegePresidiumLimit, "主席团成员", "人")
	}
	if _, ok := collegeDeciders[it.Fact]; ok {
		return decideCollegeFact(f, ed, it)
	}
	return nil, ""
}

// decideMembers decides a per-member requirement: check returns whether a
// member meets it and whether that is known.
func decideMembers(f *Filing, check func(*Member) (ok, known bool), what, fails string) (*bool, string) {
	if len(f.Members) == 0 {
		return nil, "名单为空"
	}
	bad, unknown := 0, 0
	first := -1
	for i := range f.Members {
		ok, known := check(&f.Members[i])
		switch {
		case !known:
			unknown++
		case !ok:
			if first < 0 {
				first = i
			}
			bad++
		}
	}
	if bad > 0 {
		name := trimSpace(f.Members[first].Name)
		if bad == 1 {
			return BoolPtr(false), fmt.Sprintf("%s的%s%s", name, what, fails)
		}
		return BoolPtr(false), fmt.Sprintf("%s等%d人的%s%s", name, bad, what, fails)
	}
	if unknown > 0 {
		return nil, fmt.Sprintf("%d人的%s未填或无法核对", unknown, what)
	}
	return BoolPtr(true), fmt.Sprintf("名单%d人的%s均符合要求", len(f.Members), what)
}

func decideSatisfaction(q SurveyQuestion, r *Ratio) (*bool, string) {
	if r == nil || r.Den <= 0 || r.Num < 0 || r.Num > r.Den {
		return nil, "满意度调查人数未填或对不上"
	}
	why := fmt.Sprintf("满意和基本满意%d人，占样本%d人的%s", r.Num, r.Den, r)
	if r.AtLeast(SatisfactionPercentMin) {
		return BoolPtr(true), why + "，达到60%"
	}
	return BoolPtr(false), why + "，低于60%"
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

// trimSpace is strings.TrimSpace with a fast path for the common case of a
// Chinese or ASCII text that has no surrounding space: the validator trims
// every roster field several times per run.
func trimSpace(s string) string {
	if s == "" || mayBeSpace(s[0]) {
		return strings.TrimSpace(s)
	}
	i := len(s) - 1
	for i > 0 && len(s)-i < 4 && s[i]&0xC0 == 0x80 {
		i--
	}
	if mayBeSpace(s[i]) {
		return strings.TrimSpace(s)
	}
	return s
}

// mayBeSpace reports whether a byte starts a character that may be white
// space: an ASCII space or the lead byte of U+0085, U+00A0, U+1680,
// U+2000–U+205F or U+3000.
func mayBeSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xC2, 0xE1, 0xE2, 0xE3:
		return true
	}
	return false
}

// AnswerFor is the answer to print for an item: the user's own answer when
// they gave one, otherwise the answer the data supports (nil when neither
// exists).
func (d *Derived) AnswerFor(f *Filing, id string) *bool {
	if a, ok := f.Answers[id]; ok && a.Met != nil {
		return a.Met
	}
	return d.Items[id].Met
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
func departmentsInDoubt(f *Filing) bool {
	n := declaredDepartments(f)
	return n > 0 && n <= DepartmentLimit
}
