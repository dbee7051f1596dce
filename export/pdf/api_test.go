package pdf

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sureform/export/formtext"
	"sureform/forms"
)

// TestWriteFile checks that WriteFile writes a readable report and that a
// failed export leaves an existing file as it was.
func TestWriteFile(t *testing.T) {
	f, ed := example(t, "yangquan-2021.json")
	path := filepath.Join(t.TempDir(), "报告.pdf")
	if err := WriteFile(path, f, ed, Options{Created: fixedTime}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("written file is not a PDF (%v)", err)
	}
	other, _ := example(t, "changji-2020.json")
	err = WriteFile(path, other, ed, Options{})
	if err == nil {
		t.Fatal("a 2020 filing written with the 2021 edition: no error")
	}
	again, _ := os.ReadFile(path)
	if !bytes.Equal(again, data) {
		t.Error("a failed export changed the existing file")
	}
	if err := WriteFile(filepath.Join(t.TempDir(), "无此目录", "a.pdf"), f, ed, Options{}); err == nil {
		t.Error("writing into a missing folder: no error")
	}
}

// TestRenderErrors checks the errors for missing input and a writer that
// fails.
func TestRenderErrors(t *testing.T) {
	f, ed := example(t, "yangquan-2021.json")
	if err := Write(&bytes.Buffer{}, nil, ed, Options{}); err == nil {
		t.Error("nil filing: no error")
	}
	if err := Write(&bytes.Buffer{}, f, nil, Options{}); err == nil {
		t.Error("nil edition: no error")
	}
	err := Write(failingWriter{}, f, ed, Options{})
	if err == nil || !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), "PDF") {
		t.Errorf("failing writer: err = %v", err)
	}
}

var errDiskFull = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// TestProgress checks that progress rises from 0 to 1.
func TestProgress(t *testing.T) {
	f, ed := syntheticFiling(t, 600)
	var got []float64
	if err := Write(&bytes.Buffer{}, f, ed, Options{Progress: func(p float64) { got = append(got, p) }}); err != nil {
		t.Fatal(err)
	}
	if len(got) < 5 || got[len(got)-1] != 1 {
		t.Fatalf("progress %v: want several steps ending at 1", got)
	}
	for i := 1; i < len(got); i++ {
		if got[i] < got[i-1] || got[i] < 0 || got[i] > 1 {
			t.Fatalf("progress goes %v → %v", got[i-1], got[i])
		}
	}
}

// TestEmptyAndExtremeFilings writes an empty filing of every edition, and
// one with very long texts, long names and no departments.
func TestEmptyAndExtremeFilings(t *testing.T) {
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	for _, ed := range eds.All() {
		f := forms.NewFiling(ed, "", "", time.Date(2021, 10, 1, 0, 0, 0, 0, time.UTC))
		if _, res := renderFixed(t, f, ed); res.Pages < 2 {
			t.Errorf("edition %s: empty filing has %d pages", ed.ID, res.Pages)
		}
	}

	f, ed := example(t, "changji-2020.json")
	long := strings.Repeat("学生会组织坚持全心全意服务同学，聚焦主责主业；“主席团+工作部门”模式（详见章程）。", 400)
	f.Texts.Experience = long // shown in the form's optional row: split over pages
	f.Texts.Charter = long + "\n\n" + long
	f.Members[0].Experience = strings.Repeat("班长、团支书、", 300) // a roster row taller than a page
	f.Members[1].Name = strings.Repeat("阿米娜姆·萨吾提", 5)
	f.Departments = nil
	for i := range f.Members {
		f.Members[i].Department = ""
	}
	pdf, res := renderFixed(t, f, ed)
	if res.Pages < 20 {
		t.Errorf("long texts gave only %d pages", res.Pages)
	}
	text := pdftotext(t, pdf)
	checkKinsoku(t, text)
	for _, checker := range []string{"未填部门", "按名单统计"} {
		if strings.Contains(squeeze(text), checker) {
			t.Errorf("the report prints checker text %q", checker)
		}
	}
	if zero := regexp.MustCompile(`(^|[^0-9])0人`).FindString(squeeze(text)); zero != "" {
		t.Errorf("the report prints a head count of 0: %q", zero)
	}
	// Remove what each new page repeats: page number, running header, the
	// form's table header.
	flow := regexp.MustCompile(`第\d+页共\d+页`).ReplaceAllString(squeeze(text), "")
	for _, furniture := range []string{formtext.OrgName(f) + ed.Title, "项目验收结论备注"} {
		flow = strings.ReplaceAll(flow, squeeze(furniture), "")
	}
	if n := strings.Count(flow, squeeze(long)); n < 3 {
		t.Errorf("the long text appears whole %d times, want 3", n)
	}
}

// TestConcurrentRenders writes reports from several goroutines, as the GUI
// may; run with -race.
func TestConcurrentRenders(t *testing.T) {
	want := map[string][]byte{}
	for _, n := range exampleNames {
		f, ed := example(t, n)
		want[n], _ = renderFixed(t, f, ed)
	}
	errs := make(chan error, len(exampleNames)*2)
	for i := 0; i < 2; i++ {
		for _, n := range exampleNames {
			go func() {
				f, ed := example(t, n)
				var buf bytes.Buffer
				err := Write(&buf, f, ed, Options{Created: fixedTime})
				if err == nil && !bytes.Equal(buf.Bytes(), want[n]) {
					err = errors.New(n + ": concurrent render differs")
				}
				errs <- err
			}()
		}
	}
	for i := 0; i < cap(errs); i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	f, ed := rareFiling(t)
	done := make(chan error, 3)
	for i := 0; i < 3; i++ {
		go func() { done <- Write(&bytes.Buffer{}, f, ed, Options{}) }()
	}
	for i := 0; i < 3; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
