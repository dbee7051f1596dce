package forms

import (
	"fmt"
	"strings"
)

// College facts: the facts of the college-level items (二级学生会组织情况)
// that a college union's own data decides, each the counterpart of a
// school-level fact decided the same way on the union's roster, congress
// and guidance (see DeriveCollege).
const (
	FactCollegeStructure        = "college_structure"
	FactCollegeTitles           = "college_titles"
	FactCollegePoliticalStatus  = "college_political_status"
	FactCollegeAcademicRecord   = "college_academic_record"
	FactCollegePresidiumElected = "college_presidium_elected"
	FactCollegeCongressHeld     = "college_congress_held"
	FactCollegeGuidance         = "college_guidance"
)

// Rules about a college union's own data.
const (
	RuleCollegeNotReturned         = "college.not_returned"
	RuleCollegeRosterEmpty         = "college.roster_empty"
	RuleCollegeRosterCount         = "college.roster_count"
	RuleCollegeCongressHeld        = "college.congress_held"
	RuleCollegeCongressMissing     = "college.congress_missing"
	RuleCollegeElection            = "college.presidium_election"
	RuleCollegeElectionMissing     = "college.presidium_election_missing"
	RuleCollegeGuidance            = "college.guidance"
	RuleCollegeGuidanceUnknown     = "college.guidance_unverified"
	RuleCollegeAnswerContradiction = "college.answer_contradiction"
)

// collegeRules are the catalogue's rules about a college union's own data;
// init adds them to the catalogue.
var collegeRules = []Rule{
	{ID: RuleCollegeNotReturned, Severity: SeverityWarning, Title: "已发出的二级学生会组织填报表尚未收回（未收回的可由学校按实际情况手工填写）", Source: srcForm},
	{ID: RuleCollegeRosterEmpty, Severity: SeverityWarning, Title: "收回的二级学生会组织填报表中工作人员名单为空，人数、职务、政治面貌和成绩都无法核对",
		Facts: []string{FactCollegeStaffLimit, FactCollegePresidiumLimit, FactCollegeTitles, FactCollegePoliticalStatus, FactCollegeAcademicRecord}, Source: srcForm},
	{ID: RuleCollegeRosterCount, Severity: SeverityError, Title: "二级学生会组织填写的工作人员、主席团人数须与其工作人员名单一致",
		Facts: []string{FactCollegeStaffLimit, FactCollegePresidiumLimit}, Source: srcForm},
	{ID: RuleCollegeCongressHeld, Severity: SeverityError, Title: "二级学生会组织须按期召开学生（研究生）代表大会或全体学生（研究生）大会",
		Facts: []string{FactCollegeCongressHeld}, Source: srcItems, Requirement: true},
	{ID: RuleCollegeCongressMissing, Severity: SeverityWarning, Title: "二级学生会组织未填学代会或全体学生大会召开日期，无法核对",
		Facts: []string{FactCollegeCongressHeld}, Source: srcItems},
	{ID: RuleCollegeElection, Severity: SeverityError, Title: "二级学生会组织主席团须由学生（研究生）代表大会或全体学生（研究生）大会选举产生",
		Facts: []string{FactCollegePresidiumElected}, Source: srcItems, Requirement: true},
	{ID: RuleCollegeElectionMissing, Severity: SeverityWarning, Title: "二级学生会组织未填主席团产生方式，无法核对",
		Facts: []string{FactCollegePresidiumElected}, Source: srcItems},
	{ID: RuleCollegeGuidance, Severity: SeverityError, Title: "二级学生会组织须明确1名团组织负责人指导，并聘任团委老师担任秘书长",
		Facts: []string{FactCollegeGuidance}, Source: srcItems, Requirement: true},
	{ID: RuleCollegeGuidanceUnknown, Severity: SeverityWarning, Title: "二级学生会组织未填团组织负责人、秘书长或其是否为团委老师，无法核对",
		Facts: []string{FactCollegeGuidance}, Source: srcItems},
	{ID: RuleCollegeAnswerContradiction, Severity: SeverityError, Title: "二级学生会组织的自评答案与其数据矛盾", Source: srcForm},
}

// collegeFactOf maps a school-level fact to the college fact decided the
// same way on a college union's data, so that a finding about a member of
// a college roster concerns the college items.
var collegeFactOf = map[string]string{
	FactStructure:       FactCollegeStructure,
	FactStaffLimit:      FactCollegeStaffLimit,
	FactPresidiumLimit:  FactCollegePresidiumLimit,
	FactTitles:          FactCollegeTitles,
	FactPoliticalStatus: FactCollegePoliticalStatus,
	FactAcademicRecord:  FactCollegeAcademicRecord,
	FactCongressHeld:    FactCollegeCongressHeld,
	FactGuidance:        FactCollegeGuidance,
}

// collegeDeciders decide each college fact on one union's data. It is set
// by init, since the deciders use the school's, which use it.
var collegeDeciders map[string]func(x *collegeView) (*bool, string)

func makeCollegeDeciders() map[string]func(x *collegeView) (*bool, string) {
	return map[string]func(x *collegeView) (*bool, string){
		FactCollegeStaffLimit: func(x *collegeView) (*bool, string) {
			return x.size(x.d.Staff, x.lim.CollegeStaff, "工作人员")
		},
		FactCollegePresidiumLimit: func(x *collegeView) (*bool, string) {
			if x.u.Roster != nil && x.d.Presidium == 0 {
				return nil, "工作人员名单中没有标明主席团成员"
			}
			return x.size(x.d.Presidium, x.lim.CollegePresidium, "主席团成员")
		},
		FactCollegeStructure:       func(x *collegeView) (*bool, string) { return x.school(FactStructure) },
		FactCollegeTitles:          func(x *collegeView) (*bool, string) { return x.school(FactTitles) },
		FactCollegePoliticalStatus: func(x *collegeView) (*bool, string) { return x.school(FactPoliticalStatus) },
		FactCollegeAcademicRecord:  func(x *collegeView) (*bool, string) { return x.school(FactAcademicRecord) },
		FactCollegePresidiumElected: func(x *collegeView) (*bool, string) {
			switch m := trimSpace(x.u.PresidiumElection); {
			case m == "":
				return nil, "未填主席团产生方式"
			case IsElectedPresidium(m):
				return BoolPtr(true), "主席团由" + strings.TrimSuffix(m, "产生") + "产生"
			default:
				return BoolPtr(false), "主席团产生方式为“" + m + "”，不是由学生代表大会或全体学生大会选举产生"
			}
		},
		FactCollegeCongressHeld: func(x *collegeView) (*bool, string) {
			held, why := CongressHeld(x.f, x.ed)
			if x.u.CongressDate.IsZero() {
				return nil, "未填学生代表大会或全体学生大会召开日期"
			}
			return held, why
		},
		FactCollegeGuidance: func(x *collegeView) (*bool, string) {
			lead, sec := x.u.LeagueLead, x.u.SecretaryGeneral
			switch {
			case lead.FullTime != nil && !*lead.FullTime:
				return BoolPtr(false), "指导的团组织负责人" + trimSpace(lead.Name) + "不是团委（团总支）老师"
			case sec.FullTime != nil && !*sec.FullTime:
				return BoolPtr(false), "秘书长" + trimSpace(sec.Name) + "不是团委老师"
			case trimSpace(lead.Name) == "" || trimSpace(sec.Name) == "" || lead.FullTime == nil || sec.FullTime == nil:
				return nil, "团组织负责人、秘书长的姓名或是否为团委老师未填全"
			}
			return BoolPtr(true), "团组织负责人" + trimSpace(lead.Name) + "指导，秘书长" + trimSpace(sec.Name) + "为团委老师"
		},
	}
}

func init() {
	collegeDeciders = makeCollegeDeciders()
	for i := range collegeRules {
		r := &collegeRules[i]
		catalogue = append(catalogue, *r)
		ruleIndex[r.ID] = r
	}
	// The college facts the school's table does not decide itself join it,
	// deciding each over every union (see decideCollegeFact).
	for fact := range collegeDeciders {
		if _, ok := factDeciders[fact]; ok {
			continue // the size limits, decided from the typed counts
		}
		fact := fact
		factDeciders[fact] = func(in *factInput) (*bool, string) { return decideCollegeFact(in.f, in.ed, Item{Fact: fact}) }
		knownFacts[fact] = true
	}
	for k, v := range collegeFieldLabels {
		fieldLabels[k] = v
	}
	for k, v := range fieldLabels {
		if rest, ok := strings.CutPrefix(k, "members[]."); ok {
			fieldLabels["college_unions[].roster[]."+rest] = v
		}
	}
}

var collegeFieldLabels = map[string]string{
	"college_unions[].notes":                       "备注",
	"college_unions[].notes[]":                     "备注",
	"college_unions[].org_type":                    "组织类型",
	"college_unions[].students":                    "学生人数",
	"college_unions[].roster":                      "二级学生会组织工作人员名单",
	"college_unions[].congress_date":               "学代会或全体学生大会召开日期",
	"college_unions[].presidium_election":          "主席团产生方式",
	"college_unions[].league_lead":                 "指导的团组织负责人",
	"college_unions[].league_lead.name":            "团组织负责人姓名",
	"college_unions[].league_lead.full_time":       "团组织负责人是否为团委老师",
	"college_unions[].league_lead.note":            "团组织负责人备注",
	"college_unions[].secretary_general":           "二级学生会组织秘书长",
	"college_unions[].secretary_general.name":      "秘书长姓名",
	"college_unions[].secretary_general.full_time": "秘书长是否为团委老师",
	"college_unions[].secretary_general.note":      "秘书长备注",
	"college_unions[].filled_by":                   "填表人",
	"college_unions[].phone":                       "联系电话",
	"college_unions[].collection":                  "填报表收回情况",
	"college_unions[].collection.state":            "收回状态",
	"college_unions[].collection.sent":             "发出日期",
	"college_unions[].collection.returned":         "收回日期",
	"college_unions[].collection.file":             "收回的文件",
	"college_unions[].roster[]":                    "工作人员",
}

// IsElectedPresidium reports whether a way of choosing a presidium is an
// election by the student congress or the students' general assembly.
func IsElectedPresidium(method string) bool {
	m := withoutAsides(trimSpace(method))
	for _, not := range []string{"不是", "非", "委员会", "常任", "常务", "任命", "指定"} {
		if strings.Contains(m, not) {
			return false // not the congress or assembly itself, or not elected
		}
	}
	return strings.Contains(m, "选举") && (strings.Contains(m, "代表大会") || strings.Contains(m, "全体"))
}

// withoutAsides drops the parenthesised asides of a text, such as the
// item's own （非其委员会、常务委员会、常任代表会议等）.
func withoutAsides(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// UnionName names a college union for a message: its name, with 学生会 or
// 研究生会 added when the name does not say (医学护理系 → 医学护理系学生会).
func (u *CollegeUnion) UnionName(f *Filing) string {
	name := trimSpace(u.Name)
	if strings.HasSuffix(name, "学生会") || strings.HasSuffix(name, "研究生会") {
		return name
	}
	org := u.OrgType
	if org == "" && f != nil {
		org = f.OrgType
	}
	if org == "" {
		org = OrgStudentUnion
	}
	return name + org
}

// CollegeDerived is what a college union's own data says about the
// college-level items: the counts of its roster and, for each item the
// data decides, the answer and why.
type CollegeDerived struct {
	// HasRoster reports whether the union's roster was collected; Staff and
	// Presidium count it.
	HasRoster bool `json:"has_roster"`
	Staff     int  `json:"staff"`
	Presidium int  `json:"presidium"`
	// Items holds a suggestion for every college-level item, keyed by item
	// id; Met is nil where the data cannot decide.
	Items map[string]Suggestion `json:"items"`
}

// collegeView is one college union seen as a filing of its own, so that
// the school-level deciders and member checks apply to it unchanged.
type collegeView struct {
	u   *CollegeUnion
	ed  *Edition
	f   *Filing
	d   Derived
	lim Limits
}

func newCollegeView(school *Filing, ed *Edition, u *CollegeUnion) *collegeView {
	org := u.OrgType
	if org == "" {
		org = school.OrgType
	}
	f := &Filing{
		SchemaVersion: CurrentSchema,
		Edition:       school.Edition,
		School:        school.School,
		OrgType:       org,
		AcademicYear:  school.AcademicYear,
		FilingDate:    school.FilingDate,
		Students:      u.Students,
		Members:       u.Roster,
		Congress:      Congress{Date: u.CongressDate},
		Guidance:      Guidance{DeputySecretary: u.LeagueLead, SecretaryGeneral: u.SecretaryGeneral},
		Answers:       map[string]Answer{},
	}
	return &collegeView{u: u, ed: ed, f: f, d: deriveCounts(f), lim: ed.Limits()}
}

// school decides a roster fact the way the school-level item with that
// fact is decided.
func (x *collegeView) school(fact string) (*bool, string) {
	if x.u.Roster == nil {
		return nil, "未收集该组织的工作人员名单"
	}
	return factDeciders[fact](&factInput{f: x.f, ed: x.ed, d: &x.d, lim: &x.lim})
}

func (x *collegeView) size(n, limit int, what string) (*bool, string) {
	if x.u.Roster == nil {
		v := x.u.Staff
		if what != "工作人员" {
			v = x.u.Presidium
		}
		if v == nil {
			return nil, "未填" + what + "人数，也未收集工作人员名单"
		}
		n = *v
	} else if len(x.u.Roster) == 0 {
		return nil, "工作人员名单为空"
	}
	if n > limit {
		return BoolPtr(false), fmt.Sprintf("%s%d人，超过%d人", what, n, limit)
	}
	return BoolPtr(true), fmt.Sprintf("%s%d人，不超过%d人", what, n, limit)
}

// decideCollegeFact decides a college item for the filing as a whole:
// met when every union's data meets it, not met when some union's data
// does not, undecided otherwise.
func decideCollegeFact(f *Filing, ed *Edition, it Item) (*bool, string) {
	if len(f.CollegeUnions) == 0 {
		return nil, "未列出二级学生会组织"
	}
	decide := collegeDeciders[it.Fact]
	var failed []string
	unknown := 0
	for i := range f.CollegeUnions {
		u := &f.CollegeUnions[i]
		met, why := decide(newCollegeView(f, ed, u))
		switch {
		case met == nil:
			unknown++
		case !*met:
			failed = append(failed, u.UnionName(f)+"："+why)
		}
	}
	switch {
	case len(failed) == 1:
		return BoolPtr(false), failed[0]
	case len(failed) > 1:
		return BoolPtr(false), fmt.Sprintf("%d个二级学生会组织不符合，如%s", len(failed), failed[0])
	case unknown > 0:
		return nil, fmt.Sprintf("%d个二级学生会组织的数据无法判定", unknown)
	}
	return BoolPtr(true), "各二级学生会组织的数据均符合"
}

// DeriveCollege decides the college-level items of an edition from one
// college union's own data: the size limits, titles, political status and
// academic record from its roster (the same deciders as the school's
// items), the presidium election, the congress date (against the school's
// filing date and the edition's congress rule) and its guidance.
func DeriveCollege(f *Filing, ed *Edition, u *CollegeUnion) CollegeDerived {
	x := newCollegeView(f, ed, u)
	out := CollegeDerived{HasRoster: u.Roster != nil, Staff: x.d.Staff, Presidium: x.d.Presidium, Items: map[string]Suggestion{}}
	sec := ed.CollegeSection()
	if sec == nil {
		return out
	}
	for _, it := range sec.Answerable() {
		var s Suggestion
		if decide, ok := collegeDeciders[it.Fact]; ok {
			s.Met, s.Reason = decide(x)
		}
		out.Items[it.ID] = s
	}
	return out
}

// collegeData checks one college union's own data: whether its workbook
// came back, its roster (with the school roster's member rules), the
// counts it states against its roster, its congress, presidium election
// and guidance, and each of its answers against what its data decides.
// Every message names the union.
func (c *checker) collegeData(i int, sec *Section) {
	u := &c.f.CollegeUnions[i]
	base := fmt.Sprintf("college_unions[%d]", i)
	who := u.UnionName(c.f) + "："
	if u.Collection.Pending() {
		when := ""
		if !u.Collection.Sent.IsZero() {
			when = "（" + u.Collection.Sent.Chinese() + "发出）"
		}
		c.addItems(RuleCollegeNotReturned, base+".collection", who+"填报表"+when+"未收回；可导入收回的工作簿，或在“二级学生会组织”一步手工填写该组织的情况", []string{})
	}
	x := newCollegeView(c.f, c.ed, u)
	c.collegeRoster(x, base, who)
	if !u.Collection.IsReturned() && u.Roster == nil && u.CongressDate.IsZero() && trimSpace(u.LeagueLead.Name) == "" {
		// entered by hand as the form's matrix only: nothing more to check
		return
	}
	c.collegeFacts(x, base, who)
	if sec == nil {
		return
	}
	d := DeriveCollege(c.f, c.ed, u)
	for _, it := range sec.Answerable() {
		if it.Fact == FactCollegeStaffLimit || it.Fact == FactCollegePresidiumLimit {
			continue // the matrix-against-counts rule reports these
		}
		s := d.Items[it.ID]
		answer, ok := u.Items[it.ID]
		if !ok || s.Met == nil || answer == *s.Met {
			continue
		}
		c.addItems(RuleCollegeAnswerContradiction, base+".items["+it.ID+"]",
			fmt.Sprintf("%s%s答“%s”，但%s", who, c.label(it.ID), yesNo(answer), s.Reason), []string{it.ID})
	}
}

// collegeGaps tells a college union's real gaps from mistakes, as gaps
// does for the school: an error of a requirement rule among the findings
// from start on, about union i, whose items the union answers 否, becomes
// an 未达标项.
func (c *checker) collegeGaps(i, start int) {
	u := &c.f.CollegeUnions[i]
	for k := start; k < len(c.out); k++ {
		fd := &c.out[k]
		if fd.Severity != SeverityError || len(fd.Items) == 0 || !ruleIndex[fd.Rule].Requirement {
			continue
		}
		all := true
		for _, id := range fd.Items {
			if v, ok := u.Items[id]; !ok || v {
				all = false
				break
			}
		}
		if all {
			fd.Severity = SeverityUnmet
		}
	}
}

// collegeRoster checks a college roster member by member with the school
// roster's rules, and the counts the union states against it.
func (c *checker) collegeRoster(x *collegeView, base, who string) {
	u := x.u
	if u.Roster == nil {
		return
	}
	if len(u.Roster) == 0 {
		c.add(RuleCollegeRosterEmpty, base+".roster", who+"收回的填报表中工作人员名单是空的，人数、职务、政治面貌和学习成绩都无法核对")
		return
	}
	sub := newChecker(x.f, x.ed, &x.d)
	sub.members()
	for _, fd := range sub.out {
		var items []string
		for _, fact := range ruleIndex[fd.Rule].Facts {
			items = append(items, c.facts[collegeFactOf[fact]]...)
		}
		if items == nil {
			items = []string{}
		}
		path := fd.Path
		if rest, ok := strings.CutPrefix(path, "members"); ok {
			path = base + ".roster" + rest
		}
		c.out = append(c.out, Finding{Rule: fd.Rule, Severity: fd.Severity, Message: who + fd.Message, Path: path, Items: items})
	}
	counts := []struct {
		field, what string
		stated      *int
		actual      int
	}{
		{"staff", "工作人员", u.Staff, x.d.Staff},
		{"presidium", "主席团成员", u.Presidium, x.d.Presidium},
	}
	for _, n := range counts {
		if n.stated != nil && *n.stated != n.actual {
			c.addf(RuleCollegeRosterCount, base+"."+n.field, "%s填写%s%d人，但其工作人员名单中有%d人", who, n.what, *n.stated, n.actual)
		}
	}
}

// collegeFacts checks a college union's congress, presidium election and
// guidance against the requirements of the college-level items.
func (c *checker) collegeFacts(x *collegeView, base, who string) {
	u := x.u
	held, why := CongressHeld(x.f, c.ed)
	switch {
	case u.CongressDate.IsZero():
		c.add(RuleCollegeCongressMissing, base+".congress_date", who+"未填学生代表大会或全体学生大会召开日期，无法核对是否按期召开")
	case held == nil:
		c.add(RuleCollegeCongressMissing, base+".congress_date", who+why)
	case !*held:
		c.add(RuleCollegeCongressHeld, base+".congress_date", who+why+"；要求按期召开学生代表大会或全体学生大会")
	}
	switch m := trimSpace(u.PresidiumElection); {
	case m == "":
		c.add(RuleCollegeElectionMissing, base+".presidium_election", who+"未填主席团产生方式，无法核对主席团是否由学生代表大会或全体学生大会选举产生")
	case !IsElectedPresidium(m):
		c.add(RuleCollegeElection, base+".presidium_election", who+"主席团产生方式为“"+m+"”；主席团须由学生代表大会或全体学生大会（非其委员会、常务委员会、常任代表会议等）选举产生")
	}
	guides := []struct {
		g          *Guide
		field      string
		role, must string
	}{
		{&u.LeagueLead, "league_lead", "指导的团组织负责人", "须明确1名团组织负责人指导院级学生会组织"},
		{&u.SecretaryGeneral, "secretary_general", "秘书长", "须聘任团委老师担任院级学生会组织秘书长"},
	}
	for _, g := range guides {
		name := trimSpace(g.g.Name)
		switch {
		case g.g.FullTime != nil && !*g.g.FullTime:
			c.add(RuleCollegeGuidance, base+"."+g.field+".full_time", who+g.role+name+"不是团委老师；"+g.must)
		case name == "":
			c.add(RuleCollegeGuidanceUnknown, base+"."+g.field+".name", who+"未填"+g.role+"姓名，无法核对："+g.must)
		case g.g.FullTime == nil:
			c.add(RuleCollegeGuidanceUnknown, base+"."+g.field+".full_time", who+"未填"+g.role+name+"是否为团委老师，无法核对："+g.must)
		}
	}
}

// CollegeRosterMatch finds the school members who also appear in a college
// union's roster: the same name, and the same 院系 where both rosters
// give one (a member whose college matches the union's name counts too).
// It returns, per school member, the index of the first such union or -1.
func CollegeRosterMatch(f *Filing) []int {
	out := make([]int, len(f.Members))
	for i := range out {
		out[i] = -1
	}
	// colleges[name] lists, per college roster holding the name, the
	// union and the member's college (the union's name when blank).
	type entry struct {
		union   int
		college string
	}
	byName := map[string][]entry{}
	for k := range f.CollegeUnions {
		u := &f.CollegeUnions[k]
		for j := range u.Roster {
			name := trimSpace(u.Roster[j].Name)
			if name == "" {
				continue
			}
			college := trimSpace(u.Roster[j].College)
			if college == "" {
				college = trimSpace(u.Name)
			}
			byName[name] = append(byName[name], entry{k, college})
		}
	}
	if len(byName) == 0 {
		return out
	}
	for i := range f.Members {
		m := &f.Members[i]
		college := trimSpace(m.College)
		for _, e := range byName[trimSpace(m.Name)] {
			if college == "" || sameCollege(college, e.college) || sameCollege(college, trimSpace(f.CollegeUnions[e.union].Name)) {
				out[i] = e.union
				break
			}
		}
	}
	return out
}

// sameCollege reports whether two names of a college are the same one,
// also when one adds the union's name to it (医学护理系, 医学护理系学生会).
func sameCollege(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return a == b || strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}
