// Package app is sureform's desktop GUI, a thin Fyne layer over the forms
// and export packages.
package app

import (
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// Info is what the program says about itself (from FyneApp.toml).
type Info struct {
	ID      string
	Name    string
	Version string
	Build   int
}

// Run opens the main window and blocks until the app quits.
func Run(info Info) {
	a := fyneapp.NewWithID(info.ID)
	w := a.NewWindow(info.Name)
	w.SetContent(widget.NewLabel(info.Name + " " + info.Version))
	w.ShowAndRun()
}
