package formtext

import (
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
	if got := ItemLabel(forms.Item{Number: "1", Marker: "★", Text: "条目"}); got != "1. ★条目" {
		t.Errorf("ItemLabel = %q", got)
	}
	if got := YesNo(nil) + YesNo(&yes) + YesNo(&no); got != "是否" {
		t.Errorf("YesNo = %q", got)
	}
}
