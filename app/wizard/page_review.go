package wizard

import (
	"fmt"
	"sureform/forms"

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
}

func newReviewPage(w *Window) *reviewPage { return &reviewPage{w: w} }

func (p *reviewPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	if p.w.opts.Backends.Validator == nil {
		p.root = container.NewVBox(notReady("自动审核（按评估要求逐条检查）"),
			note("在此功能完成之前，请对照改革自评表各项的要求自行检查。"))
		return p.root
	}
	p.summary = widget.NewLabel("")
	p.summary.TextStyle.Bold = true
	p.list = container.NewVBox()
	p.root = container.NewBorder(container.NewVBox(p.summary,
		note("“错误”表示填报不能就这样上报，导出前应当改正；“未达标项”是如实答了“未达标/否”的实际差距，不算错误；“提示”表示需要核实或说明的情况。点击问题可跳到对应的栏目。")),
		nil, nil, nil, container.NewVScroll(p.list))
	return p.root
}

func (p *reviewPage) refresh() {
	if p.list == nil {
		return
	}
	t := p.w.totalState()
	if t.errors == 0 && t.warnings == 0 {
		p.summary.SetText("没有发现问题。")
	} else {
		unmet := 0
		for _, f := range p.w.report.Findings {
			if f.Severity == string(forms.SeverityUnmet) {
				unmet++
			}
		}
		if unmet > 0 {
			p.summary.SetText(fmt.Sprintf("共 %d 个错误，%d 个未达标项，%d 个提示。", t.errors, unmet, t.warnings-unmet))
		} else {
			p.summary.SetText(fmt.Sprintf("共 %d 个错误，%d 个提示。", t.errors, t.warnings))
		}
	}
	p.list.Objects = nil
	for i, f := range p.w.report.Findings {
		if i == maxReviewRows {
			p.list.Add(widget.NewLabel(fmt.Sprintf("另有 %d 个问题未列出，请先改正上面的问题。", len(p.w.report.Findings)-i)))
			break
		}
		f := f
		icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
		if f.IsError() {
			icon = widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
		}
		link := widget.NewHyperlink(fmt.Sprintf("【%s】%s：%s", severityWord(f), stepTitles[stepOfPath(f.Path)], f.Message), nil)
		link.Wrapping = fyne.TextWrapWord
		link.OnTapped = func() { p.w.openPath(f.Path) }
		p.list.Add(container.NewBorder(nil, nil, icon, nil, link))
	}
	p.list.Refresh()
}
