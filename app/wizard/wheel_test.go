package wizard

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// The wheel over a text field scrolls the page; a multi-line field grows
// with its text instead of scrolling inside itself.
func TestWheelOverFieldsScrollsThePage(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	w.ShowStepByTitle("文字材料")
	page := w.pages[stepTexts].content().(*container.Scroll)
	var relays []*wheelRelay
	for _, o := range test.LaidOutObjects(page) {
		if r, ok := o.(*wheelRelay); ok {
			relays = append(relays, r)
		}
	}
	if len(relays) == 0 {
		t.Fatal("no field passes the wheel on")
	}
	before := page.Offset.Y
	relays[0].Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if page.Offset.Y <= before {
		t.Errorf("the wheel over a text field did not scroll the page: offset %v → %v", before, page.Offset.Y)
	}

	fd := w.fields["texts.problems"]
	e := fd.focus.(*fieldEntry)
	short := e.MinSize().Height
	e.SetText(strings.Repeat("学生会组织深化改革工作中发现的问题和不足，需要逐条说明。", 40))
	if grown := e.MinSize().Height; grown < 3*short {
		t.Errorf("a long text: height %v, was %v", grown, short)
	}
	if e.Size().Height < e.MinSize().Height {
		t.Errorf("the page did not make room: size %v, needs %v", e.Size().Height, e.MinSize().Height)
	}

	// the roster's cells keep no scroller, so the table takes the wheel
	w.ShowStepByTitle("工作人员名单")
	for _, o := range test.LaidOutObjects(w.pages[stepRoster].content()) {
		if c, ok := o.(*rosterCell); ok && c.entry.Scroll != fyne.ScrollNone {
			t.Fatal("a roster cell's entry scrolls by itself")
		}
	}
}

// After a large import the table moves below the grown bar above it, and
// after 撤销导入 it shows the restored roster from its first row.
func TestRosterRedrawsAfterImportAndUndo(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	w.ShowStepByTitle("工作人员名单")
	p := w.pages[stepRoster].(*rosterPage)
	first := w.doc.filing.Members[0].Name
	before := len(w.doc.filing.Members)
	below := func(when string) {
		t.Helper()
		if top, tbl := p.top.Position().Y+p.top.Size().Height, p.table.Position().Y; tbl < top {
			t.Errorf("%s: the table (y %v) is drawn under the bar above it (to y %v)", when, tbl, top)
		}
	}
	// what the window draws, as Fyne's markup
	shows := func(name string) bool {
		return strings.Contains(test.RenderToMarkup(w.win.Canvas()), ">"+name+"<")
	}
	var csv strings.Builder
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&csv, "导入成员%d,群众,学习部\n", i)
	}
	src := filepath.Join(t.TempDir(), "大名单.csv")
	os.WriteFile(src, []byte(csv.String()), 0o600)
	p.table.ScrollToBottom()
	w.importRosterFile(src)
	test.Tap(button(t, w, "替换现有名单"))
	if len(w.doc.filing.Members) != 400 {
		t.Fatalf("%d members after the import", len(w.doc.filing.Members))
	}
	below("after the import")
	if !shows("导入成员0") {
		t.Error("the imported roster is not shown from its first row")
	}
	p.table.ScrollToBottom()
	test.Tap(p.undo)
	if len(w.doc.filing.Members) != before || len(p.rows) != before {
		t.Fatalf("after 撤销导入: %d members, %d rows, want %d", len(w.doc.filing.Members), len(p.rows), before)
	}
	below("after 撤销导入")
	if !shows(first) {
		t.Errorf("after 撤销导入 the table does not show %s: it looks empty", first)
	}
}
