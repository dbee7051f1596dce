package college

import (
	"errors"
	"fmt"
	"slices"

	"sureform/forms"
)

// Result says what Apply changed, and can undo it.
type Result struct {
	// Replaced and Added count the unions whose data was replaced and the
	// unions added.
	Replaced, Added int
	before          snapshot
	after           *forms.CollegeUnion
}

// snapshot is the college part of a filing.
type snapshot struct {
	unions []forms.CollegeUnion
	counts map[string]int
	total  *int
}

func take(f *forms.Filing) snapshot {
	s := snapshot{unions: slices.Clone(f.CollegeUnions)}
	if f.CollegeItemCounts != nil {
		s.counts = make(map[string]int, len(f.CollegeItemCounts))
		for k, v := range f.CollegeItemCounts {
			s.counts[k] = v
		}
	}
	if f.CollegeUnionCount != nil {
		s.total = forms.IntPtr(*f.CollegeUnionCount)
	}
	return s
}

// Apply puts the previews' unions into the filing: each replaces the data
// of the union it matched (that union's only), or is added. The 具体情况
// matrix is the unions' answers, so the counts per item (符合标准学生会组织
// 数量) become the matrix's column sums, and the number of unions follows
// the list when it did before. today dates the unions' return.
func Apply(f *forms.Filing, ed *forms.Edition, previews []*Preview, today forms.Date) (*Result, error) {
	if f == nil {
		return nil, errors.New("applying college workbooks: no filing")
	}
	sec := ed.CollegeSection()
	if sec == nil {
		return nil, errors.New(ed.Name + "没有二级学生会组织情况")
	}
	res := &Result{before: take(f)}
	unions := slices.Clone(f.CollegeUnions)
	listed := f.CollegeUnionCount == nil || *f.CollegeUnionCount == len(unions)
	for _, p := range previews {
		if p == nil {
			continue
		}
		u := p.Union
		u.Items = cloneMap(p.Union.Items)
		u.Collection.MarkReturned(today, p.File)
		// Two previews of the same new union: the later replaces the earlier.
		target := p.Target
		if target < 0 || target >= len(unions) {
			target = -1
			for i := range unions {
				if unionKey(unions[i].Name) == unionKey(u.Name) {
					target = i
				}
			}
		}
		if target >= 0 {
			u.Collection.Sent = unions[target].Collection.Sent
			unions[target] = u
			res.Replaced++
			continue
		}
		unions = append(unions, u)
		res.Added++
	}
	f.CollegeUnions = unions
	if listed {
		f.CollegeUnionCount = forms.IntPtr(len(unions))
	}
	f.CollegeItemCounts = ColumnSums(f, sec)
	if len(unions) > 0 {
		res.after = &f.CollegeUnions[0]
	}
	return res, nil
}

// ColumnSums are the counts per college item that the matrix gives: the
// number of unions answering 是.
func ColumnSums(f *forms.Filing, sec *forms.Section) map[string]int {
	out := map[string]int{}
	for _, it := range sec.Answerable() {
		n := 0
		for i := range f.CollegeUnions {
			if f.CollegeUnions[i].Items[it.ID] {
				n++
			}
		}
		out[it.ID] = n
	}
	return out
}

// Undo puts the filing's college unions, counts and number of unions back
// as they were before Apply. It refuses when the unions were changed since,
// so that later edits are not lost.
func (r *Result) Undo(f *forms.Filing) error {
	if f == nil || (r.after != nil && (len(f.CollegeUnions) == 0 || &f.CollegeUnions[0] != r.after)) {
		return errors.New("二级学生会组织在导入后已被修改，无法撤销导入")
	}
	f.CollegeUnions = r.before.unions
	f.CollegeItemCounts = r.before.counts
	f.CollegeUnionCount = r.before.total
	return nil
}

// MarkSent records that the workbooks of the unions at idx were written
// on a day: until they come back they are 未收回.
func MarkSent(f *forms.Filing, idx []int, today forms.Date) {
	for _, i := range idx {
		if i >= 0 && i < len(f.CollegeUnions) {
			f.CollegeUnions[i].Collection.MarkSent(today)
		}
	}
}

// Pending lists the names of the unions whose workbooks were sent and have
// not come back (未收回).
func Pending(f *forms.Filing) []string {
	var out []string
	for i := range f.CollegeUnions {
		if f.CollegeUnions[i].Collection.Pending() {
			out = append(out, f.CollegeUnions[i].UnionName(f))
		}
	}
	return out
}

func cloneMap(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Findings validates the filing as it would be with the preview applied
// and returns the findings about the preview's union, as the review would
// list them. The filing is not changed.
func (p *Preview) Findings(f *forms.Filing, ed *forms.Edition) []forms.Finding {
	trial := *f
	trial.CollegeUnions = slices.Clone(f.CollegeUnions)
	if _, err := Apply(&trial, ed, []*Preview{p}, forms.Date{}); err != nil {
		return []forms.Finding{}
	}
	i := p.Target
	if i < 0 || i >= len(f.CollegeUnions) {
		i = len(trial.CollegeUnions) - 1
	}
	r := forms.Validate(&trial, ed)
	out := r.At(fmt.Sprintf("college_unions[%d]", i))
	if out == nil {
		out = []forms.Finding{}
	}
	return out
}
