package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sureform/assets"
	"sureform/forms"
)

// fakeChooser answers every file dialog with a fixed path.
type fakeChooser struct {
	path      string
	confirmed bool
	asked     []fileRequest
}

func (c *fakeChooser) chooseOpen(req fileRequest, done func(string)) {
	c.asked = append(c.asked, req)
	done(c.path)
}

func (c *fakeChooser) chooseSave(req fileRequest, done func(string, bool)) {
	c.asked = append(c.asked, req)
	done(c.path, c.confirmed)
}

// overlayText is the text of every label on the top dialog.
func overlayText(w *Window) string {
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// exampleFile writes a bundled example as a project file in dir.
func exampleFile(t *testing.T, dir, example, name string) string {
	t.Helper()
	data, err := assets.Examples.ReadFile("examples/" + example)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenByArgument(t *testing.T) {
	dir := t.TempDir()
	filing := exampleFile(t, dir, "changji-2020.json", "昌吉 备案.json")
	roster := filepath.Join(dir, "名单.xlsx")
	os.WriteFile(roster, []byte("PK\x03\x04 not really"), 0o600)
	text := filepath.Join(dir, "说明.json")
	os.WriteFile(text, []byte("这不是填报文件"), 0o600)
	for _, tc := range []struct {
		name, path string
		// opened is the school of the filing opened, "" when none is
		want, opened string
	}{
		{"a filing opens", filing, "", "昌吉职业技术学院"},
		{"a roster says how to import it", roster, "不是填报文件", ""},
		{"another file says it is not a filing", text, "不是能打开的填报文件", ""},
		{"a missing file says so", filepath.Join(dir, "没有.json"), "不存在", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newTestWindowWith(t, allBackends(), func(o *Options) { o.OpenFile = tc.path })
			w.start()
			if tc.opened == "" {
				if w.doc != nil {
					t.Fatalf("opened %q", w.doc.filing.School)
				}
				if msg := overlayText(w); !strings.Contains(msg, tc.want) || !strings.Contains(msg, filepath.Base(tc.path)) {
					t.Errorf("message %q, want %q and the file's name", msg, tc.want)
				}
				return
			}
			if w.doc == nil || w.doc.filing.School != tc.opened || w.doc.path != tc.path || w.doc.dirty {
				t.Fatalf("document %+v", w.doc)
			}
			if got := w.win.Title(); got != "昌吉职业技术学院 — 昌吉 备案.json — 学生会改革自评填报" {
				t.Errorf("title %q", got)
			}
			// the title follows the school's name and the unsaved state
			w.doc.filing.School = "昌吉学院"
			w.edited()
			if got := w.win.Title(); got != "昌吉学院 — 昌吉 备案.json * — 学生会改革自评填报" {
				t.Errorf("title after editing the school %q", got)
			}
			if w.pageTitle.Text != "基本信息" {
				t.Errorf("page %q", w.pageTitle.Text)
			}
		})
	}
}

// The filing given as argument opens once the app runs: Fyne's driver
// only then follows theme changes, and a font re-pruned for the filing's
// characters before would leave the window measuring text with the older
// font (Fyne then loads a whole system font for each character missing).
func TestOpenByArgumentWhenTheAppStarts(t *testing.T) {
	filing := exampleFile(t, t.TempDir(), "changji-2020.json", "changji-2020.json")
	w := newTestWindowWith(t, allBackends(), func(o *Options) { o.OpenFile = filing })
	w.ShowAndRun() // the test app's Run returns at once
	if w.doc != nil {
		t.Fatal("the filing opened before the app started")
	}
	lc, ok := w.app.Lifecycle().(interface{ OnStarted() func() })
	if !ok || lc.OnStarted() == nil {
		t.Fatal("nothing is run when the app starts")
	}
	lc.OnStarted()()
	if w.doc == nil || w.doc.path != filing {
		t.Fatalf("after start the document is %+v", w.doc)
	}
}

func TestSaveAsAddsExtensionAndAsksBeforeReplacing(t *testing.T) {
	dir := t.TempDir()
	w := newTestWindow(t, allBackends())
	ch := &fakeChooser{path: filepath.Join(dir, "备案")}
	w.chooser = ch
	w.OpenExample("yangquan-2021.json")

	// no extension: .json is added, nothing else is written
	w.SaveAs(nil)
	want := filepath.Join(dir, "备案.json")
	if w.doc.path != want || w.doc.dirty {
		t.Fatalf("saved as %q (dirty %v), want %q", w.doc.path, w.doc.dirty, want)
	}
	if got := ch.asked[0]; got.exts[0] != ".json" || !strings.HasSuffix(got.name, ".json") || got.title != "保存填报文件" {
		t.Errorf("dialog asked %+v", got)
	}
	names := func() []string {
		ents, _ := os.ReadDir(dir)
		var out []string
		for _, e := range ents {
			out = append(out, e.Name())
		}
		return out
	}
	if got := names(); len(got) != 1 || got[0] != "备案.json" {
		t.Errorf("folder holds %v", got)
	}

	// an existing file: asked in Chinese; 取消 leaves it as it was
	other := exampleFile(t, dir, "changji-2020.json", "昌吉.json")
	before, _ := os.ReadFile(other)
	ch.path = other
	w.SaveAs(nil)
	if msg := overlayText(w); !strings.Contains(msg, "“昌吉.json”已经存在") {
		t.Fatalf("no question before replacing: %q", msg)
	}
	test.Tap(button(t, w, "取消"))
	if after, _ := os.ReadFile(other); string(after) != string(before) || w.doc.path != want {
		t.Fatalf("取消 changed the file or the document's path (%q)", w.doc.path)
	}
	w.SaveAs(nil)
	test.Tap(button(t, w, "替换"))
	if f, err := forms.Load(other); err != nil || f.School != "阳泉职业技术学院" || w.doc.path != other {
		t.Fatalf("after 替换: %v %v, path %q", f, err, w.doc.path)
	}

	// a dialog that already asked (the system's) is not asked again
	ch.confirmed = true
	w.SaveAs(nil)
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("asked twice: %q", overlayText(w))
	}

	// cancelled: nothing happens
	ch.path = ""
	w.doc.dirty = true
	w.SaveAs(nil)
	if !w.doc.dirty || len(names()) != 2 {
		t.Errorf("cancelled save: dirty %v, files %v", w.doc.dirty, names())
	}
}

func TestSaveTemplateUsesTheSaveHelper(t *testing.T) {
	dir := t.TempDir()
	imp := &fakeImporter{}
	b := allBackends()
	b.Roster = imp
	w := newTestWindow(t, b)
	w.chooser = &fakeChooser{path: filepath.Join(dir, "模板")}
	w.OpenExample("yangquan-2021.json")
	w.saveTemplate()
	if len(imp.templates) != 1 || imp.templates[0] != filepath.Join(dir, "模板.xlsx") {
		t.Fatalf("template written to %v", imp.templates)
	}
	if fileExists(filepath.Join(dir, "模板")) {
		t.Error("a stray file without extension was left")
	}
	if msg := overlayText(w); !strings.Contains(msg, "已保存空白名单模板") {
		t.Errorf("message %q", msg)
	}
}

func TestSaveThroughLinkKeepsLink(t *testing.T) {
	dir := t.TempDir()
	real := exampleFile(t, dir, "yangquan-2021.json", "real.json")
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	w := newTestWindow(t, allBackends())
	w.OpenPath(link)
	w.doc.filing.School = "经由链接保存"
	w.edited()
	w.Save(nil)
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	if f, err := forms.Load(real); err != nil || f.School != "经由链接保存" {
		t.Fatalf("the target was not saved: %v %v", f, err)
	}
}

func TestFileBrowserSavesWithoutCreatingFiles(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "子文件夹"), 0o700)
	existing := exampleFile(t, dir, "changji-2020.json", "已有.json")
	before, _ := os.ReadFile(existing)
	os.WriteFile(filepath.Join(dir, "别的.pdf"), []byte("%PDF"), 0o600)
	w := newTestWindow(t, allBackends())
	w.app.Preferences().SetString(prefLastFolder, dir)
	w.OpenExample("yangquan-2021.json")
	w.SaveAs(nil)
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no save dialog")
	}
	var b *fileBrowser
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			for _, english := range []string{"Home", "Computer", "Save", "Cancel", "Overwrite"} {
				if l.Text == english || strings.HasPrefix(l.Text, english+"?") {
					t.Errorf("English label %q", l.Text)
				}
			}
		}
		if it, ok := o.(*browserItem); ok {
			b = it.b
		}
	}
	if b == nil {
		t.Fatal("the dialog is not sureform's file browser")
	}
	// folders first, then the filings; other files are not offered
	var listed []string
	for _, e := range b.entries {
		listed = append(listed, e.name)
	}
	if strings.Join(listed, " ") != "子文件夹 已有.json" {
		t.Errorf("listed %v", listed)
	}
	// a tap on a folder opens it; 上一级 comes back
	b.tapped(0)
	if b.dir != filepath.Join(dir, "子文件夹") || len(b.entries) != 0 {
		t.Fatalf("in %q: %v", b.dir, b.entries)
	}
	test.Tap(button(t, w, "上一级"))
	if b.dir != dir {
		t.Fatalf("上一级 went to %q", b.dir)
	}
	// choosing an existing file asks, in Chinese, before anything is written
	b.tapped(1)
	test.Tap(button(t, w, "保存"))
	if msg := overlayText(w); !strings.Contains(msg, "已经存在") {
		t.Fatalf("no question: %q", msg)
	}
	if after, _ := os.ReadFile(existing); string(after) != string(before) {
		t.Fatal("the file was changed before the user answered")
	}
	test.Tap(button(t, w, "取消"))
	if after, _ := os.ReadFile(existing); string(after) != string(before) {
		t.Fatal("取消 changed the file")
	}
	// a new name typed without extension; Enter saves
	w.SaveAs(nil)
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if it, ok := o.(*browserItem); ok {
			b = it.b
		}
	}
	b.name.SetText("新的")
	b.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.doc.path != filepath.Join(dir, "新的.json") || !fileExists(w.doc.path) || fileExists(filepath.Join(dir, "新的")) {
		t.Errorf("saved as %q", w.doc.path)
	}
}

// Two windows with unsaved work, both killed: the next start offers both;
// restoring one leaves the other offered.
func TestRecoveryOffersEveryWindowsWork(t *testing.T) {
	dir := t.TempDir()
	inDir := func(o *Options) { o.RecoveryDir = dir }
	for _, ex := range []struct{ file, name string }{{"yangquan-2021.json", "第一个窗口"}, {"changji-2020.json", "第二个窗口"}} {
		w := newTestWindowWith(t, allBackends(), inDir)
		w.OpenExample(ex.file)
		w.doc.filing.Members[0].Name = ex.name
		w.edited()
		if err := w.Autosave(); err != nil {
			t.Fatal(err)
		}
	}
	// the program was killed: a new window starts
	w := newTestWindowWith(t, allBackends(), inDir)
	w.start()
	msg := overlayText(w)
	if !strings.Contains(msg, "有 2 份填报") || !strings.Contains(msg, "阳泉职业技术学院") || !strings.Contains(msg, "昌吉职业技术学院") {
		t.Fatalf("offer: %q", msg)
	}
	var restore []*widget.Button
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "恢复" {
			restore = append(restore, b)
		}
	}
	if len(restore) != 2 {
		t.Fatalf("%d 恢复 buttons", len(restore))
	}
	test.Tap(restore[1])
	first := w.doc.filing.Members[0].Name
	if !w.doc.dirty || first != "第一个窗口" && first != "第二个窗口" {
		t.Fatalf("restored %q", first)
	}
	if !fileExists(w.recoveryPath()) {
		t.Error("the restored work is not in the window's own recovery file")
	}
	w.saveTo(filepath.Join(t.TempDir(), "已恢复.json"), nil)

	// the next start offers the other one only
	w2 := newTestWindowWith(t, allBackends(), inDir)
	w2.start()
	msg = overlayText(w2)
	if strings.Contains(msg, "有 2 份") || !strings.Contains(msg, "是否恢复") {
		t.Fatalf("second offer: %q", msg)
	}
	test.Tap(button(t, w2, "恢复"))
	if second := w2.doc.filing.Members[0].Name; second == first || second != "第一个窗口" && second != "第二个窗口" {
		t.Errorf("second restored %q after %q", second, first)
	}
	// discarding removes the file
	w2.removeRecovery()
	w3 := newTestWindowWith(t, allBackends(), inDir)
	w3.start()
	if top := w3.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("still offered: %q", overlayText(w3))
	}
}
