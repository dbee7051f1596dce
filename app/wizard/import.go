package wizard

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
	"sureform/forms/roster"
)

// ImportRoster asks for a roster file and previews it.
func (w *Window) ImportRoster() {
	if w.doc == nil {
		w.showError(errNoFiling)
		return
	}
	imp := w.opts.Backends.Roster
	w.ShowStepByTitle(stepTitles[stepRoster])
	w.chooseOpen(fileRequest{title: "选择要导入的名单文件", kind: "名单文件", exts: imp.Extensions()}, w.importRosterFile)
}

// importHeader is the part of the filing an importer may read (the
// academic year, to place 2024级 grades): a copy, so that the preview can
// run off the UI thread.
func importHeader(f *forms.Filing) *forms.Filing {
	c := *f
	c.Members, c.Departments, c.CollegeUnions = nil, nil, nil
	c.Answers, c.CollegeItemCounts = nil, nil
	return &c
}

// importRosterFile reads a roster off the UI thread and shows the preview.
func (w *Window) importRosterFile(path string) {
	w.ShowStepByTitle(stepTitles[stepRoster])
	w.app.Preferences().SetString(prefLastFolder, filepath.Dir(path))
	w.previewRoster(RosterRequest{Path: path}, nil)
}

// previewRoster parses (or re-parses with another sheet, password or
// mapping) off the UI thread and shows the preview dialog, which replaces
// prev. When the file needs a password or a choice of sheet, it asks and
// reads again.
func (w *Window) previewRoster(req RosterRequest, prev dialog.Dialog) {
	imp := w.opts.Backends.Roster
	head := importHeader(w.doc.filing)
	var pv *RosterPreview
	w.busy("正在读取名单 "+filepath.Base(req.Path)+"…", func() error {
		var err error
		pv, err = imp.Preview(req, head)
		return err
	}, func(err error) {
		var choice *SheetChoiceError
		switch {
		case errors.Is(err, roster.ErrPasswordRequired), errors.Is(err, roster.ErrWrongPassword):
			w.askPassword(req, errors.Is(err, roster.ErrWrongPassword), prev)
			return
		case errors.As(err, &choice) && len(choice.Sheets) > 0:
			w.askSheet(req, choice, prev)
			return
		case err != nil:
			w.showError(err)
			return
		}
		if prev != nil {
			prev.Hide()
		}
		pv.Request = req
		w.showImportPreview(pv)
	})
}

// askPassword asks for the password of an encrypted workbook.
func (w *Window) askPassword(req RosterRequest, wrong bool, prev dialog.Dialog) {
	pw := widget.NewPasswordEntry()
	msg := "“" + filepath.Base(req.Path) + "”已加密，请输入打开它的密码："
	if wrong {
		msg = "密码不对，请重新输入“" + filepath.Base(req.Path) + "”的密码："
	}
	d := dialog.NewForm("需要密码", "打开", "取消", []*widget.FormItem{
		{Text: "密码", Widget: pw, HintText: msg},
	}, func(ok bool) {
		if ok {
			req.Password = pw.Text
			w.previewRoster(req, prev)
		}
	}, w.win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
	w.win.Canvas().Focus(pw)
}

// askSheet asks which sheet holds the roster.
func (w *Window) askSheet(req RosterRequest, choice *SheetChoiceError, prev dialog.Dialog) {
	sel := widget.NewSelect(choice.Sheets, nil)
	sel.SetSelected(choice.Sheets[0])
	d := dialog.NewForm("选择工作表", "读取", "取消", []*widget.FormItem{
		{Text: "工作表", Widget: sel, HintText: choice.Msg},
	}, func(ok bool) {
		if ok {
			req.Sheet = sel.Selected
			w.previewRoster(req, prev)
		}
	}, w.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}

// showImportPreview shows what an import would bring in: the columns as
// recognised (changeable), the members and the problems; then 替换 or 合并.
func (w *Window) showImportPreview(pv *RosterPreview) {
	w.showCharacters(pv.File, pv.Sheet, pv.Sheets, pv.Headers, pv.Columns, pv.Members, pv.Problems)
	var d *dialog.CustomDialog
	imp := w.opts.Backends.Roster
	notMapped := "（不导入）"
	headerChoices := []string{notMapped}
	for i, h := range pv.Headers {
		headerChoices = append(headerChoices, fmt.Sprintf("第%d列：%s", i+1, h))
	}
	mapping := newForm()
	cols := append([]RosterColumn(nil), pv.Columns...)
	for i := range cols {
		i := i
		sel := widget.NewSelect(headerChoices, nil)
		sel.Selected = notMapped
		if c := cols[i].Index; c >= 0 && c+1 < len(headerChoices) {
			sel.Selected = headerChoices[c+1]
		}
		sel.OnChanged = func(s string) {
			cols[i].Index = -1
			for k, h := range headerChoices {
				if h == s && k > 0 {
					cols[i].Index = k - 1
				}
			}
			req := pv.Request
			req.Sheet, req.Columns = pv.Sheet, cols
			w.previewRoster(req, d)
		}
		mapping.addObject(cols[i].Title, sel)
	}
	top := container.NewVBox()
	if len(pv.Sheets) > 1 {
		sheetSel := widget.NewSelect(pv.Sheets, nil)
		sheetSel.Selected = pv.Sheet
		sheetSel.OnChanged = func(s string) {
			req := pv.Request
			req.Sheet, req.Columns = s, nil
			w.previewRoster(req, d)
		}
		top.Add(container.NewHBox(widget.NewLabel("工作表："), sheetSel))
	}
	if pv.HiddenRows > 0 {
		hidden := widget.NewCheck(fmt.Sprintf("也导入 Excel 中隐藏的 %d 行", pv.HiddenRows), func(on bool) {
			req := pv.Request
			req.Sheet, req.Columns, req.IncludeHidden = pv.Sheet, cols, on
			w.previewRoster(req, d)
		})
		hidden.Checked = pv.Request.IncludeHidden
		top.Add(hidden)
	}
	errs := 0
	for _, pr := range pv.Problems {
		if pr.Severity == forms.SeverityError {
			errs++
		}
	}
	summary := fmt.Sprintf("从 %s", filepath.Base(pv.File))
	if pv.Sheet != "" && pv.Sheet != filepath.Base(pv.File) { // a text file has no sheets
		summary += "（工作表“" + pv.Sheet + "”）"
	}
	summary += fmt.Sprintf("识别出 %d 名成员", len(pv.Members))
	switch {
	case errs > 0:
		summary += fmt.Sprintf("；有 %d 处内容需要核对（其中 %d 处无法读取），导入后请在名单中修改", len(pv.Problems), errs)
	case len(pv.Problems) > 0:
		summary += fmt.Sprintf("；有 %d 处内容需要核对", len(pv.Problems))
	}
	top.Add(note(summary + "。"))

	members := widget.NewTable(
		func() (int, int) { return len(pv.Members) + 1, 6 },
		func() fyne.CanvasObject { return widget.NewLabel("阿米娜姆·萨吾提") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row == 0 {
				l.SetText([]string{"姓名", "政治面貌", "院系", "年级", "职务", "部门"}[id.Col])
				l.TextStyle.Bold = true
				return
			}
			l.TextStyle.Bold = false
			m := &pv.Members[id.Row-1]
			position, dept := m.Position, m.Department
			if position == "" && m.SuggestedPosition != "" {
				position, dept = m.SuggestedPosition+"（待确认）", m.SuggestedDepartment
			}
			l.SetText([]string{m.Name, m.PoliticalStatus, m.College, gradeText(m), position, dept}[id.Col])
		})
	for i, wd := range []float32{110, 100, 160, 70, 80, 100} {
		members.SetColumnWidth(i, wd)
	}
	problems := container.NewVBox()
	for i, pr := range pv.Problems {
		if i == 200 {
			problems.Add(widget.NewLabel(fmt.Sprintf("……另有 %d 处", len(pv.Problems)-i)))
			break
		}
		var where []string
		if pr.Row > 0 {
			where = append(where, fmt.Sprintf("第 %d 行", pr.Row))
		}
		if pr.Column != "" {
			where = append(where, pr.Column)
		}
		text := pr.Message
		if len(where) > 0 {
			text = strings.Join(where, " ") + "：" + text
		}
		if pr.Text != "" {
			text += "（原文：" + pr.Text + "）"
		}
		l := note(text)
		l.Importance = widget.WarningImportance
		if pr.Severity == forms.SeverityError {
			l.Importance = widget.DangerImportance
		}
		problems.Add(l)
	}
	if len(pv.Problems) == 0 {
		problems.Add(widget.NewLabel("没有发现问题。"))
	}
	tabs := container.NewAppTabs(
		container.NewTabItem(fmt.Sprintf("成员（%d）", len(pv.Members)), members),
		container.NewTabItem(fmt.Sprintf("问题（%d）", len(pv.Problems)), container.NewVScroll(problems)),
		container.NewTabItem("列的对应", container.NewVScroll(container.NewVBox(
			note("程序按表头认出了下列各列。如有不对，请改选，预览会随之更新。"), mapping.grid))),
	)
	body := container.NewBorder(top, nil, nil, nil, tabs)
	apply := func(merge bool) {
		d.Hide()
		w.applyImport(imp, pv, merge)
	}
	cancel := widget.NewButton("取消", func() { d.Hide() })
	replace := widget.NewButton("替换现有名单", func() { apply(false) })
	replace.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{cancel}
	if len(w.doc.filing.Members) > 0 {
		buttons = append(buttons, widget.NewButton("合并到现有名单", func() { apply(true) }))
	} else {
		replace.SetText("导入")
	}
	if len(pv.Members) == 0 {
		replace.Disable()
	}
	buttons = append(buttons, replace)
	d = dialog.NewCustomWithoutButtons("导入名单", body, w.win)
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(820, 600))
	d.Show()
}

// applyImport puts previewed members into the filing, keeping the roster
// as it was for 撤销导入. A failed apply leaves the roster untouched.
func (w *Window) applyImport(imp RosterImporter, pv *RosterPreview, merge bool) {
	f := w.doc.filing
	before := rosterSnapshot{
		members:     append([]forms.Member(nil), f.Members...),
		departments: append([]forms.Department(nil), f.Departments...),
	}
	if err := imp.Apply(f, pv, merge); err != nil {
		f.Members, f.Departments = before.members, before.departments
		w.showError(err)
		return
	}
	w.doc.rosterUndo = &before
	w.edited()
	w.validateNow()
	if p, ok := w.pages[stepRoster].(*rosterPage); ok {
		p.rosterReplaced()
	}
	how := "替换了原名单"
	if merge {
		how = "合并到原名单"
	}
	w.flash(fmt.Sprintf("已从 %s 导入 %d 人（%s），名单现有 %d 人。如有不对，可点“撤销导入”。",
		filepath.Base(pv.File), len(pv.Members), how, len(f.Members)))
}

// undoImport restores the roster as it was before the last import.
func (w *Window) undoImport() {
	if w.doc == nil || w.doc.rosterUndo == nil {
		return
	}
	f := w.doc.filing
	f.Members, f.Departments = w.doc.rosterUndo.members, w.doc.rosterUndo.departments
	w.doc.rosterUndo = nil
	w.edited()
	w.validateNow()
	if p, ok := w.pages[stepRoster].(*rosterPage); ok {
		p.rosterReplaced()
	}
	w.flash("已撤销导入，名单恢复为导入前的 " + fmt.Sprint(len(f.Members)) + " 人。")
}

// flash shows a short message on the roster page.
func (w *Window) flash(msg string) {
	w.showCharacters(msg)
	if p, ok := w.pages[stepRoster].(*rosterPage); ok {
		p.detail.Importance = widget.SuccessImportance
		p.detail.SetText(msg)
	}
}

// saveTemplate writes the blank roster template where the user chooses.
func (w *Window) saveTemplate() {
	imp := w.opts.Backends.Roster
	req := fileRequest{title: "保存空白名单模板", kind: "Excel 工作簿", exts: []string{".xlsx"}, name: "校级学生会工作人员名单模板.xlsx"}
	w.saveFile(req, func(path string) error {
		if err := imp.WriteTemplate(path, w.doc.filing); err != nil {
			return fmt.Errorf("保存名单模板 %s 失败：%w", path, err)
		}
		return nil
	}, func(path string) {
		w.showCharacters(path)
		dialog.ShowInformation("名单模板", "已保存空白名单模板：\n"+path+"\n按模板填好后，用“导入名单…”读入。", w.win)
	})
}
