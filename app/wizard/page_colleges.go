package wizard

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// collegesPage is 二级学生会组织: the college-level unions, their 是/否
// answer per college-level item (具体情况), and the counts per item.
type collegesPage struct {
	w       *Window
	root    *container.Scroll
	section *forms.Section
	unions  *fyne.Container
	sums    map[string]*widget.Label
}

func newCollegesPage(w *Window) *collegesPage {
	return &collegesPage{w: w, section: w.doc.edition.CollegeSection(), sums: map[string]*widget.Label{}}
}

func (p *collegesPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	w, f := p.w, p.w.doc.filing
	fm := newForm()
	fm.add("二级学生会组织数量", w.intField("college_union_count",
		func() *int { return f.CollegeUnionCount }, func(v *int) { f.CollegeUnionCount = v }))
	legend := container.NewVBox()
	for _, it := range p.section.Answerable() {
		l := widget.NewLabel(itemLabel(it))
		l.Wrapping = fyne.TextWrapWord
		legend.Add(l)
	}
	p.unions = container.NewVBox()
	p.buildUnions()
	add := widget.NewButtonWithIcon("添加二级学生会组织", nil, func() {
		f.CollegeUnions = append(f.CollegeUnions, forms.CollegeUnion{Items: map[string]bool{}})
		p.w.edited()
		p.buildUnions()
		p.w.validateNow()
	})
	counts := newForm()
	for _, it := range p.section.Answerable() {
		id := it.ID
		sum := widget.NewLabel("")
		p.sums[id] = sum
		fd := w.intField("college_item_counts["+id+"]",
			func() *int {
				if v, ok := f.CollegeItemCounts[id]; ok {
					return &v
				}
				return nil
			},
			func(v *int) {
				if v == nil {
					delete(f.CollegeItemCounts, id)
					return
				}
				if f.CollegeItemCounts == nil {
					f.CollegeItemCounts = map[string]int{}
				}
				f.CollegeItemCounts[id] = *v
			})
		fd.input.(*fieldEntry).SetPlaceHolder("留空则使用合计数")
		counts.addObject(it.Number+".", container.NewVBox(sum, fd.cell()))
	}
	p.root = container.NewVScroll(container.NewVBox(
		note("逐个填写二级学生会组织（研究生会）的工作人员、主席团人数，并对下列各项勾选“是”。各项符合标准的组织数量由勾选情况合计得出。"),
		fm.grid,
		widget.NewAccordion(widget.NewAccordionItem("各项内容（"+p.section.Title+"）", legend)),
		heading(orDefault(p.section.MatrixTitle, "具体情况")), p.unions, container.NewHBox(add),
		heading("符合标准的组织数量"), counts.grid))
	return p.root
}

func orDefault(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return s
}

// buildUnions lays out one card per college union.
func (p *collegesPage) buildUnions() {
	w, f := p.w, p.w.doc.filing
	for path := range w.fields {
		if strings.HasPrefix(path, "college_unions[") {
			delete(w.fields, path)
		}
	}
	w.loading = true
	defer func() { w.loading = false }()
	p.unions.Objects = nil
	for i := range f.CollegeUnions {
		i := i
		u := &f.CollegeUnions[i]
		base := fmt.Sprintf("college_unions[%d]", i)
		fm := newForm()
		fm.add("名称", w.textField(base+".name", "如：机电工程系学生会", false, func() string { return u.Name }, func(s string) { u.Name = s }))
		fm.add("工作人员人数", w.intField(base+".staff", func() *int { return u.Staff }, func(v *int) { u.Staff = v }))
		fm.add("主席团人数", w.intField(base+".presidium", func() *int { return u.Presidium }, func(v *int) { u.Presidium = v }))
		checks := container.NewGridWrap(fyne.NewSize(96, 36))
		for _, it := range p.section.Answerable() {
			id := it.ID
			fd := w.checkField(base+".items["+id+"]", "第"+it.Number+"项",
				func() bool { return u.Items[id] },
				func(v bool) {
					if u.Items == nil {
						u.Items = map[string]bool{}
					}
					u.Items[id] = v
				})
			checks.Add(fd.input)
		}
		del := widget.NewButton("删除此组织", func() {
			dialog.ShowConfirm("删除", "删除“"+u.Name+"”？", func(ok bool) {
				if !ok {
					return
				}
				f.CollegeUnions = append(f.CollegeUnions[:i:i], f.CollegeUnions[i+1:]...)
				w.edited()
				p.buildUnions()
				w.validateNow()
			}, w.win)
		})
		title := u.Name
		if title == "" {
			title = fmt.Sprintf("第 %d 个组织", i+1)
		}
		// the union's name is the user's text, so it is not in the (pruned)
		// bold font of a card title
		p.unions.Add(widget.NewCard("", "", container.NewVBox(widget.NewLabel(title), fm.grid,
			widget.NewLabel("符合标准的项目（勾选为“是”）："), checks, container.NewHBox(del))))
	}
	p.unions.Refresh()
	if p.root != nil {
		p.root.Refresh() // the page around the list re-lays out for its new height
	}
}

func (p *collegesPage) refresh() {
	d := &p.w.report.Derived
	for id, l := range p.sums {
		l.SetText(fmt.Sprintf("按具体情况合计：%d 个", d.CollegeCounts[id]))
	}
}
