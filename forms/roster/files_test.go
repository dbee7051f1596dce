package roster

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"

	"sureform/forms"
)

// smallRoster is a valid three-person roster.
var smallRoster = [][]string{
	{"序号", "姓名", "政治面貌", "院系", "年级", "成绩排名", "是否存在课业不及格情况"},
	{"1", "张三", "团员", "机电系", "大二", "3/45", "否"},
	{"2", "李四", "党员", "医学系", "大三", "1/41", "否"},
	{"3", "王五", "团员", "医学系", "大一", "", ""},
}

func legacyXLS(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "legacy.xls"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// renameOLEStream renames a stream of an OLE compound file by rewriting its
// directory entry, to make the other kinds of OLE files from the .xls.
func renameOLEStream(t testing.TB, data []byte, from, to string) []byte {
	t.Helper()
	enc := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	out := append([]byte(nil), data...)
	i := bytes.Index(out, append(enc(from), 0, 0))
	if i < 0 || i%128 != 0 {
		t.Fatalf("no directory entry %q", from)
	}
	name := append(enc(to), 0, 0)
	copy(out[i:i+64], make([]byte, 64))
	copy(out[i:], name)
	out[i+64], out[i+65] = byte(len(name)), 0
	return out
}

func docxBytes(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	zw.Close()
	return buf.Bytes()
}

func encryptedXLSX(t testing.TB, password string) []byte {
	t.Helper()
	wb := excelize.NewFile()
	defer wb.Close()
	for r, row := range smallRoster {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			wb.SetCellStr("Sheet1", cell, v)
		}
	}
	path := filepath.Join(t.TempDir(), "enc.xlsx")
	if err := wb.SaveAs(path, excelize.Options{Password: password}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestFileKinds(t *testing.T) {
	xlsx := buildXLSX(t, "名单", smallRoster, nil, nil)
	xls := legacyXLS(t)
	tests := []struct {
		name string
		data []byte
		want error
		msg  string // a part of the message
	}{
		{"名单.xls", xls, ErrUnsupportedFormat, "Excel 97-2003"},
		{"名单.et", xls, ErrUnsupportedFormat, "WPS 表格"},
		{"名单.doc", renameOLEStream(t, xls, "Workbook", "WordDocument"), ErrUnsupportedFormat, "Word 97-2003"},
		{"名单.wps", renameOLEStream(t, xls, "Workbook", "WordDocument"), ErrUnsupportedFormat, "WPS 文字"},
		{"名单.docx", docxBytes(t), ErrUnsupportedFormat, "Word 文档"},
		{"名单.xlsx", encryptedXLSX(t, "secret"), ErrPasswordRequired, "密码"},
		{"空.xlsx", nil, ErrEmpty, "空的"},
		{"空白.csv", []byte(" \r\n\r\n"), ErrEmpty, "空的"},
		{"截断.xlsx", xlsx[:len(xlsx)/2], ErrDamaged, "不完整"},
		{"截断.xls", xls[:600], ErrDamaged, "不完整"},
		{"名单.pdf", []byte("%PDF-1.7\n..."), ErrUnsupportedFormat, "PDF"},
		{"照片.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ErrUnsupportedFormat, "图片"},
		{"程序.exe", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 200)...), ErrUnsupportedFormat, "无法识别"},
		{"网页.xls", []byte("<html><table><tr><td>姓名</td></tr></table></html>"), ErrUnsupportedFormat, "网页"},
		{"没有表头.csv", []byte("甲,乙,丙\n1,2,3\n"), ErrNoRoster, "表头"},
		{"只有表头.csv", []byte("姓名,政治面貌,院系,年级\n"), ErrNoRoster, "没有名单数据"},
		{"只有表头.xlsx", buildXLSX(t, "名单", smallRoster[:1], nil, nil), ErrNoRoster, "表头下面没有数据"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.data, tt.name, Options{})
			if p != nil {
				t.Errorf("got a preview with an error")
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.File != tt.name {
				t.Fatalf("error %v is not a FileError naming the file", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q lacks %q", err.Error(), tt.msg)
			}
		})
	}
}

func TestEncryptedWorkbook(t *testing.T) {
	data := encryptedXLSX(t, "学生会2024")
	_, err := Parse(data, "名单.xlsx", Options{Password: "wrong"})
	if !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	p, err := Parse(data, "名单.xlsx", Options{Password: "学生会2024"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Members) != 3 || p.Members[0].Member.Name != "张三" {
		t.Fatalf("members %+v", p.Members)
	}
}

func TestTextEncodings(t *testing.T) {
	utf8CSV := csvBytes(t, smallRoster, ',')
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(csvBytes(t, smallRoster, '\t'))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		data     []byte
		format   Format
		encoding string
	}{
		{"utf8.csv", utf8CSV, FormatCSV, EncodingUTF8},
		{"bom.csv", append([]byte("\xef\xbb\xbf"), utf8CSV...), FormatCSV, EncodingUTF8BOM},
		{"gbk.csv", gbk(t, utf8CSV), FormatCSV, EncodingGB18030},
		{"unicode.txt", utf16, FormatTSV, EncodingUTF16},
		{"pasted.txt", gbk(t, csvBytes(t, smallRoster, '\t')), FormatTSV, EncodingGB18030},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.data, tt.name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Format != tt.format || p.Encoding != tt.encoding {
				t.Errorf("format %s %s, want %s %s", p.Format, p.Encoding, tt.format, tt.encoding)
			}
			if len(p.Members) != 3 || p.Members[2].Member.Name != "王五" || p.Members[1].Member.PoliticalStatus != "中共党员" {
				t.Errorf("members %+v", p.Members)
			}
			if len(p.Problems) != 0 {
				t.Errorf("problems %+v", p.Problems)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	rows := [][]string{smallRoster[0]}
	for i := 0; i < 120; i++ {
		rows = append(rows, smallRoster[1])
	}
	for _, data := range [][]byte{csvBytes(t, rows, ','), buildXLSX(t, "名单", rows, nil, nil)} {
		_, err := Parse(data, "名单", Options{MaxRows: 100})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "100 行") {
			t.Errorf("row cap: %v", err)
		}
	}
	xlsx := buildXLSX(t, "名单", rows, nil, nil)
	if _, err := Parse(xlsx, "名单.xlsx", Options{MaxBytes: int64(len(xlsx)) + 10}); !errors.Is(err, ErrTooLarge) ||
		!strings.Contains(err.Error(), "解压后") {
		t.Errorf("uncompressed size cap: %v", err)
	}
	if _, err := Parse(xlsx, "名单.xlsx", Options{MaxBytes: 100}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("file size cap: %v", err)
	}
}

func TestSheetChoice(t *testing.T) {
	other := [][]string{{"2023 年名单"}, smallRoster[0], smallRoster[1]}
	data := buildXLSX(t, "2024", smallRoster, nil, map[string][][]string{"2023": other, "统计": {{"合计", "3"}}})
	_, err := Parse(data, "名单.xlsx", Options{})
	var fe *FileError
	if !errors.Is(err, ErrAmbiguousSheet) || !errors.As(err, &fe) || len(fe.Sheets) != 2 {
		t.Fatalf("ambiguous: %v", err)
	}
	if !strings.Contains(err.Error(), "「2024」（3 行）") || !strings.Contains(err.Error(), "--sheet") {
		t.Errorf("message %q", err.Error())
	}
	p, err := Parse(data, "名单.xlsx", Options{Sheet: "2023"})
	if err != nil || len(p.Members) != 1 || p.HeaderRow != 2 || p.Sheet != "2023" {
		t.Fatalf("--sheet 2023: %v %+v", err, p)
	}
	roster := map[string]bool{}
	for _, s := range p.Sheets {
		roster[s.Name] = s.Roster
	}
	if len(p.Sheets) != 3 || !roster["2024"] || !roster["2023"] || roster["统计"] {
		t.Errorf("sheets %+v", p.Sheets)
	}
	if _, err := Parse(data, "名单.xlsx", Options{Sheet: "2022"}); !errors.Is(err, ErrNoSheet) ||
		!strings.Contains(err.Error(), "「2024」") {
		t.Errorf("missing sheet: %v", err)
	}
}

// TestExcelDateRank covers 3/12 typed into Excel, which becomes the date
// 3月12日 (built-in format 58 of a Chinese Excel).
func TestExcelDateRank(t *testing.T) {
	wb := excelize.NewFile()
	defer wb.Close()
	for c, v := range smallRoster[0] {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		wb.SetCellStr("Sheet1", cell, v)
	}
	for c, v := range smallRoster[1] {
		cell, _ := excelize.CoordinatesToCellName(c+1, 2)
		wb.SetCellStr("Sheet1", cell, v)
	}
	style, err := wb.NewStyle(&excelize.Style{NumFmt: 58})
	if err != nil {
		t.Fatal(err)
	}
	wb.SetCellValue("Sheet1", "F2", time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC))
	wb.SetCellStyle("Sheet1", "F2", "F2", style)
	var buf bytes.Buffer
	if _, err := wb.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	p, err := Parse(buf.Bytes(), "名单.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := p.Members[0].Member
	if m.Rank == nil || *m.Rank != 3 || m.RankTotal == nil || *m.RankTotal != 12 {
		t.Errorf("rank %v/%v", m.Rank, m.RankTotal)
	}
	if len(p.Problems) != 1 || p.Problems[0].Severity != forms.SeverityWarning || p.Problems[0].Column != "F" || p.Problems[0].Text != "3月12日" {
		t.Errorf("problems %+v", p.Problems)
	}
}

func TestMappingOverride(t *testing.T) {
	data := csvBytes(t, smallRoster, ',')
	p, err := Parse(data, "名单.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The user says column D is the major, not the college.
	m := Mapping{}
	for f, c := range p.Mapping {
		m[f] = c
	}
	delete(m, FieldCollege)
	m[FieldMajor] = 3
	p2, err := Parse(data, "名单.csv", Options{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if got := p2.Members[0].Member; got.College != "" || got.Major != "机电系" {
		t.Errorf("override: college %q major %q", got.College, got.Major)
	}
	if _, err := Parse(data, "名单.csv", Options{Mapping: Mapping{FieldName: 1, FieldCollege: 1}}); !errors.Is(err, ErrNoRoster) {
		t.Errorf("two fields on one column: %v", err)
	}
	// A roster without a recognisable header, read with a mapping.
	bare := csvBytes(t, [][]string{{"张三", "团员"}, {"李四", "党员"}}, ',')
	p3, err := Parse(bare, "无表头.csv", Options{Mapping: Mapping{FieldName: 0, FieldPoliticalStatus: 1}})
	if err != nil || len(p3.Members) != 2 || p3.Members[1].Member.PoliticalStatus != "中共党员" {
		t.Fatalf("headerless: %v %+v", err, p3)
	}
}

func TestRowsSkippedAndReported(t *testing.T) {
	rows := [][]string{
		{"校学生会工作人员名单"},
		{"序号", "姓名", "政治面貌", "院系", "年级", "成绩排名", "不及格门数", "学生会职务", "所在部门", "联系电话"},
		{"1", "姓名：张三", "群众", "机电系", "2023级", "第3名/共45人", "0", "文体部部长", "", "13800000000"},
		{"", "", "", "", "", "", "", "", "", ""},
		{"序号", "姓名", "政治面貌", "院系", "年级", "成绩排名", "不及格门数", "学生会职务", "所在部门", "联系电话"},
		{"2", "", "团员", "医学系", "大五十", "45/3", "两门", "秘书长", "办公室", ""},
		{"3", "Anna  Lee", "预备党员", "外语系", "研一", "前10%", "1门", "主席", "", ""},
		{"合计", "共3人"},
		{"4"},
		{"注：本表由校团委审核。"},
	}
	p, err := Parse(buildXLSX(t, "名单", rows, []string{"A1:J1"}, nil), "名单.xlsx", Options{AcademicYear: "2024—2025学年"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Members) != 3 {
		t.Fatalf("members %+v", p.Members)
	}
	m0, m1, m2 := p.Members[0].Member, p.Members[1].Member, p.Members[2].Member
	if m0.Name != "张三" || m0.Grade != 2 || *m0.Rank != 3 || *m0.RankTotal != 45 || *m0.Failed ||
		m0.Position != "部长" || m0.Department != "文体部" || m0.PoliticalStatus != "群众" {
		t.Errorf("row 3: %+v", m0)
	}
	if m1.Name != "" || m1.Grade != 0 || m1.Rank != nil || m1.Failed != nil || m1.Position != "秘书长" || m1.Department != "办公室" {
		t.Errorf("row 6: %+v", m1)
	}
	if m2.Name != "Anna Lee" || m2.Level != "研究生" || m2.Grade != 1 || *m2.RankPercent != 10 || !*m2.Failed || m2.Department != "主席团" {
		t.Errorf("row 7: %+v", m2)
	}
	var got []string
	for _, pr := range p.Problems {
		got = append(got, string(pr.Severity)+" "+strings.TrimSpace(pr.Column+" "+itoa(pr.Row)))
	}
	want := []string{"warning C 3", "error B 6", "error E 6", "error F 6", "error G 6", "warning H 6"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		for _, pr := range p.Problems {
			t.Log(pr.String())
		}
		t.Errorf("problems %v, want %v", got, want)
	}
	var skipped []string
	for _, s := range p.Skipped {
		skipped = append(skipped, itoa(s.Row)+" "+s.Reason)
	}
	if want := "5 重复的表头,8 合计行,10 说明"; strings.Join(skipped, ",") != want {
		t.Errorf("skipped %v, want %s", skipped, want)
	}
	if u := p.Members[1].Unread; len(u) != 4 {
		t.Errorf("row 6 unread %v, want name, grade, rank and failed", u)
	}
}

// personName is the i-th of 10×n×n distinct made-up names (n given-name
// characters): a person's name has no digits, so generated rosters must
// not number their people.
func personName(i int) string {
	family := []rune("赵钱孙李周吴郑王冯陈")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲兰峰琳飞鹏辉建文")
	n := len(given)
	return string(family[i%10]) + string(given[(i/10)%n]) + string(given[(i/10/n)%n])
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// TestNeverPanics feeds damaged variants of a real workbook and checks
// that every one ends in a preview or a FileError.
func TestNeverPanics(t *testing.T) {
	xlsx := buildXLSX(t, "名单", smallRoster, []string{"A1:B2"}, nil)
	for i := 0; i < len(xlsx); i += len(xlsx) / 40 {
		for _, mut := range [][]byte{xlsx[:i], flip(xlsx, i)} {
			p, err := Parse(mut, "x.xlsx", Options{})
			if err == nil && p == nil {
				t.Fatalf("nil preview without error at %d", i)
			}
			var fe *FileError
			if err != nil && !errors.As(err, &fe) {
				t.Fatalf("error at %d is not a FileError: %v", i, err)
			}
			if errors.Is(err, ErrInternal) {
				t.Fatalf("internal error at %d: %v", i, err)
			}
		}
	}
}

func flip(b []byte, i int) []byte {
	out := append([]byte(nil), b...)
	if i < len(out) {
		out[i] ^= 0xff
	}
	return out
}

// FuzzParse feeds arbitrary files to Parse: it must return a preview with
// members or a FileError, never panic and never report an internal error.
func FuzzParse(f *testing.F) {
	f.Add(buildXLSX(f, "名单", smallRoster, []string{"A1:B1"}, nil))
	f.Add(csvBytes(f, smallRoster, ','))
	f.Add(gbk(f, csvBytes(f, smallRoster, '\t')))
	f.Add(legacyXLS(f)[:1024])
	f.Add(docxBytes(f))
	f.Add([]byte("\xef\xbb\xbf姓名,政治面貌,院系\n张三,团员,机电系\n"))
	f.Add(oleFile(map[string]uint32{"Workbook": 0, "EncryptionInfo": 0}))
	f.Add(writeZip(f, workbookParts(sheetXML(people(3), `<row r="9"><c r="XFD9"><v>1</v></c></row>`))))
	f.Add(append([]byte("\xef\xbb\xbf"), gbk(f, []byte("姓名,政治面貌,院系,名次,专业人数\n张三,团员,机电系,3,40\n合计,,,,\n填表人：李四\n"))...))
	f.Add(csvBytes(f, [][]string{{"姓名", "政治面貌", "院系", "年级", "名次", "专业人数"}, {"张三", "团员", "机电系", "护理2201班", "第3名（共40人）", ""},
		{"以上共计1人"}, {"", "", "1", "1", "", ""}, {"注：…", "注：…", "注：…"}}, ','))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data, "f.xlsx", Options{MaxRows: 500})
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || errors.Is(err, ErrInternal) || p != nil {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		if len(p.Members) == 0 {
			t.Fatal("preview without members")
		}
		for _, pr := range p.Problems {
			if pr.Member >= len(p.Members) || pr.Message == "" {
				t.Fatalf("bad problem %+v", pr)
			}
		}
		last := 0
		for _, s := range p.Skipped {
			if s.Row <= last || s.Reason == "" {
				t.Fatalf("skipped rows out of order or without a reason: %+v", p.Skipped)
			}
			last = s.Row
		}
		for _, r := range p.Members {
			if r.Member.Rank != nil && r.Member.RankTotal != nil && *r.Member.Rank > *r.Member.RankTotal {
				t.Fatalf("rank above its total: %+v", r.Member)
			}
		}
	})
}

func TestFillMerges(t *testing.T) {
	rows := [][]string{{"院系", "姓名"}, {"医学系", "甲"}, {"", "乙"}, {"", "丙"}}
	huge := make([]cellRange, 1000)
	for i := range huge {
		huge[i] = cellRange{r0: 0, c0: 0, r1: 1 << 20, c1: 1 << 14}
	}
	fillMerges(rows, append([]cellRange{{r0: 1, c0: 0, r1: 3, c1: 0}}, huge...))
	if rows[2][0] != "医学系" || rows[3][0] != "医学系" || rows[1][1] != "甲" {
		t.Errorf("rows %v", rows)
	}
}

// TestGroupedHeader covers a two-row header whose first row groups columns
// under a merged cell (学习情况 over 成绩排名 and 是否不及格).
func TestGroupedHeader(t *testing.T) {
	rows := [][]string{
		{"序号", "姓名", "政治面貌", "院系", "学习情况", "", "年级"},
		{"", "", "", "", "成绩排名", "是否不及格", ""},
		{"1", "张三", "团员", "机电系", "3/45", "否", "大二"},
	}
	merges := []string{"A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2"}
	p, err := Parse(buildXLSX(t, "名单", rows, merges, nil), "名单.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.HeaderRow != 1 || p.HeaderRows != 2 || p.Mapping[FieldRank] != 4 || p.Mapping[FieldFailed] != 5 || p.Mapping[FieldGrade] != 6 {
		t.Fatalf("header %d+%d mapping %v", p.HeaderRow, p.HeaderRows, p.Mapping)
	}
	if len(p.Members) != 1 || *p.Members[0].Member.Rank != 3 || len(p.Problems) != 0 {
		t.Errorf("members %+v problems %+v", p.Members, p.Problems)
	}
}
