package xlsx

import (
	"sureform/export/formtext"
	"sureform/forms"
)

// GuidanceColumns are the header words of the 指导责任人 table, verbatim.
var GuidanceColumns = formtext.GuidanceColumns

// Categories of the 指导责任人 table.
const (
	GuideDeputySecretary  = formtext.GuideDeputySecretary
	GuideSecretaryGeneral = formtext.GuideSecretaryGeneral
)

var congressWidths = []float64{8, 30, 14, 18, 22}

// writeCongress writes sheet 4: the congress facts and the 指导责任人 table.
func writeCongress(b *book, f *forms.Filing, d *forms.Derived) error {
	s := b.addSheet(SheetCongress, congressWidths)
	last := len(congressWidths)

	r := s.next()
	s.put(r, 1, r, last, formtext.TitleCongress, lookSubtitle)
	s.atLeast(r, 30)
	head := s.next()
	s.put(head, 1, head, 2, "项目", lookHead)
	s.put(head, 3, head, last, "情况", lookHead)
	for _, fact := range formtext.CongressFacts(f, d) {
		r = s.next()
		s.put(r, 1, r, 2, fact[0], lookCenter)
		s.put(r, 3, r, last, fact[1], lookText)
	}

	s.next()
	r = s.next()
	s.put(r, 1, r, last, formtext.TitleGuidance, lookSubtitle)
	s.atLeast(r, 30)
	r = s.next()
	for i, h := range GuidanceColumns {
		s.put(r, i+1, r, i+1, h, lookHead)
	}
	for i, row := range formtext.GuidanceRows(f) {
		r = s.next()
		s.putNumber(r, 1, i+1, lookCenter)
		s.put(r, 2, r, 2, row[1], lookCenter)
		s.put(r, 3, r, 3, row[2], lookCenter)
		s.put(r, 4, r, 4, row[3], lookCenter)
		s.put(r, 5, r, 5, row[4], lookText)
	}
	s.setupPrint(0, 0)
	return s.finish()
}
