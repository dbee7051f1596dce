package forms

import (
	"fmt"
	"maps"
	"slices"
)

// factInput is what a fact decider and a note writer read: the filing, its
// edition, the counts derived from the filing and the edition's limits.
type factInput struct {
	f   *Filing
	ed  *Edition
	d   *Derived
	lim *Limits
}

// factDecider decides the answer the data supports for an item of a fact:
// nil when the data cannot decide, and why in Chinese.
type factDecider func(in *factInput) (*bool, string)

// factDeciders is the one table from each fact an edition can name to the
// function that decides it. The edition loader accepts exactly these facts
// (see knownFacts), so a fact an edition names always has a decider.
var factDeciders = map[string]factDecider{
	FactStructure:             decideStructure,
	FactStaffLimit:            decideStaffLimit,
	FactPresidiumLimit:        decidePresidiumLimit,
	FactDepartmentLimit:       decideDepartmentLimit,
	FactTitles:                decideTitles,
	FactPoliticalStatus:       decidePoliticalStatus,
	FactAcademicRecord:        decideAcademicRecord,
	FactCongressHeld:          decideCongressHeld,
	FactGuidance:              decideGuidance,
	FactSatisfactionUnion:     decideSatisfactionUnion,
	FactSatisfactionStaff:     decideSatisfactionStaff,
	FactCollegeStaffLimit:     decideCollegeStaffLimit,
	FactCollegePresidiumLimit: decideCollegePresidiumLimit,
}

// noteWriter writes the 备注 the data gives for an item of a note kind, in
// the edition's wording, or "" when the data gives none.
type noteWriter func(in *factInput) string

// noteWriters is the one table from each note kind an edition can name to
// the function that writes its 备注. NoteFree is the user's own text.
var noteWriters = map[string]noteWriter{
	NoteStaffCount:       func(in *factInput) string { return StaffNote(in.d.Staff) },
	NotePresidiumCount:   func(in *factInput) string { return PresidiumNote(in.d.Presidium) },
	NoteDepartmentCount:  func(in *factInput) string { return DepartmentNote(in.d.Departments) },
	NoteCongressDate:     func(in *factInput) string { return CongressNote(in.f.Congress) },
	NoteSecretaryGeneral: func(in *factInput) string { return SecretaryNote(in.f.Guidance.SecretaryGeneral.Name) },
	NoteSatisfactionUnion: func(in *factInput) string {
		return satisfactionNoteOf(in.d.SatisfactionUnion)
	},
	NoteSatisfactionStaff: func(in *factInput) string {
		return satisfactionNoteOf(in.d.SatisfactionStaff)
	},
	NoteFree: func(*factInput) string { return "" },
}

// knownFacts and knownNotes are the fact and note kinds the edition loader
// accepts: those of the tables above, and none.
var (
	knownFacts = kindsOf(factDeciders, FactNone)
	knownNotes = kindsOf(noteWriters, NoteNone)
)

func kindsOf[V any](table map[string]V, none string) map[string]bool {
	m := make(map[string]bool, len(table)+1)
	m[none] = true
	for k := range table {
		m[k] = true
	}
	return m
}

// FactKinds lists, sorted, the facts an edition's items can name.
func FactKinds() []string { return slices.Sorted(maps.Keys(factDeciders)) }

// NoteKinds lists, sorted, the note kinds an edition's items can name.
func NoteKinds() []string { return slices.Sorted(maps.Keys(noteWriters)) }

// suggest gives an item's 备注 from its note kind and the answer the data
// supports from its fact.
func (in *factInput) suggest(it Item) Suggestion {
	var s Suggestion
	if w := noteWriters[it.Note]; w != nil {
		s.Note = w(in)
	}
	if decide := factDeciders[it.Fact]; decide != nil {
		s.Met, s.Reason = decide(in)
	}
	return s
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

func satisfactionNoteOf(r *Ratio) string {
	if r == nil {
		return ""
	}
	return SatisfactionNote(*r)
}

// SecretaryNote names the secretary-general as item 15 of the 2020
// edition's 备注 does.
func SecretaryNote(name string) string {
	if trimSpace(name) == "" {
		return ""
	}
	return "组织秘书长：" + name
}

// decideTitles: 职务设置规范 — the form allows only 主席、副主席（或执行主席）、
// 部长、副部长、干事.
func decideTitles(in *factInput) (*bool, string) {
	return decideMembers(in.f, func(m *Member) (bool, bool) {
		p := trimSpace(m.Position)
		// 主席团成员 sits in the presidium; unless the edition allows it
		// as a title (2023—2024学年), its exact title is to be confirmed,
		// so it neither meets nor breaks the rule yet.
		return in.lim.AllowsTitle(p), p != "" && (in.lim.AllowsTitle(p) || !IsUnconfirmedPresidiumTitle(p))
	}, "职务", "不在"+in.lim.titleList()+"之列")
}

// decidePoliticalStatus: 工作人员须为中共党员（含预备党员）或共青团员.
func decidePoliticalStatus(in *factInput) (*bool, string) {
	return decideMembers(in.f, func(m *Member) (bool, bool) {
		s := trimSpace(m.PoliticalStatus)
		return IsAcceptedPoliticalStatus(s), s != ""
	}, "政治面貌", "不是中共党员、中共预备党员或共青团员")
}

// decideGuidance: 明确1名校团委专职副书记指导校级学生会组织; 学生会组织
// 秘书长聘任校团委专职副书记或干部担任. The form's 干部 is not limited to
// 专职, so a secretary-general who is not full-time leaves the item to the
// school's own answer rather than failing it.
func decideGuidance(in *factInput) (*bool, string) {
	g := in.f.Guidance
	if g.DeputySecretary.FullTime != nil && !*g.DeputySecretary.FullTime {
		return BoolPtr(false), "分管副书记" + g.DeputySecretary.Name + "不是专职团干部"
	}
	if g.SecretaryGeneral.FullTime != nil && !*g.SecretaryGeneral.FullTime {
		return nil, "秘书长" + g.SecretaryGeneral.Name + "不是专职团干部，须确认其为校团委干部"
	}
	if trimSpace(g.DeputySecretary.Name) == "" || trimSpace(g.SecretaryGeneral.Name) == "" ||
		g.DeputySecretary.FullTime == nil || g.SecretaryGeneral.FullTime == nil {
		return nil, "指导责任人姓名或是否专职未填全"
	}
	return BoolPtr(true), "分管副书记" + g.DeputySecretary.Name + "、秘书长" + g.SecretaryGeneral.Name + "均为专职团干部"
}

func decideSatisfactionUnion(in *factInput) (*bool, string) {
	return decideSatisfaction(in.d.SatisfactionUnion, in.lim.SatisfactionPercent)
}

func decideSatisfactionStaff(in *factInput) (*bool, string) {
	return decideSatisfaction(in.d.SatisfactionStaff, in.lim.SatisfactionPercent)
}

// decideSatisfaction: 满意率（满意+基本满意）达到60%.
func decideSatisfaction(r *Ratio, pct int) (*bool, string) {
	if r == nil || r.Den <= 0 || r.Num < 0 || r.Num > r.Den {
		return nil, "满意度调查人数未填或对不上"
	}
	if r.AtLeast(pct) {
		return BoolPtr(true), fmt.Sprintf("满意和基本满意%d人，占样本%d人的%s，达到%d%%", r.Num, r.Den, r, pct)
	}
	return BoolPtr(false), fmt.Sprintf("满意和基本满意%d人，占样本%d人的%s，低于%d%%", r.Num, r.Den, percentBelow(*r, pct), pct)
}

// decideMembers decides a per-member requirement: check returns whether a
// member meets it and whether that is known.
func decideMembers(f *Filing, check func(*Member) (ok, known bool), what, fails string) (*bool, string) {
	if len(f.Members) == 0 {
		return nil, "名单为空"
	}
	bad, unknown := 0, 0
	first := -1
	for i := range f.Members {
		ok, known := check(&f.Members[i])
		switch {
		case !known:
			unknown++
		case !ok:
			if first < 0 {
				first = i
			}
			bad++
		}
	}
	if bad > 0 {
		name := trimSpace(f.Members[first].Name)
		if bad == 1 {
			return BoolPtr(false), fmt.Sprintf("%s的%s%s", name, what, fails)
		}
		return BoolPtr(false), fmt.Sprintf("%s等%d人的%s%s", name, bad, what, fails)
	}
	if unknown > 0 {
		return nil, fmt.Sprintf("%d人的%s未填或无法核对", unknown, what)
	}
	return BoolPtr(true), fmt.Sprintf("名单%d人的%s均符合要求", len(f.Members), what)
}
