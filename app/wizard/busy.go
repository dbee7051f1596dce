package wizard

import (
	"errors"
	"log"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showError tells the user what went wrong; the message is already
// Chinese and says where. Advice given in command-line terms is said in
// the window's (guiTerms).
func (w *Window) showError(err error) {
	log.Print(err)
	msg := guiTerms.Replace(err.Error())
	w.showCharacters(msg) // it may quote the user's data or a path
	d := dialog.NewError(errors.New(msg), w.win)
	w.keys(d, d.Hide, d.Hide)
	d.Show()
}

// guiTerms turns the domain's advice for command-line users into what a
// user of the window does.
var guiTerms = strings.NewReplacer(
	"使用 sureform template 生成的模板", "使用“工作人员名单”中“保存空白名单模板…”保存的模板",
	"用 sureform editions 查看可用版本", "“文件 → 新建…”中列出了可用的版本",
)

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
