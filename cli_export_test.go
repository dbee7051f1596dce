package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/export/pdf"
	"sureform/forms"
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

// TestCLIExportStrictAndReview: export states the errors and unanswered
// items on stderr; --strict refuses while there are errors and writes
// nothing; --review writes the 审核报告.
func TestCLIExportStrictAndReview(t *testing.T) {
	dir := t.TempDir()
	lanzhou := filepath.Join("assets", "examples", "lanzhou-2020.json")
	pdfPath := filepath.Join(dir, "兰州.pdf")
	code, _, stderr := runCLI(t, "export", lanzhou, "--pdf", pdfPath, "--strict")
	if code != exitFindings || !strings.Contains(stderr, "个错误") || !strings.Contains(stderr, "--strict") {
		t.Errorf("--strict with errors: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(pdfPath); err == nil {
		t.Error("--strict wrote the PDF")
	}

	review := filepath.Join(dir, "审核报告.pdf")
	code, out, stderr := runCLI(t, "export", lanzhou, "--pdf", pdfPath, "--review", review)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := forms.Load(lanzhou)
	if err != nil {
		t.Fatal(err)
	}
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	ed, err := eds.Get(f.Edition)
	if err != nil {
		t.Fatal(err)
	}
	rep := forms.Validate(f, ed)
	want := fmt.Sprintf("仍有 %d 个错误、%d 个未作答的项目", rep.Errors, len(pdf.Unanswered(f, ed)))
	if rep.Errors == 0 || !strings.Contains(stderr, want) {
		t.Errorf("stderr does not count the errors and unanswered items: %q", stderr)
	}
	if !strings.Contains(out, "字体：") || !strings.Contains(out, "已导出审核报告") {
		t.Errorf("stdout: %q", out)
	}
	for _, p := range []string{pdfPath, review} {
		if data, err := os.ReadFile(p); err != nil || !strings.HasPrefix(string(data), "%PDF-") {
			t.Errorf("%s: %v", p, err)
		}
	}

	// A filing without errors exports under --strict and says nothing on
	// stderr about errors.
	code, _, stderr = runCLI(t, "export", filepath.Join("assets", "examples", "changji-2020.json"), "--xlsx", filepath.Join(dir, "昌吉.xlsx"), "--strict")
	if code != exitOK || strings.Contains(stderr, "个错误") {
		t.Errorf("changji --strict: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "export", lanzhou, "--review", filepath.Join(dir, "a.txt"))
	if code != exitUsage || !strings.Contains(stderr, "--review") {
		t.Errorf("--review .txt: exit %d, stderr %q", code, stderr)
	}
}

// TestCLIExportUnconfirmed exports a filing in the 2023—2024 edition: the
// official PDF prints the items verbatim, and stderr names the unconfirmed
// items with 请与本省下发的表格核对.
func TestCLIExportUnconfirmed(t *testing.T) {
	dir := t.TempDir()
	filing := filepath.Join(dir, "阳泉2023.json")
	if code, _, stderr := runCLI(t, "carry", filepath.Join("assets", "examples", "yangquan-2021.json"), "--edition", "2023-2024", "-o", filing); code != exitOK {
		t.Fatalf("carry: exit %d: %s", code, stderr)
	}
	code, _, stderr := runCLI(t, "export", filing, "--xlsx", filepath.Join(dir, "x.xlsx"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, forms.UnconfirmedNote) || !strings.Contains(stderr, "第8、9、11—17项") {
		t.Errorf("stderr does not name the unconfirmed items:\n%s", stderr)
	}
	code, _, stderr = runCLI(t, "export", filepath.Join("assets", "examples", "yangquan-2021.json"), "--xlsx", filepath.Join(dir, "y.xlsx"))
	if code != exitOK || strings.Contains(stderr, forms.UnconfirmedNote) {
		t.Errorf("2021 edition: exit %d, stderr %q", code, stderr)
	}
}
