package wizard

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sureform/assets"
	"sureform/forms"
)

// Preference keys.
const (
	prefWidth      = "window.width"
	prefHeight     = "window.height"
	prefLastFolder = "folder.last"
	prefRecent     = "files.recent"
	maxRecent      = 8
)

// confirmDiscard runs then when there are no unsaved changes, or after the
// user chose 保存 (and the save succeeded) or 不保存; 取消 does nothing.
func (w *Window) confirmDiscard(then func()) {
	if w.doc == nil || !w.doc.dirty {
		then()
		return
	}
	name := "当前填报"
	if w.doc.path != "" {
		name = "“" + filepath.Base(w.doc.path) + "”"
	}
	var d *dialog.CustomDialog
	save := widget.NewButton("保存", func() { d.Hide(); w.Save(then) })
	save.Importance = widget.HighImportance
	// 不保存 goes on without saving; the filing stays as it is (and
	// unsaved) until what follows replaces it, so cancelling the next
	// dialog loses nothing.
	discard := widget.NewButton("不保存", func() {
		d.Hide()
		then()
	})
	cancel := widget.NewButton("取消", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("有未保存的修改", widget.NewLabel(name+"有未保存的修改。是否在关闭前保存？"), w.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	w.keys(d, save.OnTapped, cancel.OnTapped)
	d.Show()
}

// onCloseRequested asks about unsaved changes, remembers the window size
// and quits.
func (w *Window) onCloseRequested() {
	w.confirmDiscard(func() {
		w.removeRecovery() // saved, or deliberately not saved
		p := w.app.Preferences()
		size := w.win.Canvas().Size()
		p.SetFloat(prefWidth, float64(size.Width))
		p.SetFloat(prefHeight, float64(size.Height))
		w.win.Close()
		w.app.Quit()
	})
}

// NewFiling asks for the edition, school and organisation type, then
// starts an empty filing.
func (w *Window) NewFiling() {
	w.confirmDiscard(w.showNewDialog)
}

func (w *Window) showNewDialog() {
	eds := w.editions.All()
	names := make([]string, len(eds))
	for i, e := range eds {
		names[i] = e.Name
	}
	edSel := widget.NewSelect(names, nil)
	edSel.SetSelected(names[len(names)-1])
	school := newDialogEntry(w, false)
	school.SetPlaceHolder("如：阳泉职业技术学院")
	school.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("请填写学校名称")
		}
		return nil
	}
	org := widget.NewRadioGroup([]string{forms.OrgStudentUnion, forms.OrgGraduateUnion}, nil)
	org.Horizontal = true
	org.Required = true
	org.SetSelected(forms.OrgStudentUnion)
	items := []*widget.FormItem{
		{Text: "表格版本", Widget: edSel, HintText: "按上级通知使用的备案表版本选择"},
		{Text: "学校名称", Widget: school},
		{Text: "组织类型", Widget: org},
	}
	d := dialog.NewForm("新建填报", "创建", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		ed := eds[len(eds)-1]
		for i, n := range names {
			if n == edSel.Selected {
				ed = eds[i]
			}
		}
		w.createFiling(ed, strings.TrimSpace(school.Text), org.Selected)
	}, w.win)
	d.Resize(fyne.NewSize(560, 300))
	w.keys(d, d.Submit, d.Dismiss)
	d.Show()
	w.win.Canvas().Focus(school)
}

// createFiling starts an empty filing.
func (w *Window) createFiling(ed *forms.Edition, school, orgType string) {
	f := forms.NewFiling(ed, school, orgType, w.opts.Now())
	w.setDocument(&document{filing: f, edition: ed, dirty: true}, stepBasic)
}

// Open asks for a project file and opens it.
func (w *Window) Open() {
	w.confirmDiscard(func() {
		w.chooseOpen(fileRequest{title: "打开填报文件", kind: "填报文件", exts: []string{".json"}}, w.openFile)
	})
}

// OpenPath opens a project file, after asking about unsaved changes.
func (w *Window) OpenPath(path string) {
	w.confirmDiscard(func() { w.openFile(path) })
}

// openFile loads a project file; on error the open filing is untouched.
func (w *Window) openFile(path string) {
	f, ed, err := w.loadFiling(path)
	if err != nil {
		w.showError(err)
		return
	}
	w.removeRecovery()
	w.setDocument(&document{filing: f, edition: ed, path: path}, stepBasic)
	w.rememberFile(path)
}

// loadFiling reads a project file and finds its edition.
func (w *Window) loadFiling(path string) (*forms.Filing, *forms.Edition, error) {
	f, err := forms.Load(path)
	if err != nil {
		return nil, nil, err
	}
	ed, err := w.editions.Get(f.Edition)
	if err != nil {
		return nil, nil, fmt.Errorf("文件 %s：%w", path, err)
	}
	return f, ed, nil
}

// openArgument opens the file the program was started with (a filing
// double-clicked or dropped on the program). A file that is not a filing
// leaves the welcome page open and says what the file is and what to do.
func (w *Window) openArgument(path string) {
	if _, _, err := w.loadFiling(path); err != nil {
		w.showError(argumentError(path, err))
		return
	}
	w.openFile(path)
}

// rosterExts are the extensions of the files the roster import reads (and
// those it explains how to convert).
var rosterExts = []string{".xlsx", ".xlsm", ".xls", ".et", ".wps", ".csv", ".tsv", ".txt"}

// argumentError explains why the program's argument could not be opened.
func argumentError(path string, err error) error {
	name := filepath.Base(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("要打开的文件“%s”不存在（%s）。请用“文件 → 打开…”选择一份填报文件。", name, path)
	case hasExt(path, rosterExts):
		return fmt.Errorf("“%s”是表格或名单文件，不是填报文件，所以没有打开。\n要把其中的名单读入填报：先新建或打开一份填报，再在“工作人员名单”中点“导入名单…”，或把这个文件拖到窗口上。", name)
	}
	return fmt.Errorf("“%s”不是能打开的填报文件，所以没有打开。\n%v\n填报文件是本程序保存的 .json 文件，请用“文件 → 打开…”选择一份。", name, err)
}

// OpenExample opens one of the bundled example filings as an unsaved
// filing.
func (w *Window) OpenExample(file string) {
	w.confirmDiscard(func() {
		data, err := assets.Examples.ReadFile("examples/" + file)
		if err != nil {
			w.showError(fmt.Errorf("示例 %s 无法读取：%w", file, err))
			return
		}
		f, err := forms.Decode(data)
		if err != nil {
			w.showError(fmt.Errorf("示例 %s：%w", file, err))
			return
		}
		ed, err := w.editions.Get(f.Edition)
		if err != nil {
			w.showError(err)
			return
		}
		w.removeRecovery()
		w.setDocument(&document{filing: f, edition: ed, label: "示例：" + f.School}, stepBasic)
	})
}

// Save writes the filing to its file (asking for one if it has none);
// then, if not nil, runs after a successful save.
func (w *Window) Save(then func()) {
	if w.doc == nil {
		w.showError(errNoFiling)
		return
	}
	if w.doc.path == "" {
		w.SaveAs(then)
		return
	}
	w.saveTo(w.doc.path, then)
}

func (w *Window) saveTo(path string, then func()) {
	if err := forms.Save(path, w.doc.filing); err != nil {
		w.showError(err)
		return
	}
	w.saved(path, then)
}

// saved records that the filing is now in path; then, if not nil, runs.
func (w *Window) saved(path string, then func()) {
	w.doc.path = path
	w.doc.dirty = false
	w.removeRecovery()
	w.rememberFile(path)
	w.updateTitle()
	if then != nil {
		then()
	}
}

// SaveAs asks for a file name and saves there.
func (w *Window) SaveAs(then func()) {
	if w.doc == nil {
		w.showError(errNoFiling)
		return
	}
	name := strings.TrimSpace(w.doc.filing.School)
	if name == "" {
		name = "填报"
	}
	req := fileRequest{title: "保存填报文件", kind: "填报文件", exts: []string{".json"}, name: name + "-评估备案.json"}
	w.saveFile(req, func(path string) error { return forms.Save(path, w.doc.filing) },
		func(path string) { w.saved(path, then) })
}

// dialogs is the file dialog: the system's where sureform has one,
// its own otherwise.
func (w *Window) dialogs() fileChooser {
	if w.chooser == nil {
		w.chooser = systemChooser(w.win)
		if w.chooser == nil {
			w.chooser = browserChooser{win: w.win}
		}
	}
	return w.chooser
}

// chooseOpen asks for an existing file, starting in the last folder used,
// and passes it to open.
func (w *Window) chooseOpen(req fileRequest, open func(path string)) {
	req.folder = w.app.Preferences().String(prefLastFolder)
	w.dialogs().chooseOpen(req, func(path string) {
		if path != "" {
			open(path)
		}
	})
}

// saveFile is how every file is saved from the window: it asks for a
// name (starting in the last folder used), gives the name the kind's
// extension (req.exts[0]) when it has none of req.exts, asks before
// replacing an existing file unless the dialog already asked about that
// very name, and then calls write with the path; saved runs when write
// succeeded. No dialog opens or creates the file: write alone does, by
// path and atomically (package forms/atomicfile, which also writes through
// a link to its target). Nothing is left behind when the user cancels or
// write fails.
func (w *Window) saveFile(req fileRequest, write func(path string) error, saved func(path string)) {
	req.folder = w.app.Preferences().String(prefLastFolder)
	w.dialogs().chooseSave(req, func(path string, confirmed bool) {
		if path == "" {
			return
		}
		if !hasExt(path, req.exts) {
			path += req.exts[0]
			confirmed = false
		}
		do := func() {
			if err := write(path); err != nil {
				w.showError(err)
				return
			}
			w.app.Preferences().SetString(prefLastFolder, filepath.Dir(path))
			saved(path)
		}
		if confirmed || !fileExists(path) {
			do()
			return
		}
		w.showCharacters(path)
		msg := fmt.Sprintf("“%s”已经存在。\n要用现在的内容替换它吗？原来的内容将被覆盖。\n位置：%s", filepath.Base(path), filepath.Dir(path))
		d := dialog.NewCustomConfirm("替换已有的文件？", "替换", "取消", note(msg), func(ok bool) {
			if ok {
				do()
			}
		}, w.win)
		d.Resize(fyne.NewSize(520, 220))
		w.keys(d, d.Confirm, d.Dismiss)
		d.Show()
	})
}

// rememberFile records a file as recently used and its folder as the last
// folder.
func (w *Window) rememberFile(path string) {
	p := w.app.Preferences()
	p.SetString(prefLastFolder, filepath.Dir(path))
	list := []string{path}
	for _, r := range p.StringList(prefRecent) {
		if r != path && len(list) < maxRecent {
			list = append(list, r)
		}
	}
	p.SetStringList(prefRecent, list)
	w.win.SetMainMenu(w.buildMenu())
}

func (w *Window) recentFiles() []string {
	return w.app.Preferences().StringList(prefRecent)
}

// onDropped opens a dropped project file, or imports a dropped roster.
func (w *Window) onDropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 {
		return
	}
	path := uris[0].Path()
	if strings.EqualFold(filepath.Ext(path), ".json") {
		w.OpenPath(path)
		return
	}
	if w.doc == nil {
		w.showError(errors.New("请先新建或打开一份填报，再把名单文件拖到窗口上导入"))
		return
	}
	if w.dropCollegeWorkbooks(uris) {
		return
	}
	w.importRosterFile(path)
}
