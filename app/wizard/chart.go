package wizard

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chartBox is one box of the organisation chart: a name and a head count.
type chartBox struct {
	name  string
	count int
}

// orgChart draws the union's structure: the presidium over its working
// departments, as boxes joined by lines.
type orgChart struct {
	widget.BaseWidget
	top   chartBox
	depts []chartBox
}

func newOrgChart() *orgChart {
	c := &orgChart{top: chartBox{name: "主席团"}}
	c.ExtendBaseWidget(c)
	return c
}

// SetData replaces what the chart shows.
func (c *orgChart) SetData(top chartBox, depts []chartBox) {
	c.top, c.depts = top, depts
	c.Refresh()
}

func (c *orgChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.rebuild()
	return r
}

const (
	chartBoxW = 132
	chartBoxH = 54
	chartGapX = 16
	chartGapY = 44
)

type chartRenderer struct {
	c       *orgChart
	boxes   []*canvas.Rectangle
	names   []*canvas.Text
	counts  []*canvas.Text
	lines   []*canvas.Line
	objects []fyne.CanvasObject
}

func (r *chartRenderer) rebuild() {
	n := len(r.c.depts) + 1
	r.boxes, r.names, r.counts, r.lines = nil, nil, nil, nil
	fg := theme.Color(theme.ColorNameForeground)
	for i := 0; i < n; i++ {
		b := r.c.top
		fill := theme.Color(theme.ColorNamePrimary)
		if i > 0 {
			b = r.c.depts[i-1]
			fill = color.NRGBA{R: 0xe8, G: 0xf0, B: 0xfe, A: 0xff}
		}
		rect := canvas.NewRectangle(fill)
		rect.StrokeColor = theme.Color(theme.ColorNamePrimary)
		rect.StrokeWidth = 1.5
		rect.CornerRadius = 6
		textColor := fg
		if i == 0 {
			textColor = color.White
		}
		name := canvas.NewText(b.name, textColor)
		name.Alignment = fyne.TextAlignCenter
		name.TextStyle.Bold = true
		cnt := canvas.NewText(fmt.Sprintf("%d 人", b.count), textColor)
		cnt.Alignment = fyne.TextAlignCenter
		cnt.TextSize = theme.CaptionTextSize()
		r.boxes = append(r.boxes, rect)
		r.names = append(r.names, name)
		r.counts = append(r.counts, cnt)
	}
	lineColor := theme.Color(theme.ColorNameForeground)
	// one line down from the presidium, one bus line, one line per department
	for i := 0; i < len(r.c.depts)+2; i++ {
		l := canvas.NewLine(lineColor)
		l.StrokeWidth = 1.5
		r.lines = append(r.lines, l)
	}
	r.objects = nil
	for _, l := range r.lines {
		r.objects = append(r.objects, l)
	}
	for i := range r.boxes {
		r.objects = append(r.objects, r.boxes[i], r.names[i], r.counts[i])
	}
}

// perRow is how many department boxes fit side by side in width.
func perRow(width float32, n int) int {
	k := int((width + chartGapX) / (chartBoxW + chartGapX))
	if k < 1 {
		k = 1
	}
	if k > n {
		k = n
	}
	return k
}

func (r *chartRenderer) Layout(size fyne.Size) {
	place := func(i int, x, y float32) {
		r.boxes[i].Move(fyne.NewPos(x, y))
		r.boxes[i].Resize(fyne.NewSize(chartBoxW, chartBoxH))
		r.names[i].Move(fyne.NewPos(x, y+6))
		r.names[i].Resize(fyne.NewSize(chartBoxW, 24))
		r.counts[i].Move(fyne.NewPos(x, y+30))
		r.counts[i].Resize(fyne.NewSize(chartBoxW, 18))
	}
	cx := size.Width / 2
	place(0, cx-chartBoxW/2, 0)
	n := len(r.c.depts)
	for _, l := range r.lines {
		l.Hide()
	}
	if n == 0 {
		return
	}
	k := perRow(size.Width, n)
	rowW := float32(k)*chartBoxW + float32(k-1)*chartGapX
	left := cx - rowW/2
	busY := float32(chartBoxH) + chartGapY/2
	r.lines[0].Position1 = fyne.NewPos(cx, chartBoxH)
	r.lines[0].Position2 = fyne.NewPos(cx, busY)
	r.lines[0].Show()
	firstX := left + chartBoxW/2
	lastX := left + float32(k-1)*(chartBoxW+chartGapX) + chartBoxW/2
	r.lines[1].Position1 = fyne.NewPos(firstX, busY)
	r.lines[1].Position2 = fyne.NewPos(lastX, busY)
	r.lines[1].Show()
	for j := 0; j < n; j++ {
		row, col := j/k, j%k
		x := left + float32(col)*(chartBoxW+chartGapX)
		y := float32(chartBoxH+chartGapY) + float32(row)*(chartBoxH+chartGapY/2)
		place(j+1, x, y)
		l := r.lines[j+2]
		if row == 0 {
			l.Position1 = fyne.NewPos(x+chartBoxW/2, busY)
			l.Position2 = fyne.NewPos(x+chartBoxW/2, y)
			l.Show()
		}
	}
}

func (r *chartRenderer) MinSize() fyne.Size {
	n := len(r.c.depts)
	if n == 0 {
		return fyne.NewSize(chartBoxW, chartBoxH)
	}
	rows := (n + 5) / 6
	return fyne.NewSize(chartBoxW*2, float32(chartBoxH+chartGapY)+float32(rows)*(chartBoxH+chartGapY/2))
}

func (r *chartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Destroy() {}
