// Package forms is sureform's domain: the form editions, the filing a school
// prepares, how a filing is saved and loaded, and (in files of their own) the
// rules it is checked against. It depends on no GUI and no file writer.
package forms

import (
	"fmt"
	"strings"
	"time"
)

// Organisation types (组织类型).
const (
	OrgStudentUnion  = "学生会"
	OrgGraduateUnion = "研究生会"
)

// Political statuses (政治面貌) that the reform documents accept.
const (
	PartyMember          = "中共党员"
	ProbationaryMember   = "中共预备党员"
	LeagueMember         = "共青团员"
	PresidiumDepartment  = "主席团"
	LevelUndergraduate   = "本专科"
	LevelGraduate        = "研究生"
	WindowLatestSemester = "最近1个学期"
	WindowLatestYear     = "最近1学年"
	WindowSinceEnrolment = "入学以来"
)

// Positions (学生会职务) the reform documents allow.
const (
	PositionPresident          = "主席"
	PositionVicePresident      = "副主席"
	PositionExecutivePresident = "执行主席"
	PositionHead               = "部长"
	PositionDeputyHead         = "副部长"
	PositionStaff              = "干事"
	// PositionPresidiumMember (主席团成员) is a presidium member whose exact
	// title (主席、副主席或执行主席) is yet to be confirmed: several schools'
	// own plans use the phrase. It counts in the presidium; it is not one of
	// Positions.
	PositionPresidiumMember = "主席团成员"
)

// Positions lists the allowed positions in order of rank.
var Positions = []string{PositionPresident, PositionVicePresident, PositionExecutivePresident,
	PositionHead, PositionDeputyHead, PositionStaff}

// PoliticalStatuses lists the accepted political statuses.
var PoliticalStatuses = []string{PartyMember, ProbationaryMember, LeagueMember}

// RankWindows lists the periods a rank may cover.
var RankWindows = []string{WindowLatestSemester, WindowLatestYear, WindowSinceEnrolment}

// IsPresidiumPosition reports whether a position belongs to the presidium.
func IsPresidiumPosition(p string) bool {
	return p == PositionPresident || p == PositionVicePresident || p == PositionExecutivePresident || p == PositionPresidiumMember
}

// IsLeaderPosition reports whether a position leads a department.
func IsLeaderPosition(p string) bool {
	return p == PositionHead || p == PositionDeputyHead
}

// Filing is one school's submission for one edition of the form.
type Filing struct {
	// SchemaVersion is the project file format version; see CurrentSchema.
	SchemaVersion int `json:"schema_version"`
	// Edition is the id of the form edition the filing answers.
	Edition string `json:"edition"`

	School       string `json:"school"`
	OrgType      string `json:"org_type"`
	AcademicYear string `json:"academic_year,omitempty"`
	FilingDate   Date   `json:"filing_date"`
	// Students is the number of full-time students the union represents.
	Students *int `json:"students"`
	// LargeSchool marks a school with many students or several campuses
	// (学生人数较多、分校区较多), which raises the staff limit from 40 to 60.
	LargeSchool       bool   `json:"large_school"`
	CollegeUnionCount *int   `json:"college_union_count"`
	ProvincialReview  *bool  `json:"provincial_review"`
	PublicURL         string `json:"public_url,omitempty"`

	Members     []Member     `json:"members"`
	Departments []Department `json:"departments"`
	Congress    Congress     `json:"congress"`
	Guidance    Guidance     `json:"guidance"`

	CollegeUnions []CollegeUnion `json:"college_unions"`
	// CollegeItemCounts are the counts the school states for each
	// college-level item (符合标准学生会组织数量), keyed by item id.
	CollegeItemCounts map[string]int `json:"college_item_counts,omitempty"`

	Satisfaction Satisfaction `json:"satisfaction"`

	// Answers holds the school's answer to each answerable item, keyed by
	// item id.
	Answers  map[string]Answer `json:"answers"`
	Texts    Texts             `json:"texts"`
	Opinions Opinions          `json:"opinions"`
}

// Member is one person on the school-level roster (校级组织工作人员名单).
type Member struct {
	Name            string `json:"name"`
	PoliticalStatus string `json:"political_status"`
	College         string `json:"college"`
	Major           string `json:"major,omitempty"`
	// Grade is the year of study (1 for 大一/研一); 0 when unknown.
	Grade int `json:"grade"`
	// GradeText keeps the original text of a grade that could not be read.
	GradeText string `json:"grade_text,omitempty"`
	// Level is LevelUndergraduate or LevelGraduate.
	Level string `json:"level"`
	// Rank and RankTotal are the rank within the major and the major's size;
	// either may be unknown.
	Rank      *int `json:"rank"`
	RankTotal *int `json:"rank_total"`
	// RankPercent is a rank stated only as a share (前10% → 10).
	RankPercent *float64 `json:"rank_percent,omitempty"`
	// RankWindow is the period the rank covers (RankWindows).
	RankWindow string `json:"rank_window,omitempty"`
	// Failed reports failed courses (是否存在课业不及格); nil when unknown.
	Failed     *bool  `json:"failed"`
	Experience string `json:"experience,omitempty"`
	Position   string `json:"position"`
	// Department is PresidiumDepartment or the name of a department.
	Department       string `json:"department"`
	FromCollegeUnion *bool  `json:"from_college_union"`
	// SuggestedPosition and SuggestedDepartment are a title and department
	// inferred from the work experience (学生会执行主席, 文体部部长) when the
	// roster has no 职务 column: a suggestion the user confirms
	// (ConfirmSuggestion). Nothing is derived from them until then.
	SuggestedPosition   string `json:"suggested_position,omitempty"`
	SuggestedDepartment string `json:"suggested_department,omitempty"`
}

// ConfirmSuggestion makes the suggested title and department the member's
// own, where the member has none, and clears the suggestion. It reports
// whether there was one.
func (m *Member) ConfirmSuggestion() bool {
	if m.SuggestedPosition == "" && m.SuggestedDepartment == "" {
		return false
	}
	if m.Position == "" {
		m.Position = m.SuggestedPosition
	}
	if m.Department == "" {
		m.Department = m.SuggestedDepartment
	}
	m.SuggestedPosition, m.SuggestedDepartment = "", ""
	return true
}

// IsFirstYear reports whether the member is a first-year undergraduate, who
// has no rank yet.
func (m *Member) IsFirstYear() bool {
	return m.Grade == 1 && m.Level != LevelGraduate
}

// InPresidium reports whether the member sits in the presidium.
func (m *Member) InPresidium() bool {
	return m.Department == PresidiumDepartment || (m.Department == "" && IsPresidiumPosition(m.Position))
}

// Department is one working department of the school-level union.
type Department struct {
	Name string `json:"name"`
}

// Congress is the school-level student congress (学生代表大会).
type Congress struct {
	Session string `json:"session,omitempty"`
	Date    Date   `json:"date"`
	// Planned marks a congress that has been scheduled but not yet held.
	Planned bool   `json:"planned,omitempty"`
	Place   string `json:"place,omitempty"`

	Delegates *int `json:"delegates"`
	// NonCadreDelegates are delegates who are not 校、院级学生会组织骨干.
	NonCadreDelegates *int `json:"non_cadre_delegates"`
	// Present is the number of elected delegates who attended.
	Present *int `json:"present"`
	// StatedDelegatePercent and StatedNonCadrePercent are percentages as a
	// text states them; the validator compares them with the counts.
	StatedDelegatePercent *float64 `json:"stated_delegate_percent,omitempty"`
	StatedNonCadrePercent *float64 `json:"stated_non_cadre_percent,omitempty"`

	PresidiumSeats      *int `json:"presidium_seats"`
	PresidiumCandidates *int `json:"presidium_candidates"`
	// Contested is true for a 差额 election, false for 等额.
	Contested *bool `json:"contested"`
	// DelegateCandidates is the number of delegate candidates, when known.
	DelegateCandidates *int           `json:"delegate_candidates,omitempty"`
	SeatsByCollege     []CollegeSeats `json:"seats_by_college,omitempty"`
}

// CollegeSeats is the number of congress seats given to one college.
type CollegeSeats struct {
	College string `json:"college"`
	Seats   int    `json:"seats"`
}

// Guidance names the 团委 staff responsible for the union (指导责任人).
type Guidance struct {
	// DeputySecretary is 分管学生会组织的校团委副书记.
	DeputySecretary Guide `json:"deputy_secretary"`
	// SecretaryGeneral is 学生会组织秘书长.
	SecretaryGeneral Guide `json:"secretary_general"`
}

// Guide is one responsible person: a name and whether they are full-time
// 团委 staff (专职团干).
type Guide struct {
	Name     string `json:"name"`
	FullTime *bool  `json:"full_time"`
	Note     string `json:"note,omitempty"`
}

// CollegeUnion is one college-level union (二级学生会组织). Name, the two
// counts and Items are what the form's 具体情况 shows; the other fields are
// the union's own data, collected with the college workbook (see package
// forms/college) or typed in, from which its items are derived and checked.
type CollegeUnion struct {
	Name      string `json:"name"`
	Staff     *int   `json:"staff"`
	Presidium *int   `json:"presidium"`
	// Items holds the union's 是/否 answer per college-level item id.
	Items map[string]bool `json:"items"`
	// Notes holds the union's 备注 per college-level item id.
	Notes map[string]string `json:"notes,omitempty"`

	// OrgType is 学生会 or 研究生会; empty means the filing's.
	OrgType string `json:"org_type,omitempty"`
	// Students is the number of students the union represents.
	Students *int `json:"students,omitempty"`
	// Roster is the union's staff (工作人员名单), in the school roster's
	// terms; nil when it was not collected.
	Roster []Member `json:"roster,omitempty"`
	// CongressDate is when the union's 学生代表大会 or 全体学生大会 met.
	CongressDate Date `json:"congress_date"`
	// PresidiumElection says how the presidium was chosen (主席团产生方式):
	// one of PresidiumElections, or the college's own words.
	PresidiumElection string `json:"presidium_election,omitempty"`
	// LeagueLead is the 团组织负责人 who guides the union; SecretaryGeneral
	// its 秘书长. Their FullTime says whether each is 团委 staff (团委老师).
	LeagueLead       Guide `json:"league_lead"`
	SecretaryGeneral Guide `json:"secretary_general"`
	// FilledBy and Phone name who filled in the college workbook (填表人,
	// 联系电话).
	FilledBy string `json:"filled_by,omitempty"`
	Phone    string `json:"phone,omitempty"`
	// Collection is where the union's workbook is in the round trip: sent,
	// returned (imported), or neither (entered by hand).
	Collection Collection `json:"collection"`
}

// Ways the presidium of a college union can be chosen (主席团产生方式); the
// first two are what college item 8 of the 2021 edition requires.
const (
	ElectedByCongress = "学生（研究生）代表大会选举产生"
	ElectedByAssembly = "全体学生（研究生）大会选举产生"
	ElectedOtherwise  = "其他方式产生"
)

// States of a college union's Collection.
const (
	collegeStateSent   = "sent"
	collegeStateReturn = "returned"
)

// PresidiumElections lists the ways of choosing a college presidium the
// college workbook offers.
var PresidiumElections = []string{ElectedByCongress, ElectedByAssembly, ElectedOtherwise}

// Collection is the round trip of one college union's workbook.
type Collection struct {
	// State is "" (entered by hand), "sent" (workbook written, 未收回) or
	// "returned" (workbook imported).
	State string `json:"state,omitempty"`
	// Sent is when the workbook was written; Returned when it was imported.
	Sent     Date `json:"sent"`
	Returned Date `json:"returned"`
	// File is the base name of the workbook imported.
	File string `json:"file,omitempty"`
}

// Pending reports whether the union's workbook was sent and has not come
// back (未收回).
func (c Collection) Pending() bool { return c.State == collegeStateSent }

// IsReturned reports whether the union's data came from its workbook.
func (c Collection) IsReturned() bool { return c.State == collegeStateReturn }

// MarkSent records that the union's workbook was written on a day; a
// union whose workbook already came back keeps that state.
func (c *Collection) MarkSent(d Date) {
	if c.State != collegeStateReturn {
		c.State = collegeStateSent
	}
	c.Sent = d
}

// MarkReturned records that the union's workbook, file, was imported on a day.
func (c *Collection) MarkReturned(d Date, file string) {
	c.State, c.Returned, c.File = collegeStateReturn, d, file
}

// Satisfaction holds the survey counts for the 2020 edition's items 16–17.
type Satisfaction struct {
	Union SurveyQuestion `json:"union"`
	Staff SurveyQuestion `json:"staff"`
}

// SurveyQuestion is the tally of one survey question.
type SurveyQuestion struct {
	Sample             *int     `json:"sample"`
	Satisfied          *int     `json:"satisfied"`
	BasicallySatisfied *int     `json:"basically_satisfied"`
	StatedPercent      *float64 `json:"stated_percent,omitempty"`
}

// Answer is the school's answer to one item.
type Answer struct {
	// Met is true for 达标/是, false for 未达标/否, nil when unanswered.
	Met  *bool  `json:"met"`
	Note string `json:"note,omitempty"`
}

// Texts are the free-text sections of a disclosure.
type Texts struct {
	Charter         string `json:"charter,omitempty"`
	CandidateMethod string `json:"candidate_method,omitempty"`
	CongressReport  string `json:"congress_report,omitempty"`
	DelegateMethod  string `json:"delegate_method,omitempty"`
	ReviewMethod    string `json:"review_method,omitempty"`
	PartyGuidance   string `json:"party_guidance,omitempty"`
	Experience      string `json:"experience,omitempty"`
	BrandProjects   string `json:"brand_projects,omitempty"`
	Problems        string `json:"problems,omitempty"`
	Improvements    string `json:"improvements,omitempty"`
}

// Opinions are the ticks of the signature blocks, when already decided.
type Opinions struct {
	UnionAccepts  *bool `json:"union_accepts"`
	LeagueAccepts *bool `json:"league_accepts"`
}

// TextSection names one free-text section with its Chinese title.
type TextSection struct {
	Key   string
	Title string
	Get   func(*Texts) *string
}

// TextSections lists the free-text sections in the order a disclosure has
// them.
var TextSections = []TextSection{
	{"charter", "学生会组织章程", func(t *Texts) *string { return &t.Charter }},
	{"candidate_method", "校级组织主席团成员候选人产生办法及选举办法", func(t *Texts) *string { return &t.CandidateMethod }},
	{"congress_report", "校级学生（研究生）代表大会召开情况", func(t *Texts) *string { return &t.CongressReport }},
	{"delegate_method", "校级学生（研究生）代表大会代表产生办法", func(t *Texts) *string { return &t.DelegateMethod }},
	{"review_method", "校级组织工作人员述职评议办法", func(t *Texts) *string { return &t.ReviewMethod }},
	{"party_guidance", "学校党委指导学生会组织工作情况", func(t *Texts) *string { return &t.PartyGuidance }},
	{"experience", "典型经验", func(t *Texts) *string { return &t.Experience }},
	{"brand_projects", "服务同学品牌项目和主要内容", func(t *Texts) *string { return &t.BrandProjects }},
	{"problems", "问题不足", func(t *Texts) *string { return &t.Problems }},
	{"improvements", "改进建议", func(t *Texts) *string { return &t.Improvements }},
}

// NewFiling returns an empty filing for an edition.
func NewFiling(ed *Edition, school, orgType string, today time.Time) *Filing {
	if orgType == "" {
		orgType = OrgStudentUnion
	}
	return &Filing{
		SchemaVersion: CurrentSchema,
		Edition:       ed.ID,
		School:        school,
		OrgType:       orgType,
		AcademicYear:  AcademicYearOf(today),
		FilingDate:    DateOf(today),
		Answers:       map[string]Answer{},
	}
}

// AcademicYearOf names the academic year a date falls in, as
// "2021—2022学年"; an academic year starts in September.
func AcademicYearOf(t time.Time) string {
	y := t.Year()
	if t.Month() < time.September {
		y--
	}
	return fmt.Sprintf("%d—%d学年", y, y+1)
}

// Presidium returns the indexes of the members in the presidium.
func (f *Filing) Presidium() []int {
	var out []int
	for i := range f.Members {
		if f.Members[i].InPresidium() {
			out = append(out, i)
		}
	}
	return out
}

// DepartmentNames returns the departments' names: those declared, then any
// other department that a member names, in roster order.
func (f *Filing) DepartmentNames() []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		n = strings.TrimSpace(n)
		if n == "" || n == PresidiumDepartment || seen[n] {
			return
		}
		seen[n] = true
		out = append(out, n)
	}
	for _, d := range f.Departments {
		add(d.Name)
	}
	for i := range f.Members {
		if !f.Members[i].InPresidium() {
			add(f.Members[i].Department)
		}
	}
	return out
}

// DepartmentMembers returns the indexes of the members of a department.
func (f *Filing) DepartmentMembers(name string) []int {
	var out []int
	for i := range f.Members {
		if !f.Members[i].InPresidium() && strings.TrimSpace(f.Members[i].Department) == name {
			out = append(out, i)
		}
	}
	return out
}

// IntPtr returns a pointer to v, for the optional counts of a filing.
func IntPtr(v int) *int { return &v }

// BoolPtr returns a pointer to v, for the optional flags of a filing.
func BoolPtr(v bool) *bool { return &v }

// FloatPtr returns a pointer to v, for the stated percentages of a filing.
func FloatPtr(v float64) *float64 { return &v }
