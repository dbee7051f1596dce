package collegebook

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
	"sureform/forms/college"
)

// TestUnconfirmedNote writes the college workbook in each shipped edition
// with a college-level part and reads it back: the items stay verbatim, the
// note 请与本省下发的表格核对 stands in its own column beside exactly the
// unconfirmed items (and only when the edition has some), the sheet's
// instructions explain it, and a filled workbook still imports.
func TestUnconfirmedNote(t *testing.T) {
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	base := yangquan(t)
	from, err := eds.Get(base.Edition)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"2021", "2021-2022", "2022-2023", "2023-2024"} {
		t.Run(id, func(t *testing.T) {
			ed, err := eds.Get(id)
			if err != nil {
				t.Fatal(err)
			}
			f := base
			if id != base.Edition {
				if f, _, err = forms.CarryFiling(base, from, ed); err != nil {
					t.Fatal(err)
				}
			}
			items := ed.CollegeSection().Answerable()
			unconfirmed := 0
			for _, it := range items {
				if it.Unconfirmed {
					unconfirmed++
				}
			}
			u := &f.CollegeUnions[0]
			path := filepath.Join(t.TempDir(), "x.xlsx")
			out, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := Write(out, f, ed, u); err != nil {
				t.Fatal(err)
			}
			out.Close()

			wb, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			title, _ := wb.GetCellValue(college.SheetAnswers, "A1")
			if strings.Count(title, "自评") != 1 {
				t.Errorf("title %q", title)
			}
			head, _ := wb.GetCellValue(college.SheetAnswers, "E2")
			if want := map[bool]string{true: college.AnswerCheckHeader, false: ""}[unconfirmed > 0]; head != want {
				t.Errorf("E2 = %q, want %q", head, want)
			}
			for i, it := range items {
				text, _ := wb.GetCellValue(college.SheetAnswers, fmt.Sprintf("B%d", i+3))
				if text != it.Marker+it.Text {
					t.Errorf("item %s reads %q, want the verbatim %q", it.Number, text, it.Text)
				}
				check, _ := wb.GetCellValue(college.SheetAnswers, fmt.Sprintf("E%d", i+3))
				if want := map[bool]string{true: forms.UnconfirmedNote, false: ""}[it.Unconfirmed]; check != want {
					t.Errorf("item %s: 原文核对 %q, want %q", it.Number, check, want)
				}
			}
			explain, _ := wb.GetCellValue(college.SheetAnswers, fmt.Sprintf("A%d", len(items)+4))
			if !strings.HasPrefix(explain, "说明：") || strings.Contains(explain, forms.UnconfirmedNote) != (unconfirmed > 0) {
				t.Errorf("instructions %q", explain)
			}
			wb.Close()

			fl := goodFill(u.Name, 6)
			fl.answers["2"] = "否"
			fl.notes = map[string]string{"2": "设有项目中心"}
			fl.write(t, path, nil)
			p, err := college.ReadFile(path, f, ed)
			if err != nil {
				t.Fatal(err)
			}
			if p.ErrorCount() != 0 || len(p.Union.Items) != len(items) || p.Union.Items["c2"] || p.Union.Notes["c2"] != "设有项目中心" {
				t.Errorf("read back: %d answers, c2 %v %q, problems %v", len(p.Union.Items), p.Union.Items["c2"], p.Union.Notes["c2"], p.Problems)
			}
			for id, note := range p.Union.Notes {
				if strings.Contains(note, forms.UnconfirmedNote) {
					t.Errorf("item %s: the note column was read as the union's 备注 %q", id, note)
				}
			}
		})
	}
}
