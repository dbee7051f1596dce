package forms

import (
	"strings"
	"testing"
)

// TestCarryYangquanIntoNewest carries the 阳泉 2021 example into the newest
// edition: every answer, note, count and college 是/否 whose item still
// exists moves, the reworded item 6 is flagged, nothing is dropped.
func TestCarryYangquanIntoNewest(t *testing.T) {
	f, from := vLoadExample(t, "yangquan-2021")
	to := builtin(t).Newest()
	out, rep, err := CarryFiling(f, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if out.Edition != to.ID || out.AcademicYear != to.AcademicYear || out.School != f.School || len(out.Members) != len(f.Members) {
		t.Errorf("carried filing: edition %q 学年 %q school %q members %d", out.Edition, out.AcademicYear, out.School, len(out.Members))
	}
	if f.Edition != from.ID {
		t.Error("the original filing was changed")
	}
	for id, a := range f.Answers {
		if _, _, ok := to.Item(id); !ok {
			continue
		}
		got, ok := out.Answers[id]
		if !ok || !sameBool(got.Met, a.Met) || got.Note != a.Note {
			t.Errorf("answer %s: got %+v, had %+v", id, got, a)
		}
	}
	for id, n := range f.CollegeItemCounts {
		if out.CollegeItemCounts[id] != n {
			t.Errorf("college count %s: got %d, had %d", id, out.CollegeItemCounts[id], n)
		}
	}
	for i, u := range f.CollegeUnions {
		for id, v := range u.Items {
			if got, ok := out.CollegeUnions[i].Items[id]; !ok || got != v {
				t.Errorf("%s item %s: got %v, had %v", u.Name, id, got, v)
			}
		}
	}
	if rep.OldFilingDate != f.FilingDate || out.FilingDate != f.FilingDate {
		t.Errorf("filing date %v kept as %v, reported %v", f.FilingDate, out.FilingDate, rep.OldFilingDate)
	}
	if len(rep.Dropped) != 0 || len(rep.New) != 0 {
		t.Errorf("dropped %v new %v", rep.Dropped, rep.New)
	}
	var reworded []string
	for _, c := range rep.Carried {
		if c.Reworded {
			reworded = append(reworded, c.To.ID)
		}
	}
	if strings.Join(reworded, ",") != "6,8" {
		t.Errorf("reworded items %v, want 6 (titles) and 8 (最近1学期)", reworded)
	}
}

// TestCarry2020Into2021 carries the 昌吉 2020 example into the 2021 edition:
// the three rows of item 3 become items 3–5, items 4–8 move to 6–10, and
// the satisfaction items, which 2021 no longer has, are listed as dropped.
func TestCarry2020Into2021(t *testing.T) {
	f, from := vLoadExample(t, "changji-2020")
	to, _ := builtin(t).Get("2021")
	out, rep, err := CarryFiling(f, from, to)
	if err != nil {
		t.Fatal(err)
	}
	moves := map[string]string{}
	for _, c := range rep.Carried {
		moves[c.From.ID] = c.To.ID
	}
	for from, want := range map[string]string{"1": "1", "2": "2", "3.1": "3", "3.2": "4", "3.3": "5", "4": "6", "5": "7", "6": "8", "7": "9", "8": "10"} {
		if moves[from] != want {
			t.Errorf("2020 item %s moved to %q, want %s", from, moves[from], want)
		}
	}
	var dropped []string
	for _, it := range rep.Dropped {
		dropped = append(dropped, it.ID)
	}
	for _, id := range []string{"16", "17"} {
		if !strings.Contains(","+strings.Join(dropped, ",")+",", ","+id+",") {
			t.Errorf("satisfaction item %s not listed as dropped (dropped: %v)", id, dropped)
		}
	}
	if a := out.Answers["3"]; !sameBool(a.Met, f.Answers["3.1"].Met) || a.Note != f.Answers["3.1"].Note {
		t.Errorf("item 3 answer %+v, 2020 item 3.1 %+v", a, f.Answers["3.1"])
	}
	if _, _, err := CarryFiling(f, to, from); err == nil {
		t.Error("carrying from the wrong edition should fail")
	}
}

func sameBool(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// BenchmarkCarryFiling carries the 阳泉 example into the newest edition.
func BenchmarkCarryFiling(b *testing.B) {
	f, from := vLoadExample(b, "yangquan-2021")
	to := builtin(b).Newest()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := CarryFiling(f, from, to); err != nil {
			b.Fatal(err)
		}
	}
}
