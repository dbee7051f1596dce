package forms

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// vTestEdition returns a built-in edition.
func vTestEdition(t testing.TB, id string) *Edition {
	t.Helper()
	eds, err := BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	ed, err := eds.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return ed
}

// vCleanFiling returns testdata/clean-2021.json, a 2021 filing that meets
// every rule, or its 2020-edition counterpart: the answers renumbered,
// satisfaction counts (80 % and exactly 60 %) and the 2020 notes added.
func vCleanFiling(t testing.TB, edition string) *Filing {
	t.Helper()
	data, err := os.ReadFile("testdata/clean-2021.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if edition == "2021" {
		return f
	}
	f.Edition = "2020"
	old := f.Answers
	f.Answers = map[string]Answer{}
	yes := BoolPtr(true)
	for _, id := range []string{"1", "2", "4", "5", "6", "7", "8", "10", "11", "12", "13", "14"} {
		f.Answers[id] = Answer{Met: yes}
	}
	f.Answers["3.1"] = old["3"]
	f.Answers["3.2"] = old["4"]
	f.Answers["3.3"] = old["5"]
	f.Answers["9"] = old["11"]
	f.Answers["15"] = Answer{Met: yes, Note: "组织秘书长：陈老师"}
	f.Answers["16"] = Answer{Met: yes, Note: "满意率为80%"}
	f.Answers["17"] = Answer{Met: yes, Note: "满意率为60%"}
	f.Satisfaction = Satisfaction{
		Union: SurveyQuestion{Sample: IntPtr(100), Satisfied: IntPtr(50), BasicallySatisfied: IntPtr(30)},
		Staff: SurveyQuestion{Sample: IntPtr(100), Satisfied: IntPtr(40), BasicallySatisfied: IntPtr(20)},
	}
	f.CollegeUnionCount = nil
	f.CollegeItemCounts = nil
	return f
}

func TestCleanFilingsHaveNoFindings(t *testing.T) {
	for _, id := range []string{"2021", "2020"} {
		t.Run(id, func(t *testing.T) {
			ed := vTestEdition(t, id)
			f := vCleanFiling(t, id)
			r := Validate(f, ed)
			for _, fd := range r.Findings {
				t.Errorf("unexpected %s %s at %s: %s", fd.Severity, fd.Rule, fd.Path, fd.Message)
			}
			for _, s := range ed.Sections {
				for _, it := range s.Answerable() {
					sug := r.Derived.Items[it.ID]
					if it.Fact != FactNone && (sug.Met == nil || !*sug.Met) {
						t.Errorf("item %s (%s): suggested %v (%s), want met", it.ID, it.Fact, sug.Met, sug.Reason)
					}
					if it.Fact == FactNone && sug.Met != nil {
						t.Errorf("item %s has no fact but a suggestion %v", it.ID, *sug.Met)
					}
				}
			}
		})
	}
}

// vMember returns a valid second-year member of a department.
func vMember(name, position, dept string) Member {
	return Member{Name: name, PoliticalStatus: LeagueMember, College: "护理学院", Major: "护理", Grade: 2,
		Level: LevelUndergraduate, Rank: IntPtr(1), RankTotal: IntPtr(40), Failed: BoolPtr(false),
		Position: position, Department: dept, FromCollegeUnion: BoolPtr(true)}
}

// vAddStaff adds n valid 干事 to a department.
func vAddStaff(f *Filing, n int, dept string) {
	for i := 0; i < n; i++ {
		f.Members = append(f.Members, vMember(fmt.Sprintf("增补%d", len(f.Members)+1), PositionStaff, dept))
	}
}

// vGrowTo makes the roster n members long, spreading new staff over many
// departments so that only the size rules change.
func vGrowTo(f *Filing, n int) {
	for len(f.Members) < n {
		vAddStaff(f, 1, "学习部")
	}
}

type vRuleCase struct {
	name    string
	edition string // "2021" unless set
	mutate  func(f *Filing)
	rule    string
	fires   bool
	path    string // where the finding must be, when it fires
}

func vRuleCases() []vRuleCase {
	m := func(i int, fn func(m *Member)) func(*Filing) {
		return func(f *Filing) { fn(&f.Members[i]) }
	}
	cg := func(fn func(c *Congress)) func(*Filing) { return func(f *Filing) { fn(&f.Congress) } }
	date := func(s string) Date { d, _ := ParseDate(s); return d }
	answer := func(id string, vMet *bool, note string) func(*Filing) {
		return func(f *Filing) { f.Answers[id] = Answer{Met: vMet, Note: note} }
	}
	yes, no := BoolPtr(true), BoolPtr(false)
	return []vRuleCase{
		// Header.
		{name: "school missing", mutate: func(f *Filing) { f.School = "" }, rule: RuleFilingSchool, fires: true, path: "school"},
		{name: "org type unknown", mutate: func(f *Filing) { f.OrgType = "团委" }, rule: RuleFilingOrgType, fires: true, path: "org_type"},
		{name: "研究生会 allowed", mutate: func(f *Filing) { f.OrgType = OrgGraduateUnion }, rule: RuleFilingOrgType},
		{name: "provincial review unticked", mutate: func(f *Filing) { f.ProvincialReview = nil }, rule: RuleFilingHeader, fires: true, path: "provincial_review"},
		{name: "2020 has no provincial review", edition: "2020", mutate: func(f *Filing) { f.ProvincialReview = nil }, rule: RuleFilingHeader},
		{name: "public URL missing", mutate: func(f *Filing) { f.PublicURL = "" }, rule: RuleFilingHeader, fires: true, path: "public_url"},
		{name: "public URL not a URL", edition: "2020", mutate: func(f *Filing) { f.PublicURL = "学校官网" }, rule: RuleFilingHeader, fires: true, path: "public_url"},
		{name: "filing date missing", mutate: func(f *Filing) { f.FilingDate = Date{} }, rule: RuleFilingHeader, fires: true, path: "filing_date"},

		// Members.
		{name: "empty roster", mutate: func(f *Filing) { f.Members = nil }, rule: RuleMemberRosterEmpty, fires: true, path: "members"},
		{name: "empty name", mutate: m(0, func(m *Member) { m.Name = " " }), rule: RuleMemberName, fires: true, path: "members[0].name"},
		{name: "same person twice", mutate: func(f *Filing) { f.Members = append(f.Members, f.Members[5]) }, rule: RuleMemberDuplicate, fires: true, path: "members[12].name"},
		{name: "same name other grade", mutate: func(f *Filing) { d := f.Members[5]; d.Grade = 3; f.Members = append(f.Members, d) }, rule: RuleMemberDuplicate},
		{name: "群众", mutate: m(3, func(m *Member) { m.PoliticalStatus = "群众" }), rule: RuleMemberPolitical, fires: true, path: "members[3].political_status"},
		{name: "团员 short form", mutate: m(3, func(m *Member) { m.PoliticalStatus = "团员" }), rule: RuleMemberPolitical},
		{name: "预备党员", mutate: m(3, func(m *Member) { m.PoliticalStatus = ProbationaryMember }), rule: RuleMemberPolitical},
		{name: "political status missing", mutate: m(3, func(m *Member) { m.PoliticalStatus = "" }), rule: RuleMemberPoliticalMissing, fires: true, path: "members[3].political_status"},
		{name: "主席团成员 title is not an error", mutate: m(1, func(m *Member) { m.Position = "主席团成员" }), rule: RuleMemberPosition},
		{name: "主席团成员 title is a warning", mutate: m(1, func(m *Member) { m.Position = "主席团成员" }), rule: RuleMemberPresidiumTitle, fires: true, path: "members[1].position"},
		{name: "主席团成员 does not contradict item 6", mutate: m(1, func(m *Member) { m.Position = "主席团成员" }), rule: RuleAnswerContradiction},
		{name: "two 主席团成员, one finding", mutate: func(f *Filing) { f.Members[1].Position, f.Members[2].Position = "主席团成员", "主席团委员" }, rule: RuleMemberPresidiumTitle, fires: true, path: "members"},
		{name: "same name and college, other grade", mutate: func(f *Filing) { d := f.Members[5]; d.Grade = 3; f.Members = append(f.Members, d) }, rule: RuleMemberMaybeDuplicate, fires: true, path: "members[12].name"},
		{name: "same name and college, grade missing", mutate: func(f *Filing) { d := f.Members[5]; d.Grade = 0; f.Members = append(f.Members, d) }, rule: RuleMemberMaybeDuplicate, fires: true, path: "members[12].name"},
		{name: "same name, other college", mutate: func(f *Filing) { d := f.Members[5]; d.College = "医学院"; f.Members = append(f.Members, d) }, rule: RuleMemberMaybeDuplicate},
		{name: "中共党员（预备）", mutate: m(3, func(m *Member) { m.PoliticalStatus = "中共党员（预备）" }), rule: RuleMemberPolitical},
		{name: "中国共产主义青年团员", mutate: m(3, func(m *Member) { m.PoliticalStatus = "中国共产主义青年团员" }), rule: RuleMemberPolitical},
		{name: "入党积极分子", mutate: m(3, func(m *Member) { m.PoliticalStatus = "入党积极分子" }), rule: RuleMemberPolitical, fires: true, path: "members[3].political_status"},
		{name: "rank percent above 100", mutate: m(3, func(m *Member) { m.Rank, m.RankTotal, m.RankPercent = nil, nil, FloatPtr(130) }), rule: RuleMemberRankInvalid, fires: true, path: "members[3].rank_percent"},
		{name: "学习委员 title", mutate: m(5, func(m *Member) { m.Position = "学习委员" }), rule: RuleMemberPosition, fires: true, path: "members[5].position"},
		{name: "执行主席 allowed", mutate: m(1, func(m *Member) { m.Position = PositionExecutivePresident }), rule: RuleMemberPosition},
		{name: "position missing", mutate: m(5, func(m *Member) { m.Position = "" }), rule: RuleMemberPositionMissing, fires: true, path: "members[5].position"},
		{name: "position inferred, to confirm", mutate: m(5, func(m *Member) { m.Position, m.SuggestedPosition = "", PositionHead }), rule: RuleMemberPositionMissing, fires: true, path: "members[5].position"},
		{name: "department missing", mutate: m(5, func(m *Member) { m.Department = "" }), rule: RuleMemberDepartmentMissing, fires: true, path: "members[5].department"},
		{name: "主席 in a department", mutate: m(0, func(m *Member) { m.Department = "学习部" }), rule: RuleMemberPresidiumPlacement, fires: true, path: "members[0].department"},
		{name: "部长 in 主席团", mutate: m(3, func(m *Member) { m.Department = PresidiumDepartment }), rule: RuleMemberPresidiumPlacement, fires: true, path: "members[3].department"},
		{name: "grade unreadable", mutate: m(3, func(m *Member) { m.Grade, m.GradeText = 0, "纪检委员" }), rule: RuleMemberGrade, fires: true, path: "members[3].grade"},
		{name: "first-year grade", mutate: m(3, func(m *Member) { m.Grade = 1 }), rule: RuleMemberGrade},
		{name: "rank 12 of 41", mutate: m(3, func(m *Member) { m.Rank, m.RankTotal = IntPtr(12), IntPtr(41) }), rule: RuleMemberRank},
		{name: "rank 13 of 41", mutate: m(3, func(m *Member) { m.Rank, m.RankTotal = IntPtr(13), IntPtr(41) }), rule: RuleMemberRank, fires: true, path: "members[3].rank"},
		{name: "first-year 40 of 40 exempt", mutate: m(3, func(m *Member) { m.Grade, m.Rank, m.RankTotal = 1, IntPtr(40), IntPtr(40) }), rule: RuleMemberRank},
		{name: "graduate 40 of 40 exempt", mutate: m(3, func(m *Member) { m.Level, m.Rank, m.RankTotal = LevelGraduate, IntPtr(40), IntPtr(40) }), rule: RuleMemberRank},
		{name: "rank percent 30", mutate: m(3, func(m *Member) { m.Rank, m.RankTotal, m.RankPercent = nil, nil, FloatPtr(30) }), rule: RuleMemberRank},
		{name: "rank percent 31", mutate: m(3, func(m *Member) { m.Rank, m.RankTotal, m.RankPercent = nil, nil, FloatPtr(31) }), rule: RuleMemberRank, fires: true, path: "members[3].rank_percent"},
		{name: "rank 41 of 41 valid", mutate: m(3, func(m *Member) { m.Rank, m.RankTotal = IntPtr(41), IntPtr(41) }), rule: RuleMemberRankInvalid},
		{name: "rank 42 of 41", mutate: m(3, func(m *Member) { m.Rank, m.RankTotal = IntPtr(42), IntPtr(41) }), rule: RuleMemberRankInvalid, fires: true, path: "members[3].rank"},
		{name: "rank 0", mutate: m(3, func(m *Member) { m.Rank = IntPtr(0) }), rule: RuleMemberRankInvalid, fires: true, path: "members[3].rank"},
		{name: "rank without major size", mutate: m(3, func(m *Member) { m.RankTotal = nil }), rule: RuleMemberRankUnverified, fires: true, path: "members[3].rank_total"},
		{name: "first-year rank without size", mutate: m(3, func(m *Member) { m.Grade, m.RankTotal = 1, nil }), rule: RuleMemberRankUnverified},
		{name: "rank missing", mutate: m(3, func(m *Member) { m.Rank, m.RankTotal = nil, nil }), rule: RuleMemberRankMissing, fires: true, path: "members[3].rank"},
		{name: "rank window 最近1学年", mutate: m(3, func(m *Member) { m.RankWindow = WindowLatestYear }), rule: RuleMemberRankWindow},
		{name: "rank window 本月", mutate: m(3, func(m *Member) { m.RankWindow = "本月" }), rule: RuleMemberRankWindow, fires: true, path: "members[3].rank_window"},
		{name: "failed course", mutate: m(3, func(m *Member) { m.Failed = yes }), rule: RuleMemberFailed, fires: true, path: "members[3].failed"},
		{name: "graduate failed course", mutate: m(3, func(m *Member) { m.Level, m.Failed = LevelGraduate, yes }), rule: RuleMemberFailed, fires: true, path: "members[3].failed"},
		{name: "first-year failed exempt", mutate: m(3, func(m *Member) { m.Grade, m.Failed = 1, yes }), rule: RuleMemberFailed},
		{name: "failed unknown", mutate: m(3, func(m *Member) { m.Failed = nil }), rule: RuleMemberFailedMissing, fires: true, path: "members[3].failed"},

		// School-level union.
		{name: "40 staff", mutate: func(f *Filing) { vGrowTo(f, 40) }, rule: RuleSchoolStaff},
		{name: "41 staff", mutate: func(f *Filing) { vGrowTo(f, 41) }, rule: RuleSchoolStaff, fires: true, path: "members"},
		{name: "60 staff large school", mutate: func(f *Filing) { f.LargeSchool = true; vGrowTo(f, 60) }, rule: RuleSchoolStaff},
		{name: "61 staff large school", mutate: func(f *Filing) { f.LargeSchool = true; vGrowTo(f, 61) }, rule: RuleSchoolStaff, fires: true, path: "members"},
		{name: "5 presidium", mutate: func(f *Filing) { vAddStaff(f, 2, PresidiumDepartment); vSetPositions(f, 12, PositionVicePresident) }, rule: RuleSchoolPresidium},
		{name: "6 presidium", mutate: func(f *Filing) { vAddStaff(f, 3, PresidiumDepartment); vSetPositions(f, 12, PositionVicePresident) }, rule: RuleSchoolPresidium, fires: true, path: "members"},
		{name: "charter allows 3", mutate: func(f *Filing) { f.Texts.Charter = "主席团成员不超过3名。" }, rule: RuleSchoolPresidiumCharter},
		{name: "charter allows 2", mutate: func(f *Filing) { f.Texts.Charter = "主席团成员不超过2名。" }, rule: RuleSchoolPresidiumCharter, fires: true, path: "members"},
		{name: "no presidium", mutate: func(f *Filing) {
			for i := 0; i < 3; i++ {
				f.Members[i].Position, f.Members[i].Department = PositionStaff, "学习部"
			}
		}, rule: RuleSchoolPresidiumMissing, fires: true, path: "members"},
		{name: "6 departments", mutate: func(f *Filing) { vAddDepartments(f, 4) }, rule: RuleSchoolDepartments},
		{name: "7 departments", mutate: func(f *Filing) { vAddDepartments(f, 5) }, rule: RuleSchoolDepartments, fires: true, path: "departments"},
		{name: "7 departments only by another spelling", mutate: func(f *Filing) {
			vAddDepartments(f, 4)
			f.Members[5].Department = "学习"
		}, rule: RuleSchoolDepartments},
		{name: "7 departments by another spelling, item 5 是", mutate: func(f *Filing) {
			vAddDepartments(f, 4)
			f.Members[5].Department = "学习"
		}, rule: RuleAnswerContradiction},
		{name: "7 departments named by members only", mutate: func(f *Filing) {
			f.Departments = nil
			for i := 3; i < 10; i++ {
				f.Members[i].Department = fmt.Sprintf("第%d部", i)
			}
		}, rule: RuleSchoolDepartments, fires: true, path: "departments"},
		{name: "declared 中心", mutate: func(f *Filing) { f.Departments = append(f.Departments, Department{Name: "志愿服务中心"}) }, rule: RuleSchoolLayer, fires: true, path: "departments[2].name"},
		{name: "vMember in 项目办公室", mutate: m(5, func(m *Member) { m.Department = "品牌项目办公室" }), rule: RuleSchoolLayer, fires: true, path: "members[5].department"},
		{name: "办公部 undeclared", mutate: func(f *Filing) {
			f.Departments = append(f.Departments, Department{Name: "办公文秘部"})
			f.Members[5].Department = "办公部"
		}, rule: RuleSchoolUndeclared, fires: true, path: "members[5].department"},
		{name: "6 in a department", mutate: func(f *Filing) { vAddStaff(f, 2, "学习部") }, rule: RuleSchoolDepartmentSize},
		{name: "7 in a department", mutate: func(f *Filing) { vAddStaff(f, 3, "学习部") }, rule: RuleSchoolDepartmentSize, fires: true, path: "departments[0].name"},
		{name: "1 leader", mutate: m(4, func(m *Member) { m.Position = PositionStaff }), rule: RuleSchoolLeaders, fires: true, path: "departments[0].name"},
		{name: "1 leader, charter 1–2", mutate: func(f *Filing) {
			f.Members[4].Position = PositionStaff
			f.Texts.Charter = "各工作部门设负责人1—2人"
		}, rule: RuleSchoolLeaders},
		{name: "3 leaders", mutate: m(5, func(m *Member) { m.Position = PositionDeputyHead }), rule: RuleSchoolLeaders},
		{name: "4 leaders", mutate: func(f *Filing) {
			f.Members[5].Position = PositionDeputyHead
			f.Members[6].Position = PositionDeputyHead
		}, rule: RuleSchoolLeaders, fires: true, path: "departments[0].name"},
		{name: "50% from colleges", mutate: func(f *Filing) { vSetFromCollege(f, 6) }, rule: RuleSchoolFromCollege},
		{name: "5 of 12 from colleges", mutate: func(f *Filing) { vSetFromCollege(f, 7) }, rule: RuleSchoolFromCollege, fires: true, path: "members"},

		// Congress.
		{name: "congress on the first day of the previous 学年", mutate: cg(func(c *Congress) { c.Date = date("2020-09-01") }), rule: RuleCongressHeld},
		{name: "congress on the last day of the 学年 before", mutate: cg(func(c *Congress) { c.Date = date("2020-08-31") }), rule: RuleCongressHeld, fires: true, path: "congress.date"},
		{name: "congress not planned: no word of 拟召开", mutate: cg(func(c *Congress) { c.Date = date("2020-08-31") }), rule: RuleCongressHeld, fires: true, path: "congress.date"},
		{name: "congress on filing day", mutate: cg(func(c *Congress) { c.Date = date("2021-11-30") }), rule: RuleCongressHeld},
		{name: "congress after filing is an input error", mutate: cg(func(c *Congress) { c.Date = date("2021-12-01") }), rule: RuleCongressDateInvalid, fires: true, path: "congress.date"},
		{name: "congress after filing is not an unheld congress", mutate: cg(func(c *Congress) { c.Date = date("2021-12-01") }), rule: RuleCongressHeld},
		{name: "planned congress after filing", mutate: cg(func(c *Congress) { c.Date, c.Planned = date("2021-12-01"), true }), rule: RuleCongressDateInvalid},
		{name: "congress in 1999", mutate: cg(func(c *Congress) { c.Date = date("1999-12-31") }), rule: RuleCongressDateInvalid, fires: true, path: "congress.date"},
		{name: "congress in 2000", edition: "2020", mutate: cg(func(c *Congress) { c.Date = date("2000-01-01") }), rule: RuleCongressDateInvalid},
		{name: "学年 from the header without a filing date", mutate: func(f *Filing) {
			f.FilingDate = Date{}
			f.AcademicYear = "2021—2022学年"
			f.Congress.Date = date("2020-09-01")
		}, rule: RuleCongressHeld},
		{name: "学年 from the header, too old", mutate: func(f *Filing) {
			f.FilingDate = Date{}
			f.AcademicYear = "2021—2022学年"
			f.Congress.Date = date("2020-08-31")
		}, rule: RuleCongressHeld, fires: true, path: "congress.date"},
		{name: "negative students", mutate: func(f *Filing) { f.Students = IntPtr(-3) }, rule: RuleInputRange, fires: true, path: "students"},
		{name: "zero students", mutate: func(f *Filing) { f.Students = IntPtr(0) }, rule: RuleInputRange},
		{name: "negative non-cadre", mutate: cg(func(c *Congress) { c.NonCadreDelegates = IntPtr(-1) }), rule: RuleInputRange, fires: true, path: "congress.non_cadre_delegates"},
		{name: "negative non-cadre is not a count mismatch", mutate: cg(func(c *Congress) { c.NonCadreDelegates = IntPtr(-1) }), rule: RuleCongressCounts},
		{name: "stated percent 100", mutate: cg(func(c *Congress) { c.StatedNonCadrePercent = FloatPtr(100) }), rule: RuleInputRange},
		{name: "stated percent 100.5", mutate: cg(func(c *Congress) { c.StatedNonCadrePercent = FloatPtr(100.5) }), rule: RuleInputRange, fires: true, path: "congress.stated_non_cadre_percent"},
		{name: "college presidium above its staff", mutate: func(f *Filing) { f.CollegeUnions[0].Staff, f.CollegeUnions[0].Presidium = IntPtr(2), IntPtr(3) }, rule: RuleInputRange, fires: true, path: "college_unions[0].presidium"},
		{name: "college presidium equal to staff", mutate: func(f *Filing) { f.CollegeUnions[0].Staff, f.CollegeUnions[0].Presidium = IntPtr(3), IntPtr(3) }, rule: RuleInputRange},
		{name: "主席 with 执行主席", mutate: m(1, func(m *Member) { m.Position = PositionExecutivePresident }), rule: RuleSchoolPresidiumMix, fires: true, path: "members"},
		{name: "主席 and 副主席 only", rule: RuleSchoolPresidiumMix},
		{name: "2021 edition has no satisfaction item", mutate: func(f *Filing) { f.Satisfaction.Union.Sample = IntPtr(10); f.Satisfaction.Union.Satisfied = IntPtr(1) }, rule: RuleSatisfactionRate},
		{name: "congress planned", mutate: cg(func(c *Congress) { c.Planned = true }), rule: RuleCongressHeld, fires: true, path: "congress.planned"},
		{name: "2020: since 2019-10-01", edition: "2020", mutate: cg(func(c *Congress) { c.Date = date("2019-10-01") }), rule: RuleCongressHeld},
		{name: "2020: 2019-09-30", edition: "2020", mutate: cg(func(c *Congress) { c.Date = date("2019-09-30") }), rule: RuleCongressHeld, fires: true, path: "congress.date"},
		{name: "congress date missing", mutate: cg(func(c *Congress) { c.Date = Date{} }), rule: RuleCongressDateMissing, fires: true, path: "congress.date"},
		{name: "delegates 1% exactly", rule: RuleCongressDelegates},
		{name: "delegates below 1%", mutate: cg(func(c *Congress) { c.Delegates = IntPtr(29) }), rule: RuleCongressDelegates, fires: true, path: "congress.delegates"},
		{name: "students unknown", mutate: func(f *Filing) { f.Students = nil }, rule: RuleCongressDelegatesUnknown, fires: true, path: "students"},
		{name: "non-cadre 60% exactly", rule: RuleCongressNonCadre},
		{name: "non-cadre below 60%", mutate: cg(func(c *Congress) { c.NonCadreDelegates = IntPtr(17) }), rule: RuleCongressNonCadre, fires: true, path: "congress.non_cadre_delegates"},
		{name: "non-cadre below 60% (一般) does not decide item 11", mutate: cg(func(c *Congress) { c.NonCadreDelegates = IntPtr(17) }), rule: RuleAnswerContradiction},
		{name: "non-cadre unknown", mutate: cg(func(c *Congress) { c.NonCadreDelegates = nil }), rule: RuleCongressNonCadreUnknown, fires: true, path: "congress.non_cadre_delegates"},
		{name: "non-cadre above delegates", mutate: cg(func(c *Congress) { c.NonCadreDelegates = IntPtr(31) }), rule: RuleCongressCounts, fires: true, path: "congress.non_cadre_delegates"},
		{name: "present above delegates", mutate: cg(func(c *Congress) { c.Present = IntPtr(31) }), rule: RuleCongressCounts, fires: true, path: "congress.present"},
		{name: "candidates 120% exactly", rule: RuleCongressCandidates},
		{name: "candidates below 120%", mutate: cg(func(c *Congress) { c.PresidiumCandidates = IntPtr(5) }), rule: RuleCongressCandidates, fires: true, path: "congress.presidium_candidates"},
		{name: "等额 election", mutate: cg(func(c *Congress) { c.PresidiumCandidates, c.Contested = IntPtr(5), no }), rule: RuleCongressCandidates},
		{name: "delegate candidates below 120%", mutate: cg(func(c *Congress) { c.DelegateCandidates = IntPtr(35) }), rule: RuleCongressCandidates, fires: true, path: "congress.delegate_candidates"},
		{name: "candidates unknown", mutate: cg(func(c *Congress) { c.PresidiumCandidates = nil }), rule: RuleCongressCandidatesUnknown, fires: true, path: "congress.presidium_candidates"},
		{name: "quorum ⅔ exactly", rule: RuleCongressQuorum},
		{name: "quorum below ⅔", mutate: cg(func(c *Congress) { c.Present = IntPtr(19) }), rule: RuleCongressQuorum, fires: true, path: "congress.present"},
		{name: "quorum ⅘ exactly", mutate: func(f *Filing) {
			f.Texts.Charter = "应当有五分之四以上当选代表参加方能召开。"
			f.Congress.Present = IntPtr(24)
		}, rule: RuleCongressQuorum},
		{name: "quorum below ⅘", mutate: func(f *Filing) {
			f.Texts.Charter = "应当有五分之四以上当选代表参加方能召开。"
			f.Congress.Present = IntPtr(23)
		}, rule: RuleCongressQuorum, fires: true, path: "congress.present"},
		{name: "seats miss a college", mutate: cg(func(c *Congress) { c.SeatsByCollege = c.SeatsByCollege[:1]; c.SeatsByCollege[0].Seats = 30 }), rule: RuleCongressSeatsColleges, fires: true, path: "congress.seats_by_college"},
		{name: "seats do not add up", mutate: cg(func(c *Congress) { c.SeatsByCollege[1].Seats = 13 }), rule: RuleCongressSeatsSum, fires: true, path: "congress.seats_by_college"},
		{name: "stated 60% of 43/56", mutate: cg(func(c *Congress) {
			c.Delegates, c.NonCadreDelegates, c.DelegateCandidates, c.Present = IntPtr(56), IntPtr(43), nil, nil
			c.SeatsByCollege = nil
			c.StatedDelegatePercent = nil
		}), rule: RuleStatedPercent, fires: true, path: "congress.stated_non_cadre_percent"},
		{name: "stated 3.1% of 99/3143", mutate: func(f *Filing) {
			f.Students = IntPtr(3143)
			f.Congress.Delegates, f.Congress.StatedDelegatePercent = IntPtr(99), FloatPtr(3.1)
			f.Congress.NonCadreDelegates, f.Congress.StatedNonCadrePercent, f.Congress.DelegateCandidates, f.Congress.Present = nil, nil, nil, nil
		}, rule: RuleStatedPercent},

		// Guidance.
		{name: "deputy not full-time", mutate: func(f *Filing) { f.Guidance.DeputySecretary.FullTime = no }, rule: RuleGuidanceDeputy, fires: true, path: "guidance.deputy_secretary.full_time"},
		{name: "secretary not full-time", mutate: func(f *Filing) { f.Guidance.SecretaryGeneral.FullTime = no }, rule: RuleGuidanceSecretary, fires: true, path: "guidance.secretary_general.full_time"},
		{name: "secretary unnamed", mutate: func(f *Filing) { f.Guidance.SecretaryGeneral.Name = "" }, rule: RuleGuidanceUnknown, fires: true, path: "guidance.secretary_general.name"},
		{name: "deputy full-time unknown", mutate: func(f *Filing) { f.Guidance.DeputySecretary.FullTime = nil }, rule: RuleGuidanceUnknown, fires: true, path: "guidance.deputy_secretary.full_time"},

		// Satisfaction (2020 edition).
		{name: "satisfaction 60% exactly", edition: "2020", rule: RuleSatisfactionRate},
		{name: "satisfaction 59%", edition: "2020", mutate: func(f *Filing) { f.Satisfaction.Staff.BasicallySatisfied = IntPtr(19) }, rule: RuleSatisfactionRate, fires: true, path: "satisfaction.staff.satisfied"},
		{name: "satisfied above sample", edition: "2020", mutate: func(f *Filing) { f.Satisfaction.Union.Sample = IntPtr(79) }, rule: RuleSatisfactionCounts, fires: true, path: "satisfaction.union.sample"},
		{name: "sample zero", edition: "2020", mutate: func(f *Filing) { f.Satisfaction.Union.Sample = IntPtr(0) }, rule: RuleSatisfactionCounts, fires: true, path: "satisfaction.union.sample"},
		{name: "survey missing", edition: "2020", mutate: func(f *Filing) { f.Satisfaction.Union = SurveyQuestion{} }, rule: RuleSatisfactionMissing, fires: true, path: "satisfaction.union.sample"},
		{name: "survey not asked in 2021", mutate: func(f *Filing) { f.Satisfaction.Union = SurveyQuestion{} }, rule: RuleSatisfactionMissing},
		{name: "stated satisfaction 80% agrees", edition: "2020", mutate: func(f *Filing) { f.Satisfaction.Union.StatedPercent = FloatPtr(80) }, rule: RuleStatedPercent},
		{name: "stated satisfaction 85%", edition: "2020", mutate: func(f *Filing) { f.Satisfaction.Union.StatedPercent = FloatPtr(85) }, rule: RuleStatedPercent, fires: true, path: "satisfaction.union.stated_percent"},

		// College-level unions.
		{name: "college count differs", mutate: func(f *Filing) { f.CollegeUnionCount = IntPtr(3) }, rule: RuleCollegeCount, fires: true, path: "college_union_count"},
		{name: "college 30 staff", rule: RuleCollegeStaff},
		{name: "college 31 staff", mutate: func(f *Filing) { f.CollegeUnions[0].Staff = IntPtr(31) }, rule: RuleCollegeStaff, fires: true, path: "college_unions[0].staff"},
		{name: "college 3 presidium", rule: RuleCollegePresidium},
		{name: "college 4 presidium", mutate: func(f *Filing) { f.CollegeUnions[1].Presidium = IntPtr(4) }, rule: RuleCollegePresidium, fires: true, path: "college_unions[1].presidium"},
		{name: "college staff unknown", mutate: func(f *Filing) { f.CollegeUnions[1].Staff = nil }, rule: RuleCollegeSizeMissing, fires: true, path: "college_unions[1].staff"},
		{name: "matrix cell missing", mutate: func(f *Filing) { delete(f.CollegeUnions[0].Items, "c5") }, rule: RuleCollegeMatrixMissing, fires: true, path: "college_unions[0].items[c5]"},
		{name: "matrix 是 with 31 staff", mutate: func(f *Filing) { f.CollegeUnions[0].Staff = IntPtr(31) }, rule: RuleCollegeMatrixContradiction, fires: true, path: "college_unions[0].items[c3]"},
		{name: "matrix 否 with 30 staff", mutate: func(f *Filing) { f.CollegeUnions[0].Items["c3"] = false; f.CollegeItemCounts["c3"] = 1 }, rule: RuleCollegeMatrixContradiction, fires: true, path: "college_unions[0].items[c3]"},
		{name: "matrix 否 with 4 presidium", mutate: func(f *Filing) {
			f.CollegeUnions[0].Presidium = IntPtr(4)
			f.CollegeUnions[0].Items["c4"] = false
			f.CollegeItemCounts["c4"] = 1
		}, rule: RuleCollegeMatrixContradiction},
		{name: "count differs from column", mutate: func(f *Filing) { f.CollegeItemCounts["c1"] = 1 }, rule: RuleCollegeItemCount, fires: true, path: "college_item_counts[c1]"},
		{name: "count above unions", mutate: func(f *Filing) { f.CollegeItemCounts["c2"] = 3 }, rule: RuleCollegeItemCount, fires: true, path: "college_item_counts[c2]"},
		{name: "count missing", mutate: func(f *Filing) { delete(f.CollegeItemCounts, "c13") }, rule: RuleCollegeItemCountMissing, fires: true, path: "college_item_counts[c13]"},

		// Answers and notes.
		{name: "item 1 unanswered", mutate: answer("1", nil, ""), rule: RuleAnswerUnanswered, fires: true, path: "answers[1]"},
		{name: "item 3 unanswered, data decides", mutate: answer("3", nil, "实有12人"), rule: RuleAnswerSuggested, fires: true, path: "answers[3]"},
		{name: "item 3 否 while 12 staff", mutate: answer("3", no, "实有12人"), rule: RuleAnswerContradiction, fires: true, path: "answers[3]"},
		{name: "item 3 是 while 41 staff", mutate: func(f *Filing) { vGrowTo(f, 41); f.Answers["3"] = Answer{Met: yes} }, rule: RuleAnswerContradiction, fires: true, path: "answers[3]"},
		{name: "item 3 否 while 41 staff", mutate: func(f *Filing) { vGrowTo(f, 41); f.Answers["3"] = Answer{Met: no, Note: "实有41人"} }, rule: RuleAnswerContradiction},
		{name: "2021 item 11 是 while delegates below 1%", mutate: cg(func(c *Congress) { c.Delegates = IntPtr(29) }), rule: RuleAnswerContradiction, fires: true, path: "answers[11]"},
		{name: "2020 item 9 only asks whether held", edition: "2020", mutate: cg(func(c *Congress) { c.Delegates = IntPtr(29) }), rule: RuleAnswerContradiction},
		{name: "2020 item 9 达标 while planned", edition: "2020", mutate: cg(func(c *Congress) { c.Planned = true }), rule: RuleAnswerContradiction, fires: true, path: "answers[9]"},
		{name: "item 17 是 while secretary part-time: to confirm", mutate: func(f *Filing) { f.Guidance.SecretaryGeneral.FullTime = no }, rule: RuleAnswerContradiction},
		{name: "item 17 是 while deputy part-time", mutate: func(f *Filing) { f.Guidance.DeputySecretary.FullTime = no }, rule: RuleAnswerContradiction, fires: true, path: "answers[17]"},
		{name: "item 1 否, data cannot decide", mutate: answer("1", no, "宿舍检查尚未移交"), rule: RuleAnswerUnmet, fires: true, path: "answers[1]"},
		{name: "item 3 否 while 41 staff: the rule finding is the 未达标项", mutate: func(f *Filing) { vGrowTo(f, 41); f.Answers["3"] = Answer{Met: no, Note: "实有41人"} }, rule: RuleAnswerUnmet},
		{name: "item 3 否 while 12 staff is a contradiction, not a gap", mutate: answer("3", no, "实有12人"), rule: RuleAnswerUnmet},
		{name: "否 unexplained", mutate: answer("1", no, ""), rule: RuleAnswerUnexplained, fires: true, path: "answers[1]"},
		{name: "否 explained in note", mutate: answer("1", no, "曾承担宿舍检查，已于9月移交"), rule: RuleAnswerUnexplained},
		{name: "否 explained in 问题不足", mutate: func(f *Filing) {
			f.Answers["1"] = Answer{Met: no}
			f.Texts.Problems = "宿舍检查尚未完全移交。"
		}, rule: RuleAnswerUnexplained},
		{name: "answer of another edition", mutate: answer("3.1", yes, ""), rule: RuleAnswerUnknownItem, fires: true, path: "answers[3.1]"},
		{name: "note 实有 12 人 agrees", mutate: answer("3", yes, "实有 12 人"), rule: RuleNoteCount},
		{name: "note 实有13人", mutate: answer("3", yes, "实有13人"), rule: RuleNoteCount, fires: true, path: "answers[3]"},
		{name: "note 实有2个 departments", mutate: answer("5", yes, "实有3个"), rule: RuleNoteCount, fires: true, path: "answers[5]"},
		{name: "presidium note with unplaced members", mutate: func(f *Filing) {
			f.Members[5].Position, f.Members[5].Department = "", ""
			f.Answers["4"] = Answer{Met: yes, Note: "实有4人"}
		}, rule: RuleNoteCountUnverified, fires: true, path: "answers[4]"},
		{name: "note 实有 人", mutate: answer("3", yes, "实有 人"), rule: RuleNoteBlank, fires: true, path: "answers[3]"},
		{name: "note 满意率为 %", edition: "2020", mutate: answer("16", yes, "满意率为 %"), rule: RuleNoteBlank, fires: true, path: "answers[16]"},
		{name: "note congress date agrees", mutate: answer("11", yes, "召开日期为：2021 年 6 月 3 日"), rule: RuleNoteDate},
		{name: "note congress date differs", mutate: answer("11", yes, "召开日期为：2021年6月4日"), rule: RuleNoteDate, fires: true, path: "answers[11]"},
		{name: "note says held, congress planned", mutate: func(f *Filing) {
			f.Congress.Planned = true
			f.Answers["11"] = Answer{Met: no, Note: "召开日期为：2021年6月3日"}
		}, rule: RuleNoteDate, fires: true, path: "answers[11]"},
		{name: "note 满意率为55%", edition: "2020", mutate: answer("16", yes, "满意率为 55%"), rule: RuleNotePercent, fires: true, path: "answers[16]"},
		{name: "note 满意率为80.0%", edition: "2020", mutate: answer("16", yes, "满意率为80.0%"), rule: RuleNotePercent},
		{name: "note secretary differs", edition: "2020", mutate: answer("15", yes, "组织秘书长：王五"), rule: RuleNoteSecretary, fires: true, path: "answers[15]"},
	}
}

// vSetPositions gives the members from index from on a position.
func vSetPositions(f *Filing, from int, p string) {
	for i := from; i < len(f.Members); i++ {
		f.Members[i].Position = p
	}
}

// vAddDepartments declares n more departments.
func vAddDepartments(f *Filing, n int) {
	for i := 0; i < n; i++ {
		f.Departments = append(f.Departments, Department{Name: fmt.Sprintf("新增%d部", i+1)})
	}
}

// vSetFromCollege marks the first n members as not from a college union.
func vSetFromCollege(f *Filing, n int) {
	for i := 0; i < n; i++ {
		f.Members[i].FromCollegeUnion = BoolPtr(false)
	}
}

func TestRules(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range append(vRuleCases(), vCollegeRuleCases()...) {
		ed := tc.edition
		if ed == "" {
			ed = "2021"
		}
		t.Run(ed+"/"+tc.name, func(t *testing.T) {
			f := vCleanFiling(t, ed)
			if tc.mutate != nil {
				tc.mutate(f)
			}
			r := Validate(f, vTestEdition(t, ed))
			var got []Finding
			for _, fd := range r.Findings {
				if fd.Rule == tc.rule {
					got = append(got, fd)
				}
			}
			if !tc.fires {
				for _, fd := range got {
					t.Errorf("%s should not fire, got at %s: %s", tc.rule, fd.Path, fd.Message)
				}
				return
			}
			if len(got) == 0 {
				t.Fatalf("%s did not fire; findings: %v", tc.rule, r.Findings)
			}
			found := false
			for _, fd := range got {
				if fd.Path == tc.path {
					found = true
					vCheckFinding(t, fd)
				}
			}
			if !found {
				t.Errorf("%s fired at %v, want path %s", tc.rule, vPaths(got), tc.path)
			}
			covered[tc.rule] = true
		})
	}
	for _, rule := range Rules() {
		if !covered[rule.ID] {
			t.Errorf("rule %s has no failing test case", rule.ID)
		}
	}
}

// vCheckFinding checks what every finding must carry: a Chinese message,
// its rule's severity, a path and, for rules tied to items, the items.
func vCheckFinding(t *testing.T, fd Finding) {
	t.Helper()
	rule, ok := RuleByID(fd.Rule)
	if !ok {
		t.Fatalf("finding of unknown rule %s", fd.Rule)
	}
	if fd.Severity != rule.Severity && (fd.Severity != SeverityUnmet || !rule.Requirement || rule.Severity != SeverityError) {
		t.Errorf("%s: severity %s, catalogue says %s", fd.Rule, fd.Severity, rule.Severity)
	}
	if !vHasHan(fd.Message) {
		t.Errorf("%s: message %q is not Chinese", fd.Rule, fd.Message)
	}
	if fd.Path == "" {
		t.Errorf("%s: no path", fd.Rule)
	}
	if fd.Items == nil {
		t.Errorf("%s: Items is nil, want an empty list at least", fd.Rule)
	}
}

func vHasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

func vPaths(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	return out
}

func TestCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule id %s", r.ID)
		}
		seen[r.ID] = true
		if r.Severity != SeverityError && r.Severity != SeverityWarning && r.Severity != SeverityUnmet {
			t.Errorf("%s: severity %q", r.ID, r.Severity)
		}
		if r.Requirement && r.Severity != SeverityError {
			t.Errorf("%s: a requirement rule must be an error that an honest 未达标 turns into an 未达标项", r.ID)
		}
		if !vHasHan(r.Title) || r.Source == "" {
			t.Errorf("%s: title %q source %q", r.ID, r.Title, r.Source)
		}
		for _, fact := range r.Facts {
			if !knownFacts[fact] || fact == FactNone {
				t.Errorf("%s: unknown fact %q", r.ID, fact)
			}
		}
	}
	ed := vTestEdition(t, "2021")
	staff, _ := RuleByID(RuleSchoolStaff)
	if got := strings.Join(staff.ItemsFor(ed), ","); got != "3" {
		t.Errorf("staff rule items in 2021 = %q, want 3", got)
	}
	if got := strings.Join(staff.ItemsFor(vTestEdition(t, "2020")), ","); got != "3.1" {
		t.Errorf("staff rule items in 2020 = %q, want 3.1", got)
	}
	if _, ok := RuleByID("no.such"); ok {
		t.Error("RuleByID found an unknown id")
	}
}

func TestFindingOrderAndLookup(t *testing.T) {
	f := vCleanFiling(t, "2021")
	f.Members[1].PoliticalStatus = "群众"
	f.Members[10].PoliticalStatus = "群众"
	f.Members[2].Failed = nil
	f.Answers["1"] = Answer{}
	f.Guidance.DeputySecretary.FullTime = BoolPtr(false)
	f.Answers["3"] = Answer{Met: BoolPtr(false), Note: "实有12人"}
	f.Answers["9"] = Answer{Met: BoolPtr(false), Note: "尚未建立"}
	r := Validate(f, vTestEdition(t, "2021"))
	var order []string
	for _, fd := range r.Findings {
		order = append(order, string(fd.Severity)+" "+fd.Path)
	}
	want := []string{
		"error members[1].political_status",
		"error members[10].political_status",
		"error guidance.deputy_secretary.full_time",
		"error answers[1]",
		"error answers[3]",
		"error answers[7]",
		"error answers[17]",
		"unmet answers[9]",
		"warning members[2].failed",
	}
	if strings.Join(order, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n%s\nwant:\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
	if r.Errors != 7 || r.Unmet != 1 || r.Warnings != 1 {
		t.Errorf("counts %d errors %d unmet %d warnings", r.Errors, r.Unmet, r.Warnings)
	}
	if got := vPaths(r.At("members[1]")); strings.Join(got, ",") != "members[1].political_status" {
		t.Errorf("At(members[1]) = %v", got)
	}
	if got := len(r.At("members")); got != 3 {
		t.Errorf("At(members) = %d findings, want 3", got)
	}
	if got := len(r.At("")); got != len(r.Findings) {
		t.Errorf("At(\"\") = %d", got)
	}
	if got := vPaths(r.ForItem("17")); len(got) != 2 {
		t.Errorf("ForItem(17) = %v, want the guidance finding and the contradiction", got)
	}
	if got := r.Of(SeverityUnmet); len(got) != 1 || got[0].Rule != RuleAnswerUnmet || !strings.Contains(got[0].Message, "尚未建立") {
		t.Errorf("unmet %v", got)
	}
}

func TestPathUnder(t *testing.T) {
	for _, tc := range []struct {
		path, prefix string
		want         bool
	}{
		{"members[1].rank", "members[1]", true},
		{"members[10].rank", "members[1]", false},
		{"members[1]", "members[1]", true},
		{"members[1].rank", "members", true},
		{"members_x", "members", false},
		{"college_unions[2].items[c3]", "college_unions[2]", true},
		{"answers[3.1]", "answers", true},
		{"congress.delegates", "congress.delegate", false},
		{"anything", "", true},
	} {
		if got := PathUnder(tc.path, tc.prefix); got != tc.want {
			t.Errorf("PathUnder(%q, %q) = %v", tc.path, tc.prefix, got)
		}
	}
	if PathSection("members[3].rank") != "工作人员名单" || PathSection("college_item_counts[c3]") != "二级学生会组织" || PathSection("students") != "基本信息" {
		t.Error("PathSection")
	}
}

func TestRankBoundaries(t *testing.T) {
	for _, tc := range []struct {
		rank, total int
		want        bool
	}{
		{12, 41, true}, {13, 41, false}, {3, 10, true}, {4, 10, false}, {30, 100, true}, {31, 100, false}, {1, 1, false}, {1, 4, true},
	} {
		if got := RankWithinLimit(tc.rank, tc.total); got != tc.want {
			t.Errorf("RankWithinLimit(%d, %d) = %v", tc.rank, tc.total, got)
		}
	}
	if RankCutoff(41) != 12 {
		t.Errorf("RankCutoff(41) = %d", RankCutoff(41))
	}
}

func TestPercentMatches(t *testing.T) {
	for _, tc := range []struct {
		stated   float64
		num, den int
		want     bool
	}{
		{3.1, 99, 3143, true},
		{60, 43, 56, false},
		{76.8, 43, 56, true},
		{77, 43, 56, true},
		{1, 56, 5600, true},
		{60, 607, 1000, true},
		{61, 60, 100, false},
		{55, 80, 100, false},
		{50, 1, 0, false},
	} {
		if got := PercentMatches(tc.stated, Ratio{tc.num, tc.den}); got != tc.want {
			t.Errorf("PercentMatches(%v, %d/%d) = %v", tc.stated, tc.num, tc.den, got)
		}
	}
}

func TestAnswerFor(t *testing.T) {
	f := vCleanFiling(t, "2021")
	f.Answers["3"] = Answer{}
	f.Answers["1"] = Answer{}
	f.Answers["17"] = Answer{Met: BoolPtr(false)}
	d := Derive(f, vTestEdition(t, "2021"))
	if got := d.AnswerFor(f, "3"); got == nil || !*got {
		t.Errorf("item 3 unanswered: AnswerFor = %v, want the derived true", got)
	}
	if got := d.AnswerFor(f, "1"); got != nil {
		t.Errorf("item 1 unanswered without a fact: AnswerFor = %v", *got)
	}
	if got := d.AnswerFor(f, "17"); got == nil || *got {
		t.Errorf("item 17: the user's answer wins, got %v", got)
	}
}

// An item honestly answered 未达标 that the data confirms is an 未达标项:
// listed once with its reason, not counted as an error; the same gap
// answered 达标 stays an error.
func TestUnmetIsNotAnError(t *testing.T) {
	ed := vTestEdition(t, "2021")
	f := vCleanFiling(t, "2021")
	vGrowTo(f, 41)
	f.Answers["3"] = Answer{Met: BoolPtr(false), Note: "实有41人"}
	r := Validate(f, ed)
	if r.Errors != 0 || r.Fails() {
		t.Errorf("errors %v", r.Of(SeverityError))
	}
	unmet := r.Of(SeverityUnmet)
	if len(unmet) != 1 || unmet[0].Rule != RuleSchoolStaff || !strings.Contains(unmet[0].Message, "41") || r.Unmet != 1 {
		t.Errorf("unmet %v, want the staff limit once", unmet)
	}
	if r.Errors+r.Unmet+r.Warnings != len(r.Findings) {
		t.Errorf("counts %d+%d+%d of %d", r.Errors, r.Unmet, r.Warnings, len(r.Findings))
	}
	f.Answers["3"] = Answer{Met: BoolPtr(true)}
	r = Validate(f, ed)
	if r.Errors != 2 || r.Unmet != 0 || !r.Fails() {
		t.Errorf("answered 达标 with 41 staff: %d errors %d unmet, want the limit and the contradiction as errors", r.Errors, r.Unmet)
	}
	// Severity order: errors, then 未达标项, then 提示.
	f.Answers["1"] = Answer{Met: BoolPtr(false)}
	r = Validate(f, ed)
	last := -1
	for _, fd := range r.Findings {
		if k := fd.Severity.rank(); k < last {
			t.Errorf("finding %s (%s) after a later severity", fd.Rule, fd.Severity)
		} else {
			last = k
		}
	}
}

// A finding that stands for several members lists them, and each member's
// findings include it.
func TestGroupedFindingListsMembers(t *testing.T) {
	f := vCleanFiling(t, "2021")
	for _, i := range []int{3, 5, 7} {
		f.Members[i].PoliticalStatus = ""
	}
	r := Validate(f, vTestEdition(t, "2021"))
	var hit []Finding
	for _, fd := range r.Findings {
		if fd.Rule == RuleMemberPoliticalMissing {
			hit = append(hit, fd)
		}
	}
	if len(hit) != 1 || hit[0].Path != "members" || fmt.Sprint(hit[0].Members) != "[3 5 7]" || !strings.Contains(hit[0].Message, "名单中3人") {
		t.Fatalf("findings %+v, want one listing members 3, 5 and 7", hit)
	}
	if got := r.At("members[5]"); len(got) != 1 || got[0].Rule != RuleMemberPoliticalMissing {
		t.Errorf("At(members[5]) = %v", got)
	}
	if got := r.At("members[4]"); len(got) != 0 {
		t.Errorf("At(members[4]) = %v", got)
	}
}
