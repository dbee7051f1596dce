package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"sureform/forms"
)

// guidancePage is 指导责任人: the 团委 deputy secretary who guides the union
// and the union's secretary-general.
type guidancePage struct {
	w    *Window
	root fyne.CanvasObject
}

func newGuidancePage(w *Window) *guidancePage { return &guidancePage{w: w} }

func (p *guidancePage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	g := &p.w.doc.filing.Guidance
	box := container.NewVBox(breakChinese(note("填写校团委分管学生会组织的副书记和学生会组织秘书长，并说明是否为专职团干。")))
	box.Add(p.guide("分管学生会组织的校团委副书记", "guidance.deputy_secretary", &g.DeputySecretary))
	box.Add(p.guide("学生会组织秘书长", "guidance.secretary_general", &g.SecretaryGeneral))
	p.root = container.NewVScroll(box)
	return p.root
}

func (p *guidancePage) guide(title, path string, gd *forms.Guide) fyne.CanvasObject {
	w := p.w
	fm := newForm()
	fm.add("姓名", w.textField(path+".name", "", false, func() string { return gd.Name }, func(s string) { gd.Name = s }))
	fm.add("是否为专职团干", w.boolField(path+".full_time", "是", "否",
		func() *bool { return gd.FullTime }, func(v *bool) { gd.FullTime = v }))
	fm.add("备注", w.textField(path+".note", "如：校团委副书记（专职）", false, func() string { return gd.Note }, func(s string) { gd.Note = s }))
	return container.NewVBox(heading(title), fm.grid)
}

func (p *guidancePage) refresh() {}
