// Package app is sureform's desktop GUI: it starts Fyne with the app's ID
// and theme, connects the main window (package app/wizard) to the domain
// back ends and runs until the user quits.
package app

import (
	_ "embed"
	"log"
	"runtime/debug"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"sureform/app/wizard"
	"sureform/assets"
	"sureform/forms"
)

// Info is what the program says about itself (from FyneApp.toml).
type Info struct {
	ID      string
	Name    string
	Version string
	Build   int
}

// fyneWords are Chinese words for the buttons and titles of Fyne's own
// dialogs.
//
//go:embed fyne.zh.json
var fyneWords []byte

// memoryLimit is the soft limit of the Go heap (see runtime/debug): above
// the ~90 MB that stays live with a filing open (most of it the font's
// outlines), well below the twice that the default GC pacing would allow.
const memoryLimit = 120 << 20

// Run opens the main window and blocks until the app quits.
func Run(info Info) {
	// The bundled font's outlines are most of the heap; a soft limit keeps
	// garbage from doubling the process's memory.
	debug.SetMemoryLimit(memoryLimit)
	// Fyne's own words (file dialogs, 确定/取消) follow the system
	// language, falling back to English; the whole interface is Chinese, so
	// Chinese words are given for both.
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale(fyneWords, l); err != nil {
			log.Printf("loading Chinese words for Fyne's dialogs: %v", err)
		}
	}
	a := fyneapp.NewWithID(info.ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.Settings().SetTheme(wizard.NewTheme())
	opts := wizard.Options{Name: info.Name, Version: info.Version, Backends: backends()}
	if dir, err := forms.UserEditionsDir(); err == nil {
		opts.UserEditionsDir = dir
	}
	w, err := wizard.New(a, opts)
	if err != nil {
		log.Fatal(err)
	}
	w.ShowAndRun()
}
