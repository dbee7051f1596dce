package wizard

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"sureform/forms"
	"sureform/forms/college"
)

// TestCollegeWorkbookRoundTrip writes the college workbooks from the
// step, drops two back on the window (one filled, one blank), imports them
// after the preview and undoes the import.
func TestCollegeWorkbookRoundTrip(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	w.ShowStepByTitle("二级学生会组织")
	p := w.pages[stepColleges].(*collegesPage)
	dir := t.TempDir()
	p.writeTemplates(dir)
	waitFor(t, w, "the workbooks", func() bool { return len(college.Pending(w.doc.filing)) == 5 })
	if !strings.Contains(p.pending.Text, "未收回（5 个）") || !strings.Contains(p.pending.Text, "医学护理系学生会") {
		t.Errorf("pending %q", p.pending.Text)
	}
	w.win.Canvas().Overlays().Top().Hide()

	filledBook := filepath.Join(dir, "二级学生会组织-机电工程系.xlsx")
	wb, err := excelize.OpenFile(filledBook)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"周一", "周二"} {
		row := []any{i + 1, name, []string{"共青团员", "群众"}[i], "机电工程系", "大二", "3/40", "否", "", []string{"主席", "部长"}[i], []string{"主席团", "学习部"}[i]}
		wb.SetSheetRow(college.SheetRoster, fmt.Sprintf("A%d", 5+i), &row)
	}
	for r := 3; r <= 15; r++ {
		wb.SetCellStr(college.SheetAnswers, fmt.Sprintf("C%d", r), "是")
	}
	wb.Save()
	wb.Close()
	blank := filepath.Join(dir, "二级学生会组织-财经管理系.xlsx")

	w.ShowStepByTitle("基本信息")
	w.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(filledBook), storage.NewFileURI(blank)})
	if w.pageTitle.Text != "二级学生会组织" {
		t.Errorf("dropping college workbooks shows %q", w.pageTitle.Text)
	}
	waitFor(t, w, "the preview", func() bool {
		top := w.win.Canvas().Overlays().Top()
		if top == nil {
			return false
		}
		for _, o := range test.LaidOutObjects(top) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "机电工程系学生会 ← 二级学生会组织-机电工程系.xlsx：工作人员 2 人") {
				return true
			}
		}
		return false
	})
	test.Tap(button(t, w, "导入"))
	f := w.doc.filing
	u := f.CollegeUnions[2]
	if u.Name != "机电工程系" || !u.Collection.IsReturned() || len(u.Roster) != 2 || *u.Staff != 2 {
		t.Fatalf("union after import %+v", u)
	}
	if !strings.Contains(p.pending.Text, "未收回（3 个）") {
		t.Errorf("pending after import %q", p.pending.Text)
	}
	if l := p.rosters["college_unions[2]"]; l == nil || !strings.Contains(l.Text, "2 人，其中主席团 1 人") || !strings.Contains(l.Text, "群众") {
		t.Errorf("roster of the union shows %v", l)
	}
	// every finding about the unions' data opens a field of this step
	seen := 0
	for _, fd := range append([]forms.Finding(nil), w.report.Findings...) {
		if !strings.HasPrefix(fd.Path, "college_unions") {
			continue
		}
		seen++
		if !w.openPath(fd.Path) {
			t.Errorf("finding at %s (%s) has no field", fd.Path, fd.Message)
		}
	}
	if seen < 5 {
		t.Errorf("only %d findings about the college unions", seen)
	}
	test.Tap(button(t, w, "撤销导入"))
	if u := f.CollegeUnions[2]; u.Roster != nil || !u.Collection.Pending() {
		t.Errorf("undo left %+v", u)
	}
}
