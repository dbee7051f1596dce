package forms

import (
	"fmt"
	"math"
	"strings"
)

// Ratio is a share computed from counts, never typed: Num of Den.
type Ratio struct {
	Num, Den int
}

// Percent is the ratio as a percentage; 0 when Den is 0.
func (r Ratio) Percent() float64 {
	if r.Den == 0 {
		return 0
	}
	return 100 * float64(r.Num) / float64(r.Den)
}

// AtLeast reports whether Num/Den ≥ pct %, computed exactly in integers so
// that a boundary such as 1 % of 5,600 is not lost to rounding.
func (r Ratio) AtLeast(pct int) bool {
	return r.Den > 0 && r.Num*100 >= pct*r.Den
}

// String formats the ratio as the forms write a percentage: 76.8%, 60%.
func (r Ratio) String() string { return FormatPercent(r.Percent()) }

// FormatPercent writes a percentage with at most one decimal and no
// trailing zero: 3.1%, 60%.
func FormatPercent(p float64) string {
	v := math.Round(p*10) / 10
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	return s + "%"
}

// Derived is everything sureform computes from a filing's data: counts,
// ratios and, for each item the data decides, the suggested answer and the
// 备注 text in the edition's wording. The GUI, the validator and both
// exports read it; none of them computes these again.
type Derived struct {
	Staff       int
	Presidium   int
	Departments int
	// Unassigned counts members with neither a department nor a
	// presidium position, whose place cannot be derived.
	Unassigned int

	// DelegateShare is delegates of students represented; nil when either
	// count is unknown. NonCadreShare is non-cadre delegates of delegates.
	DelegateShare *Ratio
	NonCadreShare *Ratio
	// CandidateRatio is presidium candidates of seats.
	CandidateRatio *Ratio
	// Quorum is present of delegates.
	Quorum *Ratio
	// FromCollegeShare is members from college unions of members whose
	// origin is known; nil when no member's origin is known.
	FromCollegeShare *Ratio

	// SatisfactionUnion and SatisfactionStaff are (满意+基本满意) of sample.
	SatisfactionUnion *Ratio
	SatisfactionStaff *Ratio

	// CollegeCounts are the column sums of the college-union matrix, per
	// college-level item id.
	CollegeCounts map[string]int

	// Items holds a suggestion for every answerable item of the edition,
	// keyed by item id.
	Items map[string]Suggestion
}

// Suggestion is what the data says about one answerable item.
type Suggestion struct {
	// Met is the answer the data supports; nil when the data cannot decide
	// (the item needs the user's own answer).
	Met *bool
	// Note is the 备注 the data gives, in the edition's wording (实有28人,
	// 召开日期为：2021年6月3日, 满意率为76.8%), or "".
	Note string
	// Reason says in Chinese why the data supports Met.
	Reason string
}

// NoteFor is the 备注 to print for an item: the user's own note when they
// wrote one, otherwise the derived note.
func (d *Derived) NoteFor(f *Filing, id string) string {
	if a, ok := f.Answers[id]; ok && strings.TrimSpace(a.Note) != "" {
		return a.Note
	}
	return d.Items[id].Note
}

// StaffNote, PresidiumNote and DepartmentNote format the counts as the
// forms' 备注 do.
func StaffNote(n int) string      { return fmt.Sprintf("实有%d人", n) }
func PresidiumNote(n int) string  { return fmt.Sprintf("实有%d人", n) }
func DepartmentNote(n int) string { return fmt.Sprintf("实有%d个", n) }

// CongressNote formats a congress date as the forms' 备注 do.
func CongressNote(c Congress) string {
	if c.Date.IsZero() {
		return ""
	}
	if c.Planned {
		return "召开日期为：拟定为" + c.Date.Chinese()
	}
	return "召开日期为：" + c.Date.Chinese()
}

// SatisfactionNote formats a satisfaction rate as the forms' 备注 do.
func SatisfactionNote(r Ratio) string { return "满意率为" + r.String() }

// SecretaryNote names the secretary-general as item 15 of the 2020
// edition's 备注 does.
func SecretaryNote(name string) string {
	if strings.TrimSpace(name) == "" {
		return ""
	}
	return "组织秘书长：" + name
}

func ratioOf(num, den *int) *Ratio {
	if num == nil || den == nil {
		return nil
	}
	return &Ratio{Num: *num, Den: *den}
}

// deriveCounts fills the counts and ratios of d from the filing; the
// per-item suggestions are filled by the validator's fact deciders.
func deriveCounts(f *Filing) Derived {
	d := Derived{
		Staff:         len(f.Members),
		Presidium:     len(f.Presidium()),
		Departments:   len(f.DepartmentNames()),
		CollegeCounts: map[string]int{},
		Items:         map[string]Suggestion{},
	}
	known, fromCollege := 0, 0
	for i := range f.Members {
		m := &f.Members[i]
		if !m.InPresidium() && strings.TrimSpace(m.Department) == "" {
			d.Unassigned++
		}
		if m.FromCollegeUnion != nil {
			known++
			if *m.FromCollegeUnion {
				fromCollege++
			}
		}
	}
	if known > 0 {
		d.FromCollegeShare = &Ratio{fromCollege, known}
	}
	c := f.Congress
	d.DelegateShare = ratioOf(c.Delegates, f.Students)
	d.NonCadreShare = ratioOf(c.NonCadreDelegates, c.Delegates)
	d.CandidateRatio = ratioOf(c.PresidiumCandidates, c.PresidiumSeats)
	d.Quorum = ratioOf(c.Present, c.Delegates)
	d.SatisfactionUnion = f.Satisfaction.Union.ratio()
	d.SatisfactionStaff = f.Satisfaction.Staff.ratio()
	for _, u := range f.CollegeUnions {
		for id, ok := range u.Items {
			if ok {
				d.CollegeCounts[id]++
			} else if _, seen := d.CollegeCounts[id]; !seen {
				d.CollegeCounts[id] = 0
			}
		}
	}
	return d
}

func (q SurveyQuestion) ratio() *Ratio {
	if q.Sample == nil || (q.Satisfied == nil && q.BasicallySatisfied == nil) {
		return nil
	}
	n := 0
	if q.Satisfied != nil {
		n += *q.Satisfied
	}
	if q.BasicallySatisfied != nil {
		n += *q.BasicallySatisfied
	}
	return &Ratio{Num: n, Den: *q.Sample}
}

// Derive computes the derived facts and the suggested answer and 备注 of
// every item of the edition that the data decides.
func Derive(f *Filing, ed *Edition) Derived {
	d := deriveCounts(f)
	for _, s := range ed.Sections {
		for _, it := range s.Answerable() {
			d.Items[it.ID] = suggest(f, ed, &d, it)
		}
	}
	return d
}

// suggest gives the note for an item from its note kind. The answer the
// data supports is decided by the validator's fact rules (see decide).
func suggest(f *Filing, ed *Edition, d *Derived, it Item) Suggestion {
	var s Suggestion
	switch it.Note {
	case NoteStaffCount:
		s.Note = StaffNote(d.Staff)
	case NotePresidiumCount:
		s.Note = PresidiumNote(d.Presidium)
	case NoteDepartmentCount:
		s.Note = DepartmentNote(d.Departments)
	case NoteCongressDate:
		s.Note = CongressNote(f.Congress)
	case NoteSecretaryGeneral:
		s.Note = SecretaryNote(f.Guidance.SecretaryGeneral.Name)
	case NoteSatisfactionUnion:
		if d.SatisfactionUnion != nil {
			s.Note = SatisfactionNote(*d.SatisfactionUnion)
		}
	case NoteSatisfactionStaff:
		if d.SatisfactionStaff != nil {
			s.Note = SatisfactionNote(*d.SatisfactionStaff)
		}
	}
	s.Met, s.Reason = decide(f, ed, d, it)
	return s
}

// decide returns the answer the data supports for an item, and why. It is
// the hook the validation rules fill in; items whose fact the data cannot
// decide return nil.
var decide = func(f *Filing, ed *Edition, d *Derived, it Item) (*bool, string) {
	return nil, ""
}
