package xlsx

import (
	"bytes"
	"testing"

	"sureform/forms"
	"sureform/forms/roster"
)

// TestRosterSheetImportsBack exports each example and reads its roster
// sheet back through the roster import: the same members must come out.
func TestRosterSheetImportsBack(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			f, ed := example(t, name)
			var buf bytes.Buffer
			if err := Write(&buf, f, ed, Options{}); err != nil {
				t.Fatal(err)
			}
			opt := roster.OptionsFor(f)
			opt.Sheet = SheetRoster
			p, err := roster.Parse(buf.Bytes(), name+".xlsx", opt)
			if err != nil {
				t.Fatalf("import of the exported roster: %v", err)
			}
			if len(p.Members) != len(f.Members) {
				t.Fatalf("imported %d members, exported %d", len(p.Members), len(f.Members))
			}
			for i, row := range p.Members {
				want, got := f.Members[i], row.Member
				if want.InPresidium() && want.Department == "" {
					want.Department = forms.PresidiumDepartment // the sheet names the presidium
				}
				if got.Name != want.Name || got.PoliticalStatus != want.PoliticalStatus || got.College != want.College ||
					got.Grade != want.Grade || got.Level != want.Level || !sameInt(got.Rank, want.Rank) ||
					!sameInt(got.RankTotal, want.RankTotal) || !sameBool(got.Failed, want.Failed) ||
					got.Experience != want.Experience || got.Department != want.Department {
					t.Errorf("member %d:\n got %+v\nwant %+v", i+1, got, want)
				}
				if forms.IsAllowedPosition(want.Position) && got.Position != want.Position {
					t.Errorf("member %d position %q, want %q", i+1, got.Position, want.Position)
				}
			}
		})
	}
}

func sameInt(a, b *int) bool   { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
func sameBool(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
