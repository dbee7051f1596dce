package forms

import (
	"encoding/json"
	"fmt"
)

// CarriedItem is one item of the target edition whose answer (or count)
// came from an item of the filing's edition.
type CarriedItem struct {
	From, To Item
	// Reworded is true when the two wordings differ: the answer still
	// moved, but the user should check it against the new wording.
	Reworded bool
}

// CarryReport says what CarryFiling did: which answers moved where, which
// answered items of the old edition have no place in the new one, and
// which items of the new edition have no answer yet.
type CarryReport struct {
	From, To *Edition
	Carried  []CarriedItem
	// Dropped are items of the old edition that were answered (or counted)
	// but have no matching item in the new edition; their answers are not
	// carried.
	Dropped []Item
	// New are items of the new edition with no matching item in the old
	// one; they start unanswered.
	New []Item
	// OldFilingDate is set when the new edition names a 学年 that the
	// filing date does not fall in: the date was kept and should be
	// updated.
	OldFilingDate Date
}

// CarryFiling carries a filing of edition from into edition to: the same
// school, roster, congress and texts; answers, notes, per-item counts and
// the college unions' 是/否 move by matching items (see MatchEditions).
// The filing takes the new edition's 学年 when it names one. f is not
// changed.
func CarryFiling(f *Filing, from, to *Edition) (*Filing, *CarryReport, error) {
	if f.Edition != from.ID {
		return nil, nil, fmt.Errorf("填报文件属于表格版本 %q，不是 %q", f.Edition, from.ID)
	}
	data, err := json.Marshal(f)
	if err != nil {
		return nil, nil, fmt.Errorf("复制填报内容：%w", err)
	}
	var out Filing
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, nil, fmt.Errorf("复制填报内容：%w", err)
	}
	out.Edition = to.ID
	if to.AcademicYear != "" {
		out.AcademicYear = to.AcademicYear
	}
	var stale Date
	if d := f.FilingDate; !d.IsZero() && to.AcademicYear != "" && AcademicYearOf(d.Time()) != to.AcademicYear {
		stale = d
	}
	out.Answers = map[string]Answer{}
	out.CollegeItemCounts = nil
	for i := range out.CollegeUnions {
		out.CollegeUnions[i].Items = nil
	}

	rep := &CarryReport{From: from, To: to, OldFilingDate: stale}
	moved := map[string]bool{}
	for _, m := range MatchEditions(to, from) {
		if m.Match == nil {
			rep.New = append(rep.New, m.Item)
			continue
		}
		old, id := m.Match.ID, m.Item.ID
		carried := false
		if a, ok := f.Answers[old]; ok {
			out.Answers[id] = a
			carried = true
		}
		if n, ok := f.CollegeItemCounts[old]; ok {
			if out.CollegeItemCounts == nil {
				out.CollegeItemCounts = map[string]int{}
			}
			out.CollegeItemCounts[id] = n
			carried = true
		}
		for i := range f.CollegeUnions {
			if v, ok := f.CollegeUnions[i].Items[old]; ok {
				u := &out.CollegeUnions[i]
				if u.Items == nil {
					u.Items = map[string]bool{}
				}
				u.Items[id] = v
				carried = true
			}
		}
		if carried {
			moved[old] = true
			rep.Carried = append(rep.Carried, CarriedItem{From: *m.Match, To: m.Item, Reworded: m.Changed()})
		}
	}
	for _, s := range from.Sections {
		for _, it := range s.Answerable() {
			if !moved[it.ID] && answeredIn(f, it.ID) {
				rep.Dropped = append(rep.Dropped, it)
			}
		}
	}
	return &out, rep, nil
}

// answeredIn reports whether a filing holds an answer, a count or a
// college union's 是/否 for an item.
func answeredIn(f *Filing, id string) bool {
	if a, ok := f.Answers[id]; ok && (a.Met != nil || a.Note != "") {
		return true
	}
	if _, ok := f.CollegeItemCounts[id]; ok {
		return true
	}
	for i := range f.CollegeUnions {
		if _, ok := f.CollegeUnions[i].Items[id]; ok {
			return true
		}
	}
	return false
}
