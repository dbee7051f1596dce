//go:build windows || (darwin && cgo)

package wizard

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/sqweek/dialog"
)

// systemChooser is the system's own file dialog (Windows' common dialogs,
// macOS' panels). Both ask before replacing a file themselves.
func systemChooser(fyne.Window) fileChooser { return nativeChooser{} }

// nativeChooser runs the system dialog off the UI thread, which keeps the
// window drawing while the dialog is open, and hands the answer back to it.
type nativeChooser struct{}

func (nativeChooser) builder(req fileRequest) *dialog.FileBuilder {
	b := dialog.File().Title(req.title)
	var exts []string
	for _, e := range req.exts {
		exts = append(exts, strings.TrimPrefix(e, "."))
	}
	if len(exts) > 0 {
		b = b.Filter(req.kind, exts...)
	}
	if req.folder != "" {
		b = b.SetStartDir(req.folder)
	}
	if req.name != "" {
		b = b.SetStartFile(req.name)
	}
	return b
}

func (c nativeChooser) chooseOpen(req fileRequest, done func(string)) {
	b := c.builder(req)
	go func() {
		path, err := b.Load()
		fyne.Do(func() { done(chosen(path, err)) })
	}()
}

func (c nativeChooser) chooseSave(req fileRequest, done func(string, bool)) {
	b := c.builder(req)
	go func() {
		path, err := b.Save()
		fyne.Do(func() { done(chosen(path, err), true) })
	}()
}

// chosen is the dialog's path, or "" when it was cancelled or failed (the
// user can try again; a failure is logged).
func chosen(path string, err error) string {
	if err != nil {
		if !errors.Is(err, dialog.ErrCancelled) {
			fyne.LogError("system file dialog", err)
		}
		return ""
	}
	return path
}
