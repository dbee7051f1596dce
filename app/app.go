// Package app is sureform's desktop GUI: it starts Fyne with the app's ID
// and theme, connects the main window (package app/wizard) to the domain
// back ends and runs until the user quits.
package app

import (
	_ "embed"
	"log"
	"os"
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

// gcPercent and memoryLimit pace Go's garbage collector (see runtime/debug).
// With a filing open about 40 MB of the heap stays live, most of it the
// interface font's outlines, which hold no pointers and are cheap to mark;
// the default pacing (GOGC=100) lets the heap grow to twice the live data
// before collecting and keeps the freed pages. Measured under Xvfb with the
// 28-member example after visiting every step: 192–201 MB resident with
// GOGC=25, 188–189 MB with 15, 187 MB with 10; the packaged build with the
// 40-member example (changji-2020.json) opened by argument, every step
// visited: 187–189 MB (a Chinese system font that Fyne loaded for one name's
// character had made it 211–214 MB; see Window.ShowAndRun). The soft limit is a ceiling
// for spikes (a large import holds a whole workbook for a moment); it is set
// well above a normal filing's heap, because a live heap above the limit
// would make the collector run almost without pause. The GOGC and
// GOMEMLIMIT environment variables override both.
const (
	gcPercent   = 15
	memoryLimit = 384 << 20
)

// Run opens the main window and blocks until the app quits. filing, when
// not "", is a project file to open at once (the program's argument).
func Run(info Info, filing string) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
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
	opts := wizard.Options{Name: info.Name, Version: info.Version, Backends: backends(), OpenFile: filing}
	if dir, err := forms.UserEditionsDir(); err == nil {
		opts.UserEditionsDir = dir
	}
	w, err := wizard.New(a, opts)
	if err != nil {
		log.Fatal(err)
	}
	w.ShowAndRun()
}
