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
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
	"sureform/forms/formtemplate"
)

// templateExtensions are the files 新建表格版本… reads: the province's
// Excel template, or the text of its Word table pasted into a file.
var templateExtensions = []string{".xlsx", ".xlsm", ".txt", ".csv"}

// NewEdition asks for the template the province sent and proposes an
// edition from it (文件 → 新建表格版本…).
func (w *Window) NewEdition() {
	req := fileRequest{title: "选择本省下发的表格模板（Excel，或从 Word 表格复制后保存的文本）", kind: "表格模板", exts: templateExtensions}
	w.chooseOpen(req, w.proposeEdition)
}

// proposeEdition reads a template and shows the proposal.
func (w *Window) proposeEdition(path string) {
	p, err := formtemplate.ReadFile(path, w.editions.Newest(), formtemplate.Options{Today: w.opts.Now()})
	if err != nil {
		w.showError(err)
		return
	}
	w.showProposal(p, filepath.Base(path))
}

// proposalView shows an edition read from a template item by item, each
// beside the newest edition's matching item with the differences marked,
// and lets the user choose the fact that decides each item before saving
// it as a user edition.
type proposalView struct {
	w      *Window
	p      *formtemplate.Proposal
	source string
	id     *widget.Entry
	name   *widget.Entry
	facts  []*widget.Select
	dialog *dialog.CustomDialog
}

// showProposal opens the proposal dialog.
func (w *Window) showProposal(p *formtemplate.Proposal, source string) *proposalView {
	w.showCharacters(p.Edition, source)
	v := &proposalView{w: w, p: p, source: source}
	v.dialog = dialog.NewCustomWithoutButtons("新建表格版本：核对由模板读出的条目", v.content(), w.win)
	v.dialog.SetButtons([]fyne.CanvasObject{
		widget.NewButton("取消", v.dialog.Hide),
		&widget.Button{Text: "保存为表格版本", Importance: widget.HighImportance, OnTapped: v.save},
	})
	v.dialog.Resize(fyne.NewSize(1000, 700))
	v.dialog.Show()
	return v
}

func (v *proposalView) content() fyne.CanvasObject {
	p := v.p
	ed := p.Edition
	v.id = widget.NewEntry()
	v.id.SetText(ed.ID)
	v.name = widget.NewEntry()
	v.name.SetText(ed.Name)
	ref := "（没有可对照的表格版本）"
	if p.Reference != nil {
		ref = p.Reference.Name
	}
	intro := note(fmt.Sprintf("下面逐项列出从 %s 读出的条目，右边是 %s 中措辞对应的条目："+
		"新表格多出的文字标为绿色粗体，原表格中删去的文字标为红色。措辞相同的条目沿用原来的判定依据；"+
		"有改动或新增的条目请确认由哪项数据判定（选“无”则由学校自己作答）。", v.source, ref))
	summary := widget.NewLabel(fmt.Sprintf("共 %d 项：相同 %d 项，有改动 %d 项，新增 %d 项。图例：%s",
		len(p.Items), len(p.Items)-len(p.Changed())-len(p.New()), len(p.Changed()), len(p.New()), orNone(ed.Legend)))
	summary.Wrapping = fyne.TextWrapWord
	head := widget.NewForm(
		widget.NewFormItem("版本编号", v.id),
		widget.NewFormItem("名称", v.name),
	)
	list := container.NewVBox()
	section := ""
	for i, it := range p.Items {
		if it.Section != section {
			section = it.Section
			if s := ed.Section(section); s != nil {
				list.Add(heading(fmt.Sprintf("%s（%s）", orDefault(s.Title, "自评"), strings.Join(s.Answers, "/"))))
			}
		}
		list.Add(v.itemCard(i, it))
	}
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(940, 420))
	return container.NewBorder(container.NewVBox(intro, head, summary), nil, nil, nil, scroll)
}

// itemCard is one proposed item: its status, its wording beside the
// matching wording, and the choice of its deciding fact.
func (v *proposalView) itemCard(i int, it formtemplate.ProposedItem) fyne.CanvasObject {
	num := it.Item.Number
	if num == "" {
		num = it.Item.ID
	}
	title := fmt.Sprintf("第 %s 项 %s %s", num, it.Item.Marker, it.Status.Chinese())
	var newText, oldText *widget.RichText
	if it.Match != nil {
		diff := forms.TextDiff(it.Match.Text, it.Item.Text)
		newText = diffText(diff, false)
		oldText = diffText(diff, true)
		title += fmt.Sprintf("（对应原第 %s 项）", it.Match.ID)
	} else {
		newText = widget.NewRichText(&widget.TextSegment{Text: it.Item.Text, Style: widget.RichTextStyleInline})
		oldText = widget.NewRichText(&widget.TextSegment{Text: "（原表格版本中没有对应的条目）",
			Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
	}
	newText.Wrapping, oldText.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	titles := make([]string, len(forms.FactChoices()))
	for k, f := range forms.FactChoices() {
		titles[k] = forms.FactTitle(f)
	}
	sel := widget.NewSelect(titles, nil)
	sel.SetSelected(forms.FactTitle(it.Item.Fact))
	sel.OnChanged = func(title string) {
		for k, t := range titles {
			if t == title {
				if err := v.p.SetFact(i, forms.FactChoices()[k]); err != nil {
					v.w.showError(err)
				}
			}
		}
	}
	v.facts = append(v.facts, sel)
	noteKind := forms.NoteTitle(it.Item.Note)
	fm := widget.NewForm(widget.NewFormItem("判定依据", sel))
	body := container.NewVBox(
		container.NewGridWithColumns(2,
			container.NewVBox(widget.NewLabelWithStyle("模板中的条目", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), newText),
			container.NewVBox(widget.NewLabelWithStyle("原表格版本中的条目", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), oldText)),
		widget.NewLabel("备注类型："+noteKind),
		fm)
	return widget.NewCard(title, "", body)
}

// diffText renders one side of a wording comparison: the old wording with
// its removed runs in red, or the new one with its added runs in green
// bold; the other side's runs are left out.
func diffText(diff []forms.DiffSegment, old bool) *widget.RichText {
	var segs []widget.RichTextSegment
	for _, d := range diff {
		style := widget.RichTextStyleInline
		switch {
		case d.Added && old, d.Removed && !old:
			continue
		case d.Added:
			style = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameSuccess, TextStyle: fyne.TextStyle{Bold: true}}
		case d.Removed:
			style = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Bold: true}}
		}
		segs = append(segs, &widget.TextSegment{Text: d.Text, Style: style})
	}
	return widget.NewRichText(segs...)
}

// save checks the id and installs the proposal as a user edition, used by
// every command and by 新建 from then on.
func (v *proposalView) save() {
	w := v.w
	id, name := strings.TrimSpace(v.id.Text), strings.TrimSpace(v.name.Text)
	switch {
	case id == "":
		w.showError(errors.New("请填写版本编号（如 2024-2025），保存在用户表格版本目录中，填报文件按它记下所用的表格版本"))
		return
	case w.opts.UserEditionsDir == "":
		w.showError(errors.New("找不到用户配置目录，无法保存表格版本"))
		return
	}
	if _, err := w.editions.Get(id); err == nil {
		w.showError(fmt.Errorf("表格版本 %q 已存在，请改用新的版本编号", id))
		return
	}
	v.p.Edition.ID = id
	if name != "" {
		v.p.Edition.Name = name
	}
	ed, err := installProposal(w.editions, v.p.TOML(v.source), w.opts.UserEditionsDir)
	if err != nil {
		w.showError(err)
		return
	}
	v.dialog.Hide()
	w.showCharacters(ed)
	dialog.ShowInformation("已保存表格版本",
		fmt.Sprintf("已加入表格版本 %s（%s）。新建填报时默认使用最新的表格版本；已有的填报可用“文件 → 转到其他表格版本…”转过去。", ed.ID, ed.Name), w.win)
}

// installProposal writes a proposed definition to a temporary file and
// installs it as editions --add does, with the same checks.
func installProposal(eds *forms.Editions, data []byte, dir string) (*forms.Edition, error) {
	tmp, err := os.MkdirTemp("", "sureform-edition-")
	if err != nil {
		return nil, fmt.Errorf("创建临时目录：%w", err)
	}
	defer os.RemoveAll(tmp)
	src := filepath.Join(tmp, "edition.toml")
	if err := os.WriteFile(src, data, 0o600); err != nil {
		return nil, fmt.Errorf("写临时文件：%w", err)
	}
	return eds.InstallEdition(src, dir)
}

// CarryToEdition asks for another edition and carries the open filing into
// it (文件 → 转到其他表格版本…): a new, unsaved filing, so that the file of
// the old edition stays as it is.
func (w *Window) CarryToEdition() {
	if w.doc == nil {
		w.showError(errNoFiling)
		return
	}
	from := w.doc.edition
	var targets []*forms.Edition
	var names []string
	for _, ed := range w.editions.All() {
		if ed.ID != from.ID {
			targets = append(targets, ed)
			names = append(names, ed.Name)
		}
	}
	if len(targets) == 0 {
		w.showError(errors.New("没有其他表格版本可以转入"))
		return
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelected(names[len(names)-1])
	items := []*widget.FormItem{{Text: "转到表格版本", Widget: sel,
		HintText: "答案和备注按措辞对应的条目转过去；原文件不变，转换结果是一份新的未保存填报"}}
	d := dialog.NewForm("转到其他表格版本", "转换", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		for i, n := range names {
			if n == sel.Selected {
				to := targets[i]
				// the open filing is replaced: offer to save it first
				w.confirmDiscard(func() { w.carryInto(to) })
			}
		}
	}, w.win)
	d.Resize(fyne.NewSize(620, 240))
	d.Show()
}

// carryInto carries the open filing into edition to and reports what
// moved and what did not.
func (w *Window) carryInto(to *forms.Edition) {
	from := w.doc.edition
	f, rep, err := forms.CarryFiling(w.doc.filing, from, to)
	if err != nil {
		w.showError(err)
		return
	}
	label := w.doc.label
	if w.doc.path != "" {
		label = strings.TrimSuffix(filepath.Base(w.doc.path), filepath.Ext(w.doc.path))
	}
	w.setDocument(&document{filing: f, edition: to, dirty: true, label: label + "（" + to.ID + "）"}, stepAnswers)
	w.showCharacters(carryText(rep))
	msg := widget.NewLabel(carryText(rep))
	msg.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(msg)
	scroll.SetMinSize(fyne.NewSize(640, 320))
	dialog.ShowCustom("已转到 "+to.Name, "知道了", scroll, w.win)
}

// carryText says in Chinese what a carry did.
func carryText(rep *forms.CarryReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "从 %s 转到 %s：%d 项答案已转过去。请另存为新的文件。\n", rep.From.Name, rep.To.Name, len(rep.Carried))
	for _, c := range rep.Carried {
		if c.Reworded {
			fmt.Fprintf(&b, "· 第 %s 项措辞有改动，请核对答案：%s\n", c.To.ID, c.To.Text)
		}
	}
	if d := rep.OldFilingDate; !d.IsZero() {
		fmt.Fprintf(&b, "· 填报日期仍为 %s，不在%s内，请在“基本信息”中更新\n", d.Chinese(), rep.To.AcademicYear)
	}
	if len(rep.Dropped) > 0 {
		fmt.Fprintf(&b, "\n新版本中没有对应条目、答案未转过去的 %d 项：\n", len(rep.Dropped))
		for _, it := range rep.Dropped {
			fmt.Fprintf(&b, "· 原第 %s 项：%s\n", it.ID, it.Text)
		}
	}
	if len(rep.New) > 0 {
		fmt.Fprintf(&b, "\n新版本中新增、尚未作答的 %d 项：\n", len(rep.New))
		for _, it := range rep.New {
			fmt.Fprintf(&b, "· 第 %s 项：%s\n", it.ID, it.Text)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func orNone(s string) string { return orDefault(s, "无") }
