package roster

import (
	"errors"
	"fmt"

	"sureform/forms"
)

// Mode says how imported members join a filing's roster.
type Mode int

// Modes of Apply.
const (
	// Merge matches imported members to the filing's by name and college,
	// updates the matched ones with the columns the roster has and appends
	// the others. Members not in the roster stay.
	Merge Mode = iota
	// Replace makes the imported members the filing's roster.
	Replace
)

// ChangeKind says what happened to one member.
type ChangeKind int

// Kinds of changes.
const (
	Added ChangeKind = iota
	Updated
	Removed
)

// Change is what happened to one member of the filing.
type Change struct {
	Kind ChangeKind
	// Index is the member's index in the filing after the change (before
	// it, for Removed).
	Index int
	// Row is the roster row the member came from; 0 for Removed.
	Row int
	// Before is the member as it was (Updated, Removed); After as it is
	// now (Added, Updated).
	Before, After *forms.Member
}

// Result says what Apply changed, and can undo it.
type Result struct {
	Added, Updated, Removed int
	Changes                 []Change
	// previous is the filing's roster before Apply.
	previous []forms.Member
	applied  []forms.Member
}

// ErrNothingToApply is returned for a preview without members.
var ErrNothingToApply = errors.New("roster preview has no members")

// Apply adds the preview's members to the filing, by Replace or Merge. On
// error the filing is untouched. Merge never erases: it updates only the
// fields the roster has columns for and whose cells hold a value that was
// read, so that positions typed in sureform survive a roster without a
// 职务 column, and a blank or unreadable cell keeps what the filing had
// (the preview reports the unreadable ones).
func (p *Preview) Apply(f *forms.Filing, mode Mode) (*Result, error) {
	if f == nil {
		return nil, fmt.Errorf("applying roster: no filing")
	}
	if p == nil || len(p.Members) == 0 {
		return nil, fmt.Errorf("applying roster: %w", ErrNothingToApply)
	}
	res := &Result{previous: append([]forms.Member(nil), f.Members...)}
	var next []forms.Member
	if mode == Replace {
		for i := range f.Members {
			res.Changes = append(res.Changes, Change{Kind: Removed, Index: i, Before: &res.previous[i]})
		}
		res.Removed = len(f.Members)
		for _, r := range p.Members {
			next = append(next, r.Member)
		}
		for i, r := range p.Members {
			res.Changes = append(res.Changes, Change{Kind: Added, Index: i, Row: r.Row, After: &next[i]})
		}
		res.Added = len(next)
	} else {
		next = append([]forms.Member(nil), f.Members...)
		matched := make([]bool, len(next))
		type pending struct {
			kind  ChangeKind
			index int
			row   int
		}
		var order []pending
		for _, r := range p.Members {
			i := findMember(next, matched, r.Member)
			if i < 0 {
				next = append(next, r.Member)
				matched = append(matched, true)
				order = append(order, pending{Added, len(next) - 1, r.Row})
				res.Added++
				continue
			}
			matched[i] = true
			next[i] = mergeMember(next[i], r.Member, p.Mapping, r.Unread)
			order = append(order, pending{Updated, i, r.Row})
			res.Updated++
		}
		for _, o := range order {
			c := Change{Kind: o.kind, Index: o.index, Row: o.row, After: &next[o.index]}
			if o.kind == Updated {
				c.Before = &res.previous[o.index]
			}
			res.Changes = append(res.Changes, c)
		}
	}
	f.Members = next
	res.applied = next
	return res, nil
}

// Undo puts the filing's roster back as it was before Apply. It refuses
// when the roster was changed since, so that later edits are not lost.
func (r *Result) Undo(f *forms.Filing) error {
	if f == nil || len(f.Members) != len(r.applied) || (len(f.Members) > 0 && &f.Members[0] != &r.applied[0]) {
		return errors.New("名单在导入后已被修改，无法撤销导入")
	}
	f.Members = append([]forms.Member(nil), r.previous...)
	return nil
}

// findMember returns the index of the first unmatched member with the same
// name and college, or with the same name when either college is blank
// and the name is unique among the unmatched; -1 when there is none.
func findMember(ms []forms.Member, matched []bool, m forms.Member) int {
	name := CleanName(m.Name)
	if name == "" {
		return -1
	}
	college := CleanCollege(m.College)
	byName := -1
	count := 0
	for i := range ms {
		if matched[i] || CleanName(ms[i].Name) != name {
			continue
		}
		c := CleanCollege(ms[i].College)
		if c == college {
			return i
		}
		if c == "" || college == "" {
			count++
			byName = i
		}
	}
	if count == 1 {
		return byName
	}
	return -1
}

// mergeMember returns old updated with the fields of m that the roster has
// a column for and that hold a value; a blank cell, or one listed in
// unread, keeps old's value.
func mergeMember(old, m forms.Member, mapping Mapping, unread []Field) forms.Member {
	has := func(f Field) bool {
		if _, ok := mapping[f]; !ok {
			return false
		}
		for _, u := range unread {
			if u == f {
				return false
			}
		}
		return true
	}
	text := func(f Field, dst *string, v string) {
		if has(f) && v != "" {
			*dst = v
		}
	}
	out := old
	if m.Name != "" {
		out.Name = m.Name
	}
	text(FieldPoliticalStatus, &out.PoliticalStatus, m.PoliticalStatus)
	text(FieldCollege, &out.College, m.College)
	text(FieldMajor, &out.Major, m.Major)
	if has(FieldGrade) && m.Grade != 0 {
		out.Grade, out.GradeText, out.Level = m.Grade, m.GradeText, m.Level
	}
	if (has(FieldRank) || has(FieldRankTotal)) && (m.Rank != nil || m.RankPercent != nil) {
		out.Rank, out.RankTotal, out.RankPercent = m.Rank, m.RankTotal, m.RankPercent
		if m.RankTotal == nil && old.RankTotal != nil && m.Rank != nil && m.RankPercent == nil && *m.Rank <= *old.RankTotal {
			out.RankTotal = old.RankTotal
		}
		if m.RankWindow != "" {
			out.RankWindow = m.RankWindow
		}
	}
	if has(FieldFailed) && m.Failed != nil {
		out.Failed = m.Failed
	}
	text(FieldExperience, &out.Experience, m.Experience)
	if m.Position != "" {
		out.Position = m.Position
	}
	if out.Position == "" && m.SuggestedPosition != "" {
		out.SuggestedPosition, out.SuggestedDepartment = m.SuggestedPosition, m.SuggestedDepartment
	}
	if m.Department != "" {
		out.Department = m.Department
	}
	if has(FieldFromCollegeUnion) && m.FromCollegeUnion != nil {
		out.FromCollegeUnion = m.FromCollegeUnion
	}
	return out
}
