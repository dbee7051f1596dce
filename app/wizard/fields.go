package wizard

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// fieldEntry is an Entry that reports when the user leaves it, so that the
// field's problem shows as soon as it is left.
type fieldEntry struct {
	widget.Entry
	onLeave func()
	onEnter func()
	// onGrow runs when a multi-line entry's height for its text changed
	// (its page lays out again).
	onGrow func()
	height float32
}

func newFieldEntry(multiLine bool) *fieldEntry {
	e := &fieldEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// MinSize of a multi-line entry grows with its text.
func (e *fieldEntry) MinSize() fyne.Size {
	if !e.MultiLine {
		return e.Entry.MinSize()
	}
	return e.growingMinSize()
}

// Resize lays the entry out; a multi-line entry's width decides how many
// lines its text takes, so a new width may change its height.
func (e *fieldEntry) Resize(s fyne.Size) {
	e.Entry.Resize(s)
	e.grown()
}

// grown tells the page when a multi-line entry's height changed.
func (e *fieldEntry) grown() {
	if !e.MultiLine {
		return
	}
	if h := e.growingMinSize().Height; h != e.height {
		e.height = h
		if e.onGrow != nil {
			e.onGrow()
		}
	}
}

// FocusGained tells the page which field the user is in.
func (e *fieldEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onEnter != nil {
		e.onEnter()
	}
}

// FocusLost validates at once when the user leaves the field.
func (e *fieldEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}

// field is one input of a step page with the line under it that shows its
// problems: its own (a number that is not a number) and the validator's
// findings at its path.
type field struct {
	path  string
	input fyne.CanvasObject
	// view is what the page shows for the input when it is not the input
	// itself (the input with a wheelRelay over it).
	view  fyne.CanvasObject
	focus fyne.Focusable
	hint  *widget.Label
	// hintText is the hint's text as set (the label holds it broken into
	// lines, see breakChinese).
	hintText string
	local    string
}

func newField(path string, input fyne.CanvasObject, focus fyne.Focusable) *field {
	hint := widget.NewLabel("")
	hint.Wrapping = fyne.TextWrapWord
	hint.Hide()
	return &field{path: path, input: input, focus: focus, hint: hint}
}

// show puts the field's problems under it, errors in red, 提示 in amber.
// It reports whether the hint changed, which changes the page's layout.
func (fd *field) show(findings []forms.Finding) bool {
	var msgs []string
	isErr := false
	if fd.local != "" {
		msgs = append(msgs, fd.local)
		isErr = true
	}
	for _, f := range findings {
		msgs = append(msgs, findingWord(f)+"："+f.Message)
		isErr = isErr || isError(f)
	}
	if len(msgs) == 0 {
		// the line stays, empty, so that the fields below do not jump
		// up while the user is still at this one
		if fd.hintText != "" {
			fd.hintText = ""
			fd.hint.SetText("")
		}
		return false
	}
	text := strings.Join(msgs, "\n")
	imp := widget.WarningImportance
	if isErr {
		imp = widget.DangerImportance
	}
	if fd.hint.Visible() && fd.hintText == text && fd.hint.Importance == imp {
		return false
	}
	fd.hint.Importance = imp
	fd.hintText = text
	fd.hint.SetText(text)
	fd.hint.Show()
	return true
}

// relayoutPage lays the open page out again (a field grew).
func (w *Window) relayoutPage() {
	if w.doc == nil || w.step < 0 || w.step >= len(w.ids) || w.loading || w.relayingOut {
		return
	}
	if p, ok := w.pages[w.ids[w.step]]; ok {
		w.relayingOut = true
		relayout(p.content())
		w.relayingOut = false
	}
}

// relayout lays a page out again after parts of it changed height (a hint
// shown or hidden, a row added to a list).
func relayout(page fyne.CanvasObject) {
	if s, ok := page.(*container.Scroll); ok {
		s.Refresh()
		s.Content.Refresh()
	}
}

// cell is the input and its hint, as placed in a form.
func (fd *field) cell() fyne.CanvasObject {
	in := fd.input
	if fd.view != nil {
		in = fd.view
	}
	return container.NewVBox(in, breakChinese(fd.hint))
}

// form lays out labelled fields in two columns.
type form struct {
	grid *fyne.Container
}

func newForm() *form { return &form{grid: container.New(layout.NewFormLayout())} }

func (fm *form) add(label string, fd *field) {
	fm.grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{}))
	fm.grid.Add(fd.cell())
}

func (fm *form) addObject(label string, obj fyne.CanvasObject) {
	fm.grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{}))
	fm.grid.Add(obj)
}

// register makes a field show the findings at its path.
func (w *Window) register(fd *field) *field {
	if fd.path != "" {
		w.fields[fd.path] = fd
		fd.show(w.byPath[fd.path])
	}
	return fd
}

// edited records a change the user made: the filing is dirty and is
// re-validated shortly.
func (w *Window) edited() {
	if w.loading || w.doc == nil {
		return
	}
	w.doc.edits++
	// before the next frame draws what was typed
	w.showCharacters(w.doc.filing)
	// the title names the school, which may be what was edited
	w.doc.dirty = true
	w.updateTitle()
	w.scheduleValidate()
}

// textField edits a string.
func (w *Window) textField(path, placeholder string, multiLine bool, get func() string, set func(string)) *field {
	e := newFieldEntry(multiLine)
	e.SetPlaceHolder(placeholder)
	e.SetText(get())
	if multiLine {
		e.SetMinRowsVisible(5)
	}
	e.OnChanged = func(s string) {
		set(s)
		w.edited()
		e.grown()
	}
	e.onLeave = w.validateNow
	e.onGrow = w.relayoutPage
	fd := newField(path, e, e)
	fd.view = w.passWheel(e)
	return w.register(fd)
}

// toHalfWidth turns full-width digits and signs, which Chinese input
// methods type, into ASCII.
func toHalfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．' || r == '。':
			return '.'
		case r == '％':
			return '%'
		case r == '／':
			return '/'
		}
		return r
	}, strings.TrimSpace(s))
}

var errNotCount = errors.New("请填写一个不小于 0 的整数，或留空")

func parseCount(s string) (*int, error) {
	s = toHalfWidth(s)
	if s == "" {
		return nil, nil
	}
	v, ok := forms.ReadCount(s) // 6, 6人, 实有六个, 二十八人
	if !ok || v < 0 {
		return nil, errNotCount
	}
	return &v, nil
}

func countText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// parsedField edits a value typed as text. Text that parse rejects leaves
// the data unchanged and says under the field what is wrong (problem).
func parsedField[T any](w *Window, path, placeholder, text string, parse func(string) (T, error),
	problem func(text string, err error) string, set func(T)) *field {
	e := newFieldEntry(false)
	e.SetPlaceHolder(placeholder)
	e.SetText(text)
	fd := newField(path, e, e)
	fd.view = w.passWheel(e)
	e.OnChanged = func(s string) {
		v, err := parse(s)
		if err != nil {
			fd.local = problem(s, err)
		} else {
			fd.local = ""
			set(v)
		}
		fd.show(w.byPath[path])
		w.edited()
	}
	e.onLeave = w.validateNow
	return w.register(fd)
}

// intField edits an optional count.
func (w *Window) intField(path string, get func() *int, set func(*int)) *field {
	return parsedField(w, path, "整数", countText(get()), parseCount,
		func(s string, err error) string { return "“" + s + "”不是人数或个数：" + err.Error() }, set)
}

func parsePercent(s string) (*float64, error) {
	s = toHalfWidth(s)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if strings.ContainsAny(s, "%百") {
		// 60%, 百分之六十; a bare number is already a percentage here.
		p, ok := forms.ReadPercent(s)
		v, err = p, nil
		if !ok {
			err = errors.New("not a percentage")
		}
	}
	if err != nil || v < 0 || v > 100 {
		return nil, errors.New("请填写 0 到 100 之间的百分数，如 3.1，或留空")
	}
	return &v, nil
}

func percentText(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

// percentField edits a percentage as a text states it.
func (w *Window) percentField(path string, get func() *float64, set func(*float64)) *field {
	return parsedField(w, path, "如 3.1（材料中写明的百分比，可不填）", percentText(get()), parsePercent,
		func(s string, err error) string { return "“" + s + "”：" + err.Error() }, set)
}

// dateField edits a date written YYYY-MM-DD.
func (w *Window) dateField(path string, get func() forms.Date, set func(forms.Date)) *field {
	parse := func(s string) (forms.Date, error) { return forms.ParseDate(toHalfWidth(s)) }
	return parsedField(w, path, "如 2021-06-03、2021年6月3日或 2021/6/3", get().String(), parse,
		func(_ string, err error) string { return err.Error() }, set)
}

// boolField edits an optional yes/no; tapping the chosen answer again
// clears it.
func (w *Window) boolField(path, yes, no string, get func() *bool, set func(*bool)) *field {
	r := widget.NewRadioGroup([]string{yes, no}, nil)
	r.Horizontal = true
	if v := get(); v != nil {
		if *v {
			r.Selected = yes
		} else {
			r.Selected = no
		}
	}
	r.OnChanged = func(s string) {
		if w.loading {
			return // set from the data, not by the user
		}
		switch s {
		case yes:
			set(forms.BoolPtr(true))
		case no:
			set(forms.BoolPtr(false))
		default:
			set(nil)
		}
		w.edited()
		w.validateNow()
	}
	return w.register(newField(path, r, nil))
}

// checkField edits a flag.
func (w *Window) checkField(path, text string, get func() bool, set func(bool)) *field {
	c := widget.NewCheck(text, nil)
	c.Checked = get()
	c.OnChanged = func(v bool) {
		set(v)
		w.edited()
		w.validateNow()
	}
	return w.register(newField(path, c, c))
}

// selectField edits a string chosen from a list.
func (w *Window) selectField(path string, options []string, get func() string, set func(string)) *field {
	s := widget.NewSelect(options, nil)
	s.PlaceHolder = "（请选择）"
	s.Selected = get()
	s.OnChanged = func(v string) {
		set(v)
		w.edited()
		w.validateNow()
	}
	return w.register(newField(path, s, s))
}

// heading is a section title inside a page.
func heading(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// note is an explanatory paragraph.
func note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// notReady says plainly that a feature is not available in this build.
func notReady(what string) *widget.Label {
	l := note(what + "：此功能尚未完成，暂不能使用。")
	l.Importance = widget.WarningImportance
	return l
}
