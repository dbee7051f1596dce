package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"sureform/forms"
)

// textsPage is 文字材料: the free-text sections of the disclosure and the
// signature blocks' opinions.
type textsPage struct {
	w    *Window
	root fyne.CanvasObject
}

func newTextsPage(w *Window) *textsPage { return &textsPage{w: w} }

func (p *textsPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	w, f := p.w, p.w.doc.filing
	box := container.NewVBox(breakChinese(note("以下文字随自评结果一并公开。典型经验、品牌项目、问题不足和改进建议为选填；自评表中答“未达标/否”的条目，请在“问题不足”中说明原因。")))
	for _, s := range forms.TextSections {
		s := s
		fd := w.textField("texts."+s.Key, "", true, func() string { return *s.Get(&f.Texts) }, func(v string) { *s.Get(&f.Texts) = v })
		box.Add(heading(s.Title))
		box.Add(fd.cell())
	}
	op := newForm()
	op.add("学生会组织意见", w.boolField("opinions.union_accepts", "认可", "不认可",
		func() *bool { return f.Opinions.UnionAccepts }, func(v *bool) { f.Opinions.UnionAccepts = v }))
	op.add("高校团委意见", w.boolField("opinions.league_accepts", "认可", "不认可",
		func() *bool { return f.Opinions.LeagueAccepts }, func(v *bool) { f.Opinions.LeagueAccepts = v }))
	box.Add(heading("签章栏（已确定时勾选，未确定可留空在纸面填写）"))
	box.Add(op.grid)
	p.root = container.NewVScroll(box)
	return p.root
}

func (p *textsPage) refresh() {}
