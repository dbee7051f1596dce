package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"sureform/export/pdf"
	"sureform/export/xlsx"
)

func runExport(c *cli, args []string) error {
	fs := c.flags("export")
	xlsxOut := fs.String("xlsx", "", "导出的 Excel 自评表（.xlsx）")
	pdfOut := fs.String("pdf", "", "导出的 PDF 报告（.pdf）")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 1:
		return &usageError{msg: "需要一个填报文件"}
	case *xlsxOut == "" && *pdfOut == "":
		return &usageError{msg: "至少指定 --xlsx 或 --pdf 之一"}
	case *xlsxOut != "" && !strings.EqualFold(filepath.Ext(*xlsxOut), ".xlsx"):
		return &usageError{msg: "--xlsx 的文件名应以 .xlsx 结尾"}
	case *pdfOut != "" && !strings.EqualFold(filepath.Ext(*pdfOut), ".pdf"):
		return &usageError{msg: "--pdf 的文件名应以 .pdf 结尾"}
	}
	f, ed, err := c.loadFiling(pos[0])
	if err != nil {
		return err
	}
	if *xlsxOut != "" {
		if err := xlsx.WriteFile(*xlsxOut, f, ed, xlsx.Options{}); err != nil {
			return &exitError{code: exitUsage, msg: "sureform export：" + err.Error()}
		}
		fmt.Fprintf(c.stdout, "已导出 Excel 自评表 %s\n", *xlsxOut)
	}
	if *pdfOut != "" {
		var warnings []pdf.Warning
		opts := pdf.Options{Warn: func(w pdf.Warning) { warnings = append(warnings, w) }}
		if err := pdf.WriteFile(*pdfOut, f, ed, opts); err != nil {
			return &exitError{code: exitUsage, msg: "sureform export：" + err.Error()}
		}
		for _, w := range warnings {
			fmt.Fprintln(c.stderr, "提示：", w.Message)
		}
		fmt.Fprintf(c.stdout, "已导出 PDF 报告 %s\n", *pdfOut)
	}
	return nil
}
