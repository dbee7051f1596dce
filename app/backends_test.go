package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/assets"
	"sureform/forms"
)

func example(t *testing.T, name string) (*forms.Filing, *forms.Edition) {
	t.Helper()
	data, err := assets.Examples.ReadFile("examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := forms.Decode(data)
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
	return f, ed
}

// The window's Excel export is the export/xlsx workbook: the file opens
// and holds the roster.
func TestBackendsExportExcel(t *testing.T) {
	b := backends()
	if b.Excel == nil {
		t.Fatal("no Excel exporter")
	}
	f, ed := example(t, "yangquan-2021.json")
	path := filepath.Join(t.TempDir(), "out.xlsx")
	if _, err := b.Excel.Export(path, f, ed, func(float64) {}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("校级组织工作人员名单")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		for _, c := range r {
			found = found || c == f.Members[0].Name
		}
	}
	if !found {
		t.Errorf("roster sheet lacks %s", f.Members[0].Name)
	}
	// a folder that does not exist is an error, not a crash
	if _, err := b.Excel.Export(filepath.Join(t.TempDir(), "无此目录", "x.xlsx"), f, ed, nil); err == nil {
		t.Error("export into a missing folder succeeded")
	}
	os.Remove(path)
}

// The window's PDF export is the export/pdf report, with its progress.
func TestBackendsExportPDF(t *testing.T) {
	b := backends()
	if b.PDF == nil {
		t.Fatal("no PDF exporter")
	}
	f, ed := example(t, "changji-2020.json")
	path := filepath.Join(t.TempDir(), "out.pdf")
	last := 0.0
	notes, err := b.PDF.Export(path, f, ed, func(v float64) { last = v })
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %v", err)
	}
	if last < 0.99 {
		t.Errorf("progress ended at %v", last)
	}
	// the one note names the face the report is set in
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "PDF 报告使用的字体") {
		t.Errorf("notes for an example whose characters are all printable: %v", notes)
	}
}
