package wizard

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxReviewRows caps the findings listed at once; the rest are counted.
const maxReviewRows = 300

// reviewPage is 审核: every finding, errors first, each a link to the step
// and field it is about.
type reviewPage struct {
	w       *Window
	root    fyne.CanvasObject
	summary *widget.Label
	list    *fyne.Container
	scroll  *container.Scroll
}

func newReviewPage(w *Window) *reviewPage { return &reviewPage{w: w} }

func (p *reviewPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	p.summary = widget.NewLabel("")
	p.summary.TextStyle.Bold = true
	p.list = container.NewVBox()
	p.scroll = container.NewVScroll(p.list)
	p.root = container.NewBorder(container.NewVBox(p.summary,
		breakChinese(note("“错误”表示不符合评估要求，导出前应当改正；“未作答”是还没有填的项目；“未达标项”是学校如实填报的差距；“提示”表示需要核实或说明的情况。点击问题可跳到对应的栏目。"))),
		nil, nil, nil, p.scroll)
	return p.root
}

// opened starts 审核 at its top, with the most serious findings.
func (p *reviewPage) opened() {
	if p.scroll != nil {
		p.scroll.ScrollToTop()
	}
}

// reviewSummary counts the findings by kind: 共 2 个错误，17 项未作答，3 个提示。
func reviewSummary(t stepState) string {
	if t.findings() == 0 {
		return "没有发现问题。"
	}
	var parts []string
	if n := t.errors - t.todo; n > 0 {
		parts = append(parts, fmt.Sprintf("%d 个错误", n))
	}
	if t.todo > 0 {
		parts = append(parts, fmt.Sprintf("%d 项未作答或未填写", t.todo))
	}
	if t.unmet > 0 {
		parts = append(parts, fmt.Sprintf("%d 个未达标项", t.unmet))
	}
	if t.warnings > 0 {
		parts = append(parts, fmt.Sprintf("%d 个提示", t.warnings))
	}
	return "共 " + strings.Join(parts, "，") + "。"
}

func (p *reviewPage) refresh() {
	if p.list == nil {
		return
	}
	p.summary.SetText(reviewSummary(p.w.totalState()))
	p.list.Objects = nil
	for i, f := range p.w.report.Findings {
		if i == maxReviewRows {
			p.list.Add(widget.NewLabel(fmt.Sprintf("另有 %d 个问题未列出，请先改正上面的问题。", len(p.w.report.Findings)-i)))
			break
		}
		f := f
		icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
		switch {
		case isError(f):
			icon = widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
		case isTodo(f):
			icon = widget.NewIcon(theme.QuestionIcon())
		}
		link := widget.NewHyperlink(fmt.Sprintf("【%s】%s：%s", findingWord(f), stepTitles[stepOfPath(f.Path)], f.Message), nil)
		link.Wrapping = fyne.TextWrapWord
		link.OnTapped = func() { p.w.openPath(f.Path) }
		p.list.Add(container.NewBorder(nil, nil, icon, nil, breakChineseLink(link)))
	}
	p.list.Refresh()
}
