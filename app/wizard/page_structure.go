package wizard

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// structurePage is 组织架构: the presidium and the working departments
// with their head counts from the roster, and the chart.
type structurePage struct {
	w         *Window
	root      *container.Scroll
	counts    *widget.Label
	presidium *widget.Label
	depts     *fyne.Container
	extra     *fyne.Container
	chart     *orgChart
}

func newStructurePage(w *Window) *structurePage { return &structurePage{w: w} }

func (p *structurePage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	f := p.w.doc.filing
	p.counts = note("") // wraps: the count of unplaced members makes it long
	p.presidium = note("")
	p.depts = container.NewVBox()
	p.extra = container.NewVBox()
	p.chart = newOrgChart()
	add := widget.NewButton("添加工作部门", func() {
		f.Departments = append(f.Departments, forms.Department{})
		p.w.edited()
		p.buildDepartments()
		p.w.validateNow()
	})
	p.buildDepartments()
	p.root = container.NewVScroll(container.NewVBox(
		breakChinese(note("人数由工作人员名单统计：主席团为职务是主席、副主席、执行主席或部门填“主席团”的成员；其余成员按“所在部门”归入各工作部门。")),
		breakChinese(p.counts),
		heading("主席团"), breakChinese(p.presidium),
		heading("工作部门"), p.depts, container.NewHBox(add), p.extra,
		heading("组织架构图"), container.NewHScroll(p.chart))) // a wide chart scrolls, the page stays
	return p.root
}

// departmentCountLabel is the head count in a department's row (built by
// buildDepartments: the name field, then on the right count and 删除).
func departmentCountLabel(row fyne.CanvasObject) *widget.Label {
	right := row.(*fyne.Container).Objects[1].(*fyne.Container)
	return right.Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
}

// buildDepartments lays out the declared departments, each editable.
func (p *structurePage) buildDepartments() {
	w, f := p.w, p.w.doc.filing
	for path := range w.fields {
		if strings.HasPrefix(path, "departments[") {
			delete(w.fields, path)
		}
	}
	w.loading = true
	defer func() { w.loading = false }()
	p.depts.Objects = nil
	for i := range f.Departments {
		i := i
		fd := w.textField(fmt.Sprintf("departments[%d].name", i), "部门名称，如：学习部", false,
			func() string { return f.Departments[i].Name },
			func(s string) { f.Departments[i].Name = s; p.refresh() })
		del := widget.NewButton("删除", func() {
			f.Departments = append(f.Departments[:i:i], f.Departments[i+1:]...)
			w.edited()
			p.buildDepartments()
			w.validateNow()
		})
		count := widget.NewLabel("")
		p.depts.Add(container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(count, del)), fd.cell()))
	}
	p.depts.Refresh()
	if p.root != nil {
		p.root.Refresh() // the page around the list re-lays out for its new height
	}
}

func (p *structurePage) refresh() {
	f, d := p.w.doc.filing, &p.w.report.Derived
	text := fmt.Sprintf("工作人员 %d 人，主席团 %d 人，工作部门 %d 个。", d.Staff, d.Presidium, d.Departments)
	if d.Unassigned > 0 {
		text += fmt.Sprintf("另有 %d 人既不在主席团也没有填写所在部门，请在工作人员名单中补填。", d.Unassigned)
	}
	p.counts.SetText(text)
	var names []string
	for _, i := range f.Presidium() {
		m := &f.Members[i]
		names = append(names, strings.TrimSpace(m.Name+" "+m.Position))
	}
	if len(names) == 0 {
		p.presidium.SetText("名单中还没有主席团成员。")
	} else {
		p.presidium.SetText(strings.Join(names, "、"))
	}
	// the head count beside each declared department
	for i, obj := range p.depts.Objects {
		if i >= len(f.Departments) {
			break
		}
		count := ""
		if name := strings.TrimSpace(f.Departments[i].Name); name != "" {
			count = fmt.Sprintf("%d 人", len(f.DepartmentMembers(name)))
		}
		departmentCountLabel(obj).SetText(count)
	}
	declared := map[string]bool{}
	for _, dep := range f.Departments {
		declared[strings.TrimSpace(dep.Name)] = true
	}
	p.extra.Objects = nil
	var boxes []chartBox
	for _, name := range f.DepartmentNames() {
		n := len(f.DepartmentMembers(name))
		boxes = append(boxes, chartBox{name: name, count: n})
		if !declared[name] {
			name := name
			p.extra.Add(container.NewHBox(
				widget.NewLabel(fmt.Sprintf("名单中的部门“%s”（%d 人）未列入上面的工作部门", name, n)),
				widget.NewButton("列入", func() {
					f.Departments = append(f.Departments, forms.Department{Name: name})
					p.w.edited()
					p.buildDepartments()
					p.w.validateNow()
				})))
		}
	}
	p.extra.Refresh()
	p.chart.SetData(chartBox{name: forms.PresidiumDepartment, count: d.Presidium}, boxes)
	relayout(p.root)
}
