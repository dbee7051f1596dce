package forms

import (
	"strings"
	"testing"
)

// vIn2023 is the clean 2021 filing carried into the 2023—2024 edition.
func vIn2023(t *testing.T) (*Filing, *Edition) {
	t.Helper()
	from := vTestEdition(t, "2021")
	to := vTestEdition(t, "2023-2024")
	f, _, err := CarryFiling(vCleanFiling(t, "2021"), from, to)
	if err != nil {
		t.Fatal(err)
	}
	return f, to
}

// The 2023—2024学年 item 6 admits every presidium member's title: two vice
// presidents written as 主席团成员 are neither a wrong title nor a title to
// name, and item 6 is still met; under the 2021 wording the same roster
// asks for the exact title and leaves item 6 undecided.
func TestTitles2023AdmitPresidiumMember(t *testing.T) {
	f, ed := vIn2023(t)
	for i := 1; i <= 2; i++ {
		f.Members[i].Position = PositionPresidiumMember
	}
	r := Validate(f, ed)
	for _, fd := range r.Findings {
		if fd.Rule == RuleMemberPosition || fd.Rule == RuleMemberPresidiumTitle {
			t.Errorf("2023—2024: %s %s", fd.Rule, fd.Message)
		}
	}
	if s := r.Derived.Items["6"]; s.Met == nil || !*s.Met {
		t.Errorf("2023—2024 item 6 suggestion %+v, want 是", s)
	}
	if r.Errors != 0 {
		t.Errorf("2023—2024 errors: %v", r.Of(SeverityError))
	}

	g := vCleanFiling(t, "2021")
	for i := 1; i <= 2; i++ {
		g.Members[i].Position = PositionPresidiumMember
	}
	r = Validate(g, vTestEdition(t, "2021"))
	if len(r.At("members")) == 0 || !hasRule(r, RuleMemberPresidiumTitle) {
		t.Errorf("2021: want %s for 主席团成员", RuleMemberPresidiumTitle)
	}
	if s := r.Derived.Items["6"]; s.Met != nil {
		t.Errorf("2021 item 6 suggestion %+v, want undecided", s)
	}
	// A title no edition allows is an error in both.
	f.Members[3].Position = "秘书长"
	if r := Validate(f, ed); !hasRule(r, RuleMemberPosition) {
		t.Error("2023—2024: 秘书长 accepted as a title")
	}
}

func hasRule(r Report, rule string) bool {
	for _, fd := range r.Findings {
		if fd.Rule == rule {
			return true
		}
	}
	return false
}

// Validation reads the limits from the edition: the same roster that meets
// the shipped presidium limit of 5 breaks an edition's limit of 2, with the
// edition's number in the message and item 4's suggestion.
func TestLimitsFromEdition(t *testing.T) {
	for _, ed := range builtin(t).All() {
		l := ed.Limits()
		if l.Staff != 40 || l.LargeSchoolStaff != 60 || l.Presidium != 5 || l.Departments != 6 || l.CollegeStaff != 30 || l.CollegePresidium != 3 {
			t.Errorf("%s limits %+v", ed.ID, l)
		}
		if ed.LimitSettings.Staff == nil || len(ed.LimitSettings.Titles) == 0 {
			t.Errorf("%s does not state its limits in its file", ed.ID)
		}
	}
	base := vTestEdition(t, "2021")
	text := string(EncodeEdition(base, ""))
	text = strings.Replace(text, "presidium = 5", "presidium = 2", 1)
	strict, err := ParseEdition("strict.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	f := vCleanFiling(t, "2021")
	if r := Validate(f, base); hasRule(r, RuleSchoolPresidium) {
		t.Fatalf("the clean filing breaks the presidium limit of 5")
	}
	r := Validate(f, strict)
	found := false
	for _, fd := range r.Findings {
		if fd.Rule == RuleSchoolPresidium && strings.Contains(fd.Message, "超过2人") {
			found = true
		}
	}
	if s := r.Derived.Items["4"]; !found || s.Met == nil || *s.Met {
		t.Errorf("presidium limit 2: finding %v, item 4 suggestion %+v", found, s)
	}
}

func TestLimitSettingsErrors(t *testing.T) {
	base := string(EncodeEdition(vTestEdition(t, "2021"), ""))
	tests := []struct{ name, from, to, want string }{
		{"zero", "staff = 40", "staff = 0", "staff 应为正整数"},
		{"large below staff", "large_school_staff = 60", "large_school_staff = 30", "不应小于"},
		{"repeated title", `"干事"]`, `"干事", "干事"]`, "重复"},
		{"blank title", `"干事"]`, `"干事", " "]`, "空的职务"},
		{"unknown key", "staff = 40", "staff = 40\nstaf = 41", "无法识别的字段"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(base, tc.from, tc.to, 1)
			if text == base {
				t.Fatal("edit did not apply")
			}
			_, err := ParseEdition("limits.toml", []byte(text))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "limits.toml") {
				t.Errorf("error %v, want one naming the file and saying %q", err, tc.want)
			}
		})
	}
}
