package wizard

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sureform/assets"
	"sureform/forms"
)

// The masters in testdata are the key screens as Fyne's test driver lays
// them out; a changed screen fails here and leaves its markup in
// testdata/failed, which becomes the master by moving it.
func TestRendersKeyScreens(t *testing.T) {
	for _, tc := range []struct {
		master string
		setup  func(w *Window)
	}{
		{"welcome.xml", func(w *Window) {}},
		{"basic.xml", func(w *Window) { w.OpenExample("yangquan-2021.json") }},
		{"roster_with_problem.xml", func(w *Window) {
			w.OpenExample("yangquan-2021.json")
			w.doc.filing.Members[1].PoliticalStatus = "群众"
			w.ShowStepByTitle("工作人员名单")
			w.validateNow()
		}},
		{"structure.xml", func(w *Window) {
			w.OpenExample("changji-2020.json")
			w.ShowStepByTitle("组织架构")
		}},
		{"review.xml", func(w *Window) {
			w.OpenExample("changji-2020.json")
			w.doc.filing.Members[4].Name = ""
			w.validateNow()
			w.ShowStepByTitle("审核")
		}},
	} {
		t.Run(tc.master, func(t *testing.T) {
			w := newTestWindow(t, allBackends())
			tc.setup(w)
			test.AssertRendersToMarkup(t, tc.master, w.win.Canvas())
		})
	}
}

// bigFiling is an example filing with its roster repeated to n members.
func bigFiling(tb testing.TB, w *Window, n int) {
	tb.Helper()
	w.OpenExample("changji-2020.json")
	f := w.doc.filing
	base := f.Members
	f.Members = make([]forms.Member, 0, n)
	for i := 0; i < n; i++ {
		m := base[i%len(base)]
		m.Name = fmt.Sprintf("%s%d", m.Name, i)
		f.Members = append(f.Members, m)
	}
	w.setDocument(w.doc, stepRoster)
}

// BenchmarkEditRevalidateSoftwarePaint1000 is one edit in the roster of a
// 1,000-member filing: the cell's change, re-validation, the step states,
// the table's refresh and a full repaint of the window by the test
// driver's software rasteriser (far slower than the GL painter the app
// uses, so an upper bound).
func BenchmarkEditRevalidateSoftwarePaint1000(b *testing.B) {
	w := newTestWindow(b, allBackends())
	bigFiling(b, w, 1000)
	p := w.pages[stepRoster].(*rosterPage)
	c := w.win.Canvas().(test.WindowlessCanvas)
	col := columnOfField("name")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.setCell(500, col, fmt.Sprintf("成员%d", i))
		w.validateNow()
		c.Capture()
	}
}

// BenchmarkEditRevalidate1000 is the same edit without the repaint: what
// the UI thread does before the GPU draws.
func BenchmarkEditRevalidate1000(b *testing.B) {
	w := newTestWindow(b, allBackends())
	bigFiling(b, w, 1000)
	p := w.pages[stepRoster].(*rosterPage)
	col := columnOfField("name")
	w.win.Resize(fyne.NewSize(1100, 760))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.setCell(500, col, fmt.Sprintf("成员%d", i))
		w.validateNow()
	}
}

// BenchmarkOpenAndVisitEveryStep is what the window does from its start
// to every step shown once with the 40-member example open: building the
// window, opening the filing by argument and laying out each page (with
// the test driver, which does not draw on a GPU).
func BenchmarkOpenAndVisitEveryStep(b *testing.B) {
	dir := b.TempDir()
	data, err := assets.Examples.ReadFile("examples/changji-2020.json")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "changji.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w := newTestWindowWith(b, allBackends(), func(o *Options) { o.OpenFile = path })
		w.start()
		for s := range w.ids {
			w.showStep(s)
		}
		w.win.Close()
	}
}
