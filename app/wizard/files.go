package wizard

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
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
	school := widget.NewEntry()
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
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				w.showError(err)
				return
			}
			if r == nil {
				return
			}
			r.Close()
			w.openFile(r.URI().Path())
		}, w.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
		w.setDialogFolder(d)
		d.SetTitleText("打开填报文件")
		d.Resize(fyne.NewSize(800, 560))
		d.Show()
	})
}

// OpenPath opens a project file, after asking about unsaved changes.
func (w *Window) OpenPath(path string) {
	w.confirmDiscard(func() { w.openFile(path) })
}

// openFile loads a project file; on error the open filing is untouched.
func (w *Window) openFile(path string) {
	f, err := forms.Load(path)
	if err != nil {
		w.showError(err)
		return
	}
	ed, err := w.editions.Get(f.Edition)
	if err != nil {
		w.showError(fmt.Errorf("文件 %s：%w", path, err))
		return
	}
	w.removeRecovery()
	w.setDocument(&document{filing: f, edition: ed, path: path}, stepBasic)
	w.rememberFile(path)
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
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if wc == nil {
			return
		}
		wc.Close()
		path := wc.URI().Path()
		if !strings.EqualFold(filepath.Ext(path), ".json") {
			os.Remove(path) // the dialog created it; we save under the right name
			path += ".json"
		}
		w.saveTo(path, then)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	name := strings.TrimSpace(w.doc.filing.School)
	if name == "" {
		name = "填报"
	}
	d.SetFileName(name + "-评估备案.json")
	w.setDialogFolder(d)
	d.SetTitleText("保存填报文件")
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// setDialogFolder starts a file dialog in the last folder used.
func (w *Window) setDialogFolder(d interface{ SetLocation(fyne.ListableURI) }) {
	dir := w.app.Preferences().String(prefLastFolder)
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
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
