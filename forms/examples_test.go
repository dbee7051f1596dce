package forms

import (
	"strings"
	"testing"

	"sureform/assets"
)

// vLoadExample decodes one of the embedded example filings.
func vLoadExample(t testing.TB, name string) (*Filing, *Edition) {
	t.Helper()
	data, err := assets.Examples.ReadFile("examples/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Decode(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f, vTestEdition(t, f.Edition)
}

// vExpect is one finding an example must (or must not) produce.
type vExpect struct {
	rule, path string
	contains   []string // substrings of the message
	absent     bool
}

func vCheckExample(t *testing.T, r Report, exps []vExpect) {
	t.Helper()
	for _, e := range exps {
		var hit *Finding
		for i := range r.Findings {
			if r.Findings[i].Rule == e.rule && r.Findings[i].Path == e.path {
				hit = &r.Findings[i]
				break
			}
		}
		switch {
		case e.absent && hit != nil:
			t.Errorf("unexpected %s at %s: %s", e.rule, e.path, hit.Message)
		case !e.absent && hit == nil:
			t.Errorf("missing %s at %s; findings at that path: %v", e.rule, e.path, r.At(e.path))
		case hit != nil:
			for _, s := range e.contains {
				if !strings.Contains(hit.Message, s) {
					t.Errorf("%s at %s: message %q lacks %q", e.rule, e.path, hit.Message, s)
				}
			}
			vCheckFinding(t, *hit)
		}
	}
}

func vCountRule(r Report, rule string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Rule == rule {
			n++
		}
	}
	return n
}

func vMet(s Suggestion) string {
	switch {
	case s.Met == nil:
		return "nil"
	case *s.Met:
		return "true"
	}
	return "false"
}

// 阳泉职业技术学院, 2021 edition: the secretary-general is not full-time
// while item 17 is answered 是, which the form's 专职副书记或干部 leaves to
// confirm; ranks come without the major's size;
// the roster gives no positions, so the presidium note cannot be checked.
func TestExampleYangquan(t *testing.T) {
	f, ed := vLoadExample(t, "yangquan-2021")
	r := Validate(f, ed)
	vCheckExample(t, r, []vExpect{
		{rule: RuleGuidanceSecretary, path: "guidance.secretary_general.full_time", contains: []string{"刘玉洁", "专职", "确认"}},
		{rule: RuleAnswerContradiction, path: "answers[17]", absent: true},
		{rule: RuleMemberRankUnverified, path: "members", contains: []string{"名单中28人", "邢利峰（名次6）"}},
		{rule: RuleMemberPositionMissing, path: "members", contains: []string{"陈嘉龙"}},
		{rule: RuleNoteCountUnverified, path: "answers[4]", contains: []string{"实有3人", "1人", "27人"}},
		{rule: RuleCongressCandidatesUnknown, path: "congress.presidium_candidates", contains: []string{"至少4人"}},
		{rule: RuleCollegeSizeMissing, path: "college_unions[0].staff", contains: []string{"财经管理系"}},
		{rule: RuleCongressHeld, path: "congress.date", absent: true},
		{rule: RuleCongressDelegates, path: "congress.delegates", absent: true},
		{rule: RuleStatedPercent, path: "congress.stated_delegate_percent", absent: true},
		{rule: RuleCongressSeatsColleges, path: "congress.seats_by_college", absent: true},
		{rule: RuleNoteCount, path: "answers[3]", absent: true},
		{rule: RuleNoteCount, path: "answers[5]", absent: true},
		{rule: RuleCollegeItemCount, path: "college_item_counts[c3]", absent: true},
	})
	if r.Errors != 0 {
		t.Errorf("yangquan: errors %v, want none", r.Of(SeverityError))
	}
	if n := vCountRule(r, RuleMemberRankUnverified); n != 1 {
		t.Errorf("yangquan: %d findings of ranks without major size, want one listing all 28", n)
	}
	if f := r.At("guidance.secretary_general.full_time"); len(f) != 1 || f[0].Severity != SeverityWarning {
		t.Errorf("yangquan: secretary-general %v, want one warning", f)
	}
	if n := vCountRule(r, RuleCollegeSizeMissing); n != 10 {
		t.Errorf("yangquan: %d college size warnings, want 10", n)
	}
	d := r.Derived
	if d.Staff != 28 || d.Departments != 6 || d.DelegateShare.String() != "3.1%" {
		t.Errorf("yangquan derived: staff %d departments %d delegates %s", d.Staff, d.Departments, d.DelegateShare)
	}
	for id, want := range map[string]string{"3": "true", "5": "true", "11": "true", "17": "nil", "6": "nil", "8": "nil", "1": "nil"} {
		if got := vMet(d.Items[id]); got != want {
			t.Errorf("yangquan item %s suggested %s (%s), want %s", id, got, d.Items[id].Reason, want)
		}
	}
	if d.Items["11"].Note != "召开日期为：2021年6月3日" || d.Items["3"].Note != "实有28人" {
		t.Errorf("yangquan notes: %q %q", d.Items["11"].Note, d.Items["3"].Note)
	}
}

// 昌吉职业技术学院, 2020 edition: the congress was only planned (item 9
// honestly answered 未达标); 冉嫒's grade column holds 纪检委员; items 16
// and 17 are answered 达标 with no survey counts and “满意率为 %”; the
// presidium and department notes cannot be checked against a roster
// without positions.
func TestExampleChangji(t *testing.T) {
	f, ed := vLoadExample(t, "changji-2020")
	r := Validate(f, ed)
	vCheckExample(t, r, []vExpect{
		{rule: RuleCongressHeld, path: "congress.planned", contains: []string{"拟于2020年11月30日", "2019年10月1日以来"}},
		{rule: RuleAnswerContradiction, path: "answers[9]", absent: true},
		{rule: RuleAnswerUnexplained, path: "answers[9]", absent: true},
		{rule: RuleNoteDate, path: "answers[9]", absent: true},
		{rule: RuleMemberGrade, path: "members[18].grade", contains: []string{"冉嫒", "纪检委员"}},
		{rule: RuleSatisfactionMissing, path: "satisfaction.union.sample", contains: []string{"第16项已答“达标”"}},
		{rule: RuleSatisfactionMissing, path: "satisfaction.staff.sample", contains: []string{"第17项已答“达标”"}},
		{rule: RuleNoteBlank, path: "answers[16]", contains: []string{"满意率为 %"}},
		{rule: RuleNoteBlank, path: "answers[17]"},
		{rule: RuleNoteCount, path: "answers[3.1]", absent: true},
		{rule: RuleNoteCountUnverified, path: "answers[3.2]", contains: []string{"实有 3 人", "40人未填职务"}},
		{rule: RuleNoteCountUnverified, path: "answers[3.3]", contains: []string{"实有 5 个"}},
		{rule: RuleCongressDelegatesUnknown, path: "students"},
		{rule: RuleMemberRankUnverified, path: "members", contains: []string{"张世英（名次18）"}},
	})
	if r.Errors != 0 {
		t.Errorf("changji: %d errors, want none: the unheld congress is honestly answered 未达标; errors %v", r.Errors, r.Of(SeverityError))
	}
	if held := r.At("congress.planned"); len(held) != 1 || held[0].Severity != SeverityUnmet {
		t.Errorf("changji: the planned congress is %v, want one 未达标项", held)
	}
	if got := vMet(r.Derived.Items["9"]); got != "false" {
		t.Errorf("changji item 9 suggested %s", got)
	}
	if got := r.Derived.Items["9"].Note; got != "召开日期为：拟定为2020年11月30日" {
		t.Errorf("changji item 9 note %q", got)
	}
	if got := vMet(r.Derived.Items["16"]); got != "nil" {
		t.Errorf("changji item 16 suggested %s without survey counts", got)
	}
}

// 兰州科技职业学院, 2020 edition: three members titled 主席团成员 while
// item 4 is answered 达标; 43 of 56 delegates are non-cadre (76.8 %) but the
// text says 60 %; 办公部 in the roster is not among the declared
// departments (办公文秘部); items 16 and 17 are missing from the published
// table.
func TestExampleLanzhou(t *testing.T) {
	f, ed := vLoadExample(t, "lanzhou-2020")
	r := Validate(f, ed)
	vCheckExample(t, r, []vExpect{
		{rule: RuleMemberPresidiumTitle, path: "members", contains: []string{"名单中3人", "牟东辉、王奇斌、陈恩航", "主席团成员"}},
		{rule: RuleMemberPosition, path: "members[1].position", absent: true},
		{rule: RuleAnswerContradiction, path: "answers[4]", absent: true},
		{rule: RuleStatedPercent, path: "congress.stated_non_cadre_percent", contains: []string{"60%", "43/56 = 76.8%"}},
		{rule: RuleStatedPercent, path: "congress.stated_delegate_percent", absent: true},
		{rule: RuleCongressDelegates, path: "congress.delegates", absent: true},
		{rule: RuleCongressNonCadre, path: "congress.non_cadre_delegates", absent: true},
		{rule: RuleSchoolUndeclared, path: "members[6].department", contains: []string{"办公部", "办公文秘部", "梁珊珊"}},
		{rule: RuleNoteCountUnverified, path: "answers[3.3]", contains: []string{"实有5个", "6个"}},
		{rule: RuleNoteCount, path: "answers[3.2]", absent: true},
		{rule: RuleAnswerUnanswered, path: "answers[16]"},
		{rule: RuleAnswerUnanswered, path: "answers[17]"},
		{rule: RuleSchoolLeaders, path: "departments[1].name", absent: true}, // 章程: 负责人1—2人
		{rule: RuleMemberFailedMissing, path: "members[14].failed", absent: true},
	})
	if n := vCountRule(r, RuleMemberRank); n != 0 {
		t.Errorf("lanzhou: %d rank errors; every rank of the roster is within 30%%", n)
	}
	if r.Errors != 3 {
		t.Errorf("lanzhou: errors %v, want 3 (the stated 60%% and items 16, 17 unanswered)", r.Of(SeverityError))
	}
	if got := vMet(r.Derived.Items["4"]); got != "nil" {
		t.Errorf("lanzhou item 4 suggested %s; 主席团成员 is to be confirmed, not a wrong title", got)
	}
	if r.Derived.NonCadreShare.String() != "76.8%" || !r.Derived.DelegateShare.AtLeast(1) {
		t.Errorf("lanzhou shares %s %s", r.Derived.NonCadreShare, r.Derived.DelegateShare)
	}
}

func TestParseCharterOfExamples(t *testing.T) {
	for _, tc := range []struct {
		name                      string
		presidium, lo, hi, qn, qd int
	}{
		{"yangquan-2021", 5, 2, 3, 4, 5},
		{"lanzhou-2020", 4, 1, 2, 0, 0},
		{"changji-2020", 0, 0, 0, 0, 0}, // 三分之二 there is for amending the charter, not a quorum
	} {
		f, _ := vLoadExample(t, tc.name)
		c := parseCharter(f.Texts.Charter)
		if c.PresidiumMax != tc.presidium || c.LeadersMin != tc.lo || c.LeadersMax != tc.hi || c.QuorumNum != tc.qn || c.QuorumDen != tc.qd {
			t.Errorf("%s: %+v", tc.name, c)
		}
	}
}

// Validate must leave the filing exactly as it was: the GUI validates the
// filing it is editing.
func TestValidateDoesNotModify(t *testing.T) {
	for _, name := range []string{"yangquan-2021", "changji-2020", "lanzhou-2020"} {
		f, ed := vLoadExample(t, name)
		before, err := Encode(f)
		if err != nil {
			t.Fatal(err)
		}
		Validate(f, ed)
		after, _ := Encode(f)
		if string(before) != string(after) {
			t.Errorf("%s: Validate changed the filing", name)
		}
	}
}
