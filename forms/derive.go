package forms

import (
	"fmt"
	"math"
	"strings"
)

// Ratio is a share computed from counts, never typed: Num of Den.
type Ratio struct {
	Num int `json:"num"`
	Den int `json:"den"`
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

// percentBelow writes a ratio known to be below pct % so that it reads as
// below: rounded down to one decimal, 39 of 4,000 is 0.9%, never 1%.
func percentBelow(r Ratio, pct int) string {
	p := math.Floor(r.Percent()*10) / 10
	if p >= float64(pct) {
		p = float64(pct) - 0.1
	}
	return FormatPercent(p)
}

// percentAbove writes a ratio known to be above pct % so that it reads as
// above: rounded up to one decimal, 1,201 of 4,000 is 30.1%, never 30%.
func percentAbove(r Ratio, pct int) string {
	p := math.Ceil(r.Percent()*10-1e-9) / 10
	if p <= float64(pct) {
		p = float64(pct) + 0.1
	}
	return FormatPercent(p)
}

// Derived is everything sureform computes from a filing's data: counts,
// ratios and, for each item the data decides, the suggested answer and the
// 备注 text in the edition's wording. The GUI, the validator and both
// exports read it; none of them computes these again.
type Derived struct {
	Staff       int `json:"staff"`
	Presidium   int `json:"presidium"`
	Departments int `json:"departments"`
	// DepartmentNames are the departments counted in Departments: those
	// declared, then those only members name (Filing.DepartmentNames).
	DepartmentNames []string `json:"department_names"`
	// Unassigned counts members with neither a department nor a
	// presidium position, whose place cannot be derived.
	Unassigned int `json:"unassigned"`

	// DelegateShare is delegates of students represented; nil when either
	// count is unknown. NonCadreShare is non-cadre delegates of delegates.
	DelegateShare *Ratio `json:"delegate_share"`
	NonCadreShare *Ratio `json:"non_cadre_share"`
	// CandidateRatio is presidium candidates of seats.
	CandidateRatio *Ratio `json:"candidate_ratio"`
	// Quorum is present of delegates.
	Quorum *Ratio `json:"quorum"`
	// FromCollegeShare is members from college unions of members whose
	// origin is known; nil when no member's origin is known.
	FromCollegeShare *Ratio `json:"from_college_share"`

	// SatisfactionUnion and SatisfactionStaff are (满意+基本满意) of sample.
	SatisfactionUnion *Ratio `json:"satisfaction_union"`
	SatisfactionStaff *Ratio `json:"satisfaction_staff"`

	// CollegeCounts are the column sums of the college-union matrix, per
	// college-level item id.
	CollegeCounts map[string]int `json:"college_counts"`

	// Items holds a suggestion for every answerable item of the edition,
	// keyed by item id.
	Items map[string]Suggestion `json:"items"`
}

// Suggestion is what the data says about one answerable item.
type Suggestion struct {
	// Met is the answer the data supports; nil when the data cannot decide
	// (the item needs the user's own answer).
	Met *bool `json:"met"`
	// Note is the 备注 the data gives, in the edition's wording (实有28人,
	// 召开日期为：2021年6月3日, 满意率为76.8%), or "".
	Note string `json:"note,omitempty"`
	// Reason says in Chinese why the data supports Met.
	Reason string `json:"reason,omitempty"`
}

// NoteFor is the 备注 to print for an item: the user's own note when they
// wrote one, otherwise the derived note.
func (d *Derived) NoteFor(f *Filing, id string) string {
	if a, ok := f.Answers[id]; ok && trimSpace(a.Note) != "" {
		return a.Note
	}
	return d.Items[id].Note
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
	names := f.DepartmentNames()
	d := Derived{
		Staff:           len(f.Members),
		Presidium:       len(f.Presidium()),
		Departments:     len(names),
		DepartmentNames: names,
		CollegeCounts:   map[string]int{},
		Items:           map[string]Suggestion{},
	}
	known, fromCollege := 0, 0
	inCollege := CollegeRosterMatch(f)
	for i := range f.Members {
		m := &f.Members[i]
		if !m.InPresidium() && trimSpace(m.Department) == "" {
			d.Unassigned++
		}
		switch {
		case inCollege[i] >= 0:
			known++
			fromCollege++
		case m.FromCollegeUnion != nil:
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
	lim := ed.Limits()
	in := &factInput{f: f, ed: ed, d: &d, lim: &lim}
	for _, s := range ed.Sections {
		for _, it := range s.Answerable() {
			d.Items[it.ID] = in.suggest(it)
		}
	}
	return d
}

// trimSpace is strings.TrimSpace with a fast path for the common case of a
// Chinese or ASCII text that has no surrounding space: the validator trims
// every roster field several times per run.
func trimSpace(s string) string {
	if s == "" || mayBeSpace(s[0]) {
		return strings.TrimSpace(s)
	}
	i := len(s) - 1
	for i > 0 && len(s)-i < 4 && s[i]&0xC0 == 0x80 {
		i--
	}
	if mayBeSpace(s[i]) {
		return strings.TrimSpace(s)
	}
	return s
}

// mayBeSpace reports whether a byte starts a character that may be white
// space: an ASCII space or the lead byte of U+0085, U+00A0, U+1680,
// U+2000–U+205F or U+3000.
func mayBeSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xC2, 0xE1, 0xE2, 0xE3:
		return true
	}
	return false
}

// AnswerFor is the answer to print for an item: the user's own answer when
// they gave one, otherwise the answer the data supports (nil when neither
// exists).
func (d *Derived) AnswerFor(f *Filing, id string) *bool {
	if a, ok := f.Answers[id]; ok && a.Met != nil {
		return a.Met
	}
	return d.Items[id].Met
}
