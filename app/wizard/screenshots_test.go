package wizard

import (
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

var screenshots = flag.String("screenshots", "", "write PNGs of the key screens, drawn with the bundled font, to this folder")

// TestScreenshots draws the key screens with sureform's theme for a person
// to look at (go test -run Screenshots -screenshots DIR); the markup
// masters are what the tests compare.
func TestScreenshots(t *testing.T) {
	if *screenshots == "" {
		t.Skip("no -screenshots folder")
	}
	shot := func(w *Window, name string) {
		t.Helper()
		f, err := os.Create(filepath.Join(*screenshots, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, w.win.Canvas().(test.WindowlessCanvas).Capture()); err != nil {
			t.Fatal(err)
		}
	}
	w := newTestWindow(t, allBackends())
	w.app.Settings().SetTheme(NewTheme())
	w.OpenExample("yangquan-2021.json")
	w.doc.filing.Members[1].PoliticalStatus = "群众"
	w.doc.filing.Members[3].Name = ""
	w.doc.filing.Congress.Delegates = nil
	w.validateNow()
	for _, id := range w.ids {
		w.ShowStepByTitle(stepTitles[id])
		shot(w, "step-"+id)
	}
	src := filepath.Join(t.TempDir(), "名单.csv")
	os.WriteFile(src, []byte("张三,共青团员,学习部\n李四,群众,体育部\n"), 0o600)
	w.importRosterFile(src)
	w.pending.Wait()
	shot(w, "import-preview")
}
