package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestMergesDoNotOverlap checks that no two merged ranges of a sheet share
// a cell, which makes Excel offer to repair the file.
func TestMergesDoNotOverlap(t *testing.T) {
	for _, name := range examples {
		f, ed := example(t, name)
		x, _ := export(t, f, ed)
		for _, sheet := range x.GetSheetList() {
			ms, err := x.GetMergeCells(sheet, true)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[[2]int]string{}
			for _, m := range ms {
				c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
				c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
				for r := r1; r <= r2; r++ {
					for c := c1; c <= c2; c++ {
						rng := m.GetStartAxis() + ":" + m.GetEndAxis()
						if prev, dup := seen[[2]int{r, c}]; dup {
							t.Errorf("%s %s: %s overlaps %s", name, sheet, rng, prev)
						}
						seen[[2]int{r, c}] = rng
					}
				}
			}
		}
	}
}

// TestLibreOffice converts the example workbooks to PDF with LibreOffice
// and checks that every item text of the edition is in the PDF's text,
// that is, LibreOffice opened the file and printed the form. It is slow
// and needs soffice and pdftotext, so it runs only with SUREFORM_SOFFICE=1.
func TestLibreOffice(t *testing.T) {
	if os.Getenv("SUREFORM_SOFFICE") == "" {
		t.Skip("set SUREFORM_SOFFICE=1 to convert with LibreOffice")
	}
	for _, tool := range []string{"soffice", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	dir := t.TempDir()
	var inputs []string
	for _, name := range examples {
		f, ed := example(t, name)
		p := filepath.Join(dir, name+".xlsx")
		if err := WriteFile(p, f, ed, Options{Time: fixedTime}); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, p)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir}, inputs...)
	if out, err := exec.Command("soffice", args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	squash := func(s string) string {
		return strings.Join(strings.Fields(s), "")
	}
	for _, name := range examples {
		out, err := exec.Command("pdftotext", filepath.Join(dir, name+".pdf"), "-").Output()
		if err != nil {
			t.Fatalf("%s: pdftotext: %v", name, err)
		}
		text := squash(string(out))
		_, ed := example(t, name)
		for _, sec := range ed.Sections {
			for _, it := range sec.Items {
				if !strings.Contains(text, squash(it.Text)) {
					t.Errorf("%s: item %s not in the PDF: %s", name, it.ID, it.Text)
				}
			}
		}
		for _, w := range []string{"第1页共", "校级组织工作人员名单", "学生会组织秘书长"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not in the PDF", name, w)
			}
		}
	}
}
