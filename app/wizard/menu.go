package wizard

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

func (w *Window) buildMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	mod := fyne.KeyModifierShortcutDefault
	examples := fyne.NewMenuItem("打开示例", nil)
	for _, ex := range exampleFilings {
		ex := ex
		examples.ChildMenu = fyne.NewMenu("", append(childItems(examples), fyne.NewMenuItem(ex.title, func() { w.OpenExample(ex.file) }))...)
	}
	recent := fyne.NewMenuItem("最近打开", nil)
	var recentItems []*fyne.MenuItem
	for _, p := range w.recentFiles() {
		p := p
		recentItems = append(recentItems, fyne.NewMenuItem(p, func() { w.OpenPath(p) }))
	}
	if len(recentItems) == 0 {
		none := fyne.NewMenuItem("（没有最近打开的文件）", nil)
		none.Disabled = true
		recentItems = append(recentItems, none)
	}
	recent.ChildMenu = fyne.NewMenu("", recentItems...)
	quit := fyne.NewMenuItem("退出", w.onCloseRequested)
	quit.IsQuit = true
	// what needs an open filing is disabled on the welcome page
	withFiling := func(it *fyne.MenuItem) *fyne.MenuItem {
		it.Disabled = w.doc == nil
		return it
	}
	file := fyne.NewMenu("文件",
		item("新建…", &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: mod}, w.NewFiling),
		item("打开…", &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: mod}, w.Open),
		examples, recent,
		fyne.NewMenuItem("恢复未保存的工作…", w.recoverFromMenu),
		fyne.NewMenuItemSeparator(),
		withFiling(item("保存", &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: mod}, func() { w.Save(nil) })),
		withFiling(item("另存为…", &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: mod | fyne.KeyModifierShift}, func() { w.SaveAs(nil) })),
		fyne.NewMenuItemSeparator(),
		withFiling(fyne.NewMenuItem("导入名单…", w.ImportRoster)),
		fyne.NewMenuItem("新建表格版本…", w.NewEdition),
		withFiling(fyne.NewMenuItem("转到其他表格版本…", w.CarryToEdition)),
		withFiling(fyne.NewMenuItem("导出 Excel…", func() { w.exportFromMenu(true, false) })),
		withFiling(fyne.NewMenuItem("导出 PDF…", func() { w.exportFromMenu(false, true) })),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	help := fyne.NewMenu("帮助",
		fyne.NewMenuItem("使用说明", w.showHelp),
		fyne.NewMenuItem("关于", w.showAbout),
	)
	return fyne.NewMainMenu(file, help)
}

func childItems(m *fyne.MenuItem) []*fyne.MenuItem {
	if m.ChildMenu == nil {
		return nil
	}
	return m.ChildMenu.Items
}

func (w *Window) showHelp() {
	text := `使用步骤：
1. 文件 → 新建：选择表格版本（2020年版或2021年版）、填写学校名称和组织类型。
2. 按左侧步骤逐项填写。左侧显示每一步的状态：未开始、已完成，或有几个错误、几个提示。
3. 工作人员名单可以逐行填写，也可以“导入名单”：选择 Excel（.xlsx）或 CSV 文件，或把文件直接拖到窗口上。导入前会显示识别出的列和发现的问题，确认后再“替换”或“合并”；导入后可以撤销。
4. 改革自评表的每一项都会显示根据数据得出的建议结论和理由，请选择本校的结论。
5. “审核”列出所有问题，错误在前；点击任一问题即可跳到对应的步骤和栏目。
6. “导出与打印”生成 Excel 和 PDF 文件。

程序每 20 秒自动保存一份恢复文件；意外退出后再次打开时，可以恢复未保存的内容。
快捷键：Ctrl+N 新建，Ctrl+O 打开，Ctrl+S 保存，Ctrl+Shift+S 另存为。`
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	s := container.NewVScroll(l)
	s.SetMinSize(fyne.NewSize(560, 380))
	dialog.NewCustom("使用说明", "关闭", s, w.win).Show()
}

func (w *Window) showAbout() {
	text := fmt.Sprintf("%s\n版本 %s\n\n用于填写、检查和导出高校学生会（研究生会）深化改革评估备案表。\n界面字体：霞鹜文楷（SIL Open Font License 1.1）。",
		w.opts.Name, w.opts.Version)
	dialog.NewInformation("关于", text, w.win).Show()
}

// errNoFiling is shown when a command needs an open filing.
var errNoFiling = errors.New("请先新建或打开一份填报")

func (w *Window) exportFromMenu(xlsx, pdf bool) {
	if w.doc == nil {
		w.showError(errNoFiling)
		return
	}
	w.ShowStepByTitle(stepTitles[stepExport])
	if p, ok := w.pages[stepExport].(*exportPage); ok {
		p.choose(xlsx, pdf)
	}
}

// exampleFilings are the examples bundled with the program.
var exampleFilings = []struct{ title, file string }{
	{"阳泉职业技术学院（2021年版）", "yangquan-2021.json"},
	{"昌吉职业技术学院（2020年版）", "changji-2020.json"},
	{"兰州科技职业学院（2020年版）", "lanzhou-2020.json"},
}
