package formtext

import (
	"strings"
	"testing"

	"sureform/forms"
)

func TestRosterTexts(t *testing.T) {
	tests := []struct {
		m           forms.Member
		grade, rank string
	}{
		{forms.Member{Grade: 2, Level: forms.LevelUndergraduate, Rank: forms.IntPtr(3), RankTotal: forms.IntPtr(45)}, "二年级", "3/45"},
		{forms.Member{Grade: 1, Level: forms.LevelGraduate, Rank: forms.IntPtr(20)}, "研一", "20"},
		{forms.Member{Grade: 3, RankPercent: forms.FloatPtr(10)}, "三年级", "前10%"},
		{forms.Member{Grade: 0, GradeText: "纪检委员"}, "纪检委员", ""},
		{forms.Member{Grade: 12}, "12年级", ""},
	}
	for _, tc := range tests {
		if got := Grade(&tc.m); got != tc.grade {
			t.Errorf("Grade(%+v) = %q, want %q", tc.m, got, tc.grade)
		}
		if got := Rank(&tc.m); got != tc.rank {
			t.Errorf("Rank(%+v) = %q, want %q", tc.m, got, tc.rank)
		}
	}
}

func TestFormTexts(t *testing.T) {
	yes, no := true, false
	if got := Choice(&yes, "达标", "未达标", " "); got != "☑达标 □未达标" {
		t.Errorf("Choice(true) = %q", got)
	}
	if got := Choice(&no, "是", "否", " "); got != "□是 ☑否" {
		t.Errorf("Choice(false) = %q", got)
	}
	if got := Choice(nil, "是", "否", "/"); got != "□是/□否" {
		t.Errorf("Choice(nil) = %q", got)
	}
	f := &forms.Filing{School: "某某学院", OrgType: forms.OrgGraduateUnion, PublicURL: " https://example.edu.cn/x ", Texts: forms.Texts{Problems: "问题"}}
	if got := HeaderField(f, forms.HeaderOrgName); got != "组织名称：某某学院研究生会　　□学生会/☑研究生会" {
		t.Errorf("org header = %q", got)
	}
	if got := OptionalValue(f, OptionalKey("自评公开链接")); got != "https://example.edu.cn/x" {
		t.Errorf("public URL row = %q", got)
	}
	if got := OptionalValue(f, OptionalKey("问题不足（选填）")); got != "问题" {
		t.Errorf("问题不足 row = %q", got)
	}
	if got := OptionalKey("不存在的行"); got != "" {
		t.Errorf("unknown row key = %q", got)
	}
	for _, c := range []struct {
		it   forms.Item
		want string
	}{
		{forms.Item{Number: "1", Marker: "★", Text: "条目"}, "1★. 条目"},
		{forms.Item{Number: "13", Marker: "▲", Text: "条目"}, "13▲. 条目"},
		{forms.Item{Number: "2", Text: "条目"}, "2. 条目"},
		{forms.Item{Marker: "★", Text: "条目"}, "★条目"},
		{forms.Item{Number: "8", Text: "条目", Unconfirmed: true}, "8. 条目"},
	} {
		if got := ItemLabel(c.it); got != c.want {
			t.Errorf("ItemLabel(%+v) = %q, want %q", c.it, got, c.want)
		}
	}
	if got := YesNo(nil) + YesNo(&yes) + YesNo(&no); got != "是否" {
		t.Errorf("YesNo = %q", got)
	}
}

// TestEditionTexts checks the title and the unconfirmed items of the shipped
// editions: the 学年 editions print their 学年 before the title, and every
// item marked unconfirmed is listed, in form order, without the note in its
// label.
func TestEditionTexts(t *testing.T) {
	refs := []UnconfirmedRef{{Number: "1"}, {Number: "2"}, {Number: "4"}, {Number: "5"}, {Number: "6"}, {Number: "3.1"}, {Number: "9"}}
	if got := UnconfirmedNumbers(refs, ""); got != "1、2、4—6、3.1、9" {
		t.Errorf("UnconfirmedNumbers = %q", got)
	}
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id, title    string
		school       string // numbers of the unconfirmed school-level items
		college      int    // how many college-level items are unconfirmed
		firstCollege string
	}{
		{"2020", "高校学生会组织深化改革评估备案表", "", 0, ""},
		{"2021-2022", "2021—2022学年改革自评表", "", 13, "1"},
		{"2023-2024", "2023—2024学年改革自评表", "8、9、11—17", 13, "1"},
	} {
		ed, err := eds.Get(c.id)
		if err != nil {
			t.Fatal(err)
		}
		if got := Title(ed); got != c.title {
			t.Errorf("%s: Title = %q, want %q", c.id, got, c.title)
		}
		refs := UnconfirmedItems(ed)
		if got := UnconfirmedNumbers(refs, ed.Sections[0].Title); c.school != "" && got != c.school {
			t.Errorf("%s: unconfirmed school items = %q, want %q", c.id, got, c.school)
		}
		n := 0
		for _, r := range refs {
			if strings.Contains(r.Label, forms.UnconfirmedNote) {
				t.Errorf("%s: label %q carries the note", c.id, r.Label)
			}
			if sec := ed.CollegeSection(); sec != nil && r.Section == sec.Title {
				if n == 0 && r.Number != c.firstCollege {
					t.Errorf("%s: first unconfirmed college item %q, want %q", c.id, r.Number, c.firstCollege)
				}
				n++
			}
		}
		if sec := ed.CollegeSection(); c.college == 13 && UnconfirmedNumbers(refs, sec.Title) != "1—13" {
			t.Errorf("%s: unconfirmed college items = %q, want 1—13", c.id, UnconfirmedNumbers(refs, sec.Title))
		}
		if n != c.college {
			t.Errorf("%s: %d unconfirmed college items, want %d", c.id, n, c.college)
		}
	}
}
