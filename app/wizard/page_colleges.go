package wizard

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sureform/export/collegebook"
	"sureform/forms"
	"sureform/forms/college"
)

// collegesPage is 二级学生会组织: the college-level unions, their 是/否
// answer per college-level item (具体情况), and the counts per item.
type collegesPage struct {
	w       *Window
	root    *container.Scroll
	section *forms.Section
	unions  *fyne.Container
	sums    map[string]*widget.Label

	// pending lists the unions whose workbooks have not come back.
	pending *widget.Label
	// rosters shows, per union path, its roster and the roster's problems.
	rosters map[string]*widget.Label
	// undo reverts the last import of college workbooks.
	undo    *college.Result
	undoBtn *widget.Button
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
		p.unionsChanged()
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
		p.collectBox(),
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
	p.rosters = map[string]*widget.Label{}
	for i := range f.CollegeUnions {
		i := i
		u := &f.CollegeUnions[i]
		base := fmt.Sprintf("college_unions[%d]", i)
		fm := newForm()
		fm.add("名称", w.textField(base+".name", "如：机电工程系学生会", false, func() string { return u.Name }, func(s string) { u.Name = s }))
		fm.add("工作人员人数", w.intField(base+".staff", func() *int { return u.Staff }, func(v *int) { u.Staff = v }))
		fm.add("主席团人数", w.intField(base+".presidium", func() *int { return u.Presidium }, func(v *int) { u.Presidium = v }))
		p.unionData(fm, base, u)
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
				p.unionsChanged()
			}, w.win)
		})
		title := u.Name
		if title == "" {
			title = fmt.Sprintf("第 %d 个组织", i+1)
		}
		w.showCharacters(title)
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
	p.showPending()
	p.showRosters()
	d := &p.w.report.Derived
	for id, l := range p.sums {
		l.SetText(fmt.Sprintf("按具体情况合计：%d 个", d.CollegeCounts[id]))
	}
}

// unionData adds the fields of a union's own data: where its workbook is,
// its roster, congress, presidium election and guidance. A workbook fills
// them in; a union entered by hand may have them typed.
func (p *collegesPage) unionData(fm *form, base string, u *forms.CollegeUnion) {
	w := p.w
	status := widget.NewLabel(collectionText(u))
	w.showCharacters(status.Text)
	fm.add("填报表", w.register(newField(base+".collection", status, nil)))
	roster := widget.NewLabel("")
	roster.Wrapping = fyne.TextWrapWord
	p.rosters[base] = roster
	fm.add("工作人员名单", w.register(newField(base+".roster", roster, nil)))
	fm.add("学代会或全体学生大会召开日期", w.dateField(base+".congress_date",
		func() forms.Date { return u.CongressDate }, func(d forms.Date) { u.CongressDate = d }))
	fm.add("主席团产生方式", w.selectField(base+".presidium_election", forms.PresidiumElections,
		func() string { return u.PresidiumElection }, func(s string) { u.PresidiumElection = s }))
	fm.add("指导的团组织负责人", w.textField(base+".league_lead.name", "姓名", false,
		func() string { return u.LeagueLead.Name }, func(s string) { u.LeagueLead.Name = s }))
	fm.add("团组织负责人是否为团委老师", w.boolField(base+".league_lead.full_time", "是", "否",
		func() *bool { return u.LeagueLead.FullTime }, func(v *bool) { u.LeagueLead.FullTime = v }))
	fm.add("秘书长", w.textField(base+".secretary_general.name", "姓名", false,
		func() string { return u.SecretaryGeneral.Name }, func(s string) { u.SecretaryGeneral.Name = s }))
	fm.add("秘书长是否为团委老师", w.boolField(base+".secretary_general.full_time", "是", "否",
		func() *bool { return u.SecretaryGeneral.FullTime }, func(v *bool) { u.SecretaryGeneral.FullTime = v }))
	p.showRosters()
}

// showRosters says for each union how many members its roster has and
// lists the roster's problems, which are corrected in the college's
// workbook and imported again.
func (p *collegesPage) showRosters() {
	f := p.w.doc.filing
	for i := range f.CollegeUnions {
		base := fmt.Sprintf("college_unions[%d]", i)
		l := p.rosters[base]
		if l == nil {
			continue
		}
		u := &f.CollegeUnions[i]
		text := "未收集（导入该组织收回的填报表后显示）"
		if u.Roster != nil {
			d := forms.DeriveCollege(f, p.w.doc.edition, u)
			text = fmt.Sprintf("%d 人，其中主席团 %d 人", d.Staff, d.Presidium)
			var msgs []string
			for _, fd := range p.w.report.Findings {
				if forms.PathUnder(fd.Path, base+".roster") {
					msgs = append(msgs, "· "+fd.Message)
				}
			}
			if len(msgs) > 0 {
				text += fmt.Sprintf("；名单中有 %d 个问题（请该组织改正后重新导入其填报表）：\n%s", len(msgs), strings.Join(msgs, "\n"))
			}
		}
		p.w.showCharacters(text)
		l.SetText(text)
	}
}

// collectBox is the part of the 二级学生会组织 step that runs the round trip
// of the college workbooks: write one per union, import the filled ones
// (several at once, also by dropping them on the window), undo an import,
// and the unions whose workbooks have not come back.
func (p *collegesPage) collectBox() fyne.CanvasObject {
	write := widget.NewButton("生成各组织填报表…", p.onWriteTemplates)
	read := widget.NewButton("导入收回的填报表…", p.onImport)
	readAll := widget.NewButton("导入文件夹中的全部填报表…", p.onImportFolder)
	p.undoBtn = widget.NewButton("撤销导入", p.onUndo)
	p.undoBtn.Disable()
	p.pending = note("")
	p.showPending()
	return container.NewVBox(
		heading("收集各组织的数据"),
		note("可为每个二级学生会组织生成一份填报表（基本情况、工作人员名单、逐项自评），发给各组织填写；收回后导入（可一次选择或拖入多个文件），"+
			"程序按名单、日期和指导老师逐项核对，并据此填写下面的“具体情况”和各项符合标准的组织数量。未收回的组织仍可在下面手工填写。"),
		container.NewHBox(write, read, readAll, p.undoBtn),
		p.pending)
}

// unionsChanged follows a change to the filing's college unions: the
// filing is marked edited, the unions and the 未收回 list are drawn again
// and the filing is checked.
func (p *collegesPage) unionsChanged() {
	p.w.edited()
	p.buildUnions()
	p.showPending()
	p.w.validateNow()
}

// showPending lists the unions whose workbooks have not come back.
func (p *collegesPage) showPending() {
	if p.pending == nil || p.w.doc == nil {
		return
	}
	names := college.Pending(p.w.doc.filing)
	if len(names) == 0 {
		p.pending.SetText("")
		p.pending.Hide()
		return
	}
	text := fmt.Sprintf("未收回（%d 个）：%s", len(names), strings.Join(names, "、"))
	p.w.showCharacters(text)
	p.pending.SetText(text)
	p.pending.Importance = widget.WarningImportance
	p.pending.Show()
}

// collectionText says where a union's workbook is in the round trip.
func collectionText(u *forms.CollegeUnion) string {
	c := u.Collection
	switch {
	case c.IsReturned():
		return fmt.Sprintf("（已收回 %s，%s，工作人员 %d 人）", c.Returned.Chinese(), c.File, len(u.Roster))
	case c.Pending():
		return "（未收回，" + c.Sent.Chinese() + "发出）"
	}
	return "（手工填写）"
}

// onWriteTemplates asks for a folder and writes a workbook per union there.
func (p *collegesPage) onWriteTemplates() {
	p.chooseFolder("选择保存各组织填报表的文件夹", p.writeTemplates)
}

// onImportFolder asks for a folder and imports every workbook in it.
func (p *collegesPage) onImportFolder() {
	p.chooseFolder("选择收回的填报表所在的文件夹", func(dir string) {
		paths, err := college.WorkbooksIn(dir)
		if err != nil {
			p.w.showError(err)
			return
		}
		p.importPaths(paths)
	})
}

// chooseFolder asks for a folder, starting in the last one used.
func (p *collegesPage) chooseFolder(title string, done func(dir string)) {
	w := p.w
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if dir != nil {
			done(dir.Path())
		}
	}, w.win)
	if dir := w.app.Preferences().String(prefLastFolder); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.SetTitleText(title)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// writeTemplates writes the workbooks into dir off the UI thread, then
// records the unions as sent.
func (p *collegesPage) writeTemplates(dir string) {
	w := p.w
	f, ed := w.doc.filing, w.doc.edition
	trial := *f
	trial.CollegeUnions = append([]forms.CollegeUnion(nil), f.CollegeUnions...)
	today := forms.DateOf(w.opts.Now())
	var files []string
	w.busy("正在生成各组织填报表…", func() error {
		var err error
		files, err = collegebook.WriteAll(dir, &trial, ed, today)
		return err
	}, func(err error) {
		if err != nil {
			w.showError(err)
			return
		}
		f.CollegeUnions, f.CollegeUnionCount = trial.CollegeUnions, trial.CollegeUnionCount
		w.app.Preferences().SetString(prefLastFolder, dir)
		p.unionsChanged()
		names := make([]string, len(files))
		for i, file := range files {
			names[i] = filepath.Base(file)
		}
		msg := fmt.Sprintf("已在 %s 生成 %d 份填报表：\n%s\n\n请发给各组织填写，收回后点“导入收回的填报表…”或把文件拖到窗口上。", dir, len(files), strings.Join(names, "\n"))
		w.showCharacters(msg)
		dialog.ShowInformation("已生成填报表", msg, w.win)
	})
}

// onImport asks for a filled workbook.
func (p *collegesPage) onImport() {
	req := fileRequest{title: "选择收回的二级学生会组织填报表（可把多个文件一起拖到窗口上）", kind: "二级学生会组织填报表", exts: []string{".xlsx", ".xlsm"}}
	p.w.chooseOpen(req, func(path string) { p.importPaths([]string{path}) })
}

// importPaths reads workbooks off the UI thread and shows their preview.
func (p *collegesPage) importPaths(paths []string) {
	w := p.w
	f, ed := w.doc.filing, w.doc.edition
	head := *f
	head.CollegeUnions = append([]forms.CollegeUnion(nil), f.CollegeUnions...)
	var previews []*college.Preview
	var failed []string
	w.busy(fmt.Sprintf("正在读取 %d 份填报表…", len(paths)), func() error {
		for _, path := range paths {
			pv, err := college.ReadFile(path, &head, ed)
			if err != nil {
				failed = append(failed, err.Error())
				continue
			}
			previews = append(previews, pv)
		}
		return nil
	}, func(error) {
		if len(paths) > 0 {
			w.app.Preferences().SetString(prefLastFolder, filepath.Dir(paths[0]))
		}
		p.showPreview(previews, failed)
	})
}

// showPreview shows, per college, what was read and what will change, and
// applies the previews when the user confirms.
func (p *collegesPage) showPreview(previews []*college.Preview, failed []string) {
	w := p.w
	f, ed := w.doc.filing, w.doc.edition
	box := container.NewVBox()
	add := func(text string, imp widget.Importance) {
		l := note(text)
		l.Importance = imp
		w.showCharacters(text)
		box.Add(l)
	}
	for _, msg := range failed {
		add("无法导入："+msg, widget.DangerImportance)
	}
	for _, pv := range previews {
		box.Add(widget.NewSeparator())
		add(fmt.Sprintf("%s ← %s：工作人员 %d 人（主席团 %d 人）", pv.Union.UnionName(f), pv.File, pv.Derived.Staff, pv.Derived.Presidium), widget.HighImportance)
		for _, ch := range pv.Changes {
			add("· "+ch, widget.MediumImportance)
		}
		add("答案："+answerLine(ed, pv), widget.MediumImportance)
		if len(pv.Rows) > 0 {
			var lines []string
			for _, r := range pv.Rows {
				m := r.Member
				lines = append(lines, fmt.Sprintf("第 %d 行　%s　%s　%s　%s", r.Row, m.Name, orDash(m.PoliticalStatus), orDash(m.Position), orDash(m.Department)))
			}
			add("名单：\n"+strings.Join(lines, "\n"), widget.MediumImportance)
		}
		for _, pr := range pv.Problems {
			imp := widget.WarningImportance
			if pr.Severity == forms.SeverityError {
				imp = widget.DangerImportance
			}
			add(pr.Severity.Chinese()+"："+pr.String(), imp)
		}
		for _, fd := range pv.Findings(f, ed) {
			imp := widget.WarningImportance
			if fd.Severity == forms.SeverityError {
				imp = widget.DangerImportance
			}
			add(fd.Severity.Chinese()+"："+fd.Message, imp)
		}
	}
	if len(previews) == 0 {
		msg := strings.Join(failed, "\n")
		if msg == "" {
			msg = "没有找到 .xlsx 填报表"
		}
		w.showCharacters(msg)
		dialog.ShowInformation("未导入", msg, w.win)
		return
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(760, 460))
	d := dialog.NewCustomConfirm(fmt.Sprintf("导入 %d 个组织的填报表", len(previews)), "导入", "取消", scroll, func(ok bool) {
		if ok {
			p.apply(previews)
		}
	}, w.win)
	d.Show()
}

func answerLine(ed *forms.Edition, pv *college.Preview) string {
	var parts []string
	for _, it := range ed.CollegeSection().Answerable() {
		a := "未答"
		if v, ok := pv.Union.Items[it.ID]; ok {
			a = boolWord(v)
		}
		if s := pv.Derived.Items[it.ID]; s.Met != nil {
			if v, ok := pv.Union.Items[it.ID]; ok && v != *s.Met {
				a += "（与数据不符）"
			}
		}
		parts = append(parts, it.Number+"."+a)
	}
	return strings.Join(parts, "　")
}

func boolWord(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// apply puts the previews into the filing and keeps the undo.
func (p *collegesPage) apply(previews []*college.Preview) {
	w := p.w
	res, err := college.Apply(w.doc.filing, w.doc.edition, previews, forms.DateOf(w.opts.Now()))
	if err != nil {
		w.showError(err)
		return
	}
	p.undo = res
	p.undoBtn.Enable()
	p.unionsChanged()
}

// onUndo reverts the last import.
func (p *collegesPage) onUndo() {
	w := p.w
	if p.undo == nil {
		return
	}
	if err := p.undo.Undo(w.doc.filing); err != nil {
		w.showError(err)
		return
	}
	p.undo = nil
	p.undoBtn.Disable()
	p.unionsChanged()
}

// dropCollegeWorkbooks imports dropped college workbooks: workbooks dropped
// while the 二级学生会组织 step is shown, or files named as the college
// workbooks are. It reports whether it took the drop.
func (w *Window) dropCollegeWorkbooks(uris []fyne.URI) bool {
	if w.doc == nil || w.doc.edition.CollegeSection() == nil {
		return false
	}
	ext := strings.ToLower(filepath.Ext(uris[0].Path()))
	onStep := w.step >= 0 && w.step < len(w.ids) && w.ids[w.step] == stepColleges && (ext == ".xlsx" || ext == ".xlsm")
	named := strings.HasPrefix(filepath.Base(uris[0].Path()), "二级学生会组织-")
	if !onStep && !named {
		return false
	}
	w.ShowStepByTitle(stepTitles[stepColleges])
	p, ok := w.pages[stepColleges].(*collegesPage)
	if !ok {
		return false
	}
	p.content()
	paths := make([]string, len(uris))
	for i, u := range uris {
		paths[i] = u.Path()
	}
	p.importPaths(paths)
	return true
}
