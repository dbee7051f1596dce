package wizard

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

	// dialogKeys are what Enter and Esc do in the open dialog.
	dialogKeys *dialogKeys

	// chooser asks for files (see fileChooser); tests set a fake.
	chooser fileChooser
	// openSystem opens a file or folder with the system's program for it
	// (openWithSystem); tests set a fake.
	openSystem func(path string) error

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
		byPath: map[string][]forms.Finding{}, states: map[string]stepState{}, recoveryID: newRecoveryID(),
		openSystem: openWithSystem}
	if opts.UserEditionsDir != "" {
		w.startupErrors = eds.AddUserEditions(opts.UserEditionsDir)
	}
	// the items' texts of every edition (a user's may hold rare characters)
	// and the recent files the welcome page lists: before the window
	// measures any text, since Fyne drops the faces parsed from an older
	// font only once it runs (see ShowAndRun)
	w.showCharacters(opts.Name, eds.All(), w.recentFiles())
	w.win = a.NewWindow(opts.Name)
	w.buildUI()
	w.win.SetMainMenu(w.buildMenu())
	w.win.SetCloseIntercept(w.onCloseRequested)
	w.win.SetOnDropped(w.onDropped)
	w.win.Canvas().SetOnTypedKey(w.onTypedKey)
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
	// Fyne's driver follows theme changes (and drops the faces it parsed
	// from the previous font) only once it runs; a filing opened before
	// would bring characters to the font (showCharacters) while the window's
	// text stays measured with the older font, and for each rarer character
	// of the filing missing there Fyne would load a whole system font that
	// has it (a Chinese one costs 30 MB, for the life of the process).
	w.app.Lifecycle().SetOnStarted(w.start)
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
		// the school first: the taskbar shows whose filing a window holds
		if school := strings.TrimSpace(w.doc.filing.School); school != "" {
			title = school + " — " + title
		}
	}
	w.win.SetTitle(title)
}
