//go:build !windows && !(darwin && cgo)

package wizard

import "fyne.io/fyne/v2"

// systemChooser is nil where sureform has no binding to the system's file
// dialogs (Linux and the BSDs, whose desktops differ); the window then uses
// its own (browserChooser).
func systemChooser(fyne.Window) fileChooser { return nil }
