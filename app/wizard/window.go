package wizard

import (
	"errors"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// Options configure the main window.
type Options struct {
	// Name and Version are the program's, from FyneApp.toml.
	Name    string
	Version string
	// Backends are the roster importer and the exporters.
	Backends Backends
	// RecoveryDir is the folder of the recovery file; "" means the app's
	// storage folder.
	RecoveryDir string
	// Now is the clock (tests fix it); nil means time.Now.
	Now func() time.Time
	// OpenFile is a project file to open when the window opens (the
	// program's argument); "" for none.
	OpenFile string
	// UserEditionsDir holds editions the user added (sureform editions
	// --add); "" for none.
	UserEditionsDir string
	// ValidateDelay is how long after the last keystroke the filing is
	// re-validated (leaving a field validates at once); 0 means
	// defaultValidateDelay, a negative delay validates on every keystroke
	// without a timer goroutine (tests).
	ValidateDelay time.Duration
	// Background runs long work (import, export) off the UI thread; nil
	// means a new goroutine. Tests run the work in place, so that the UI
	// is only ever touched from one goroutine.
	Background func(work func())
}

// defaultWidth and defaultHeight are the window's size the first time:
// with its title bar it fits a 1366×768 screen above a taskbar.
const (
	defaultWidth  = 1100
	defaultHeight = 680
)

// defaultValidateDelay is the pause after the last keystroke before the
// filing is re-validated.
const defaultValidateDelay = 150 * time.Millisecond

// document is the open filing and its state.
type document struct {
	filing  *forms.Filing
	edition *forms.Edition
	// path is the project file, "" for a filing never saved.
	path string
	// label names an unsaved filing in the title (示例：…).
	label string
	dirty bool
	// edits counts changes, so autosave knows whether anything is new.
	edits int
	// rosterUndo is the roster before the last import, for 撤销导入.
	rosterUndo *rosterSnapshot
}

// rosterSnapshot is the roster as it was before an import.
type rosterSnapshot struct {
	members     []forms.Member
	departments []forms.Department
}

// Window is sureform's main window.
type Window struct {
	app      fyne.App
	win      fyne.Window
	opts     Options
	editions *forms.Editions

	doc   *document
	ids   []string
	pages map[string]stepPage
	step  int

	fields map[string]*field
	report forms.Report
	byPath map[string][]forms.Finding
	states map[string]stepState
	// loading is set while widgets are filled from the data, so that their
	// change handlers do not count as edits.
	loading bool
	// relayingOut is set while the open page is laid out again for a
	// field that grew (whose new width may change its height again).
	relayingOut bool

	stepList   *widget.List
	pageTitle  *widget.Label
	pageHolder *fyne.Container
	backBtn    *widget.Button
	nextBtn    *widget.Button
	navBar     *fyne.Container
	body       *fyne.Container

	// startupErrors are shown once the window is open (a user edition
	// file that could not be loaded).
	startupErrors []error

	// pending counts work running off the UI thread (tests wait for it).
	pending sync.WaitGroup

	// chooser asks for files (see fileChooser); tests set a fake.
	chooser fileChooser

	validateTimer *time.Timer
	// recoveryID names the window's own recovery file.
	recoveryID   string
	autosaved    int
	stopAutosave chan struct{}
}

// New builds the main window; call Show (or ShowAndRun) to open it.
func New(a fyne.App, opts Options) (*Window, error) {
	eds, err := forms.BuiltinEditions()
	if err != nil {
		return nil, fmt.Errorf("loading form editions: %w", err)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Backends.Roster == nil {
		opts.Backends.Roster = FormsRoster{}
	}
	w := &Window{app: a, opts: opts, editions: eds, fields: map[string]*field{},
		byPath: map[string][]forms.Finding{}, states: map[string]stepState{}, recoveryID: newRecoveryID()}
	if opts.UserEditionsDir != "" {
		w.startupErrors = eds.AddUserEditions(opts.UserEditionsDir)
	}
	// the items' texts of every edition (a user's may hold rare characters)
	w.showCharacters(opts.Name, eds.All())
	w.win = a.NewWindow(opts.Name)
	w.buildUI()
	w.win.SetMainMenu(w.buildMenu())
	w.win.SetCloseIntercept(w.onCloseRequested)
	w.win.SetOnDropped(w.onDropped)
	p := a.Preferences()
	w.win.Resize(fyne.NewSize(float32(p.FloatWithFallback(prefWidth, defaultWidth)), float32(p.FloatWithFallback(prefHeight, defaultHeight))))
	w.updateTitle()
	return w, nil
}

// Window returns the Fyne window.
func (w *Window) Window() fyne.Window { return w.win }

// ShowAndRun opens the window, offers to restore unsaved work, starts the
// autosave and runs the app until it quits.
func (w *Window) ShowAndRun() {
	w.win.Show()
	w.start()
	w.startAutosave(20 * time.Second)
	w.app.Run()
	close(w.stopAutosave)
}

// start does what follows the window's opening: it reports the editions
// that could not be loaded, opens the file given as argument and offers
// the work left unsaved by earlier runs.
func (w *Window) start() {
	for _, err := range w.startupErrors {
		w.showError(err)
	}
	if w.opts.OpenFile != "" {
		w.openArgument(w.opts.OpenFile)
	}
	w.OfferRecovery()
}

func (w *Window) buildUI() {
	w.stepList = widget.NewList(
		func() int { return len(w.ids) },
		func() fyne.CanvasObject {
			// the widest title and state, so that the list is never
			// narrower than its entries (they would overlap)
			state := widget.NewLabel("16 项未作答")
			return container.NewBorder(nil, nil, nil, state, widget.NewLabel("10. 二级学生会组织"))
		},
		w.updateStepItem,
	)
	w.stepList.OnSelected = func(id widget.ListItemID) {
		if id != w.step {
			w.showStep(id)
		}
	}
	w.pageTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.pageTitle.SizeName = theme.SizeNameSubHeadingText
	w.pageHolder = container.NewStack()
	w.backBtn = widget.NewButtonWithIcon("上一步", theme.NavigateBackIcon(), func() { w.showStep(w.step - 1) })
	w.nextBtn = widget.NewButtonWithIcon("下一步", theme.NavigateNextIcon(), func() { w.showStep(w.step + 1) })
	w.nextBtn.IconPlacement = widget.ButtonIconTrailingText
	w.nextBtn.Importance = widget.HighImportance
	w.navBar = container.NewHBox(w.backBtn, layout.NewSpacer(), w.nextBtn)
	w.body = container.NewStack()
	w.win.SetContent(w.body)
	w.showWelcome()
}

func (w *Window) updateStepItem(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(w.ids) {
		return
	}
	c := obj.(*fyne.Container)
	title := c.Objects[0].(*widget.Label)
	state := c.Objects[1].(*widget.Label)
	sid := w.ids[id]
	title.SetText(fmt.Sprintf("%d. %s", id+1, stepTitles[sid]))
	st := w.states[sid]
	switch sid {
	case stepReview:
		st = w.totalState()
	case stepExport:
		state.Importance = widget.LowImportance
		state.SetText("")
		return
	}
	switch {
	case st.errors > st.todo:
		state.Importance = widget.DangerImportance
	case !st.started || st.todo > 0:
		state.Importance = widget.LowImportance
	case st.findings() > 0:
		state.Importance = widget.WarningImportance
	default:
		state.Importance = widget.SuccessImportance
	}
	state.SetText(st.label())
}

// totalState counts every finding of the filing (审核's state).
func (w *Window) totalState() stepState {
	t := stepState{started: true}
	for _, f := range w.report.Findings {
		t.add(f)
	}
	return t
}

// showWelcome is the page before any filing is open.
func (w *Window) showWelcome() {
	title := widget.NewLabelWithStyle(w.opts.Name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabelWithStyle("按步骤填写高校学生会（研究生会）深化改革评估备案表，检查问题，导出 Excel 和 PDF。",
		fyne.TextAlignCenter, fyne.TextStyle{})
	newBtn := widget.NewButtonWithIcon("新建填报…", theme.DocumentCreateIcon(), w.NewFiling)
	newBtn.Importance = widget.HighImportance
	openBtn := widget.NewButtonWithIcon("打开填报文件…", theme.FolderOpenIcon(), w.Open)
	examples := container.NewHBox()
	for _, ex := range exampleFilings {
		ex := ex
		examples.Add(widget.NewButton(ex.title, func() { w.OpenExample(ex.file) }))
	}
	box := container.NewVBox(title, intro, layout.NewSpacer(),
		container.NewCenter(container.NewHBox(newBtn, openBtn)),
		widget.NewLabelWithStyle("或打开示例：", fyne.TextAlignCenter, fyne.TextStyle{}),
		container.NewCenter(examples))
	if recent := w.recentFiles(); len(recent) > 0 {
		w.showCharacters(recent)
		box.Add(widget.NewLabelWithStyle("最近打开：", fyne.TextAlignCenter, fyne.TextStyle{}))
		for _, p := range recent {
			p := p
			// a link, not a button: button text is bold, and the bold font
			// holds only common characters, while a path is the user's text
			link := widget.NewHyperlink(p, nil)
			link.OnTapped = func() { w.OpenPath(p) }
			box.Add(container.NewCenter(link))
		}
	}
	w.body.Objects = []fyne.CanvasObject{container.NewCenter(box)}
	w.body.Refresh()
}

// setDocument makes d the open filing and shows its first step (or
// startStep).
func (w *Window) setDocument(d *document, startStep string) {
	w.doc = d
	w.ids = stepIDs(d.edition)
	w.pages = map[string]stepPage{}
	w.fields = map[string]*field{}
	w.step = -1
	w.validateNow()
	split := container.NewHSplit(w.stepList,
		container.NewBorder(container.NewVBox(w.pageTitle, widget.NewSeparator()),
			container.NewVBox(widget.NewSeparator(), w.navBar),
			nil, nil, w.pageHolder))
	split.Offset = 0.2
	w.body.Objects = []fyne.CanvasObject{split}
	w.body.Refresh()
	w.updateTitle()
	w.win.SetMainMenu(w.buildMenu()) // the items that need a filing
	i := 0
	for j, id := range w.ids {
		if id == startStep {
			i = j
		}
	}
	w.showStep(i)
}

// page returns the step's page, building it on first use.
func (w *Window) page(id string) stepPage {
	if p, ok := w.pages[id]; ok {
		return p
	}
	w.loading = true
	p := stepByID(id).build(w)
	p.content()
	w.loading = false
	w.pages[id] = p
	return p
}

// showStep opens the i-th step.
func (w *Window) showStep(i int) {
	if w.doc == nil || i < 0 || i >= len(w.ids) {
		return
	}
	w.step = i
	id := w.ids[i]
	p := w.page(id)
	w.pageTitle.SetText(stepTitles[id])
	w.pageHolder.Objects = []fyne.CanvasObject{p.content()}
	p.refresh()
	if o, ok := p.(interface{ opened() }); ok {
		o.opened()
	}
	w.pageHolder.Refresh()
	w.stepList.Select(i)
	w.backBtn.Disable()
	if i > 0 {
		w.backBtn.Enable()
	}
	w.nextBtn.Disable()
	if i < len(w.ids)-1 {
		w.nextBtn.Enable()
		w.nextBtn.SetText("下一步：" + stepTitles[w.ids[i+1]])
	} else {
		w.nextBtn.SetText("下一步")
	}
	w.navBar.Refresh() // the button's width follows its text
}

// ShowStepByTitle opens the step with the given Chinese title; it reports
// whether the filing has such a step.
func (w *Window) ShowStepByTitle(title string) bool {
	for i, id := range w.ids {
		if stepTitles[id] == title {
			w.showStep(i)
			return true
		}
	}
	return false
}

// openPath opens the step that edits a finding's path and brings its
// field into view; it reports whether it found one.
func (w *Window) openPath(path string) bool {
	sid := stepOfPath(path)
	for i, id := range w.ids {
		if id == sid {
			w.showStep(i)
			break
		}
	}
	if w.step < 0 || w.ids[w.step] != sid {
		return false
	}
	if pf, ok := w.pages[sid].(pathFocuser); ok {
		if pf.focusPath(path) {
			return true
		}
	}
	fd := w.fieldFor(path)
	if fd == nil {
		return false
	}
	if s, ok := w.pages[sid].content().(*container.Scroll); ok {
		scrollTo(s, fd.input)
	}
	if fd.focus != nil {
		w.win.Canvas().Focus(fd.focus)
	}
	return true
}

// fieldFor finds the field that shows a path: the field itself, a field
// inside it (congress → congress.date) or the field it is part of
// (guidance.secretary_general.full_time.x → guidance.secretary_general.full_time).
func (w *Window) fieldFor(path string) *field {
	if fd, ok := w.fields[path]; ok {
		return fd
	}
	var best *field
	for p, fd := range w.fields {
		if strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[") || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") {
			if best == nil || p < best.path {
				best = fd
			}
		}
	}
	return best
}

// scheduleValidate re-validates shortly after the last edit.
func (w *Window) scheduleValidate() {
	if w.validateTimer != nil {
		w.validateTimer.Stop()
	}
	delay := w.opts.ValidateDelay
	switch {
	case delay < 0:
		w.validateNow()
		return
	case delay == 0:
		delay = defaultValidateDelay
	}
	w.validateTimer = time.AfterFunc(delay, func() { fyne.Do(w.validateNow) })
}

// validateNow re-validates the filing and updates the step states, the
// field hints and the open page.
func (w *Window) validateNow() {
	if w.validateTimer != nil {
		w.validateTimer.Stop()
		w.validateTimer = nil
	}
	if w.doc == nil {
		return
	}
	w.showCharacters(w.doc.filing)
	// forms sorts the findings: errors first, then by part of the filing
	w.report = forms.Validate(w.doc.filing, w.doc.edition)
	w.byPath = make(map[string][]forms.Finding, len(w.report.Findings))
	w.states = map[string]stepState{}
	for _, f := range w.report.Findings {
		w.byPath[f.Path] = append(w.byPath[f.Path], f)
		for _, sid := range stepsShowing(f) {
			st := w.states[sid]
			st.add(f)
			w.states[sid] = st
		}
	}
	for _, id := range w.ids {
		st := w.states[id]
		st.started = stepStarted(w.doc.filing, id)
		w.states[id] = st
	}
	changed := false
	for path, fd := range w.fields {
		changed = fd.show(w.byPath[path]) || changed
	}
	if w.step >= 0 && w.step < len(w.ids) {
		if p, ok := w.pages[w.ids[w.step]]; ok {
			p.refresh()
			if changed {
				relayout(p.content())
			}
		}
	}
	w.stepList.Refresh()
}

// updateTitle names the program, the file and, with *, unsaved changes.
func (w *Window) updateTitle() {
	title := w.opts.Name
	if w.doc != nil {
		name := "未命名"
		switch {
		case w.doc.path != "":
			name = filepath.Base(w.doc.path)
		case w.doc.label != "":
			name = w.doc.label
		}
		if w.doc.dirty {
			name += " *"
		}
		title = name + " — " + w.opts.Name
	}
	w.win.SetTitle(title)
}

// showError tells the user what went wrong; the message is already
// Chinese and says where.
func (w *Window) showError(err error) {
	log.Print(err)
	w.showCharacters(err.Error()) // it may quote the user's data or a path
	d := dialog.NewError(err, w.win)
	d.Show()
}

// busy shows a progress indicator while work runs off the UI thread; done
// runs on the UI thread with the work's error.
func (w *Window) busy(message string, work func() error, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons("请稍候", container.NewVBox(widget.NewLabel(message), bar), w.win)
	d.Show()
	w.pending.Add(1)
	w.background(func() {
		defer w.pending.Done()
		err := work()
		fyne.Do(func() {
			bar.Stop()
			d.Hide()
			done(err)
		})
	})
}

// background runs work as Options.Background says.
func (w *Window) background(work func()) {
	if w.opts.Background != nil {
		w.opts.Background(work)
		return
	}
	go work()
}

// busyProgress is busy with a bar that shows how much of the work is
// done; work reports its progress (0 to 1) from its goroutine.
func (w *Window) busyProgress(message string, work func(progress func(float64)) error, done func(error)) {
	bar := widget.NewProgressBar()
	d := dialog.NewCustomWithoutButtons("请稍候", container.NewVBox(widget.NewLabel(message), bar), w.win)
	d.Resize(fyne.NewSize(420, 120))
	d.Show()
	var mu sync.Mutex
	shown := 0.0
	progress := func(v float64) {
		mu.Lock()
		defer mu.Unlock()
		if v-shown < 0.01 && v < 1 {
			return // a redraw per percent is enough
		}
		shown = v
		fyne.Do(func() { bar.SetValue(v) })
	}
	w.pending.Add(1)
	w.background(func() {
		defer w.pending.Done()
		err := work(progress)
		fyne.Do(func() {
			d.Hide()
			done(err)
		})
	})
}

func (w *Window) buildMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	mod := fyne.KeyModifierShortcutDefault
	examples := fyne.NewMenuItem("打开示例", nil)
	for _, ex := range exampleFilings {
		ex := ex
		examples.ChildMenu = fyne.NewMenu("", append(childItems(examples), fyne.NewMenuItem(ex.title, func() { w.OpenExample(ex.file) }))...)
	}
	recent := fyne.NewMenuItem("最近打开", nil)
	var recentItems []*fyne.MenuItem
	for _, p := range w.recentFiles() {
		p := p
		recentItems = append(recentItems, fyne.NewMenuItem(p, func() { w.OpenPath(p) }))
	}
	if len(recentItems) == 0 {
		none := fyne.NewMenuItem("（没有最近打开的文件）", nil)
		none.Disabled = true
		recentItems = append(recentItems, none)
	}
	recent.ChildMenu = fyne.NewMenu("", recentItems...)
	quit := fyne.NewMenuItem("退出", w.onCloseRequested)
	quit.IsQuit = true
	// what needs an open filing is disabled on the welcome page
	withFiling := func(it *fyne.MenuItem) *fyne.MenuItem {
		it.Disabled = w.doc == nil
		return it
	}
	file := fyne.NewMenu("文件",
		item("新建…", &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: mod}, w.NewFiling),
		item("打开…", &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: mod}, w.Open),
		examples, recent,
		fyne.NewMenuItem("恢复未保存的工作…", w.recoverFromMenu),
		fyne.NewMenuItemSeparator(),
		withFiling(item("保存", &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: mod}, func() { w.Save(nil) })),
		withFiling(item("另存为…", &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: mod | fyne.KeyModifierShift}, func() { w.SaveAs(nil) })),
		fyne.NewMenuItemSeparator(),
		withFiling(fyne.NewMenuItem("导入名单…", w.ImportRoster)),
		fyne.NewMenuItem("新建表格版本…", w.NewEdition),
		withFiling(fyne.NewMenuItem("转到其他表格版本…", w.CarryToEdition)),
		withFiling(fyne.NewMenuItem("导出 Excel…", func() { w.exportFromMenu(true, false) })),
		withFiling(fyne.NewMenuItem("导出 PDF…", func() { w.exportFromMenu(false, true) })),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	help := fyne.NewMenu("帮助",
		fyne.NewMenuItem("使用说明", w.showHelp),
		fyne.NewMenuItem("关于", w.showAbout),
	)
	return fyne.NewMainMenu(file, help)
}

func childItems(m *fyne.MenuItem) []*fyne.MenuItem {
	if m.ChildMenu == nil {
		return nil
	}
	return m.ChildMenu.Items
}

func (w *Window) showHelp() {
	text := `使用步骤：
1. 文件 → 新建：选择表格版本（2020年版或2021年版）、填写学校名称和组织类型。
2. 按左侧步骤逐项填写。左侧显示每一步的状态：未开始、已完成，或有几个错误、几个提示。
3. 工作人员名单可以逐行填写，也可以“导入名单”：选择 Excel（.xlsx）或 CSV 文件，或把文件直接拖到窗口上。导入前会显示识别出的列和发现的问题，确认后再“替换”或“合并”；导入后可以撤销。
4. 改革自评表的每一项都会显示根据数据得出的建议结论和理由，请选择本校的结论。
5. “审核”列出所有问题，错误在前；点击任一问题即可跳到对应的步骤和栏目。
6. “导出与打印”生成 Excel 和 PDF 文件。

程序每 20 秒自动保存一份恢复文件；意外退出后再次打开时，可以恢复未保存的内容。
快捷键：Ctrl+N 新建，Ctrl+O 打开，Ctrl+S 保存，Ctrl+Shift+S 另存为。`
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	s := container.NewVScroll(l)
	s.SetMinSize(fyne.NewSize(560, 380))
	dialog.NewCustom("使用说明", "关闭", s, w.win).Show()
}

func (w *Window) showAbout() {
	text := fmt.Sprintf("%s\n版本 %s\n\n用于填写、检查和导出高校学生会（研究生会）深化改革评估备案表。\n界面字体：霞鹜文楷（SIL Open Font License 1.1）。",
		w.opts.Name, w.opts.Version)
	dialog.NewInformation("关于", text, w.win).Show()
}

// errNoFiling is shown when a command needs an open filing.
var errNoFiling = errors.New("请先新建或打开一份填报")

func (w *Window) exportFromMenu(xlsx, pdf bool) {
	if w.doc == nil {
		w.showError(errNoFiling)
		return
	}
	w.ShowStepByTitle(stepTitles[stepExport])
	if p, ok := w.pages[stepExport].(*exportPage); ok {
		p.choose(xlsx, pdf)
	}
}

// exampleFilings are the examples bundled with the program.
var exampleFilings = []struct{ title, file string }{
	{"阳泉职业技术学院（2021年版）", "yangquan-2021.json"},
	{"昌吉职业技术学院（2020年版）", "changji-2020.json"},
	{"兰州科技职业学院（2020年版）", "lanzhou-2020.json"},
}
