package wizard

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// importDialog is the preview of a roster import: the columns as
// recognised (changeable, which reads the file again), the members and the
// problems; then 替换 or 合并, or 取消. It works through the window's
// import flow (previewRoster, applyImport) and touches no page.
type importDialog struct {
	w  *Window
	pv *RosterPreview
}

func (id *importDialog) show() {
	w, pv := id.w, id.pv
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
	w.keys(d, nil, cancel.OnTapped) // Enter does not import: the user chooses 替换 or 合并
	d.Show()
}
