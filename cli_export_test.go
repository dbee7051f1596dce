package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestCLIExport(t *testing.T) {
	dir := t.TempDir()
	xlsxPath := filepath.Join(dir, "阳泉.xlsx")
	pdfPath := filepath.Join(dir, "阳泉.pdf")
	code, out, stderr := runCLI(t, "export", filepath.Join("assets", "examples", "yangquan-2021.json"), "--xlsx", xlsxPath, "--pdf", pdfPath)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, xlsxPath) || !strings.Contains(out, pdfPath) {
		t.Errorf("output should name both files:\n%s", out)
	}
	wb, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatalf("exported workbook: %v", err)
	}
	defer wb.Close()
	if len(wb.GetSheetList()) < 4 {
		t.Errorf("sheets: %v", wb.GetSheetList())
	}
	data, err := os.ReadFile(pdfPath)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Errorf("exported PDF: %v", err)
	}
}

func TestCLIExportErrors(t *testing.T) {
	dir := t.TempDir()
	example := filepath.Join("assets", "examples", "lanzhou-2020.json")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no output", []string{"export", example}, exitUsage, "至少指定"},
		{"no file", []string{"export", "--pdf", filepath.Join(dir, "a.pdf")}, exitUsage, "需要一个填报文件"},
		{"wrong suffix", []string{"export", example, "--xlsx", filepath.Join(dir, "a.xls")}, exitUsage, ".xlsx"},
		{"missing filing", []string{"export", filepath.Join(dir, "none.json"), "--pdf", filepath.Join(dir, "a.pdf")}, exitUsage, "不存在"},
		{"missing folder", []string{"export", example, "--pdf", filepath.Join(dir, "no", "a.pdf")}, exitUsage, "sureform export"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.stderr)
			}
		})
	}
}
