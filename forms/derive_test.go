package forms

import (
	"strings"
	"testing"
)

// Every fact and note kind the loader accepts has its decider or writer,
// every fact a rule names is one of them, and an edition naming each fact
// loads and gets a suggestion for it.
func TestFactTable(t *testing.T) {
	for k := range knownFacts {
		if k != FactNone && factDeciders[k] == nil {
			t.Errorf("fact %q accepted without a decider", k)
		}
	}
	for k := range knownNotes {
		if k != NoteNone && noteWriters[k] == nil {
			t.Errorf("note %q accepted without a writer", k)
		}
	}
	for _, r := range Rules() {
		for _, f := range r.Facts {
			if factDeciders[f] == nil {
				t.Errorf("rule %s names fact %q, which has no decider", r.ID, f)
			}
		}
	}
	var b strings.Builder
	b.WriteString("id = \"t\"\nname = \"测试\"\ntitle = \"测试表\"\nyear = 2022\ncongress_rule = \"within_year\"\n" +
		"[[sections]]\nid = \"school\"\ntitle = \"校级\"\nkind = \"answers\"\ncolumns = [\"项目\", \"是否\", \"备注\"]\nanswers = [\"是\", \"否\"]\n")
	for i, fact := range FactKinds() {
		b.WriteString("[[sections.items]]\nid = \"" + itoa(i+1) + "\"\nnumber = \"" + itoa(i+1) + "\"\ntext = \"条目\"\nfact = \"" + fact + "\"\n")
	}
	ed, err := ParseEdition("t.toml", []byte(b.String()))
	if err != nil {
		t.Fatalf("an edition naming every fact: %v", err)
	}
	f := vCleanFiling(t, "2021")
	d := Derive(f, ed)
	for i, fact := range FactKinds() {
		if s := d.Items[itoa(i+1)]; s.Reason == "" {
			t.Errorf("fact %s decided without a reason", fact)
		}
	}
	if len(FactKinds()) != len(factDeciders) || len(NoteKinds()) != len(noteWriters) {
		t.Error("kind lists differ from the tables")
	}
}

// The limits live in one place: an edition's Limits are what the rules
// and deciders check.
func TestDefaultLimits(t *testing.T) {
	l := DefaultLimits()
	if l.Staff != 40 || l.LargeSchoolStaff != 60 || l.Presidium != 5 || l.Departments != 6 || l.CollegeStaff != 30 || l.CollegePresidium != 3 {
		t.Errorf("limits %+v", l)
	}
	if strings.Join(l.Titles, "、") != "主席、副主席、执行主席、部长、副部长、干事" {
		t.Errorf("titles %v", l.Titles)
	}
	l.Titles[0] = "x"
	if DefaultLimits().Titles[0] != PositionPresident {
		t.Error("DefaultLimits shares its titles slice")
	}
}

// A ratio below (above) a limit never reads as the limit itself.
func TestPercentBelowAbove(t *testing.T) {
	for _, tc := range []struct {
		r          Ratio
		pct        int
		below, abv string
	}{
		{Ratio{39, 4000}, 1, "0.9%", ""},
		{Ratio{3999, 400000}, 1, "0.9%", ""},
		{Ratio{599, 1000}, 60, "59.9%", ""},
		{Ratio{5999, 10000}, 60, "59.9%", ""},
		{Ratio{1201, 4000}, 30, "", "30.1%"},
		{Ratio{13, 41}, 30, "", "31.8%"},
	} {
		if tc.below != "" {
			if got := percentBelow(tc.r, tc.pct); got != tc.below {
				t.Errorf("percentBelow(%v, %d) = %s, want %s", tc.r, tc.pct, got, tc.below)
			}
		}
		if tc.abv != "" {
			if got := percentAbove(tc.r, tc.pct); got != tc.abv {
				t.Errorf("percentAbove(%v, %d) = %s, want %s", tc.r, tc.pct, got, tc.abv)
			}
		}
	}
}

// Dates, percentages and counts in the forms people type.
func TestTypedForms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"2020年11月27日", "2020-11-27"}, {"2020/11/27", "2020-11-27"}, {"2020.11.27", "2020-11-27"},
		{"2020-11-7", "2020-11-07"}, {"21年6月3日", "2021-06-03"}, {" 2021 年 6 月 3 日 ", "2021-06-03"},
		{"２０２１年６月３日", "2021-06-03"}, {"2021-02-30", ""}, {"2021年6月", ""}, {"6月3日", ""}, {"21.6.3", ""},
	} {
		d, err := ReadDate(tc.in)
		if got := d.String(); got != tc.want || (tc.want == "" && err == nil) {
			t.Errorf("ReadDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"满意率为60%", 60, true}, {"满意率为60％", 60, true}, {"满意率为0.6", 60, true}, {"满意率为百分之六十", 60, true},
		{"满意率为百分之76.8", 76.8, true}, {"满意率为 %", 0, false}, {"共3人", 0, false},
	} {
		p, ok := parseNotePercent(tc.in)
		if ok != tc.ok || p != tc.want {
			t.Errorf("parseNotePercent(%q) = %v %v, want %v %v", tc.in, p, ok, tc.want, tc.ok)
		}
	}
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"实有六个", 6, true}, {"实有 6 个", 6, true}, {"实有十二人", 12, true}, {"实有二十八人", 28, true},
		{"实有两人", 2, true}, {"实有 人", 0, false}, {"实有0人", 0, true},
	} {
		n, ok := parseNoteCount(tc.in)
		if ok != tc.ok || n != tc.want {
			t.Errorf("parseNoteCount(%q) = %d %v, want %d %v", tc.in, n, ok, tc.want, tc.ok)
		}
	}
}

// A 章程 that states the college limits first must not set the school's.
func TestCharterTakesTheSchoolClause(t *testing.T) {
	for _, tc := range []struct {
		text          string
		presidium, hi int
	}{
		{"第二十条 院级学生会主席团成员不超过3人。第十条 校学生会主席团成员不超过5人。", 5, 0},
		{"二级学生会组织主席团成员不超过3名；各部门负责人1至2人。", 0, 2},
		{"院（系）学生会主席团成员3人。", 0, 0},
		{"校级学生会主席团成员不超过4名，院级学生会主席团成员不超过3名。", 4, 0},
		{"主席团成员不超过4名。", 4, 0},
	} {
		c := parseCharter(tc.text)
		if c.PresidiumMax != tc.presidium || c.LeadersMax != tc.hi {
			t.Errorf("%s: presidium %d leaders max %d, want %d %d", tc.text, c.PresidiumMax, c.LeadersMax, tc.presidium, tc.hi)
		}
	}
}

func TestReadPercentAndCount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"60", 60, true}, {"60%", 60, true}, {"60％", 60, true}, {"0.6", 60, true}, {"百分之六十", 60, true},
		{"76.8%", 76.8, true}, {"1", 1, true}, {"约60%", 0, false}, {"", 0, false}, {"-5", 0, false}, {"NaN", 0, false}, {"1e400", 0, false},
	} {
		if p, ok := ReadPercent(tc.in); ok != tc.ok || p != tc.want {
			t.Errorf("ReadPercent(%q) = %v %v, want %v %v", tc.in, p, ok, tc.want, tc.ok)
		}
	}
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"6", 6, true}, {"６", 6, true}, {"6个", 6, true}, {"实有六个", 6, true}, {"二十八人", 28, true},
		{"实有 40 人", 40, true}, {"约6个", 0, false}, {"", 0, false}, {"6.5", 0, false},
	} {
		if n, ok := ReadCount(tc.in); ok != tc.ok || n != tc.want {
			t.Errorf("ReadCount(%q) = %d %v, want %d %v", tc.in, n, ok, tc.want, tc.ok)
		}
	}
	if l := JSONFieldLabel("members.rank"); l != "学习成绩综合排名" {
		t.Errorf("JSONFieldLabel(members.rank) = %q", l)
	}
	if l := JSONFieldLabel("congress.delegates"); l != "代表人数" {
		t.Errorf("JSONFieldLabel(congress.delegates) = %q", l)
	}
}

// A title inferred from the work experience counts for nothing until the
// user confirms it.
func TestSuggestedTitleIsNotCounted(t *testing.T) {
	f := vCleanFiling(t, "2021")
	ed := vTestEdition(t, "2021")
	before := Derive(f, ed).Presidium
	m := &f.Members[len(f.Members)-1]
	m.Position, m.Department = "", ""
	m.SuggestedPosition, m.SuggestedDepartment = PositionVicePresident, PresidiumDepartment
	if got := Derive(f, ed).Presidium; got != before {
		t.Errorf("presidium %d with an unconfirmed 副主席, want %d", got, before)
	}
	if !m.ConfirmSuggestion() || m.Position != PositionVicePresident || m.SuggestedPosition != "" {
		t.Fatalf("confirmed %+v", m)
	}
	if got := Derive(f, ed).Presidium; got != before+1 {
		t.Errorf("presidium %d after confirming, want %d", got, before+1)
	}
}
