package wizard

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
)

// The import preview counts the rows hidden in Excel, lists them as left
// out, and imports them when asked.
func TestRosterPreviewHiddenRows(t *testing.T) {
	wb := excelize.NewFile()
	rows := [][]string{{"姓名", "政治面貌", "院系", "年级"}, {"王一", "团员", "机电系", "大二"}, {"王二", "团员", "机电系", "大二"}, {"合计", "", "", ""}}
	for r, row := range rows {
		for c, v := range row {
			if v != "" {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				wb.SetCellStr("Sheet1", cell, v)
			}
		}
	}
	wb.SetRowVisible("Sheet1", 3, false)
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := wb.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f := &forms.Filing{AcademicYear: "2021—2022学年"}
	pv, err := FormsRoster{}.Preview(RosterRequest{Path: path}, f)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, pr := range pv.Problems {
		left = append(left, pr.Message)
	}
	if len(pv.Members) != 1 || pv.HiddenRows != 1 || !strings.Contains(strings.Join(left, "\n"), "隐藏") || !strings.Contains(strings.Join(left, "\n"), "合计行") {
		t.Errorf("members %d hidden %d problems %v", len(pv.Members), pv.HiddenRows, left)
	}
	pv, err = FormsRoster{}.Preview(RosterRequest{Path: path, IncludeHidden: true}, f)
	if err != nil || len(pv.Members) != 2 || pv.HiddenRows != 1 {
		t.Errorf("with hidden rows: %v %+v", err, pv)
	}
}

// Titles inferred from work experience wait for the user: the roster page
// offers to confirm them, and only then do they count.
func TestRosterConfirmsSuggestedTitles(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("changji-2020.json")
	m := &w.doc.filing.Members[7]
	m.Position, m.Department = "", ""
	m.SuggestedPosition, m.SuggestedDepartment = forms.PositionPresident, forms.PresidiumDepartment
	w.validateNow()
	w.ShowStepByTitle("工作人员名单")
	p := w.pages[stepRoster].(*rosterPage)
	p.refresh()
	if w.report.Derived.Presidium != 0 {
		t.Fatalf("presidium %d before confirming", w.report.Derived.Presidium)
	}
	if p.confirm == nil || !strings.Contains(p.confirm.Text, "1 人") {
		t.Fatalf("no confirm button: %v", p.confirm)
	}
	p.confirm.OnTapped()
	if m.Position != forms.PositionPresident || m.SuggestedPosition != "" || w.report.Derived.Presidium != 1 {
		t.Errorf("after confirming: %+v, presidium %d", m, w.report.Derived.Presidium)
	}
	for _, o := range p.top.Objects {
		if o == p.confirm {
			t.Error("confirm button still shown with nothing to confirm")
		}
	}
}
