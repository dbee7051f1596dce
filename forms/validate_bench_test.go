package forms

import (
	"fmt"
	"testing"
)

// vLargeFiling is a 2021 filing with n members spread over eight colleges
// and six departments, with the mix of problems real rosters have: ranks
// outside the top 30 %, ranks without the major's size, unknown course
// records, first-years, and a few titles that are not allowed.
func vLargeFiling(b testing.TB, n int) *Filing {
	f := vCleanFiling(b, "2021")
	f.LargeSchool = true
	f.Students = IntPtr(60000)
	f.Departments = nil
	for d := 0; d < 6; d++ {
		f.Departments = append(f.Departments, Department{Name: fmt.Sprintf("第%d工作部", d+1)})
	}
	f.Members = f.Members[:3]
	for i := len(f.Members); i < n; i++ {
		m := vMember(fmt.Sprintf("成员%04d", i), PositionStaff, fmt.Sprintf("第%d工作部", i%6+1))
		m.College = fmt.Sprintf("第%d学院", i%8+1)
		m.Grade = i%4 + 1
		m.Rank, m.RankTotal = IntPtr(i%50+1), IntPtr(50)
		switch i % 10 {
		case 1:
			m.RankTotal = nil
		case 2:
			m.Failed = nil
		case 3:
			m.Position = "学习委员"
		}
		f.Members = append(f.Members, m)
	}
	for c := 0; c < 8; c++ {
		f.Congress.SeatsByCollege = append(f.Congress.SeatsByCollege, CollegeSeats{College: fmt.Sprintf("第%d学院", c+1), Seats: 1})
	}
	return f
}

// BenchmarkValidate1000 validates a 1,000-member filing. The GUI
// re-validates on every edit, so the target is < 5 ms and < 2 MB per run.
func BenchmarkValidate1000(b *testing.B) {
	f := vLargeFiling(b, 1000)
	ed := vTestEdition(b, "2021")
	b.ReportAllocs()
	b.ResetTimer()
	var r Report
	for i := 0; i < b.N; i++ {
		r = Validate(f, ed)
	}
	b.ReportMetric(float64(len(r.Findings)), "findings")
}

// TestValidateLargeFiling checks the benchmark's filing produces the
// findings its data deserves, so that the benchmark measures real work.
func TestValidateLargeFiling(t *testing.T) {
	f := vLargeFiling(t, 1000)
	r := Validate(f, vTestEdition(t, "2021"))
	if r.Derived.Staff != 1000 || vCountRule(r, RuleSchoolStaff) != 1 {
		t.Errorf("staff %d, staff-limit findings %d", r.Derived.Staff, vCountRule(r, RuleSchoolStaff))
	}
	if vCountRule(r, RuleMemberPosition) != 100 {
		t.Errorf("%d title findings, want 100", vCountRule(r, RuleMemberPosition))
	}
	if vCountRule(r, RuleMemberRank) == 0 || vCountRule(r, RuleMemberRankUnverified) == 0 {
		t.Error("rank findings missing")
	}
}
