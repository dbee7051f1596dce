package xlsx

import (
	"strings"

	"sureform/export/formtext"
	"sureform/forms"
)

// Columns of the form sheet: item number or group, wide enough for the
// optional rows' labels such as 典型经验（选填） on one line (A), item text (B),
// conclusion (C), 备注 (D).
var formWidths = []float64{18, 40, 19, 19}

const (
	colGroup = 1
	colText  = 2
	colAns   = 3
	colNote  = 4
)

// writeForm writes sheet 1, the self-assessment form.
func writeForm(b *book, f *forms.Filing, ed *forms.Edition, d *forms.Derived) error {
	s := b.addSheet(SheetForm, formWidths)
	last := len(formWidths)

	r := s.next()
	s.put(r, 1, r, last, formtext.Title(ed), lookTitle)
	s.atLeast(r, 36)

	for _, h := range ed.HeaderFields {
		r = s.next()
		s.put(r, 1, r, last, formtext.HeaderField(f, h), lookField)
	}
	titleRow := 0
	for si := range ed.Sections {
		sec := &ed.Sections[si]
		if sec.Kind != forms.SectionAnswers {
			continue
		}
		if strings.TrimSpace(sec.Title) != "" {
			r = s.next()
			s.put(r, 1, r, last, sec.Title, lookHead)
		}
		if titleRow == 0 && strings.TrimSpace(ed.Legend) != "" {
			// The legend stands where the published 改革自评表 print it:
			// below the first section's caption, above the headings.
			r = s.next()
			s.put(r, 1, r, last, strings.TrimSpace(ed.Legend), lookText)
		}
		r = s.next()
		if titleRow == 0 {
			titleRow = r
		}
		s.put(r, colGroup, r, colText, sec.Columns[0], lookHead)
		s.put(r, colAns, r, colAns, sec.Columns[1], lookHead)
		s.put(r, colNote, r, colNote, sec.Columns[2], lookHead)
		s.atLeast(r, 24)
		for _, it := range sec.Items {
			writeItem(s, f, sec, d, it)
		}
	}

	if ed.CollegeSection() == nil {
		writeTail(s, f, ed)
	}
	s.setupPrint(titleRow, titleRow)
	return s.finish()
}

// writeTail writes the rows that follow the whole form: the edition's
// optional rows and its signature and stamp blocks. They go on the sheet
// that holds the form's last part.
//
// The last form rows, the optional rows and the blocks are printed on one
// page where they fit, or else the last optional row and the blocks: a
// block never stands alone on a page.
func writeTail(s *sheet, f *forms.Filing, ed *forms.Edition) {
	k := keep{from: s.unitStart}
	for _, title := range ed.OptionalRows {
		k.alt = s.row + 1
		writeLabelled(s, title, formtext.OptionalValue(f, formtext.OptionalKey(title)), 40)
	}
	if k.alt == 0 {
		k.alt = s.row + 1
	}
	for _, sig := range ed.Signatures {
		writeSignature(s, f, sig)
	}
	k.to = s.row
	if k.from == 0 {
		k.from = k.alt
	}
	s.keeps = append(s.keeps, k)
}

// writeItem writes one item: a row with its text across the first two
// columns, or, for an item with parts, the item's label down the first
// column beside one row per part.
func writeItem(s *sheet, f *forms.Filing, sec *forms.Section, d *forms.Derived, it forms.Item) {
	answer := func(r int, id string) {
		met := f.Answers[id].Met
		yes, no := true, false
		s.putChoice(r, colAns, formtext.Choice(met, sec.Answers[0], sec.Answers[1], " "), [2]string{
			formtext.Choice(&yes, sec.Answers[0], sec.Answers[1], " "),
			formtext.Choice(&no, sec.Answers[0], sec.Answers[1], " "),
		}, lookCenter)
		s.put(r, colNote, r, colNote, d.NoteFor(f, id), lookText)
	}
	s.unitStart = s.row + 1
	if len(it.Parts) == 0 {
		r := s.next()
		s.put(r, colGroup, r, colText, formtext.ItemLabel(it), lookText)
		answer(r, it.ID)
		return
	}
	top := s.row + 1
	for _, p := range it.Parts {
		r := s.next()
		s.put(r, colText, r, colText, formtext.ItemLabel(p), lookText)
		answer(r, p.ID)
	}
	s.put(top, colGroup, s.row, colGroup, formtext.ItemLabel(it), lookText)
}

// writeLabelled writes a row with a label in the first column and a text
// across the others; minPt is the least height of the row. A text longer
// than one row can hold goes on over further rows, cut at paragraph or
// sentence ends and framed as one cell, with the label cell merged over
// all of them.
func writeLabelled(s *sheet, label, text string, minPt float64) {
	last := len(s.widths)
	parts := s.chunks(text, colText, last, lookText)
	if len(parts) == 1 {
		r := s.next()
		s.put(r, colGroup, r, colGroup, label, lookCenter)
		s.put(r, colText, r, last, text, lookText)
		s.atLeast(r, minPt)
		return
	}
	top := s.row + 1
	for i, p := range parts {
		r := s.next()
		border := uint8(bLeft | bRight)
		if i == 0 {
			border |= bTop
		}
		if i == len(parts)-1 {
			border |= bBottom
		}
		s.put(r, colText, r, last, p, lookText.valigned("top").with(border))
	}
	s.put(top, colGroup, s.row, colGroup, label, lookCenter)
}

// writeSignature writes one signature block: the title in the first
// column and the block's lines in one cell across the others. A block is a
// single row, so that no printer splits it over two pages; the signing
// lines are indented towards the right with full-width spaces.
func writeSignature(s *sheet, f *forms.Filing, sig forms.Signature) {
	last := len(s.widths)
	width := s.lineWidthEm(colText, last, lookText)
	indent := strings.Repeat("　", max(int(width*0.6), 0))
	date := indent + "年　　　月　　　日"
	var lines []string
	switch sig.Kind {
	case forms.SignatureOpinion:
		lines = []string{formtext.Opinion(formtext.OpinionAccepts(f, sig.Title)), "", indent + "盖章：", "", date}
	case forms.SignatureConclusion:
		lines = []string{formtext.Conclusion(), "", indent + "工作组：", indent + "负责人签字：", "", date}
	default:
		// ParseEdition rejects other kinds; an edition built in code gets
		// an empty block to sign in.
		lines = []string{"", "", ""}
	}
	r := s.next()
	s.put(r, colGroup, r, colGroup, sig.Title, lookCenter)
	s.put(r, colText, r, last, strings.Join(lines, "\n"), lookText.valigned("top"))
	s.atLeast(r, signatureRowPt)
}

// signatureRowPt is the least height of a signature row: 45 mm, room for a
// 42 mm round seal.
const signatureRowPt = 45 / 25.4 * 72
