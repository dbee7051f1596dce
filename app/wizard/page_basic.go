package wizard

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// basicPage is 基本信息: the school, the organisation and the header fields.
type basicPage struct {
	w    *Window
	root fyne.CanvasObject
}

func newBasicPage(w *Window) *basicPage { return &basicPage{w: w} }

func (p *basicPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	w, f, ed := p.w, p.w.doc.filing, p.w.doc.edition
	fm := newForm()
	fm.addObject("表格版本", widget.NewLabel(ed.Name))
	fm.add("学校名称", w.textField("school", "学校全称，如：阳泉职业技术学院", false,
		func() string { return f.School }, func(s string) { f.School = s }))
	fm.add("组织类型", w.selectField("org_type", ed.OrgTypes,
		func() string { return f.OrgType }, func(s string) { f.OrgType = s }))
	fm.add("学年", w.textField("academic_year", "如：2021—2022学年", false,
		func() string { return f.AcademicYear }, func(s string) { f.AcademicYear = s }))
	fm.add("填报日期", w.dateField("filing_date",
		func() forms.Date { return f.FilingDate }, func(d forms.Date) { f.FilingDate = d }))
	fm.add("全日制学生人数", w.intField("students",
		func() *int { return f.Students }, func(v *int) { f.Students = v }))
	fm.add("学校规模", w.checkField("large_school", "学生人数较多、分校区较多（工作人员上限由40人放宽到60人）",
		func() bool { return f.LargeSchool }, func(v bool) { f.LargeSchool = v }))
	if ed.HasHeader(forms.HeaderProvincialReview) {
		fm.add("省级核查", w.boolField("provincial_review", "是", "否",
			func() *bool { return f.ProvincialReview }, func(v *bool) { f.ProvincialReview = v }))
	}
	if asksPublicURL(ed) || f.PublicURL != "" {
		fm.add("自评公开链接", w.textField("public_url", "学校公开自评结果的网址", false,
			func() string { return f.PublicURL }, func(s string) { f.PublicURL = s }))
	}
	intro := note("请填写学校和组织的基本情况。学生人数用于计算学生代表所占比例。")
	p.root = container.NewVScroll(container.NewVBox(breakChinese(intro), fm.grid))
	return p.root
}

func (p *basicPage) refresh() {}

// asksPublicURL reports whether the edition's form has the 自评公开链接 row,
// in its header or among its optional rows.
func asksPublicURL(ed *forms.Edition) bool {
	return ed.HasHeader(forms.HeaderPublicURL) || slices.Contains(ed.OptionalRows, forms.HeaderPublicURL)
}
