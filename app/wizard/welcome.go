package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showWelcome is the page before any filing is open.
func (w *Window) showWelcome() {
	title := widget.NewLabelWithStyle(w.opts.Name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabelWithStyle("按步骤填写高校学生会（研究生会）深化改革评估备案表，检查问题，导出 Excel 和 PDF。",
		fyne.TextAlignCenter, fyne.TextStyle{})
	newBtn := widget.NewButtonWithIcon("新建填报…", theme.DocumentCreateIcon(), w.NewFiling)
	newBtn.Importance = widget.HighImportance
	openBtn := widget.NewButtonWithIcon("打开填报文件…", theme.FolderOpenIcon(), w.Open)
	examples := container.NewHBox()
	for _, ex := range exampleFilings {
		ex := ex
		examples.Add(widget.NewButton(ex.title, func() { w.OpenExample(ex.file) }))
	}
	box := container.NewVBox(title, intro, layout.NewSpacer(),
		container.NewCenter(container.NewHBox(newBtn, openBtn)),
		widget.NewLabelWithStyle("或打开示例：", fyne.TextAlignCenter, fyne.TextStyle{}),
		container.NewCenter(examples))
	if recent := w.recentFiles(); len(recent) > 0 {
		w.showCharacters(recent)
		box.Add(widget.NewLabelWithStyle("最近打开：", fyne.TextAlignCenter, fyne.TextStyle{}))
		for _, p := range recent {
			p := p
			// a link, not a button: button text is bold, and the bold font
			// holds only common characters, while a path is the user's text
			link := widget.NewHyperlink(p, nil)
			link.OnTapped = func() { w.OpenPath(p) }
			box.Add(container.NewCenter(link))
		}
	}
	w.body.Objects = []fyne.CanvasObject{container.NewCenter(box)}
	w.body.Refresh()
}
