package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"sureform/export/pdf"
	"sureform/export/xlsx"
	"sureform/forms"
)

// runExport writes the official workbook and/or PDF report of a filing,
// and with --review the internal 审核报告. It states on stderr how many
// errors and unanswered items the exported filing still has; with --strict
// it refuses to export while there are errors.
func runExport(c *cli, args []string) error {
	fs := c.flags("export")
	xlsxOut := fs.String("xlsx", "", "导出的 Excel 自评表（.xlsx）")
	pdfOut := fs.String("pdf", "", "导出的 PDF 报告（.pdf）")
	reviewOut := fs.String("review", "", "导出内部审核报告（.pdf）：按错误、未达标项、提示列出全部检查结果")
	strict := fs.Bool("strict", false, "填报内容仍有错误时拒绝导出（退出码 1）")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 1:
		return &usageError{msg: "需要一个填报文件"}
	case *xlsxOut == "" && *pdfOut == "" && *reviewOut == "":
		return &usageError{msg: "至少指定 --xlsx、--pdf 或 --review 之一"}
	case *xlsxOut != "" && !strings.EqualFold(filepath.Ext(*xlsxOut), ".xlsx"):
		return &usageError{msg: "--xlsx 的文件名应以 .xlsx 结尾"}
	case *pdfOut != "" && !strings.EqualFold(filepath.Ext(*pdfOut), ".pdf"):
		return &usageError{msg: "--pdf 的文件名应以 .pdf 结尾"}
	case *reviewOut != "" && !strings.EqualFold(filepath.Ext(*reviewOut), ".pdf"):
		return &usageError{msg: "--review 的文件名应以 .pdf 结尾"}
	}
	f, ed, err := c.loadFiling(pos[0])
	if err != nil {
		return err
	}
	rep := forms.Validate(f, ed)
	unanswered := pdf.Unanswered(f, ed)
	if rep.Errors > 0 || len(unanswered) > 0 {
		fmt.Fprintf(c.stderr, "注意：%s 仍有 %d 个错误、%d 个未作答的项目（sureform validate %s 列出详情）\n",
			pos[0], rep.Errors, len(unanswered), pos[0])
	}
	if note := pdf.UnconfirmedSummary(ed); note != "" && (*xlsxOut != "" || *pdfOut != "") {
		// The official documents print the items verbatim, without this note.
		fmt.Fprintln(c.stderr, "提示："+note)
	}
	if *strict && rep.Fails() {
		return &exitError{code: exitFindings, msg: fmt.Sprintf("sureform export：填报内容有 %d 个错误，按 --strict 未导出；改正后再导出，或去掉 --strict", rep.Errors)}
	}
	if *xlsxOut != "" {
		if err := xlsx.WriteFile(*xlsxOut, f, ed, xlsx.Options{}); err != nil {
			return &exitError{code: exitUsage, msg: "sureform export：" + err.Error()}
		}
		fmt.Fprintf(c.stdout, "已导出 Excel 自评表 %s\n", *xlsxOut)
	}
	opts := pdf.Options{FontDirs: pdf.SystemFontDirs()}
	var warnings []pdf.Warning
	opts.Warn = func(w pdf.Warning) { warnings = append(warnings, w) }
	if *pdfOut != "" {
		res, err := pdf.WriteFileResult(*pdfOut, f, ed, opts)
		if err != nil {
			return &exitError{code: exitUsage, msg: "sureform export：" + err.Error()}
		}
		for _, w := range warnings {
			fmt.Fprintln(c.stderr, "提示：", w.Message)
		}
		fmt.Fprintf(c.stdout, "已导出 PDF 报告 %s（%d 页，字体：%s）\n", *pdfOut, res.Pages, res.Faces())
	}
	if *reviewOut != "" {
		res, err := pdf.WriteReviewFile(*reviewOut, f, ed, &rep, opts)
		if err != nil {
			return &exitError{code: exitUsage, msg: "sureform export：" + err.Error()}
		}
		fmt.Fprintf(c.stdout, "已导出审核报告 %s（%d 页，%d 个错误，%d 个未达标项，%d 个提示）\n",
			*reviewOut, res.Pages, rep.Errors, rep.Unmet, rep.Warnings)
	}
	return nil
}
