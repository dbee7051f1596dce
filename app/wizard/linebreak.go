package wizard

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sureform/export/linebreak"
)

// chineseLines lays out one wrapping label and breaks its text into lines
// by the Chinese rules (export/linebreak, as the PDF and the workbook do)
// at the width it gets: an item's number stays with its text, no line
// starts with ），。or ，, a number stays with its unit. Fyne's own wrapping
// breaks Chinese text after whichever character fills the line. The label
// holds the broken text; code that sets the label's text later (SetText)
// gives a new text, broken again at the next layout or size query.
type chineseLines struct {
	label  *widget.Label
	source string  // the text as set
	broken string  // source broken at width: what label.Text holds
	width  float32 // the width broken at; 0 before the first layout
}

// breakChinese returns the label in a widget that breaks its text by the
// Chinese rules at the width it is given; the widget shows and hides with
// the label.
func breakChinese(l *widget.Label) fyne.CanvasObject {
	l.Wrapping = fyne.TextWrapWord // a line still too wide (a long address) wraps
	c := &chineseText{label: l, lines: &chineseLines{label: l, source: l.Text, broken: l.Text}}
	c.ExtendBaseWidget(c)
	return c
}

// chineseText holds a label laid out by chineseLines.
type chineseText struct {
	widget.BaseWidget
	label *widget.Label
	lines *chineseLines
}

// Visible is the label's: code shows and hides the label, and a hidden
// label takes no room (nor the padding around it) in a box.
func (c *chineseText) Visible() bool { return c.label.Visible() }

// MinSize is the label's at the width last laid out.
func (c *chineseText) MinSize() fyne.Size {
	if !c.label.Visible() {
		return fyne.Size{}
	}
	return c.lines.MinSize(nil)
}

// CreateRenderer lays the label out with chineseLines.
func (c *chineseText) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(c.lines, c.label))
}

// MinSize is the label's: its height follows the lines at the width laid
// out.
func (b *chineseLines) MinSize([]fyne.CanvasObject) fyne.Size {
	b.rebreak(b.width)
	return b.label.MinSize()
}

// Layout breaks the text at the new width and gives the label all of it.
func (b *chineseLines) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	b.rebreak(size.Width)
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// rebreak breaks the label's text again when it was set anew or the width
// changed.
func (b *chineseLines) rebreak(width float32) {
	l := b.label
	if l.Text != b.broken {
		b.source = l.Text
	} else if width == b.width {
		return
	}
	b.width = width
	broken := b.source
	if width > 0 {
		broken = breakText(b.source, l, width)
	}
	b.broken = broken
	if l.Text != broken {
		l.Text = broken
		l.Refresh()
	}
}

// breakText breaks text into lines that fit a label of the given width.
func breakText(text string, l *widget.Label, width float32) string {
	if text == "" {
		return text
	}
	size := theme.SizeForWidget(theme.SizeNameText, l)
	if l.SizeName != "" {
		size = theme.SizeForWidget(l.SizeName, l)
	}
	// the label insets its text by the inner padding on both sides; a pixel
	// more keeps rounding from making Fyne wrap a line again
	avail := width - 2*theme.SizeForWidget(theme.SizeNameInnerPadding, l) - 1
	if avail <= 0 {
		return text
	}
	widths := map[rune]float64{}
	measure := func(r rune) float64 {
		w, ok := widths[r]
		if !ok {
			w = float64(fyne.MeasureText(string(r), size, l.TextStyle).Width)
			widths[r] = w
		}
		return w
	}
	return strings.Join(linebreak.Lines(text, float64(avail), measure), "\n")
}
