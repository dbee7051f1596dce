package wizard

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wheelRelay lies over an input and hands the mouse wheel on, so that the
// page scrolls wherever the pointer is: an Entry keeps the wheel for its
// own scroller, even when it has nothing to scroll, which made pages of
// text fields nearly unscrollable. The relay takes nothing else: taps,
// drags, hovering and the cursor shape reach the input under it.
type wheelRelay struct {
	widget.BaseWidget
	scroll func(*fyne.ScrollEvent)
}

func newWheelRelay(scroll func(*fyne.ScrollEvent)) *wheelRelay {
	r := &wheelRelay{scroll: scroll}
	r.ExtendBaseWidget(r)
	return r
}

// Scrolled passes the wheel on.
func (r *wheelRelay) Scrolled(ev *fyne.ScrollEvent) { r.scroll(ev) }

func (r *wheelRelay) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// passWheel lays a wheelRelay over an input that hands the wheel to the
// open page.
func (w *Window) passWheel(input fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(input, newWheelRelay(w.scrollPage))
}

// scrollPage scrolls the open page, when it scrolls.
func (w *Window) scrollPage(ev *fyne.ScrollEvent) {
	if w.doc == nil || w.step < 0 || w.step >= len(w.ids) {
		return
	}
	if p, ok := w.pages[w.ids[w.step]]; ok {
		if s, ok := p.content().(*container.Scroll); ok {
			s.Scrolled(ev)
		}
	}
}

// growingMinSize is the size a multi-line entry needs to show all its text
// at its present width, so that it grows with the text instead of
// scrolling inside itself; it is never below the entry's own minimum (its
// visible rows).
func (e *fieldEntry) growingMinSize() fyne.Size {
	min := e.Entry.MinSize()
	th := e.Theme()
	pad, border := th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNameInputBorder)
	width := e.Size().Width - 2*pad - 2*border
	if width <= 0 {
		return min
	}
	size := th.Size(theme.SizeNameText)
	lineHeight := fyne.MeasureText("国", size, e.TextStyle).Height
	lines := 1 // room for the line about to be typed
	for _, para := range strings.Split(e.Text, "\n") {
		w := fyne.MeasureText(para, size, e.TextStyle).Width
		// word wrapping breaks a little before the edge: allow for it
		lines += max(1, int(math.Ceil(float64(w*1.05/width))))
	}
	if h := float32(lines)*lineHeight + 2*pad + 2*border; h > min.Height {
		min.Height = h
	}
	return min
}
