package wizard

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fileRequest is what a file dialog asks for.
type fileRequest struct {
	// title is the dialog's title (打开填报文件, 保存填报文件 …).
	title string
	// kind names the files offered (填报文件, 名单文件).
	kind string
	// exts are the extensions offered, with the dot; the first is the one
	// a saved file gets when its name has none.
	exts []string
	// folder is where the dialog starts; "" for the user's home.
	folder string
	// name is the suggested file name (save only).
	name string
}

// fileChooser asks the user for a file. Neither method creates or changes
// any file: the caller reads or writes the chosen path itself.
type fileChooser interface {
	// chooseOpen calls done with the chosen existing file, or "" when the
	// user cancelled.
	chooseOpen(req fileRequest, done func(path string))
	// chooseSave calls done with the chosen file name, or "" when the user
	// cancelled; confirmed says the dialog already asked whether to replace
	// that very file (the system dialogs do).
	chooseSave(req fileRequest, done func(path string, confirmed bool))
}

// browserChooser is sureform's own file dialog, used where the system's
// cannot be: every label is Chinese, a tap on a folder opens it, a tap on a
// file chooses it, and the file is never opened or created by the dialog.
type browserChooser struct{ win fyne.Window }

func (c browserChooser) chooseOpen(req fileRequest, done func(string)) {
	newFileBrowser(c.win, req, false, func(p string) { done(p) }).show()
}

func (c browserChooser) chooseSave(req fileRequest, done func(string, bool)) {
	newFileBrowser(c.win, req, true, func(p string) { done(p, false) }).show()
}

// dirEntry is one line of the file browser.
type dirEntry struct {
	name  string
	isDir bool
}

// fileBrowser is the dialog of browserChooser.
type fileBrowser struct {
	win     fyne.Window
	req     fileRequest
	save    bool
	done    func(string)
	dir     string
	entries []dirEntry
	chosen  string

	dlg    *dialog.CustomDialog
	where  *widget.Label
	list   *widget.List
	name   *widget.Entry
	ok     *widget.Button
	status *widget.Label
}

func newFileBrowser(win fyne.Window, req fileRequest, save bool, done func(string)) *fileBrowser {
	b := &fileBrowser{win: win, req: req, save: save, done: done}
	b.dir = req.folder
	if st, err := os.Stat(b.dir); b.dir == "" || err != nil || !st.IsDir() {
		b.dir, _ = os.UserHomeDir()
	}
	return b
}

// places are the folders offered beside the list: 主目录, 桌面, 文档 and 下载
// where they exist, and the root of the file system.
func places() []struct{ label, path string } {
	var out []struct{ label, path string }
	home, err := os.UserHomeDir()
	if err == nil {
		out = append(out, struct{ label, path string }{"主目录", home})
		for _, p := range []struct{ label, dir string }{{"桌面", "Desktop"}, {"文档", "Documents"}, {"下载", "Downloads"}, {"桌面", "桌面"}, {"文档", "文档"}, {"下载", "下载"}} {
			if st, err := os.Stat(filepath.Join(home, p.dir)); err == nil && st.IsDir() {
				out = append(out, struct{ label, path string }{p.label, filepath.Join(home, p.dir)})
			}
		}
	}
	return append(out, struct{ label, path string }{"计算机", string(filepath.Separator)})
}

func (b *fileBrowser) show() {
	b.where = widget.NewLabel("")
	b.where.Truncation = fyne.TextTruncateEllipsis
	up := widget.NewButtonWithIcon("上一级", theme.MoveUpIcon(), func() { b.enter(filepath.Dir(b.dir)) })
	side := container.NewVBox()
	for _, pl := range places() {
		pl := pl
		btn := widget.NewButton(pl.label, func() { b.enter(pl.path) })
		btn.Alignment = widget.ButtonAlignLeading
		side.Add(btn)
	}
	b.list = widget.NewList(func() int { return len(b.entries) },
		func() fyne.CanvasObject { return newBrowserItem(b) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*browserItem).set(id) })
	b.status = widget.NewLabel("")
	b.status.Importance = widget.WarningImportance
	b.status.Hide()
	label := "打开"
	if b.save {
		label = "保存"
	}
	b.ok = widget.NewButton(label, b.confirm)
	b.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { b.dlg.Hide(); b.done("") })
	var bottom fyne.CanvasObject = b.status
	if b.save {
		b.name = widget.NewEntry()
		b.name.SetText(b.req.name)
		b.name.OnSubmitted = func(string) { b.confirm() }
		b.name.OnChanged = func(string) { b.status.Hide() }
		bottom = container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("文件名："), nil, b.name), b.status)
	}
	top := container.NewBorder(nil, nil, up, nil, b.where)
	body := container.NewBorder(top, bottom, container.NewVScroll(side), nil, b.list)
	b.dlg = dialog.NewCustomWithoutButtons(b.req.title, body, b.win)
	b.dlg.SetButtons([]fyne.CanvasObject{cancel, b.ok})
	b.enter(b.dir)
	b.dlg.Resize(fyne.NewSize(760, 520))
	b.dlg.Show()
	if b.save {
		b.win.Canvas().Focus(b.name)
	}
}

// enter lists a folder: its sub-folders, then the files of the kind asked
// for, each sorted by name; hidden entries are left out.
func (b *fileBrowser) enter(dir string) {
	items, err := os.ReadDir(dir)
	if err != nil {
		b.say("无法打开文件夹 " + dir + "：" + err.Error())
		return
	}
	b.dir, b.chosen = dir, ""
	b.entries = b.entries[:0]
	for _, it := range items {
		name := it.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		isDir := it.IsDir()
		if it.Type()&os.ModeSymlink != 0 {
			if st, err := os.Stat(filepath.Join(dir, name)); err == nil {
				isDir = st.IsDir()
			}
		}
		if isDir || hasExt(name, b.req.exts) {
			b.entries = append(b.entries, dirEntry{name: name, isDir: isDir})
		}
	}
	sort.SliceStable(b.entries, func(i, j int) bool {
		if b.entries[i].isDir != b.entries[j].isDir {
			return b.entries[i].isDir
		}
		return strings.ToLower(b.entries[i].name) < strings.ToLower(b.entries[j].name)
	})
	b.where.SetText("位置：" + dir)
	b.status.Hide()
	b.list.UnselectAll()
	b.list.Refresh()
	b.list.ScrollToTop()
}

// hasExt reports whether name ends in one of exts (any case).
func hasExt(name string, exts []string) bool {
	if len(exts) == 0 {
		return true
	}
	ext := filepath.Ext(name)
	for _, e := range exts {
		if strings.EqualFold(ext, e) {
			return true
		}
	}
	return false
}

// tapped handles a tap on the i-th entry: a folder opens, a file is chosen.
func (b *fileBrowser) tapped(i int) {
	if i >= len(b.entries) {
		return
	}
	e := b.entries[i]
	if e.isDir {
		b.enter(filepath.Join(b.dir, e.name))
		return
	}
	b.chosen = e.name
	if b.save {
		b.name.SetText(e.name)
	}
	b.list.Select(i)
}

// confirm ends the dialog with the chosen file.
func (b *fileBrowser) confirm() {
	name := b.chosen
	if b.save {
		name = strings.TrimSpace(b.name.Text)
	}
	switch {
	case name == "" && b.save:
		b.say("请填写文件名。")
		return
	case name == "":
		b.say("请先点选一个" + b.req.kind + "。")
		return
	case b.save && strings.ContainsAny(name, `/\`):
		b.say("文件名里不能有 / 或 \\。")
		return
	}
	path := filepath.Join(b.dir, name)
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		b.enter(path)
		return
	}
	b.dlg.Hide()
	b.done(path)
}

func (b *fileBrowser) say(msg string) {
	b.status.SetText(msg)
	b.status.Show()
}

// browserItem is one entry of the file browser's list.
type browserItem struct {
	widget.BaseWidget
	b     *fileBrowser
	id    int
	icon  *widget.Icon
	label *widget.Label
}

func newBrowserItem(b *fileBrowser) *browserItem {
	it := &browserItem{b: b, icon: widget.NewIcon(theme.FileIcon()), label: widget.NewLabel("")}
	it.label.Truncation = fyne.TextTruncateEllipsis
	it.ExtendBaseWidget(it)
	return it
}

func (it *browserItem) set(id int) {
	it.id = id
	e := it.b.entries[id]
	if e.isDir {
		it.icon.SetResource(theme.FolderIcon())
	} else {
		it.icon.SetResource(theme.FileIcon())
	}
	it.label.SetText(e.name)
}

// Tapped opens a folder or chooses a file.
func (it *browserItem) Tapped(*fyne.PointEvent) { it.b.tapped(it.id) }

// DoubleTapped opens a folder, or chooses a file and confirms.
func (it *browserItem) DoubleTapped(*fyne.PointEvent) {
	if it.id >= len(it.b.entries) {
		return
	}
	isDir := it.b.entries[it.id].isDir
	it.b.tapped(it.id)
	if !isDir {
		it.b.confirm()
	}
}

func (it *browserItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, it.icon, nil, it.label))
}
