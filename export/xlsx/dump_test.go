package xlsx

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sureform/assets"
	"sureform/forms"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixedTime is the document time of the test workbooks.
var fixedTime = time.Date(2021, 11, 30, 8, 0, 0, 0, time.UTC)

// examples are the example filings, by file name without extension.
var examples = []string{"changji-2020", "lanzhou-2020", "yangquan-2021"}

func editions(t testing.TB) *forms.Editions {
	t.Helper()
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	return eds
}

// example loads an example filing and its edition from the embedded assets.
func example(t testing.TB, name string) (*forms.Filing, *forms.Edition) {
	t.Helper()
	data, err := assets.Examples.ReadFile("examples/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := forms.Decode(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	ed, err := editions(t).Get(f.Edition)
	if err != nil {
		t.Fatal(err)
	}
	return f, ed
}

// export writes the workbook and opens it again with excelize.
func export(t testing.TB, f *forms.Filing, ed *forms.Edition) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, ed, Options{Time: fixedTime}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("reading the workbook back: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x, buf.Bytes()
}

// dump is a readable summary of a workbook: per sheet the print settings,
// column widths, merged ranges and every non-empty cell with its row's
// height. Golden files hold it.
func dump(t testing.TB, x *excelize.File) string {
	t.Helper()
	var b strings.Builder
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	props, err := x.GetDocProps()
	must(err)
	fmt.Fprintf(&b, "文档属性: title=%q subject=%q creator=%q lastModifiedBy=%q created=%s modified=%s\n",
		props.Title, props.Subject, props.Creator, props.LastModifiedBy, props.Created, props.Modified)
	titles := map[string]string{}
	for _, dn := range x.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, name := range x.GetSheetList() {
		fmt.Fprintf(&b, "\n== 工作表 %s ==\n", name)
		pl, err := x.GetPageLayout(name)
		must(err)
		fmt.Fprintf(&b, "纸张=%d 方向=%s 宽=%d页 高=%d页\n", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
		pm, err := x.GetPageMargins(name)
		must(err)
		fmt.Fprintf(&b, "边距 左%.2f 右%.2f 上%.2f 下%.2f 页眉%.2f 页脚%.2f 水平居中=%v\n",
			*pm.Left, *pm.Right, *pm.Top, *pm.Bottom, *pm.Header, *pm.Footer, *pm.Horizontally)
		hf, err := x.GetHeaderFooter(name)
		must(err)
		fmt.Fprintf(&b, "页脚=%q 打印标题=%q\n", hf.OddFooter, titles[name])
		rows, err := x.GetRows(name)
		must(err)
		cols, _ := x.GetCols(name)
		var widths []string
		for i := range max(len(cols), 4) {
			col, _ := excelize.ColumnNumberToName(i + 1)
			w, err := x.GetColWidth(name, col)
			must(err)
			widths = append(widths, fmt.Sprintf("%s=%g", col, w))
		}
		fmt.Fprintf(&b, "列宽 %s\n", strings.Join(widths, " "))
		merges, err := x.GetMergeCells(name, true)
		must(err)
		var ms []string
		for _, m := range merges {
			ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		sort.Strings(ms)
		fmt.Fprintf(&b, "合并 %s\n", strings.Join(ms, " "))
		for r, row := range rows {
			h, err := x.GetRowHeight(name, r+1)
			must(err)
			fmt.Fprintf(&b, "%d [%.2f]", r+1, h)
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fmt.Fprintf(&b, " %s=%q", cell, v)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			f, ed := example(t, name)
			x, _ := export(t, f, ed)
			got := dump(t, x)
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("workbook differs from %s (go test -update rewrites it):\n%s", path, diff(string(want), got))
			}
		})
	}
}

// diff lists the lines that differ between two dumps.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < max(len(w), len(g)) && n < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n- %s\n+ %s\n", i+1, wl, gl)
			n++
		}
	}
	return b.String()
}
