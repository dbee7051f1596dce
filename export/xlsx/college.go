package xlsx

import (
	"strconv"
	"strings"

	"sureform/export/formtext"
	"sureform/forms"
)

// Column widths of the college sheet: the union's name, then one narrow
// column per item of the matrix.
const (
	collegeNameWidth = 18.0
	collegeMatrixAll = 72.0 // the item columns together
	collegeMinCols   = 5    // name + text, count (2), note (2) need 5 columns
)

// collegeCount is the number of college unions meeting an item: the count
// the school states, or else the column sum of the matrix; false when
// neither is known.
func collegeCount(f *forms.Filing, d *forms.Derived, id string) (int, bool) {
	if n, ok := f.CollegeItemCounts[id]; ok {
		return n, true
	}
	if len(f.CollegeUnions) > 0 {
		return d.CollegeCounts[id], true
	}
	return 0, false
}

// writeCollege writes sheet 2: the college-level items with the number of
// unions meeting each, and the per-union matrix (具体情况).
func writeCollege(b *book, f *forms.Filing, ed *forms.Edition, sec *forms.Section, d *forms.Derived) error {
	items := sec.Answerable()
	n := len(items)
	cols := max(n+1, collegeMinCols)
	widths := make([]float64, cols)
	widths[0] = collegeNameWidth
	for i := 1; i < cols; i++ {
		widths[i] = collegeMatrixAll / float64(cols-1)
	}
	s := b.addSheet(SheetCollege, widths)
	// Counts table: text over columns 1..cols-4, count over two, note over two.
	textEnd, countEnd := cols-4, cols-2

	r := s.next()
	title := sec.Title
	if strings.TrimSpace(title) == "" {
		title = SheetCollege
	}
	s.put(r, 1, r, cols, title, lookSubtitle)
	s.atLeast(r, 30)

	r = s.next()
	s.put(r, 1, r, textEnd, sec.Columns[0], lookHead)
	s.put(r, textEnd+1, r, countEnd, sec.Columns[1], lookHead)
	s.put(r, countEnd+1, r, cols, sec.Columns[2], lookHead)
	for _, it := range items {
		r = s.next()
		s.put(r, 1, r, textEnd, formtext.ItemLabel(it), lookText)
		if n, ok := collegeCount(f, d, it.ID); ok {
			s.put(r, textEnd+1, r, countEnd, "", lookCenter)
			s.putNumber(r, textEnd+1, n, lookCenter)
		} else {
			s.put(r, textEnd+1, r, countEnd, "", lookCenter)
		}
		s.put(r, countEnd+1, r, cols, strings.TrimSpace(f.Answers[it.ID].Note), lookText)
	}

	// The matrix follows as the form's 具体情况 part.
	r = s.next()
	mt := sec.MatrixTitle
	if strings.TrimSpace(mt) == "" {
		mt = "具体情况"
	}
	s.put(r, 1, r, cols, mt, lookHead)
	head1 := s.next()
	head2 := s.next()
	nameHead, answerHead := "二级学生会组织", "符合标准情况（请填写是/否）"
	if len(sec.MatrixColumns) == 2 {
		nameHead, answerHead = sec.MatrixColumns[0], sec.MatrixColumns[1]
	}
	s.put(head1, 1, head2, 1, nameHead, lookHead)
	s.put(head1, 2, head1, cols, answerHead, lookHead)
	for i, it := range items {
		num := it.Number
		if num == "" {
			num = strconv.Itoa(i + 1)
		}
		s.put(head2, 2+i, head2, 2+i, num, lookHead)
	}
	for c := 2 + n; c <= cols; c++ {
		s.put(head2, c, head2, c, "", lookHead)
	}
	unions := f.CollegeUnions
	if len(unions) == 0 {
		// Blank rows to fill in by hand.
		unions = make([]forms.CollegeUnion, 3)
	}
	for _, u := range unions {
		r = s.next()
		s.unitStart = r
		s.put(r, 1, r, 1, u.Name, lookText)
		for i, it := range items {
			v := ""
			if ok, known := u.Items[it.ID]; known {
				v = sec.Answers[1]
				if ok {
					v = sec.Answers[0]
				}
			}
			s.putChoice(r, 2+i, v, [2]string{sec.Answers[0], sec.Answers[1]}, lookCenter)
		}
		for c := 2 + n; c <= cols; c++ {
			s.put(r, c, r, c, "", lookCenter)
		}
	}
	writeTail(s, f, ed)
	s.setupPrint(head1, head2)
	return s.finish()
}
