package forms

import (
	"strings"
	"testing"
)

func TestTextSimilarity(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"主席团成员不超过5人。", "主席团成员不超过5人", 1, 1},
		{"主席团由学生代表大会(非其委员会)选举产生。", "主席团由学生代表大会（非其委员会）选举产生。", 1, 1},
		{"工作人员不超过 40 人", "工作人员不超过40人", 1, 1},
		{"主席团成员不超过5人。", "主席团成员不超过3人。", 0.6, 0.99},
		{"除主席、副主席（轮值执行主席）、部长、副部长、干事外未设其他职务。", "除学生会主席团成员（含轮值执行主席）和工作部门成员，均不设置其他任何职务。", 0.2, 0.6},
		{"开展了春、秋季学生会组织工作人员全员培训。", "主席团成员不超过5人。", 0, 0.2},
		{"一", "二", 0, 0},
	}
	for _, tc := range tests {
		got := TextSimilarity(tc.a, tc.b)
		if got < tc.min || got > tc.max {
			t.Errorf("TextSimilarity(%q, %q) = %.3f, want %.2f–%.2f", tc.a, tc.b, got, tc.min, tc.max)
		}
	}
}

func TestTextDiff(t *testing.T) {
	segs := TextDiff("主席团成员不超过5人。", "主席团成员不超过3人。")
	var b strings.Builder
	for _, s := range segs {
		switch {
		case s.Added:
			b.WriteString("[+" + s.Text + "]")
		case s.Removed:
			b.WriteString("[-" + s.Text + "]")
		default:
			b.WriteString(s.Text)
		}
	}
	if got := b.String(); got != "主席团成员不超过[-5][+3]人。" {
		t.Errorf("diff = %s", got)
	}
	if segs := TextDiff("", "新增"); len(segs) != 1 || !segs[0].Added {
		t.Errorf("diff of a new text = %+v", segs)
	}
}

// TestMatchEditionsKeepsSections matches the 2021 edition with the newest:
// the college item 1 matches the college item 1, not the school item of
// the same wording.
func TestMatchEditionsKeepsSections(t *testing.T) {
	eds := builtin(t)
	from, _ := eds.Get("2021")
	for _, m := range MatchEditions(eds.Newest(), from) {
		if m.Match == nil || m.Match.ID != m.Item.ID {
			t.Errorf("%s matched %v", m.Item.ID, m.Match)
		}
	}
}

func TestFactTitles(t *testing.T) {
	for _, f := range FactChoices() {
		if !knownFacts[f] {
			t.Errorf("fact choice %q is not a known fact", f)
		}
		if factTitles[f] == "" {
			t.Errorf("fact %q has no title", f)
		}
	}
	choices := map[string]bool{}
	for _, f := range FactChoices() {
		choices[f] = true
	}
	for f := range knownFacts {
		if factTitles[f] == "" {
			t.Errorf("known fact %q has no title for the edition proposal", f)
		}
		if !choices[f] {
			t.Errorf("known fact %q is not offered among FactChoices", f)
		}
	}
}

func TestNoteTitles(t *testing.T) {
	for k := range knownNotes {
		if noteTitles[k] == "" {
			t.Errorf("note kind %q has no title", k)
		}
	}
}
