package wizard

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"sureform/assets"
	"sureform/forms"
)

// indexPattern finds the list indexes of a path, which pathShape replaces
// by [i], so that each kind of path is walked once per filing.
var indexPattern = regexp.MustCompile(`\[\d+\]`)

func pathShape(p string) string { return indexPattern.ReplaceAllString(p, "[i]") }

// brokenFilings are filings of an edition that between them make the
// rules fire: blank new ones, the bundled examples, and the examples with
// every kind of data wrong, missing or contradictory.
func brokenFilings(t *testing.T, ed *forms.Edition) map[string]*forms.Filing {
	t.Helper()
	now := time.Date(2021, 11, 30, 9, 0, 0, 0, time.UTC)
	out := map[string]*forms.Filing{}
	for _, org := range ed.OrgTypes {
		out["blank "+org] = forms.NewFiling(ed, "", org, now)
	}
	ents, err := assets.Examples.ReadDir("examples")
	if err != nil {
		t.Fatal(err)
	}
	i, yes, no := func(v int) *int { return &v }, forms.BoolPtr(true), forms.BoolPtr(false)
	pct := func(v float64) *float64 { return &v }
	for _, e := range ents {
		load := func() *forms.Filing {
			data, _ := assets.Examples.ReadFile("examples/" + e.Name())
			f, err := forms.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
		if f := load(); f.Edition != ed.ID {
			continue
		}
		out[e.Name()] = load()

		// everything wrong at once
		f := load()
		f.School, f.OrgType, f.FilingDate, f.Students = "", "团委", forms.Date{}, nil
		f.ProvincialReview, f.PublicURL = nil, "学校官网"
		ms := f.Members
		ms[0].Name = ""
		ms[1].PoliticalStatus = "群众"
		ms[2].Position = ""
		ms[3].Department = ""
		ms[4].Grade, ms[4].GradeText = 9, "九年级"
		ms[5].Rank, ms[5].RankTotal = i(50), i(10)
		ms[6].Rank, ms[6].RankTotal, ms[6].RankPercent = nil, nil, nil
		ms[7].Name = ms[8].Name
		ms[9].Failed = yes
		ms[10].RankWindow = "全部"
		ms[11].Rank, ms[11].RankTotal = i(40), i(45)
		ms[12].PoliticalStatus = ""
		ms[13].Position = "秘书长"
		ms[14].Department = "不存在的部门"
		ms[15].FromCollegeUnion = no
		f.Departments = append(f.Departments, forms.Department{}, forms.Department{Name: "院学生会"})
		if len(f.Departments) > 2 {
			f.Departments = append(f.Departments, forms.Department{Name: f.Departments[0].Name})
		}
		c := &f.Congress
		c.Date, c.Delegates, c.NonCadreDelegates, c.Present = forms.Date{}, i(1), i(5), i(0)
		c.PresidiumSeats, c.PresidiumCandidates, c.Contested, c.DelegateCandidates = i(3), i(1), no, i(0)
		c.StatedDelegatePercent, c.StatedNonCadrePercent = pct(99), pct(1)
		c.SeatsByCollege = []forms.CollegeSeats{{College: "", Seats: 3}, {College: "不存在学院", Seats: 500}}
		f.Guidance = forms.Guidance{DeputySecretary: forms.Guide{FullTime: no}, SecretaryGeneral: forms.Guide{Name: "某某", FullTime: no}}
		if ed.Satisfaction { // what an edition has no step for, it does not check
			f.Satisfaction.Union = forms.SurveyQuestion{Sample: i(10), Satisfied: i(20), BasicallySatisfied: i(5), StatedPercent: pct(99)}
			f.Satisfaction.Staff = forms.SurveyQuestion{Sample: i(0)}
		}
		if ed.CollegeSection() != nil {
			f.CollegeUnionCount = nil
			f.CollegeUnions = append(f.CollegeUnions, forms.CollegeUnion{Staff: i(999), Presidium: i(99)})
			f.CollegeItemCounts = map[string]int{"不存在": 3}
		}
		for id := range f.Answers {
			f.Answers[id] = forms.Answer{Met: yes}
		}
		f.Texts = forms.Texts{}
		f.Opinions = forms.Opinions{}
		out[e.Name()+" all wrong"] = f

		// too many, everything answered 未达标, missing counts
		f = load()
		for len(f.Members) < 120 {
			m := f.Members[len(f.Members)%20]
			m.Name = fmt.Sprintf("成员%d", len(f.Members))
			m.Position = "主席"
			f.Members = append(f.Members, m)
		}
		for n := 0; n < 30; n++ {
			f.Departments = append(f.Departments, forms.Department{Name: fmt.Sprintf("部门%d", n)})
		}
		f.Congress = forms.Congress{Planned: true, Date: f.FilingDate}
		f.Satisfaction = forms.Satisfaction{}
		if ed.CollegeSection() != nil {
			f.CollegeUnionCount = i(2)
			f.CollegeUnions = nil
		}
		for id := range f.Answers {
			f.Answers[id] = forms.Answer{Met: no}
		}
		out[e.Name()+" too many"] = f

		// shares too low, no presidium, notes that contradict the data
		f = load()
		f.Students = i(100000)
		f.Congress.Delegates, f.Congress.NonCadreDelegates = i(10), i(1)
		for k := range f.Members {
			f.Members[k].Failed = nil
			f.Members[k].Position, f.Members[k].Department = "干事", "学习部"
		}
		f.Departments = append(f.Departments, forms.Department{Name: "团总支学生会"})
		if ed.Satisfaction {
			f.Satisfaction.Union = forms.SurveyQuestion{Sample: i(100), Satisfied: i(10), BasicallySatisfied: i(10)}
		}
		for id := range f.Answers {
			f.Answers[id] = forms.Answer{Met: yes, Note: "工作人员100人，主席团9人，工作部门20个，于2018年1月1日召开，比例3%，秘书长为兼职"}
		}
		f.Answers["99.9"] = forms.Answer{Met: yes}
		out[e.Name()+" too low"] = f

		// nothing at all but the header
		f = load()
		f.Members, f.Departments, f.Answers = nil, nil, map[string]forms.Answer{}
		f.LargeSchool = true
		out[e.Name()+" empty"] = f
	}
	return out
}

// Every finding of either edition links to a field the user can see and
// change: 审核's link opens the step of the path and finds its field.
func TestEveryFindingPathLandsOnAField(t *testing.T) {
	fired := map[string]bool{}
	for _, edID := range []string{"2020", "2021"} {
		t.Run(edID, func(t *testing.T) {
			w := newTestWindow(t, allBackends())
			ed := edition(t, w, edID)
			filings := brokenFilings(t, ed)
			names := make([]string, 0, len(filings))
			for n := range filings {
				names = append(names, n)
			}
			sort.Strings(names)
			walked := map[string]bool{}
			for _, name := range names {
				w.setDocument(&document{filing: filings[name], edition: ed}, stepBasic)
				for _, fd := range append([]forms.Finding(nil), w.report.Findings...) {
					fired[fd.Rule] = true
					shape := pathShape(fd.Path)
					if walked[shape] {
						continue
					}
					walked[shape] = true
					if !w.openPath(fd.Path) {
						t.Errorf("%s: %s at %q (%s): no field shows it", name, fd.Rule, fd.Path, fd.Message)
						continue
					}
					if got, want := w.ids[w.step], stepOfPath(fd.Path); got != want {
						t.Errorf("%s: %q opened step %s, want %s", name, fd.Path, got, want)
					}
					if fld := w.fieldFor(fd.Path); fld != nil && w.pages[w.ids[w.step]] != nil && !fld.input.Visible() {
						t.Errorf("%s: the field of %q is hidden", name, fd.Path)
					}
				}
			}
			var shapes []string
			for s := range walked {
				shapes = append(shapes, s)
			}
			sort.Strings(shapes)
			t.Logf("%d kinds of path walked: %s", len(shapes), strings.Join(shapes, " "))
		})
	}
	var never []string
	for _, r := range forms.Rules() {
		if !fired[r.ID] {
			never = append(never, r.ID)
		}
	}
	t.Logf("rules that did not fire in these filings: %v", never)
}
