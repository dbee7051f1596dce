package wizard

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
	"sureform/forms/roster"
)

// fakeImporter reads "name,political status,department" lines.
type fakeImporter struct{ templates []string }

func (fakeImporter) Preview(req RosterRequest, f *forms.Filing) (*RosterPreview, error) {
	path, cols := req.Path, req.Columns
	if strings.HasSuffix(path, ".locked.csv") {
		switch req.Password {
		case "":
			return nil, fmt.Errorf("文件已加密：%w", roster.ErrPasswordRequired)
		case "secret":
		default:
			return nil, fmt.Errorf("密码不对：%w", roster.ErrWrongPassword)
		}
	}
	if strings.HasSuffix(path, ".two.csv") && req.Sheet == "" {
		return nil, &SheetChoiceError{Msg: "有两个工作表像名单", Sheets: []string{"名单A", "名单B"}}
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开 %s", path)
	}
	defer file.Close()
	sheet := req.Sheet
	if sheet == "" {
		sheet = "Sheet1"
	}
	pv := &RosterPreview{File: path, Sheet: sheet, Headers: []string{"姓名", "政治面貌", "部门"},
		Columns: []RosterColumn{{"name", "姓名", 0}, {"political_status", "政治面貌", 1}, {"department", "所在部门", 2}}}
	if cols != nil {
		pv.Columns = cols
	}
	sc := bufio.NewScanner(file)
	row := 0
	for sc.Scan() {
		row++
		cells := strings.Split(sc.Text(), ",")
		get := func(field string) string {
			for _, c := range pv.Columns {
				if c.Field == field && c.Index >= 0 && c.Index < len(cells) {
					return cells[c.Index]
				}
			}
			return ""
		}
		m := forms.Member{Name: get("name"), PoliticalStatus: get("political_status"), Department: get("department"), Level: forms.LevelUndergraduate}
		if m.PoliticalStatus == "群众" {
			pv.Problems = append(pv.Problems, ImportProblem{Row: row, Column: "政治面貌", Severity: forms.SeverityWarning, Message: "政治面貌不符合要求", Text: "群众"})
		}
		pv.Members = append(pv.Members, m)
	}
	return pv, nil
}

func (fakeImporter) Apply(f *forms.Filing, p *RosterPreview, merge bool) error {
	if !merge {
		f.Members = nil
	}
	f.Members = append(f.Members, p.Members...)
	return nil
}

func (i *fakeImporter) WriteTemplate(path string, f *forms.Filing) error {
	i.templates = append(i.templates, path)
	return os.WriteFile(path, []byte("template"), 0o600)
}

func (fakeImporter) Extensions() []string { return []string{".csv"} }

// fakeExporter writes the school's name, or fails when told to.
type fakeExporter struct{ fail bool }

func (e fakeExporter) Export(path string, f *forms.Filing, ed *forms.Edition, progress func(float64)) ([]string, error) {
	if e.fail {
		return nil, errors.New("磁盘已满")
	}
	progress(0.5)
	return []string{"第 1 行 某字 无法显示"}, os.WriteFile(path, []byte(f.School), 0o600)
}

// newTestWindow opens the main window in a test app.
func newTestWindow(t testing.TB, b Backends) *Window {
	t.Helper()
	return newTestWindowWith(t, b, nil)
}

// newTestWindowWith opens the main window in a test app with options that
// change sets.
func newTestWindowWith(t testing.TB, b Backends, change func(*Options)) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	// the app's own theme: text is measured with the bundled font, so that
	// layouts and the markup masters are the same on every machine,
	// whatever fonts it has
	a.Settings().SetTheme(NewTheme())
	opts := Options{Name: "学生会改革自评填报", Version: "1.0.0", Backends: b, RecoveryDir: t.TempDir(), ValidateDelay: -1,
		Background: func(work func()) { work() },
		Now:        func() time.Time { return time.Date(2021, 11, 30, 9, 0, 0, 0, time.UTC) }}
	if change != nil {
		change(&opts)
	}
	w, err := New(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	w.win.Resize(fyne.NewSize(1100, 760))
	w.win.Show()
	closed := false
	w.win.SetOnClosed(func() { closed = true })
	t.Cleanup(func() {
		w.pending.Wait()
		if w.validateTimer != nil {
			w.validateTimer.Stop()
		}
		if !closed {
			w.win.Close()
		}
	})
	return w
}

func allBackends() Backends {
	return Backends{Roster: &fakeImporter{}, Excel: fakeExporter{}, PDF: fakeExporter{}}
}

// button finds a button by its text on the top overlay (a dialog) or, when
// there is none, in the window.
func button(t testing.TB, w *Window, text string) *widget.Button {
	t.Helper()
	root := w.win.Canvas().Content()
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		root = top
	}
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// waitFor polls until cond holds (work returning through fyne.Do).
func waitFor(t testing.TB, w *Window, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		// Background work hands its result to the UI before it counts as
		// done, so after Wait the window is settled and cond reads it
		// without racing the worker.
		w.pending.Wait()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
