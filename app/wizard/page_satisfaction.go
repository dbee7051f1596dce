package wizard

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// satisfactionPage is 满意度: the two survey questions of the 2020 edition.
type satisfactionPage struct {
	w         *Window
	root      fyne.CanvasObject
	unionRate *widget.Label
	staffRate *widget.Label
}

func newSatisfactionPage(w *Window) *satisfactionPage { return &satisfactionPage{w: w} }

func (p *satisfactionPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	s := &p.w.doc.filing.Satisfaction
	p.unionRate = widget.NewLabel("")
	p.staffRate = widget.NewLabel("")
	box := container.NewVBox(
		breakChinese(note("填写满意度调查的样本数和各选项人数，满意率由程序按（满意＋基本满意）÷样本数计算。")),
		p.question("学生对学生会组织的满意度", "satisfaction.union", &s.Union, p.unionRate),
		p.question("学生对学生会工作人员的满意度", "satisfaction.staff", &s.Staff, p.staffRate),
	)
	p.root = container.NewVScroll(box)
	return p.root
}

func (p *satisfactionPage) question(title, path string, q *forms.SurveyQuestion, rate *widget.Label) fyne.CanvasObject {
	w := p.w
	fm := newForm()
	fm.add("样本数", w.intField(path+".sample", func() *int { return q.Sample }, func(v *int) { q.Sample = v }))
	fm.add("满意", w.intField(path+".satisfied", func() *int { return q.Satisfied }, func(v *int) { q.Satisfied = v }))
	fm.add("基本满意", w.intField(path+".basically_satisfied", func() *int { return q.BasicallySatisfied }, func(v *int) { q.BasicallySatisfied = v }))
	fm.add("材料所写满意率（%）", w.percentField(path+".stated_percent", func() *float64 { return q.StatedPercent }, func(v *float64) { q.StatedPercent = v }))
	fm.addObject("计算所得满意率", rate)
	return container.NewVBox(heading(title), fm.grid)
}

func (p *satisfactionPage) refresh() {
	d := &p.w.report.Derived
	p.unionRate.SetText(ratioText(d.SatisfactionUnion, "填写样本数和人数后计算"))
	p.staffRate.SetText(ratioText(d.SatisfactionStaff, "填写样本数和人数后计算"))
}

// ratioText shows a ratio with its counts, or what is missing.
func ratioText(r *forms.Ratio, missing string) string {
	if r == nil {
		return missing
	}
	if r.Den == 0 {
		return fmt.Sprintf("%d / 0（分母为 0，无法计算）", r.Num)
	}
	return fmt.Sprintf("%s（%d / %d）", r.String(), r.Num, r.Den)
}
