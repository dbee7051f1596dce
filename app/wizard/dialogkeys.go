package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// dialogKeys is the open dialog's keyboard: Enter confirms it, Esc
// cancels it.
type dialogKeys struct {
	dlg             dialog.Dialog
	confirm, cancel func()
}

// keys makes Enter run confirm (nil: Enter does nothing) and Esc run
// cancel while d is open, whether or not one of its inputs has the focus
// (inputs made with newDialogEntry pass the two keys on).
func (w *Window) keys(d dialog.Dialog, confirm, cancel func()) {
	prev := w.dialogKeys
	k := &dialogKeys{dlg: d, confirm: confirm, cancel: cancel}
	w.dialogKeys = k
	d.SetOnClosed(func() {
		if w.dialogKeys == k {
			w.dialogKeys = prev // back to the dialog under it, if any
		}
	})
}

// onTypedKey handles the keys typed when no input has the focus.
func (w *Window) onTypedKey(ev *fyne.KeyEvent) {
	w.dialogKey(ev.Name)
}

// dialogKey runs the open dialog's action for Enter or Esc; it reports
// whether there was one.
func (w *Window) dialogKey(key fyne.KeyName) bool {
	k := w.dialogKeys
	if k == nil {
		return false
	}
	switch key {
	case fyne.KeyEscape:
		if k.cancel != nil {
			k.cancel()
			return true
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.confirm != nil {
			k.confirm()
			return true
		}
	}
	return false
}

// dialogEntry is an input of a dialog: Enter confirms the dialog and Esc
// cancels it, as they do when no input has the focus.
type dialogEntry struct {
	widget.Entry
	w *Window
}

func newDialogEntry(w *Window, password bool) *dialogEntry {
	e := &dialogEntry{w: w}
	e.Password = password
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Enter and Esc to the dialog.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
		if e.w.dialogKey(ev.Name) {
			return
		}
	}
	e.Entry.TypedKey(ev)
}
