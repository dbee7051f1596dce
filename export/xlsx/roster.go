package xlsx

import (
	"strconv"

	"sureform/export/formtext"
	"sureform/forms"
)

// RosterColumns are the header words of the roster sheet: the official
// column headings of 校级组织工作人员名单 followed by 学生会职务 and 所在部门
// (formtext.RosterColumns, which the PDF report prints too).
var RosterColumns = formtext.RosterColumns

// RosterHeaderRow is the row of the roster sheet that holds RosterColumns;
// members follow from the next row on.
const RosterHeaderRow = 2

var rosterWidths = []float64{4.5, 7.5, 8.5, 12, 7, 14, 8.5, 15, 9, 10}

// writeRoster writes sheet 3, 校级组织工作人员名单.
func writeRoster(b *book, f *forms.Filing) error {
	s := b.addSheet(SheetRoster, rosterWidths)
	last := len(rosterWidths)
	r := s.next()
	s.put(r, 1, r, last, formtext.TitleRoster, lookSubtitle)
	s.atLeast(r, 30)
	r = s.next() // RosterHeaderRow
	head := lookHead
	head.size = 10
	for i, h := range RosterColumns {
		s.put(r, i+1, r, i+1, h, head)
	}
	for i := range f.Members {
		r = s.next()
		for c, v := range formtext.RosterRow(i, &f.Members[i]) {
			l := lookCenter
			if c == formtext.RosterColExperience {
				l = lookText
			}
			if c == 0 {
				n, _ := strconv.Atoi(v)
				s.putNumber(r, c+1, n, l)
				continue
			}
			s.put(r, c+1, r, c+1, v, l)
		}
	}
	s.setupPrint(RosterHeaderRow, RosterHeaderRow)
	return s.finish()
}
