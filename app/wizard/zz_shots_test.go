package wizard

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

func shot(t *testing.T, w *Window, name string) {
	img := w.win.Canvas().(test.WindowlessCanvas).Capture()
	f, _ := os.Create("/tmp/" + name + ".png")
	png.Encode(f, img)
	f.Close()
}

func TestZZShots(t *testing.T) {
	if os.Getenv("SHOTS") == "" {
		t.Skip()
	}
	w := newTestWindow(t, allBackends())
	w.app.Settings().SetTheme(NewTheme())
	w.OpenExample("yangquan-2021.json")
	w.doc.filing.Members[1].PoliticalStatus = "群众"
	w.doc.filing.Members[3].Name = ""
	w.doc.filing.Congress.Delegates = nil
	w.validateNow()
	w.ShowStepByTitle("工作人员名单")
	shot(t, w, "t-roster")
	w.ShowStepByTitle("审核")
	shot(t, w, "t-review")
	w.ShowStepByTitle("学生代表大会")
	shot(t, w, "t-congress")
	src := filepath.Join(t.TempDir(), "名单.csv")
	os.WriteFile(src, []byte("张三,共青团员,学习部\n李四,群众,体育部\n"), 0o600)
	w.importRosterFile(src)
	w.pending.Wait()
	shot(t, w, "t-import")
}
