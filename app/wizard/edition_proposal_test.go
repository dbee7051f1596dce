package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
	"sureform/forms/formtemplate"
)

// proposalTemplate writes the newest edition as text pasted from the Word
// table, with the wording of the items in reword replaced.
func proposalTemplate(t *testing.T, ed *forms.Edition, reword map[string]string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("2026—2027学年改革自评表\n" + ed.Legend + "\n")
	for _, s := range ed.Sections {
		b.WriteString("（一）" + s.Title + "\n" + strings.Join(s.Columns, "\t") + "\n")
		for _, it := range s.Items {
			text := it.Text
			if r, ok := reword[it.ID]; ok {
				text = r
			}
			b.WriteString(it.Number + it.Marker + ". " + text + "\t□" + s.Answers[0] + " □" + s.Answers[1] + "\n")
		}
	}
	path := filepath.Join(t.TempDir(), "模板.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEditionProposal reads a template with item 4 reworded, shows it item
// by item with the difference marked, lets the user change a deciding fact
// and saves the result as a user edition that 新建 then offers first.
func TestEditionProposal(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.opts.UserEditionsDir = t.TempDir()
	ref := w.editions.Newest()
	path := proposalTemplate(t, ref, map[string]string{"4": "主席团成员不超过3人。"})
	p, err := formtemplate.ReadFile(path, ref, formtemplate.Options{Today: w.opts.Now()})
	if err != nil {
		t.Fatal(err)
	}
	v := w.showProposal(p, "模板.txt")
	if len(v.facts) != len(p.Items) || v.id.Text != "2026-2027" {
		t.Fatalf("%d fact choices for %d items, id %q", len(v.facts), len(p.Items), v.id.Text)
	}
	// item 4: the new 3 in green, the old 5 in red
	diff := forms.TextDiff(p.Items[3].Match.Text, p.Items[3].Item.Text)
	added, removed := diffText(diff, false), diffText(diff, true)
	if !hasColouredRun(added, "3", theme.ColorNameSuccess) || !hasColouredRun(removed, "5", theme.ColorNameError) {
		t.Errorf("item 4 differences not marked: %v / %v", added.Segments, removed.Segments)
	}
	if v.facts[3].Selected != forms.FactTitle(forms.FactPresidiumLimit) {
		t.Errorf("item 4 fact choice %q", v.facts[3].Selected)
	}
	v.facts[6].SetSelected(forms.FactTitle(forms.FactNone))
	if got := p.Edition.Sections[0].Items[6].Fact; got != forms.FactNone {
		t.Errorf("item 7 fact after the change = %q", got)
	}
	v.save()
	ed, err := w.editions.Get("2026-2027")
	if err != nil {
		t.Fatal(err)
	}
	if it, _, _ := ed.Item("4"); it.Text != "主席团成员不超过3人。" || it.Fact != forms.FactPresidiumLimit {
		t.Errorf("saved item 4: %+v", it)
	}
	if it, _, _ := ed.Item("7"); it.Fact != forms.FactNone {
		t.Errorf("saved item 7 fact %q", it.Fact)
	}
	if _, err := os.Stat(filepath.Join(w.opts.UserEditionsDir, "2026-2027.toml")); err != nil {
		t.Errorf("edition file: %v", err)
	}
	if w.editions.Newest().ID != "2026-2027" {
		t.Errorf("newest edition %q", w.editions.Newest().ID)
	}
	// The same id again is refused, and nothing is overwritten.
	w.showProposal(p, "模板.txt").save()
	if n := len(w.editions.All()); n != 6 {
		t.Errorf("%d editions after saving the same id again, want 6", n)
	}
}

func hasColouredRun(rt *widget.RichText, text string, colour fyne.ThemeColorName) bool {
	for _, s := range rt.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Text == text && ts.Style.ColorName == colour {
			return true
		}
	}
	return false
}

// TestCarryOpenFiling carries the 阳泉 example into the newest edition: a
// new unsaved filing with every answer whose item still exists.
func TestCarryOpenFiling(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	old, from := w.doc.filing, w.doc.edition
	to := w.editions.Newest()
	w.carryInto(to)
	f := w.doc.filing
	if w.doc.edition != to || f.Edition != to.ID || !w.doc.dirty || w.doc.path != "" {
		t.Fatalf("document after carry: edition %s dirty %v path %q", f.Edition, w.doc.dirty, w.doc.path)
	}
	for id, a := range old.Answers {
		if got, ok := f.Answers[id]; !ok || (got.Met == nil) != (a.Met == nil) || got.Note != a.Note {
			t.Errorf("answer %s: %+v, was %+v", id, got, a)
		}
	}
	if w.win.Canvas().Overlays().Top() == nil {
		t.Error("no report of what was carried")
	}
	if !strings.Contains(carryText(&forms.CarryReport{From: from, To: to}), "0 项答案") {
		t.Error("carry text")
	}
}

// TestNewEditionFromMenu goes the menu's way: 新建表格版本… asks for a
// template, shows the proposal for a good one and a Chinese error naming
// the file for one that is not a template.
func TestNewEditionFromMenu(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.opts.UserEditionsDir = t.TempDir()
	good := proposalTemplate(t, w.editions.Newest(), nil)
	ch := &fakeChooser{path: good}
	w.chooser = ch
	w.NewEdition()
	if len(ch.asked) != 1 || !strings.Contains(strings.Join(ch.asked[0].exts, " "), ".xlsx") {
		t.Fatalf("file dialog requests %+v", ch.asked)
	}
	if text := overlayText(w); !strings.Contains(text, "共 30 项：相同 30 项，有改动 0 项，新增 0 项") {
		t.Errorf("proposal dialog shows:\n%s", text)
	}
	w.win.Canvas().Overlays().Top().Hide()

	bad := filepath.Join(t.TempDir(), "说明.txt")
	os.WriteFile(bad, []byte("这只是一段说明，没有编号的条目。"), 0o600)
	ch.path = bad
	w.NewEdition()
	if text := overlayText(w); !strings.Contains(text, "说明.txt") || !strings.Contains(text, "没有找到编号的条目") {
		t.Errorf("error dialog shows:\n%s", text)
	}
}

// TestNewFilingDefaultsToNewestEdition: 新建 offers the newest edition
// first, and the filing's 学年 is the current one (September to August).
func TestNewFilingDefaultsToNewestEdition(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.NewFiling()
	var selected []string
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if s, ok := o.(*widget.Select); ok {
			selected = append(selected, s.Selected)
		}
	}
	if len(selected) != 1 || selected[0] != w.editions.Newest().Name {
		t.Errorf("新建 dialog selects %q, want %s", selected, w.editions.Newest().Name)
	}
	w.win.Canvas().Overlays().Top().Hide()
	w.createFiling(w.editions.Newest(), "测试学院", forms.OrgStudentUnion)
	if got, want := w.doc.filing.AcademicYear, forms.AcademicYearOf(w.opts.Now()); got != want || want != "2021—2022学年" {
		t.Errorf("学年 %q, want %q", got, want)
	}
}
