package wizard

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sureform/export/linebreak"
)

// wrappedText is a widget whose text Fyne wraps (a label or a link), seen
// through its fields.
type wrappedText struct {
	obj      fyne.Widget
	text     *string
	style    *fyne.TextStyle
	sizeName *fyne.ThemeSizeName
}

// chineseLines lays out one wrapping label or link and breaks its text
// into lines by the Chinese rules (export/linebreak, as the PDF and the
// workbook do) at the width it gets: an item's number stays with its text,
// no line starts with ），。or ，, a number stays with its unit. Fyne's own
// wrapping breaks Chinese text after whichever character fills the line.
// The widget holds the broken text; code that sets its text later
// (SetText) gives a new text, broken again at the next layout or size
// query.
type chineseLines struct {
	w      wrappedText
	source string  // the text as set
	broken string  // source broken at width: what the widget's text holds
	width  float32 // the width broken at; 0 before the first layout
}

// breakChinese returns the label in a widget that breaks its text by the
// Chinese rules at the width it is given; the widget shows and hides with
// the label.
func breakChinese(l *widget.Label) fyne.CanvasObject {
	l.Wrapping = fyne.TextWrapWord // a line still too wide (a long address) wraps
	return newChineseText(wrappedText{l, &l.Text, &l.TextStyle, &l.SizeName})
}

// breakChineseLink is breakChinese for a link (a finding in 审核).
func breakChineseLink(l *widget.Hyperlink) fyne.CanvasObject {
	l.Wrapping = fyne.TextWrapWord
	return newChineseText(wrappedText{l, &l.Text, &l.TextStyle, &l.SizeName})
}

func newChineseText(w wrappedText) *chineseText {
	c := &chineseText{lines: &chineseLines{w: w, source: *w.text, broken: *w.text}}
	c.ExtendBaseWidget(c)
	return c
}

// chineseText holds a label or link laid out by chineseLines.
type chineseText struct {
	widget.BaseWidget
	lines *chineseLines
}

// Visible is the label's: code shows and hides the label, and a hidden
// label takes no room (nor the padding around it) in a box.
func (c *chineseText) Visible() bool { return c.lines.w.obj.Visible() }

// MinSize is the label's at the width last laid out.
func (c *chineseText) MinSize() fyne.Size {
	if !c.Visible() {
		return fyne.Size{}
	}
	return c.lines.MinSize(nil)
}

// CreateRenderer lays the label out with chineseLines.
func (c *chineseText) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(c.lines, c.lines.w.obj))
}

// MinSize is the widget's: its height follows the lines at the width laid
// out.
func (b *chineseLines) MinSize([]fyne.CanvasObject) fyne.Size {
	b.rebreak(b.width)
	return b.w.obj.MinSize()
}

// Layout breaks the text at the new width and gives the widget all of it.
func (b *chineseLines) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	b.rebreak(size.Width)
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// rebreak breaks the text again when it was set anew or the width changed.
func (b *chineseLines) rebreak(width float32) {
	if *b.w.text != b.broken {
		b.source = *b.w.text
	} else if width == b.width {
		return
	}
	b.width = width
	broken := b.source
	if width > 0 {
		broken = breakText(b.source, b.w, width)
	}
	b.broken = broken
	if *b.w.text != broken {
		*b.w.text = broken
		b.w.obj.Refresh()
	}
}

// breakText breaks text into lines that fit the widget at the given width.
func breakText(text string, w wrappedText, width float32) string {
	if text == "" {
		return text
	}
	size := theme.SizeForWidget(theme.SizeNameText, w.obj)
	if *w.sizeName != "" {
		size = theme.SizeForWidget(*w.sizeName, w.obj)
	}
	// labels and links inset their text by the inner padding on both
	// sides; a pixel more keeps rounding from making Fyne wrap a line again
	avail := width - 2*theme.SizeForWidget(theme.SizeNameInnerPadding, w.obj) - 1
	if avail <= 0 {
		return text
	}
	widths := map[rune]float64{}
	measure := func(r rune) float64 {
		v, ok := widths[r]
		if !ok {
			v = float64(fyne.MeasureText(string(r), size, *w.style).Width)
			widths[r] = v
		}
		return v
	}
	return strings.Join(linebreak.Lines(text, float64(avail), measure), "\n")
}
