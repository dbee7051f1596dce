package xlsx

import (
	"strings"
	"testing"

	"sureform/export/formtext"
	"sureform/forms"
)

// TestLaterEditions reads back the workbook of a filing carried into each
// 学年 edition: the title with its 学年, the legend in the row between the
// first caption and the column headings (as in the PDF and the published
// 改革自评表), every item labelled as the PDF labels it (marker beside the
// number), and no cell carrying the unconfirmed items' note.
func TestLaterEditions(t *testing.T) {
	base, from := example(t, "yangquan-2021")
	for _, id := range []string{"2021-2022", "2022-2023", "2023-2024"} {
		t.Run(id, func(t *testing.T) {
			ed, err := editions(t).Get(id)
			if err != nil {
				t.Fatal(err)
			}
			f, _, err := forms.CarryFiling(base, from, ed)
			if err != nil {
				t.Fatal(err)
			}
			x, _ := export(t, f, ed)
			rows, err := x.GetRows(SheetForm)
			if err != nil {
				t.Fatal(err)
			}
			if got := cellAt(t, x, SheetForm, 1, 1); got != formtext.Title(ed) {
				t.Errorf("title %q, want %q", got, formtext.Title(ed))
			}
			sec := ed.Sections[0]
			caption := rowOf(rows, 1, 0, sec.Title)
			if caption == 0 {
				t.Fatalf("no caption row %q", sec.Title)
			}
			if got := cellAt(t, x, SheetForm, 1, caption+1); got != ed.Legend {
				t.Errorf("row below the caption reads %q, want the legend %q", got, ed.Legend)
			}
			if got := cellAt(t, x, SheetForm, 1, caption+2); got != sec.Columns[0] {
				t.Errorf("row after the legend reads %q, want the headings", got)
			}
			for _, it := range sec.Answerable() {
				if rowOf(rows, 1, caption, formtext.ItemLabel(it)) == 0 {
					t.Errorf("no row reads %q", formtext.ItemLabel(it))
				}
			}
			for _, sh := range x.GetSheetList() {
				srows, _ := x.GetRows(sh)
				for r, row := range srows {
					for c, v := range row {
						if strings.Contains(v, forms.UnconfirmedNote) || strings.Contains(v, ed.Name) {
							t.Errorf("%s!%s carries checker text: %q", sh, cell(c+1, r+1), v)
						}
					}
				}
			}
		})
	}
}
