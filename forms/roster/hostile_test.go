package roster

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Workbooks written by hand, part by part, so that a test can give a part
// any content and its zip entry any header.

const (
	xmlContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
	xmlRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	xmlWorkbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`
	xmlWorkbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
)

// zipPart is one entry of a hand-made package. When lie is set, the
// entry's header claims the size and checksum of content but only the
// first lie bytes of it are stored.
type zipPart struct {
	name    string
	content string
	lie     int
	store   bool
}

func writeZip(t testing.TB, parts []zipPart) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		body := []byte(p.content)
		stored := body
		if p.lie > 0 {
			stored = body[:p.lie]
		}
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(body), UncompressedSize64: uint64(len(body))}
		var data []byte
		if p.store {
			h.Method = zip.Store
			data = stored
		} else {
			var c bytes.Buffer
			fw, _ := flate.NewWriter(&c, flate.DefaultCompression)
			fw.Write(stored)
			fw.Close()
			data = c.Bytes()
		}
		h.CompressedSize64 = uint64(len(data))
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheetXML writes rows of inline strings as a worksheet; extra is
// appended to sheetData as it is.
func sheetXML(rows [][]string, extra string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r, row := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, r+1)
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, cell, v)
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(extra)
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

func workbookParts(sheet string) []zipPart {
	return []zipPart{
		{name: "[Content_Types].xml", content: xmlContentTypes},
		{name: "_rels/.rels", content: xmlRootRels},
		{name: "xl/workbook.xml", content: xmlWorkbook},
		{name: "xl/_rels/workbook.xml.rels", content: xmlWorkbookRels},
		{name: "xl/worksheets/sheet1.xml", content: sheet},
	}
}

// people is a roster of n members.
func people(n int) [][]string {
	rows := [][]string{smallRoster[0]}
	for i := 0; i < n; i++ {
		rows = append(rows, []string{itoa(i + 1), personName(i), "团员", "机电系", "大二", "3/45", "否"})
	}
	return rows
}

func TestHandMadeWorkbookImports(t *testing.T) {
	p, err := Parse(writeZip(t, workbookParts(sheetXML(people(50), ""))), "名单.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Members) != 50 {
		t.Errorf("%d members", len(p.Members))
	}
}

// TestDamagedWorkbookImportsNothing: a workbook whose sheet is shorter
// than its zip header says (a damaged download) imported half its people
// without a word; every such file is now refused whole.
func TestDamagedWorkbookImportsNothing(t *testing.T) {
	sheet := sheetXML(people(5000), "")
	cut := len(sheet) * 46 / 100
	tests := []struct {
		name  string
		parts []zipPart
	}{
		{"deflated part cut short", func() []zipPart {
			p := workbookParts(sheet)
			p[4].lie = cut
			return p
		}()},
		{"stored part cut short", func() []zipPart {
			p := workbookParts(sheet)
			p[4].lie, p[4].store = cut, true
			return p
		}()},
		// The zip is whole, but the sheet inside was cut before it was
		// packed: excelize stops at the break without a word.
		{"sheet XML cut short", func() []zipPart {
			p := workbookParts(sheet[:cut])
			return p
		}()},
		{"other part cut short", func() []zipPart {
			p := workbookParts(sheet)
			p[2].lie = len(p[2].content) / 2
			return p
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := writeZip(t, tt.parts)
			p, err := Parse(data, "名单.xlsx", Options{})
			if p != nil {
				t.Fatalf("imported %d members from a damaged file", len(p.Members))
			}
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "文件不完整或已损坏") {
				t.Errorf("error = %v", err)
			}
		})
	}
}

// TestChecksumMismatch: the content differs from what the header's
// checksum says.
func TestChecksumMismatch(t *testing.T) {
	sheet := sheetXML(people(20), "")
	parts := workbookParts(sheet)
	data := writeZip(t, parts)
	// Flip the CRC in the central directory and the local header.
	crc := crc32.ChecksumIEEE([]byte(sheet))
	var le [4]byte
	le[0], le[1], le[2], le[3] = byte(crc), byte(crc>>8), byte(crc>>16), byte(crc>>24)
	bad := bytes.ReplaceAll(data, le[:], []byte{le[0] ^ 1, le[1], le[2], le[3]})
	if bytes.Equal(bad, data) {
		t.Fatal("checksum not found")
	}
	if _, err := Parse(bad, "名单.xlsx", Options{}); !errors.Is(err, ErrDamaged) {
		t.Errorf("error = %v", err)
	}
}

// TestFarColumnRowsAreBounded: rows whose only value is in column XFD
// were padded to 16,384 cells each and, counting as blank, passed the row
// cap: 12 KB took 524 MB. Now such a row keeps nothing and counts.
func TestFarColumnRowsAreBounded(t *testing.T) {
	var far strings.Builder
	for r := 5; r < 405; r++ {
		fmt.Fprintf(&far, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, r, r)
	}
	data := writeZip(t, workbookParts(sheetXML(people(3), far.String())))
	p, err := Parse(data, "名单.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Members) != 3 {
		t.Errorf("%d members", len(p.Members))
	}
	if _, err := Parse(data, "名单.xlsx", Options{MaxRows: 300}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("404 rows against a cap of 300: %v", err)
	}

	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	sh, err := readSheet(wb, "名单", -1, DefaultMaxRows, worksheetPaths(wb))
	if err != nil {
		t.Fatal(err)
	}
	kept := 0
	for _, row := range sh.rows {
		kept += cap(row)
	}
	if kept > 4*len(smallRoster[0]) {
		t.Errorf("rows keep %d cells", kept)
	}
}

// TestBlankRowsCount: blank rows count against the row cap, in a workbook
// (a row far below, or thousands of empty ones) and in text.
func TestBlankRowsCount(t *testing.T) {
	far := `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>`
	if _, err := Parse(writeZip(t, workbookParts(sheetXML(people(3), far))), "名单.xlsx", Options{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a row at 1,048,576: %v", err)
	}
	var empty strings.Builder
	for r := 5; r < 2000; r++ {
		fmt.Fprintf(&empty, `<row r="%d"/>`, r)
	}
	if _, err := Parse(writeZip(t, workbookParts(sheetXML(people(3), empty.String()))), "名单.xlsx", Options{MaxRows: 1000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("2,000 empty rows: %v", err)
	}
	text := string(csvBytes(t, people(3), ',')) + strings.Repeat("\n", 2000) + "4,赵六,团员,机电系,大一,,\n"
	if _, err := Parse([]byte(text), "名单.csv", Options{MaxRows: 1000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("2,000 blank lines: %v", err)
	}
	if _, err := Parse([]byte(text), "名单.csv", Options{}); err != nil {
		t.Errorf("2,000 blank lines under the default cap: %v", err)
	}
}

func TestWideTextLine(t *testing.T) {
	text := string(csvBytes(t, people(3), ',')) + strings.Repeat(",", 100000) + "x\n"
	_, err := Parse([]byte(text), "名单.csv", Options{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "第 5 行") {
		t.Errorf("error = %v", err)
	}
}

// TestWorkbookNameNotAZip: a file named .xlsx that is no zip says so,
// instead of that no roster header was found; text that is a roster is
// still read.
func TestWorkbookNameNotAZip(t *testing.T) {
	for _, data := range [][]byte{
		append([]byte("MZ\x90\x00"), make([]byte, 300)...),
		[]byte("这只是一段文字，不是名单。\n第二行。\n"),
	} {
		_, err := Parse(data, "名单.xlsx", Options{})
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "不是 Excel 工作簿") || strings.Contains(err.Error(), "表头") {
			t.Errorf("error = %v", err)
		}
	}
	p, err := Parse(csvBytes(t, smallRoster, ','), "名单.xlsx", Options{})
	if err != nil || len(p.Members) != 3 {
		t.Errorf("a CSV roster named .xlsx: %v", err)
	}
}

func TestPartComplete(t *testing.T) {
	tests := []struct {
		xml  string
		want bool
	}{
		{`<worksheet><sheetData/></worksheet>`, true},
		{"<x:worksheet><x:sheetData/></x:worksheet>\r\n", true},
		{`<worksheet><sheetData/></worksheet`, false},
		{`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`, false},
		{`<worksheet><sheetData/></notworksheet>`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := partComplete([]byte(tt.xml), "worksheet"); got != tt.want {
			t.Errorf("partComplete(%q) = %v", tt.xml, got)
		}
	}
}

func TestCountElements(t *testing.T) {
	xml := []byte(`<sst count="3"><si><t>a</t></si><x:si><t>b</t></x:si><si
><t>c</t></si><sig/><s/><si/></sst>`)
	if got := countElements(xml, "si"); got != 4 {
		t.Errorf("countElements = %d", got)
	}
}

// TestLimitsOnContent: a cell longer than Excel allows, a huge merged
// range list and a table of tiny shared strings are refused, not held.
func TestLimitsOnContent(t *testing.T) {
	long := strings.Repeat("长", maxCellChars+1)
	tests := []struct {
		name string
		data []byte
	}{
		{"名单.csv", []byte("姓名,院系\n\"" + long + "\n张三,机电系\n")},
		{"名单.xlsx", writeZip(t, workbookParts(sheetXML([][]string{{"姓名", long}}, "")))},
		{"合并.xlsx", writeZip(t, workbookParts(strings.Replace(sheetXML(people(3), ""), `</worksheet>`,
			`<mergeCells>`+strings.Repeat(`<mergeCell ref="A9:B9"/>`, maxMerges+1)+`</mergeCells></worksheet>`, 1)))},
		{"文字.xlsx", writeZip(t, append(workbookParts(sheetXML(people(3), "")), zipPart{name: "xl/sharedStrings.xml",
			content: `<sst>` + strings.Repeat(`<si><t>a</t></si>`, maxSharedStrings+1) + `</sst>`}))},
		{"长行.csv", []byte("姓名,院系\n" + strings.Repeat("长", maxLineBytes/3+10) + "\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.data, tt.name, Options{})
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("error = %v", err)
			}
		})
	}
}

func TestDropFarCells(t *testing.T) {
	tests := []struct {
		in, want string
		dropped  bool
	}{
		{`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1" t="s"><v>2</v></c></row></sheetData></worksheet>`,
			`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, true},
		{`<x:worksheet><x:sheetData><x:row><x:c r="GS2"/><x:c r="GR2"><x:v>1</x:v></x:c><x:c
 r="ZZ2" s="1"><x:is><x:t>x</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
			`<x:worksheet><x:sheetData><x:row><x:c r="GR2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`, true},
		{`<worksheet><cols><col min="1" max="16384"/></cols><sheetData><row><c><v>1</v></c><c r="B1"/></row></sheetData></worksheet>`, "", false},
		{`<worksheet><sheetData/></worksheet>`, "", false},
	}
	for _, tt := range tests {
		got, dropped := dropFarCells([]byte(tt.in), maxHeaderColumns)
		if dropped != tt.dropped || dropped && string(got) != tt.want {
			t.Errorf("dropFarCells(%s) = %s, %v", tt.in, got, dropped)
		}
	}
}

func FuzzDropFarCells(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1" t="s"><v>2</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<x:sheetData><x:c r="GS2"/><x:c r="ZZ2"><x:v>1</x:v></x:c></x:sheetData>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		out, dropped := dropFarCells(raw, maxHeaderColumns)
		if dropped && len(out) >= len(raw) {
			t.Fatalf("dropped cells but %d bytes became %d", len(raw), len(out))
		}
		if !dropped && out != nil {
			t.Fatal("output without a drop")
		}
	})
}

// TestDamagedEncryptedWorkbook: the package inside an encrypted workbook
// gets the same checks as any other.
func TestDamagedEncryptedWorkbook(t *testing.T) {
	parts := workbookParts(sheetXML(people(500), ""))
	parts[4].lie = len(parts[4].content) / 2
	enc, err := excelize.Encrypt(writeZip(t, parts), &excelize.Options{Password: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(enc, "名单.xlsx", Options{Password: "secret"})
	if p != nil || !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "文件不完整或已损坏") {
		t.Errorf("error = %v", err)
	}
	if _, err := Parse(enc, "名单.xlsx", Options{Password: "wrong"}); !errors.Is(err, ErrWrongPassword) {
		t.Errorf("wrong password: %v", err)
	}
	whole, err := excelize.Encrypt(writeZip(t, workbookParts(sheetXML(people(500), ""))), &excelize.Options{Password: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := Parse(whole, "名单.xlsx", Options{Password: "secret"}); err != nil || len(p.Members) != 500 {
		t.Errorf("whole encrypted workbook: %v", err)
	}
}
