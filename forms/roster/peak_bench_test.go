package roster

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// hostileInput is a file built on demand.
type hostileInput struct {
	name string
	data func(b *testing.B) []byte
}

// fill repeats a piece of XML, numbered from 1, until it takes about nine
// tenths of the import's size limit or n pieces.
func fill(piece string, n int) string {
	var sb strings.Builder
	for i := 1; i <= n && sb.Len() < DefaultMaxBytes*9/10; i++ {
		fmt.Fprintf(&sb, piece, i+4, i+4)
	}
	return sb.String()
}

// hostileInputs are the worst files found for import's memory, each within
// DefaultMaxBytes.
var hostileInputs = []hostileInput{
	// Rows holding a value only in column XFD, past the row cap.
	{"xfd-rows.xlsx", func(b *testing.B) []byte {
		far := fill(`<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, DefaultMaxRows+10)
		return writeZip(b, workbookParts(sheetXML(people(3), far)))
	}},
	// Rows with a value in the last column a roster can use, up to the cap.
	{"col-200-rows.xlsx", func(b *testing.B) []byte {
		wide := fill(`<row r="%d"><c r="GR%d" t="inlineStr"><is><t>x</t></is></c></row>`, DefaultMaxRows-10)
		return writeZip(b, workbookParts(sheetXML(people(3), wide)))
	}},
	// 200 columns of long text in every row, up to the uncompressed cap.
	{"full-cells.xlsx", func(b *testing.B) []byte {
		cell := `<c t="inlineStr"><is><t>` + strings.Repeat("长", 300) + `</t></is></c>`
		row := `<row r="%d">` + strings.Repeat(cell, 200) + `</row><!-- %d -->`
		return writeZip(b, workbookParts(sheetXML(people(0), fill(row, DefaultMaxRows))))
	}},
	// A shared-string table of tiny strings filling the uncompressed cap.
	{"tiny-shared-strings.xlsx", func(b *testing.B) []byte {
		sst := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			fill(`<si><t>%d</t></si><!-- %d -->`, 1<<30) + `</sst>`
		parts := workbookParts(sheetXML(nil, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`))
		return writeZip(b, append(parts, zipPart{name: "xl/sharedStrings.xml", content: sst}))
	}},
	// Merged ranges filling the sheet.
	{"merges.xlsx", func(b *testing.B) []byte {
		merges := `<mergeCells>` + fill(`<mergeCell ref="A%d:GR%d"/>`, 1<<30) + `</mergeCells>`
		sheet := strings.Replace(sheetXML(people(3), ""), `</worksheet>`, merges+`</worksheet>`, 1)
		return writeZip(b, workbookParts(sheet))
	}},
	// Text: the widest lines allowed, blank lines, one long line.
	{"wide-lines.csv", func(b *testing.B) []byte {
		line := strings.Repeat("名,", maxTextFields-1) + "\n"
		return []byte(strings.Repeat(line, DefaultMaxBytes/len(line)))
	}},
	{"blank-lines.csv", func(b *testing.B) []byte {
		return []byte("姓名,院系,年级\n" + strings.Repeat("\n", DefaultMaxBytes-100) + "张三,机电系,大二\n")
	}},
	// A stray quote makes the rest of the file one cell.
	{"stray-quote.csv", func(b *testing.B) []byte {
		line := strings.Repeat("长", 300) + "\n"
		return []byte("姓名,院系\n\"" + strings.Repeat(line, DefaultMaxBytes/len(line)-1))
	}},
	// Every cell of 200 columns filled with a short text.
	{"dense-200.xlsx", func(b *testing.B) []byte {
		row := `<row r="%d">` + strings.Repeat(`<c t="inlineStr"><is><t>名</t></is></c>`, 200) + `</row><!-- %d -->`
		return writeZip(b, workbookParts(sheetXML(people(0), fill(row, DefaultMaxRows))))
	}},
	{"one-line.csv", func(b *testing.B) []byte {
		return []byte(strings.Repeat("长", DefaultMaxBytes/3-1))
	}},
}

// BenchmarkHostilePeakMemory imports each hostile input and reports the
// peak of the heap in use while it does (sampled every millisecond, less
// the heap in use before it started, plus the file's size), in MB. The
// target is under 300 MB for any input. With SUREFORM_HOSTILE_DIR set, the
// inputs are also written to that folder.
func BenchmarkHostilePeakMemory(b *testing.B) {
	for _, in := range hostileInputs {
		b.Run(in.name, func(b *testing.B) {
			data := in.data(b)
			if dir := os.Getenv("SUREFORM_HOSTILE_DIR"); dir != "" {
				// For measuring the peak resident memory of an import in a
				// process of its own.
				if err := os.WriteFile(filepath.Join(dir, in.name), data, 0o600); err != nil {
					b.Fatal(err)
				}
			}
			var peak uint64
			for i := 0; i < b.N; i++ {
				var base runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&base)
				var stop atomic.Bool
				done := make(chan uint64)
				go func() {
					var ms runtime.MemStats
					var top uint64
					for !stop.Load() {
						runtime.ReadMemStats(&ms)
						top = max(top, ms.HeapInuse)
						time.Sleep(time.Millisecond)
					}
					done <- top
				}()
				_, err := Parse(bytes.Clone(data), in.name, Options{})
				stop.Store(true)
				top := <-done
				peak = max(peak, top-min(top, base.HeapInuse)+uint64(len(data)))
				if i == 0 {
					b.Logf("%s (%d KB): %v", in.name, len(data)>>10, err)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}
