package wizard

import (
	"log"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showError tells the user what went wrong; the message is already
// Chinese and says where.
func (w *Window) showError(err error) {
	log.Print(err)
	w.showCharacters(err.Error()) // it may quote the user's data or a path
	d := dialog.NewError(err, w.win)
	d.Show()
}

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
