package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
)

// templateText lays an edition out as text copied from the Word table:
// cells split by tabs, one row per line.
func templateText(ed *forms.Edition, year string) string {
	var b strings.Builder
	b.WriteString(year + "改革自评表\n" + ed.Legend + "\n")
	for _, s := range ed.Sections {
		b.WriteString("（一）" + s.Title + "\n" + strings.Join(s.Columns, "\t") + "\n")
		for _, it := range s.Items {
			b.WriteString(it.Number + it.Marker + ". " + it.Text + "\t□" + s.Answers[0] + " □" + s.Answers[1] + "\n")
		}
	}
	return b.String()
}

func TestCLIEditionsFromTemplate(t *testing.T) {
	t.Setenv("SUREFORM_EDITIONS_DIR", t.TempDir())
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "模板.txt")
	os.WriteFile(src, []byte(templateText(eds.Newest(), "2026—2027学年")), 0o600)

	// Without -o or --install: only the listing.
	code, out, stderr := runCLI(t, "editions", "--from", src)
	if code != exitOK || !strings.Contains(out, "由模板读出的表格版本 2026-2027") || !strings.Contains(out, "共 30 项：相同 30 项") || !strings.Contains(out, "未保存") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	def := filepath.Join(dir, "2026-2027.toml")
	code, out, stderr = runCLI(t, "editions", "--from", src, "-o", def, "--install")
	if code != exitOK || !strings.Contains(out, "已写出表格版本定义") || !strings.Contains(out, "已加入表格版本 2026-2027") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	ed, err := forms.ReadEditionFile(def)
	if err != nil {
		t.Fatal(err)
	}
	if it, _, _ := ed.Item("3"); it.Fact != forms.FactStaffLimit {
		t.Errorf("item 3 fact %q", it.Fact)
	}
	// Every command knows it now, and it is the newest: a new filing uses it.
	path := filepath.Join(dir, "f.json")
	if code, _, stderr := runCLI(t, "new", "--school", "某学院", "-o", path); code != exitOK {
		t.Fatalf("new: %s", stderr)
	}
	if f, _ := forms.Load(path); f == nil || f.Edition != "2026-2027" || f.AcademicYear == "" {
		t.Errorf("new filing %+v", f)
	}
	// The same template again: the id is taken.
	if code, _, stderr := runCLI(t, "editions", "--from", src); code != exitUsage || !strings.Contains(stderr, "已存在") {
		t.Errorf("second import: exit %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "editions", "--from", filepath.Join(dir, "没有.xlsx")); code != exitUsage || !strings.Contains(stderr, "没有.xlsx") {
		t.Errorf("missing template: exit %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "editions", "-o", def); code != exitUsage {
		t.Errorf("-o without --from: exit %d", code)
	}
}

func TestCLICarry(t *testing.T) {
	t.Setenv("SUREFORM_EDITIONS_DIR", t.TempDir())
	out := filepath.Join(t.TempDir(), "carried.json")
	code, stdout, stderr := runCLI(t, "carry", filepath.Join("assets", "examples", "changji-2020.json"), "--edition", "2021", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"答案已转过去", "原第 16 项", "原第 17 项", "已保存"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("carry output lacks %q:\n%s", want, stdout)
		}
	}
	f, err := forms.Load(out)
	if err != nil || f.Edition != "2021" {
		t.Fatalf("carried filing: %v %+v", err, f)
	}
	if code, _, stderr := runCLI(t, "carry", filepath.Join("assets", "examples", "changji-2020.json"), "-o", out); code != exitUsage || !strings.Contains(stderr, "已存在") {
		t.Errorf("carry over an existing file: exit %d %s", code, stderr)
	}
}

// xlsxTemplate lays an edition out as the province's blank Excel form:
// one row per item (number, marker and text | answer boxes | 备注), with
// the wording of the items in reword replaced.
func xlsxTemplate(t *testing.T, ed *forms.Edition, reword map[string]string, path string) {
	t.Helper()
	wb := excelize.NewFile()
	defer wb.Close()
	row := 0
	put := func(cells ...string) {
		row++
		for c, v := range cells {
			ref, _ := excelize.CoordinatesToCellName(c+1, row)
			wb.SetCellStr("Sheet1", ref, v)
		}
	}
	note := map[string]string{forms.NoteStaffCount: "实有    人", forms.NotePresidiumCount: "实有    人",
		forms.NoteDepartmentCount: "实有    个", forms.NoteCongressDate: "召开日期为："}
	put(ed.AcademicYear + ed.Title)
	put(ed.Legend)
	for _, s := range ed.Sections {
		put("（一）" + s.Title)
		put(s.Columns...)
		for _, it := range s.Items {
			text := it.Text
			if r, ok := reword[it.ID]; ok {
				text = r
			}
			boxes := "□" + s.Answers[0] + " □" + s.Answers[1]
			if s.Kind == forms.SectionCounts {
				boxes = ""
			}
			put(it.Number+it.Marker+". "+text, boxes, note[it.Note])
		}
	}
	if err := wb.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestCLIEditionsFromXLSX builds an xlsx template from the newest shipped
// edition, runs editions --from on it and gets the same items, markers and
// facts back; with two items reworded, exactly those two are listed as
// changed.
func TestCLIEditionsFromXLSX(t *testing.T) {
	t.Setenv("SUREFORM_EDITIONS_DIR", t.TempDir())
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	ref := eds.Newest()
	dir := t.TempDir()
	src, out := filepath.Join(dir, "模板.xlsx"), filepath.Join(dir, "版本.toml")
	xlsxTemplate(t, ref, nil, src)
	code, stdout, stderr := runCLI(t, "editions", "--from", src, "--id", "模板版", "-o", out)
	if code != exitOK || !strings.Contains(stdout, "有改动 0 项，新增 0 项") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	got, err := forms.ReadEditionFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for si, s := range ref.Sections {
		gs := got.Sections[si]
		if gs.ID != s.ID || len(gs.Items) != len(s.Items) {
			t.Fatalf("section %s: %s with %d items", s.ID, gs.ID, len(gs.Items))
		}
		for i, it := range s.Items {
			g := gs.Items[i]
			if g.ID != it.ID || g.Text != it.Text || g.Marker != it.Marker || g.Fact != it.Fact || g.Note != it.Note {
				t.Errorf("item %s:\n got %+v\nwant %+v", it.ID, g, it)
			}
		}
	}

	reworded := filepath.Join(dir, "改动.xlsx")
	xlsxTemplate(t, ref, map[string]string{"5": "工作部门不超过5个。", "c4": "院级主席团成员不超过3人。"}, reworded)
	code, stdout, stderr = runCLI(t, "editions", "--from", reworded, "--id", "改动版")
	if code != exitOK || !strings.Contains(stdout, "有改动 2 项，新增 0 项") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"原第 5 项：工作部门不超过6个。", "原第 c4 项：主席团成员不超过3人。"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("listing lacks %q:\n%s", want, stdout)
		}
	}
}
