package forms

import (
	"strings"
	"testing"
)

// vCollegeData gives the first college union of the clean filing its own
// data, all of it meeting the college-level items it answers 是.
func vCollegeData(f *Filing) {
	u := &f.CollegeUnions[0]
	u.Roster = []Member{
		{Name: "赵一", PoliticalStatus: LeagueMember, College: "护理学院", Grade: 2, Level: LevelUndergraduate, Rank: IntPtr(2), RankTotal: IntPtr(40), Failed: BoolPtr(false), Position: PositionPresident, Department: PresidiumDepartment},
		{Name: "钱二", PoliticalStatus: PartyMember, College: "护理学院", Grade: 3, Level: LevelUndergraduate, Rank: IntPtr(5), RankTotal: IntPtr(40), Failed: BoolPtr(false), Position: PositionHead, Department: "学习部"},
		{Name: "孙三", PoliticalStatus: LeagueMember, College: "护理学院", Grade: 1, Level: LevelUndergraduate, Position: PositionStaff, Department: "学习部"},
	}
	u.Staff, u.Presidium = IntPtr(3), IntPtr(1)
	u.CongressDate = Date{2021, 5, 20}
	u.PresidiumElection = ElectedByCongress
	u.LeagueLead = Guide{Name: "周老师", FullTime: BoolPtr(true)}
	u.SecretaryGeneral = Guide{Name: "吴老师", FullTime: BoolPtr(true)}
	u.Collection.MarkReturned(Date{2021, 11, 1}, "二级学生会组织-护理学院.xlsx")
}

func vCollegeRuleCases() []vRuleCase {
	with := func(fn func(u *CollegeUnion)) func(*Filing) {
		return func(f *Filing) { vCollegeData(f); fn(&f.CollegeUnions[0]) }
	}
	no := BoolPtr(false)
	return []vRuleCase{
		{name: "college data clean", mutate: with(func(*CollegeUnion) {}), rule: RuleCollegeAnswerContradiction},
		{name: "college workbook sent", mutate: func(f *Filing) { f.CollegeUnions[1].Collection.MarkSent(Date{2021, 10, 8}) }, rule: RuleCollegeNotReturned, fires: true, path: "college_unions[1].collection"},
		{name: "college workbook back", mutate: with(func(*CollegeUnion) {}), rule: RuleCollegeNotReturned},
		{name: "college roster empty", mutate: with(func(u *CollegeUnion) { u.Roster = []Member{} }), rule: RuleCollegeRosterEmpty, fires: true, path: "college_unions[0].roster"},
		{name: "college count not roster", mutate: with(func(u *CollegeUnion) { u.Staff = IntPtr(25) }), rule: RuleCollegeRosterCount, fires: true, path: "college_unions[0].staff"},
		{name: "college congress old", mutate: with(func(u *CollegeUnion) { u.CongressDate = Date{2020, 8, 31} }), rule: RuleCollegeCongressHeld, fires: true, path: "college_unions[0].congress_date"},
		{name: "college congress at the previous 学年's start", mutate: with(func(u *CollegeUnion) { u.CongressDate = Date{2020, 9, 1} }), rule: RuleCollegeCongressHeld, fires: false},
		{name: "college congress undated", mutate: with(func(u *CollegeUnion) { u.CongressDate = Date{} }), rule: RuleCollegeCongressMissing, fires: true, path: "college_unions[0].congress_date"},
		{name: "college presidium appointed", mutate: with(func(u *CollegeUnion) { u.PresidiumElection = "学生会委员会推选" }), rule: RuleCollegeElection, fires: true, path: "college_unions[0].presidium_election"},
		{name: "college presidium by assembly", mutate: with(func(u *CollegeUnion) { u.PresidiumElection = ElectedByAssembly }), rule: RuleCollegeElection},
		{name: "college election blank", mutate: with(func(u *CollegeUnion) { u.PresidiumElection = "" }), rule: RuleCollegeElectionMissing, fires: true, path: "college_unions[0].presidium_election"},
		{name: "college secretary not league", mutate: with(func(u *CollegeUnion) { u.SecretaryGeneral.FullTime = no }), rule: RuleCollegeGuidance, fires: true, path: "college_unions[0].secretary_general.full_time"},
		{name: "college lead unnamed", mutate: with(func(u *CollegeUnion) { u.LeagueLead.Name = "" }), rule: RuleCollegeGuidanceUnknown, fires: true, path: "college_unions[0].league_lead.name"},
		{name: "college 群众 answered 是", mutate: with(func(u *CollegeUnion) { u.Roster[2].PoliticalStatus = "群众" }), rule: RuleCollegeAnswerContradiction, fires: true, path: "college_unions[0].items[c6]"},
		{name: "college 群众 member", mutate: with(func(u *CollegeUnion) { u.Roster[2].PoliticalStatus = "群众" }), rule: RuleMemberPolitical, fires: true, path: "college_unions[0].roster[2].political_status"},
	}
}

func TestCollegeFindingsNameTheUnion(t *testing.T) {
	f := vCleanFiling(t, "2021")
	vCollegeData(f)
	f.CollegeUnions[0].Roster[1].Position = "秘书长"
	r := Validate(f, vTestEdition(t, "2021"))
	var msgs []string
	for _, fd := range r.Findings {
		if strings.HasPrefix(fd.Path, "college_unions[0]") {
			msgs = append(msgs, fd.Message)
			if !strings.HasPrefix(fd.Message, "护理学院学生会：") {
				t.Errorf("finding at %s does not name the union: %s", fd.Path, fd.Message)
			}
		}
	}
	want := []string{
		"护理学院学生会：名单第2人（钱二）",
		"护理学院学生会：二级学生会组织情况第5项答“是”，但钱二的职务不在",
	}
	for _, w := range want {
		found := false
		for _, m := range msgs {
			found = found || strings.Contains(m, w)
		}
		if !found {
			t.Errorf("no finding says %q; findings: %q", w, msgs)
		}
	}
	for _, fd := range r.ForItem("c5") {
		if fd.Path == "college_unions[0].roster[1].position" {
			return
		}
	}
	t.Errorf("the member's title finding does not concern college item c5: %v", r.ForItem("c5"))
}

func TestDeriveCollege(t *testing.T) {
	ed := vTestEdition(t, "2021")
	f := vCleanFiling(t, "2021")
	vCollegeData(f)
	d := DeriveCollege(f, ed, &f.CollegeUnions[0])
	if d.Staff != 3 || d.Presidium != 1 || !d.HasRoster {
		t.Errorf("counts %+v", d)
	}
	for _, id := range []string{"c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c13"} {
		if s := d.Items[id]; s.Met == nil || !*s.Met {
			t.Errorf("%s: %+v, want 是", id, s)
		}
	}
	for _, id := range []string{"c1", "c10", "c11", "c12"} {
		if s := d.Items[id]; s.Met != nil {
			t.Errorf("%s is decided by no data, got %+v", id, s)
		}
	}
	u := &f.CollegeUnions[0]
	for i := 0; i < 30; i++ {
		u.Roster = append(u.Roster, Member{Name: "成员" + itoa(i), PoliticalStatus: LeagueMember, Grade: 1, Position: PositionStaff, Department: "学习部"})
	}
	u.Roster = append(u.Roster, Member{Name: "副主席甲", PoliticalStatus: LeagueMember, Grade: 1, Position: PositionVicePresident, Department: PresidiumDepartment},
		Member{Name: "副主席乙", PoliticalStatus: LeagueMember, Grade: 1, Position: PositionVicePresident, Department: PresidiumDepartment},
		Member{Name: "副主席丙", PoliticalStatus: LeagueMember, Grade: 1, Position: PositionVicePresident, Department: PresidiumDepartment})
	d = DeriveCollege(f, ed, u)
	if s := d.Items["c3"]; s.Met == nil || *s.Met || !strings.Contains(s.Reason, "工作人员36人，超过30人") {
		t.Errorf("c3 over the limit: %+v", s)
	}
	if s := d.Items["c4"]; s.Met == nil || *s.Met || !strings.Contains(s.Reason, "主席团成员4人，超过3人") {
		t.Errorf("c4 over the limit: %+v", s)
	}
	// A union entered by hand has only its counts.
	hand := CollegeUnion{Name: "机电学院", Staff: IntPtr(20), Presidium: IntPtr(2)}
	d = DeriveCollege(f, ed, &hand)
	if s := d.Items["c3"]; s.Met == nil || !*s.Met {
		t.Errorf("c3 from the typed count: %+v", s)
	}
	if s := d.Items["c6"]; s.Met != nil {
		t.Errorf("c6 without a roster: %+v", s)
	}
}

func TestCollegeRosterMatch(t *testing.T) {
	f := vCleanFiling(t, "2021")
	vCollegeData(f)
	f.CollegeUnions[0].Roster[0].Name = f.Members[0].Name // 李明 of 护理学院
	f.CollegeUnions[0].Roster[1].Name = f.Members[1].Name
	f.CollegeUnions[0].Roster[1].College = "另一个学院"
	got := CollegeRosterMatch(f)
	if got[0] != 0 {
		t.Errorf("member 0 (%s, %s) not recognised in the college roster: %v", f.Members[0].Name, f.Members[0].College, got)
	}
	if f.Members[1].College != "另一个学院" && !strings.HasPrefix(f.Members[1].College, "护理") && got[1] >= 0 {
		t.Errorf("member 1 of %s matched a member of another college", f.Members[1].College)
	}
	for _, m := range f.Members {
		m.FromCollegeUnion = nil
	}
	for i := range f.Members {
		f.Members[i].FromCollegeUnion = nil
	}
	d := Derive(f, vTestEdition(t, "2021"))
	if d.FromCollegeShare == nil || d.FromCollegeShare.Num < 1 {
		t.Errorf("from-college share %+v does not count the recognised member", d.FromCollegeShare)
	}
}

func TestMigrateV2(t *testing.T) {
	data := []byte(`{"schema_version": 2, "edition": "2021", "school": "示例学院", "org_type": "学生会",
 "college_unions": [{"name": "机电学院", "staff": 20, "presidium": 2, "items": {"c1": true}}]}`)
	f, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	u := f.CollegeUnions[0]
	if f.SchemaVersion != CurrentSchema || u.Name != "机电学院" || *u.Staff != 20 || !u.Items["c1"] || u.Roster != nil || u.Collection.State != "" {
		t.Errorf("migrated %+v", f)
	}
	bad := []byte(`{"schema_version": 2, "edition": "2021", "college_unions": ["机电学院"]}`)
	if _, err := Decode(bad); err == nil || !strings.Contains(err.Error(), "第 1 个二级学生会组织") {
		t.Errorf("bad v2 union error = %v", err)
	}
}

// TestCollegeGapIsUnmet: a college that honestly answers 否 for a
// requirement its data does not meet has a gap, not an error.
func TestCollegeGapIsUnmet(t *testing.T) {
	f := vCleanFiling(t, "2021")
	vCollegeData(f)
	u := &f.CollegeUnions[0]
	u.Roster[2].PoliticalStatus = "群众"
	u.Items["c6"] = false
	f.CollegeItemCounts["c6"] = 1
	r := Validate(f, vTestEdition(t, "2021"))
	found := false
	for _, fd := range r.Findings {
		if fd.Path == "college_unions[0].roster[2].political_status" {
			found = true
			if fd.Severity != SeverityUnmet {
				t.Errorf("severity %s, want unmet: %s", fd.Severity, fd.Message)
			}
		}
		if fd.Rule == RuleCollegeAnswerContradiction {
			t.Errorf("honest 否 reported as a contradiction: %s", fd.Message)
		}
	}
	if !found {
		t.Error("the member's political status is not reported")
	}
}

func TestIsElectedPresidium(t *testing.T) {
	for in, want := range map[string]bool{
		ElectedByCongress: true,
		ElectedByAssembly: true,
		ElectedOtherwise:  false,
		"由学生代表大会（非其委员会、常务委员会、常任代表会议等）选举产生": true,
		"学生代表大会常任代表会议选举":                   false,
		"学生会委员会选举产生":                       false,
		"团总支任命":                            false,
		"非学生代表大会选举":                        false,
		"全体学生大会选举":                         true,
		"":                                 false,
	} {
		if got := IsElectedPresidium(in); got != want {
			t.Errorf("IsElectedPresidium(%q) = %v, want %v", in, got, want)
		}
	}
}
