package wizard

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sureform/export/formtext"
	"sureform/forms"
)

// exportPage is 导出与打印: the Excel workbook and the PDF report, written
// to a chosen folder.
type exportPage struct {
	w      *Window
	root   fyne.CanvasObject
	folder *widget.Entry
	name   *widget.Entry
	xlsx   *widget.Check
	pdf    *widget.Check
	button *widget.Button
	review *widget.Button
	status *widget.Label
}

func newExportPage(w *Window) *exportPage { return &exportPage{w: w} }

func (p *exportPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	b := p.w.opts.Backends
	p.folder = widget.NewEntry()
	p.folder.SetText(p.defaultFolder())
	choose := widget.NewButton("选择文件夹…", p.chooseFolder)
	p.name = widget.NewEntry()
	p.name.SetText(defaultExportName(p.w.doc.filing, p.w.doc.edition))
	p.xlsx = widget.NewCheck("Excel 工作簿（.xlsx，上报和存档用）", nil)
	p.pdf = widget.NewCheck("PDF 报告（.pdf，打印、签字盖章和公开用）", nil)
	p.xlsx.SetChecked(b.Excel != nil)
	p.pdf.SetChecked(b.PDF != nil)
	box := container.NewVBox(note("选择保存位置，导出 Excel 工作簿和 PDF 报告。导出不会修改填报内容。"))
	if ed := p.w.doc.edition; ed != nil && ed.UnconfirmedCount() > 0 {
		// The documents print the items verbatim; the note is said here.
		answers := ""
		for _, st := range steps {
			if st.id == stepAnswers {
				answers = "（“" + st.title + "”一步中已注明）"
			}
		}
		n := note(fmt.Sprintf("本表格版本有 %d 项的原文或标注未能与两份公开件逐字核对%s，"+
			"导出的文件按本版原文印出、不带这一注明：%s，审核报告列出这些项目。", ed.UnconfirmedCount(), answers, forms.UnconfirmedNote))
		n.Importance = widget.WarningImportance
		box.Add(n)
	}
	if b.Excel == nil {
		p.xlsx.Disable()
		box.Add(notReady("导出 Excel"))
	}
	if b.PDF == nil {
		p.pdf.Disable()
		box.Add(notReady("导出 PDF"))
	}
	fm := newForm()
	fm.addObject("保存到文件夹", container.NewBorder(nil, nil, nil, choose, p.folder))
	fm.addObject("文件名", p.name)
	fm.addObject("导出", container.NewVBox(p.xlsx, p.pdf))
	p.button = widget.NewButton("导出", p.onExport)
	p.button.Importance = widget.HighImportance
	if b.Excel == nil && b.PDF == nil {
		p.button.Disable()
	}
	p.review = widget.NewButton("导出审核报告…", p.onReview)
	if b.Review == nil {
		p.review.Disable()
	}
	p.status = note("")
	box.Add(fm.grid)
	box.Add(container.NewHBox(p.button, p.review))
	box.Add(note("审核报告按错误、未达标项、提示列出全部审核结果，供团委审议填报内容时使用，不是报送的备案表；正式导出的文件中不含任何审核意见。"))
	box.Add(p.status)
	p.root = container.NewVScroll(box)
	return p.root
}

func (p *exportPage) refresh() {
	t := p.w.totalState()
	switch {
	case t.errors > 0:
		p.status.Importance = widget.WarningImportance
		p.status.SetText(fmt.Sprintf("填报中还有 %d 个错误（见“审核”），建议改正后再导出。", t.errors))
	default:
		p.status.Importance = widget.MediumImportance
		p.status.SetText("审核未发现错误，可以导出。")
	}
}

// choose selects which files to export (from the menu).
func (p *exportPage) choose(xlsx, pdf bool) {
	if !p.xlsx.Disabled() {
		p.xlsx.SetChecked(xlsx)
	}
	if !p.pdf.Disabled() {
		p.pdf.SetChecked(pdf)
	}
}

func (p *exportPage) defaultFolder() string {
	if p.w.doc.path != "" {
		return filepath.Dir(p.w.doc.path)
	}
	if d := p.w.app.Preferences().String(prefLastFolder); d != "" {
		return d
	}
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return ""
}

// defaultExportName is 学校-学生会-评估备案表, or for the 学年 editions
// 学校-学生会-2023—2024学年改革自评表: the document the edition prints.
func defaultExportName(f *forms.Filing, ed *forms.Edition) string {
	doc := "评估备案表"
	if ed != nil && !strings.Contains(ed.Title, doc) && formtext.Title(ed) != "" {
		doc = formtext.Title(ed)
	}
	parts := []string{}
	for _, s := range []string{f.School, f.OrgType} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(append(parts, doc), "-")
}

func (p *exportPage) chooseFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			p.w.showError(err)
			return
		}
		if u != nil {
			p.folder.SetText(u.Path())
		}
	}, p.w.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(p.folder.Text)); err == nil {
		d.SetLocation(l)
	}
	d.SetTitleText("选择导出文件夹")
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// exportJob is one file to write.
type exportJob struct {
	path string
	exp  Exporter
}

// target is the folder and file name (without suffix) to export to, once
// both are usable; otherwise it says what is wrong and returns false.
func (p *exportPage) target() (dir, name string, ok bool) {
	dir = strings.TrimSpace(p.folder.Text)
	name = strings.TrimSpace(p.name.Text)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		p.w.showError(fmt.Errorf("文件夹“%s”不存在，请选择保存位置", dir))
		return "", "", false
	}
	if name == "" || strings.ContainsAny(name, `/\:*?"<>|`) {
		p.w.showError(errors.New("文件名不能为空，也不能含有 / \\ : * ? \" < > | 这些字符"))
		return "", "", false
	}
	return dir, name, true
}

func (p *exportPage) onExport() {
	dir, name, ok := p.target()
	if !ok {
		return
	}
	var jobs []exportJob
	if p.xlsx.Checked && p.w.opts.Backends.Excel != nil {
		jobs = append(jobs, exportJob{filepath.Join(dir, name+".xlsx"), p.w.opts.Backends.Excel})
	}
	if p.pdf.Checked && p.w.opts.Backends.PDF != nil {
		jobs = append(jobs, exportJob{filepath.Join(dir, name+".pdf"), p.w.opts.Backends.PDF})
	}
	if len(jobs) == 0 {
		p.w.showError(errors.New("请至少勾选一种要导出的文件"))
		return
	}
	p.confirmErrors(func() { p.confirmOverwrite(jobs) })
}

// confirmErrors asks before exporting a filing that still has errors
// (unanswered items among them, which print as empty boxes): 仍然导出 goes
// on, 查看问题 opens 审核.
func (p *exportPage) confirmErrors(then func()) {
	n := p.w.totalState().errors
	if n == 0 {
		then()
		return
	}
	msg := fmt.Sprintf("填报中还有 %d 个错误（未作答的项目在导出的表中是空白方框）。\n建议先到“审核”中逐一改正；如确需先导出，请核对后再签字盖章。", n)
	d := dialog.NewCustomConfirm(fmt.Sprintf("%d 个错误", n), "仍然导出", "查看问题", widget.NewLabel(msg), func(export bool) {
		if export {
			then()
			return
		}
		p.w.ShowStepByTitle(stepTitles[stepReview])
	}, p.w.win)
	d.Show()
}

// onReview writes the 审核报告 next to the exported files.
func (p *exportPage) onReview() {
	dir, name, ok := p.target()
	if !ok {
		return
	}
	p.confirmOverwrite([]exportJob{{filepath.Join(dir, name+"-审核报告.pdf"), p.w.opts.Backends.Review}})
}

// confirmOverwrite asks before replacing existing files, then writes.
func (p *exportPage) confirmOverwrite(jobs []exportJob) {
	var existing []string
	for _, j := range jobs {
		if fileExists(j.path) {
			existing = append(existing, filepath.Base(j.path))
		}
	}
	if len(existing) > 0 {
		dialog.ShowConfirm("文件已存在", strings.Join(existing, "、")+" 已存在，是否覆盖？", func(ok bool) {
			if ok {
				p.run(jobs)
			}
		}, p.w.win)
		return
	}
	p.run(jobs)
}

// run writes the files off the UI thread, from a copy of the filing so
// that edits made meanwhile cannot race with the writer.
func (p *exportPage) run(jobs []exportJob) {
	data, err := forms.Encode(p.w.doc.filing)
	if err != nil {
		p.w.showError(err)
		return
	}
	snapshot, err := forms.Decode(data)
	if err != nil {
		p.w.showError(err)
		return
	}
	ed := p.w.doc.edition
	p.w.app.Preferences().SetString(prefLastFolder, filepath.Dir(jobs[0].path))
	var notes []string
	p.w.busyProgress("正在导出…", func(progress func(float64)) error {
		for i, j := range jobs {
			share := func(v float64) { progress((float64(i) + v) / float64(len(jobs))) }
			n, err := j.exp.Export(j.path, snapshot, ed, share)
			if err != nil {
				return fmt.Errorf("导出 %s 失败：%w", filepath.Base(j.path), err)
			}
			notes = append(notes, n...)
			share(1)
		}
		return nil
	}, func(err error) {
		if err != nil {
			p.w.showError(err)
			return
		}
		p.done(jobs, notes)
	})
}

// done offers to open what was written, and says what the user should
// know about it.
func (p *exportPage) done(jobs []exportJob, notes []string) {
	var names []string
	for _, j := range jobs {
		names = append(names, j.path)
	}
	p.w.showCharacters(names, notes)
	box := container.NewVBox()
	var d *dialog.CustomDialog
	for _, j := range jobs {
		j := j
		link := widget.NewHyperlink("打开 "+filepath.Base(j.path), nil) // the user's text: not in a bold button
		link.OnTapped = func() { d.Hide(); p.w.openExported(j.path, false) }
		box.Add(link)
	}
	p.status.Importance = widget.SuccessImportance
	p.status.SetText("已导出：\n" + strings.Join(names, "\n"))
	folder := widget.NewButton("打开所在文件夹", func() { d.Hide(); p.w.openExported(filepath.Dir(jobs[0].path), true) })
	content := container.NewVBox(note("已导出：\n"+strings.Join(names, "\n")), box, folder)
	if len(notes) > 0 {
		n := note("请注意：\n" + strings.Join(notes, "\n"))
		n.Importance = widget.WarningImportance
		content.Add(n)
	}
	d = dialog.NewCustom("导出完成", "关闭", container.NewVScroll(content), p.w.win)
	d.Resize(fyne.NewSize(600, 340))
	d.Show()
}
