package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2"

	"sureform/app/wizard"
)

func main() {
	debug.SetMemoryLimit(80 << 20)
	a := fyneapp.NewWithID("cn.sureform.memtest")
	a.Settings().SetTheme(wizard.NewTheme())
	w, _ := wizard.New(a, wizard.Options{Name: "学生会改革自评填报", Version: "1"})
	go func() {
		time.Sleep(2 * time.Second)
		fyne.Do(func() { w.OpenExample("changji-2020.json") })
		time.Sleep(1 * time.Second)
		fyne.Do(func() { w.ShowStepByTitle("工作人员名单") })
		time.Sleep(3 * time.Second)
		runtime.GC()
		f, _ := os.Create("/tmp/app.heap")
		pprof.WriteHeapProfile(f)
		f.Close()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		println("heapalloc MB", ms.HeapAlloc>>20, "sys MB", ms.Sys>>20)
		os.Exit(0)
	}()
	w.Window().ShowAndRun()
}
