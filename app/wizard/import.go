package wizard

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
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
	pw := newDialogEntry(w, true)
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
	w.keys(d, d.Submit, d.Dismiss)
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
	w.keys(d, d.Submit, d.Dismiss)
	d.Show()
}

// showImportPreview shows what an import would bring in (importDialog).
func (w *Window) showImportPreview(pv *RosterPreview) {
	(&importDialog{w: w, pv: pv}).show()
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
		p.say(msg)
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
