package roster

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// roster5000 builds a 5,000-row roster workbook in the template's shape,
// with a title row, values as users write them and a few noisy cells.
func roster5000(b *testing.B) []byte {
	b.Helper()
	colleges := []string{"机电工程系", "医学护理系", "信息技术系", "药学与医 学技术分 院", "经济管理系"}
	grades := []string{"大一", "大二", "二年级", "2023级", "研一"}
	ranks := []string{"3/45", "20/专业", "6", "前10%", "", "３／４５"}
	statuses := []string{"团员", "共青团员", "中共党员", "预备党员"}
	positions := []string{"干事", "部长", "副部长", "文体部部长", "主席"}
	rows := [][]string{{"某某学院学生会校级组织工作人员名单"}, {}}
	for i, f := range TemplateColumns {
		rows[1] = append(rows[1], f.Title())
		_ = i
	}
	for i := 0; i < 5000; i++ {
		rows = append(rows, []string{fmt.Sprint(i + 1), personName(i), statuses[i%4], colleges[i%5],
			grades[i%5], ranks[i%6], []string{"否", "无", "0", "1门"}[i%4], "班长、学习委员", positions[i%5],
			"学习部", "护理", "是"})
	}
	wb := excelize.NewFile()
	defer wb.Close()
	sw, err := wb.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	for r, row := range rows {
		vals := make([]any, len(row))
		for i, v := range row {
			vals[i] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := sw.SetRow(cell, vals); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.MergeCell("A1", "L1"); err != nil {
		b.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wb.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkRoster5000 measures import of a 5,000-row roster side by side
// with excelize only reading the same rows (GetRows, and the Rows
// iterator). The target is import ≤ 1.5 × the raw read.
func BenchmarkRoster5000(b *testing.B) {
	data := roster5000(b)
	b.Run("import", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			p, err := Parse(data, "名单.xlsx", Options{AcademicYear: "2024—2025学年"})
			if err != nil {
				b.Fatal(err)
			}
			if len(p.Members) != 5000 {
				b.Fatalf("%d members", len(p.Members))
			}
		}
	})
	b.Run("excelize-GetRows", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			wb, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			rows, err := wb.GetRows("Sheet1")
			if err != nil || len(rows) != 5002 {
				b.Fatal(err, len(rows))
			}
			wb.Close()
		}
	})
	b.Run("excelize-Rows", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			wb, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			it, err := wb.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for it.Next() {
				if _, err := it.Columns(); err != nil {
					b.Fatal(err)
				}
				n++
			}
			it.Close()
			wb.Close()
			if n != 5002 {
				b.Fatal(n)
			}
		}
	})
}

// BenchmarkRoster5000Ratio runs import and excelize's raw read (OpenReader
// + Rows iterator, the cheaper of the two raw reads) alternately in the
// same loop, so that both see the same machine load, and reports the time
// of each and their ratio (target ≤ 1.5).
func BenchmarkRoster5000Ratio(b *testing.B) {
	data := roster5000(b)
	var importNS, readNS int64
	for i := 0; i < b.N; i++ {
		start := time.Now()
		wb, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		it, err := wb.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		for it.Next() {
			if _, err := it.Columns(); err != nil {
				b.Fatal(err)
			}
		}
		it.Close()
		wb.Close()
		readNS += time.Since(start).Nanoseconds()

		start = time.Now()
		if _, err := Parse(data, "名单.xlsx", Options{AcademicYear: "2024—2025学年"}); err != nil {
			b.Fatal(err)
		}
		importNS += time.Since(start).Nanoseconds()
	}
	b.ReportMetric(float64(importNS)/float64(b.N)/1e6, "import-ms/op")
	b.ReportMetric(float64(readNS)/float64(b.N)/1e6, "excelize-read-ms/op")
	b.ReportMetric(float64(importNS)/float64(readNS), "import/read")
}
