package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"sureform/export/formtext"
	"sureform/forms"
	"sureform/forms/atomicfile"
)

// ReviewTitle is the title of the internal review report.
const ReviewTitle = "审核报告"

// RenderReview writes the internal review report (审核报告) of filing f: every
// finding of rep, grouped as the app's 审核 page groups them (错误,
// 未达标项, 提示), each with the item or roster row it concerns. It is for
// the 团委 meeting that reviews the filing before signing, a separate
// document from the official report, which never contains findings.
func RenderReview(w io.Writer, f *forms.Filing, ed *forms.Edition, rep *forms.Report, opts Options) (Result, error) {
	if rep == nil {
		return Result{}, errors.New("生成审核报告：缺少检查结果")
	}
	return renderDoc(w, f, ed, rep, opts)
}

// WriteReviewFile writes the review report to path atomically.
func WriteReviewFile(path string, f *forms.Filing, ed *forms.Edition, rep *forms.Report, opts Options) (Result, error) {
	var buf bytes.Buffer
	res, err := RenderReview(&buf, f, ed, rep, opts)
	if err != nil {
		return res, err
	}
	if err := atomicfile.Write(path, buf.Bytes()); err != nil {
		return res, fmt.Errorf("写入审核报告：%w", err)
	}
	return res, nil
}

// drawReview lays out the review report.
func (r *report) drawReview(c *canvas, progress func(float64)) {
	rep := r.review
	school := formtext.OrgName(r.f)
	c.onNewPage = func() {
		if c.page == 1 {
			return
		}
		c.setSize(sizeSmall)
		c.setGray(0.3)
		c.textLines(marginLeft, marginTop-9, contentW, []string{strings.TrimSpace(school + "　" + ReviewTitle)}, 'L')
		c.setGray(0)
	}
	c.newPage()
	c.setSize(sizeTitle)
	lines := c.wrap(ReviewTitle, contentW)
	c.bold = true
	c.textLines(marginLeft, c.y, contentW, lines, 'C')
	c.bold = false
	c.y += float64(len(lines))*c.lineH() + 2
	c.setSize(sizeBody)
	for _, l := range []string{
		strings.TrimSpace(school + "　" + formtext.Title(r.ed)),
		"内部审核用，不是报送的" + strings.TrimSpace(r.ed.Title) + "。" + summary(rep) + "。",
	} {
		r.paragraph(c, l, 'L')
	}
	if note := UnconfirmedSummary(r.ed); note != "" {
		r.paragraph(c, note, 'L')
	}
	if missing := Unanswered(r.f, r.ed); len(missing) > 0 {
		r.paragraph(c, "未作答的项目："+strings.Join(missing, "、")+"。导出的备案表中这些项目的方框均未勾选。", 'L')
	}
	c.y += 2
	for i, sev := range forms.Severities() {
		found := rep.Of(sev)
		progress(float64(i) / 3)
		r.sectionHeading(c, fmt.Sprintf("%s（%d）", sev.Chinese(), len(found)), 20)
		t := &table{cols: []float64{12, 30, 46, contentW - 88}, size: sizeTable, header: [][]cell{{
			{text: "序号", align: 'C', head: true},
			{text: "方面", align: 'C', head: true},
			{text: "所涉条目或名单行", align: 'C', head: true},
			{text: "问题", align: 'C', head: true},
		}}}
		if len(found) == 0 {
			c.row(t, []cell{{text: "无", span: 4, align: 'C'}}, 0)
			continue
		}
		for j, fd := range found {
			c.row(t, []cell{
				{text: strconv.Itoa(j + 1), align: 'C'},
				{text: forms.PathSection(fd.Path), align: 'C'},
				{text: concerns(r.ed, fd)},
				{text: fd.Message},
			}, 0)
		}
	}
	progress(1)
}

// summary counts the findings: 2 个错误，1 个未达标项，3 个提示, naming
// the 未达标项 on core items (★): 2 个未达标项（其中核心指标 1 个）.
func summary(rep *forms.Report) string {
	unmet := fmt.Sprintf("%d 个未达标项", rep.Unmet)
	if rep.CoreUnmet > 0 {
		unmet += fmt.Sprintf("（其中核心指标 %d 个）", rep.CoreUnmet)
	}
	return fmt.Sprintf("共 %d 个错误，%s，%d 个提示", rep.Errors, unmet, rep.Warnings)
}

// concerns names what a finding is about: the edition items by their
// numbers on the form (第6、4项; 二级第3项 for the college-level part) and the
// place of its data (工作人员名单第4行“学习成绩综合排名”).
func concerns(ed *forms.Edition, fd forms.Finding) string {
	var parts []string
	if refs := itemRefs(ed, fd.Items); refs != "" {
		parts = append(parts, refs)
	}
	if len(fd.Members) > 0 {
		// One finding for several members: name their roster rows.
		const most = 20
		var rows []string
		for _, m := range fd.Members[:min(most, len(fd.Members))] {
			rows = append(rows, strconv.Itoa(m+1))
		}
		text := "名单第" + strings.Join(rows, "、") + "人"
		if len(fd.Members) > most {
			text += fmt.Sprintf("等%d人", len(fd.Members))
		}
		parts = append(parts, text)
	} else if l := forms.PathLabel(fd.Path); l != "" && !strings.HasPrefix(l, "自评表第") {
		parts = append(parts, l)
	}
	return strings.Join(parts, "；")
}

// UnconfirmedSummary says which items of ed could not be confirmed against
// two publications, section by section, and asks the user to compare them
// with the province's form (请与本省下发的表格核对); "" when every item is
// confirmed. The official report prints the items verbatim and without this
// note; the review report and the app carry it.
func UnconfirmedSummary(ed *forms.Edition) string {
	refs := formtext.UnconfirmedItems(ed)
	if len(refs) == 0 {
		return ""
	}
	var parts []string
	seen := map[string]bool{}
	for _, ref := range refs {
		if seen[ref.Section] {
			continue
		}
		seen[ref.Section] = true
		where := "第" + formtext.UnconfirmedNumbers(refs, ref.Section) + "项"
		if strings.TrimSpace(ref.Section) != "" {
			where = ref.Section + where
		}
		parts = append(parts, where)
	}
	return fmt.Sprintf("表格原文：本版表格有 %d 项的原文或标注未能与两份公开件逐字核对（%s），%s。",
		len(refs), strings.Join(parts, "；"), forms.UnconfirmedNote)
}

// itemRefs writes item ids as the form numbers them: 第6、4项 for the
// school-level items, 二级第3、4项 for those of the college-level part.
func itemRefs(ed *forms.Edition, ids []string) string {
	var school, college []string
	for _, id := range ids {
		it, sec, ok := ed.Item(id)
		switch {
		case !ok:
			school = append(school, id)
		case sec.Kind == forms.SectionCounts:
			college = append(college, formtext.ItemNumber(it))
		default:
			school = append(school, formtext.ItemNumber(it))
		}
	}
	var out []string
	if len(school) > 0 {
		out = append(out, "第"+strings.Join(school, "、")+"项")
	}
	if len(college) > 0 {
		out = append(out, "二级第"+strings.Join(college, "、")+"项")
	}
	return strings.Join(out, "；")
}

// Unanswered lists the numbers of the form's items (and parts) that the
// filing leaves unanswered, in form order: 3.1、16.
func Unanswered(f *forms.Filing, ed *forms.Edition) []string {
	var out []string
	for si := range ed.Sections {
		sec := &ed.Sections[si]
		if sec.Kind != forms.SectionAnswers {
			continue
		}
		for _, it := range sec.Answerable() {
			if f.Answers[it.ID].Met == nil {
				out = append(out, it.ID)
			}
		}
	}
	return out
}
