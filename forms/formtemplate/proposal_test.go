package formtemplate

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"sureform/forms"
)

func builtin(t testing.TB) *forms.Editions {
	t.Helper()
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	return eds
}

// printedNote is what a blank template prints in an item's 备注.
var printedNote = map[string]string{
	forms.NoteStaffCount:        "实有    人",
	forms.NotePresidiumCount:    "实有    人",
	forms.NoteDepartmentCount:   "实有    个",
	forms.NoteCongressDate:      "召开日期为：",
	forms.NoteSecretaryGeneral:  "组织秘书长：",
	forms.NoteSatisfactionUnion: "满意率为    %",
	forms.NoteSatisfactionStaff: "满意率为    %",
}

// templateRows lays an edition out as the province's blank form: title,
// legend, each section's title and column titles, then one row per item
// (number, marker and text | the answer boxes | the printed 备注), a
// grouped item's parts on rows of their own.
func templateRows(ed *forms.Edition, reword map[string]string) [][]string {
	rows := [][]string{{ed.AcademicYear + ed.Title}}
	if ed.Legend != "" {
		rows = append(rows, []string{ed.Legend})
	}
	for _, s := range ed.Sections {
		if s.Title != "" {
			rows = append(rows, []string{"（一）" + s.Title})
		}
		rows = append(rows, s.Columns)
		boxes := "□" + s.Answers[0] + " □" + s.Answers[1]
		if s.Kind == forms.SectionCounts {
			boxes = ""
		}
		text := func(it forms.Item) string {
			if r, ok := reword[it.ID]; ok {
				return r
			}
			return it.Text
		}
		for _, it := range s.Items {
			label := it.Number + it.Marker + ". " + text(it)
			if len(it.Parts) == 0 {
				rows = append(rows, []string{label, boxes, printedNote[it.Note]})
				continue
			}
			rows = append(rows, []string{label})
			for _, p := range it.Parts {
				rows = append(rows, []string{text(p), boxes, printedNote[p.Note]})
			}
		}
		if s.Kind == forms.SectionCounts {
			rows = append(rows, []string{s.MatrixTitle}, []string{s.MatrixColumns[0], "1", "2", "3"}, []string{"", "", "", ""})
		}
	}
	for _, r := range ed.OptionalRows {
		rows = append(rows, []string{r, ""})
	}
	for _, sig := range ed.Signatures {
		rows = append(rows, []string{sig.Title, "对评估意见是否认可：□认可 □不认可", "（盖章）", "年 月 日"})
	}
	return rows
}

func xlsxOf(t testing.TB, rows [][]string) []byte {
	t.Helper()
	wb := excelize.NewFile()
	defer wb.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := wb.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sameRows compares the proposal's rows with the edition's: ids, numbers,
// texts, markers, note kinds and facts.
func sameRows(t *testing.T, p *Proposal, ed *forms.Edition) {
	t.Helper()
	var want []forms.Item
	for _, s := range ed.Sections {
		want = append(want, s.Answerable()...)
	}
	if len(p.Items) != len(want) {
		t.Fatalf("%d rows proposed, want %d", len(p.Items), len(want))
	}
	for i, w := range want {
		got := p.Items[i].Item
		if got.ID != w.ID || got.Number != w.Number || got.Text != w.Text || got.Marker != w.Marker || got.Note != w.Note || got.Fact != w.Fact {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	for si, s := range ed.Sections {
		ps := p.Edition.Sections[si]
		if ps.ID != s.ID || ps.Kind != s.Kind || ps.Title != s.Title || strings.Join(ps.Answers, "/") != strings.Join(s.Answers, "/") ||
			strings.Join(ps.Columns, "|") != strings.Join(s.Columns, "|") || len(ps.Items) != len(s.Items) {
			t.Errorf("section %d: got %s %s %q %v %v (%d items), want %s %s %q %v %v (%d items)", si,
				ps.ID, ps.Kind, ps.Title, ps.Answers, ps.Columns, len(ps.Items), s.ID, s.Kind, s.Title, s.Answers, s.Columns, len(s.Items))
		}
	}
}

// TestTemplateRoundTrip lays every shipped edition out as a blank xlsx
// template, reads it back against that same edition and gets the same
// sections, items, markers, notes and facts, all matched as unchanged.
func TestTemplateRoundTrip(t *testing.T) {
	for _, ed := range builtin(t).All() {
		t.Run(ed.ID, func(t *testing.T) {
			p, err := Read("模板.xlsx", xlsxOf(t, templateRows(ed, nil)), ed, Options{Today: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			sameRows(t, p, ed)
			for _, it := range p.Items {
				if it.Status != StatusSame {
					t.Errorf("row %s: status %s (similarity %.2f)", it.Item.ID, it.Status.Chinese(), it.Similarity)
				}
			}
			got := p.Edition
			if got.Legend != ed.Legend || got.AcademicYear != ed.AcademicYear || got.Title != ed.Title ||
				got.CongressRule != ed.CongressRule || got.CongressSince != ed.CongressSince || got.Satisfaction != ed.Satisfaction {
				t.Errorf("edition: legend %q 学年 %q title %q congress %s %s satisfaction %v", got.Legend, got.AcademicYear, got.Title,
					got.CongressRule, got.CongressSince, got.Satisfaction)
			}
			if strings.Join(got.OptionalRows, "|") != strings.Join(ed.OptionalRows, "|") || len(got.Signatures) != len(ed.Signatures) {
				t.Errorf("optional rows %v signatures %v", got.OptionalRows, got.Signatures)
			}
			if gl, wl := got.Limits(), ed.Limits(); gl.Presidium != wl.Presidium || gl.Staff != wl.Staff || gl.LargeSchoolStaff != wl.LargeSchoolStaff ||
				strings.Join(gl.Titles, "、") != strings.Join(wl.Titles, "、") {
				t.Errorf("limits %+v, want %+v", gl, wl)
			}
			if ed.AcademicYear != "" && got.ID != ed.ID {
				t.Errorf("id %q, want %q from the 学年", got.ID, ed.ID)
			}
		})
	}
}

// TestTemplateReworded rewords one school-level and one college-level item
// of the newest edition: exactly those two are proposed as changed, keep
// the fact of the item they replace, and the TOML says so.
func TestTemplateReworded(t *testing.T) {
	eds := builtin(t)
	ref := eds.Newest()
	reword := map[string]string{
		"4":  "主席团成员不超过3人。",
		"c3": "院级学生会组织工作人员一般不超过30人。",
	}
	p, err := Read("模板.xlsx", xlsxOf(t, templateRows(ref, reword)), ref, Options{ID: "2026-2027"})
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, it := range p.Changed() {
		changed = append(changed, it.Item.ID)
		if it.Item.Fact != it.Match.Fact || it.Match.ID != it.Item.ID {
			t.Errorf("changed row %s: fact %q matched %s (%q)", it.Item.ID, it.Item.Fact, it.Match.ID, it.Match.Fact)
		}
	}
	if strings.Join(changed, ",") != "4,c3" {
		t.Errorf("changed rows %v, want 4 and c3", changed)
	}
	if len(p.New()) != 0 {
		t.Errorf("new rows %v", p.New())
	}
	data := p.TOML("模板.xlsx")
	back, err := forms.ParseEdition("p.toml", data)
	if err != nil {
		t.Fatalf("proposal TOML: %v\n%s", err, data)
	}
	if back.ID != "2026-2027" || !strings.Contains(string(data), "第 4 项措辞有改动") {
		t.Errorf("TOML:\n%s", data)
	}
	if it, _, _ := back.Item("4"); it.Text != reword["4"] || it.Fact != forms.FactPresidiumLimit {
		t.Errorf("item 4 read back: %+v", it)
	}
	if l := back.Limits(); l.Presidium != 3 || l.Staff != 40 || l.CollegeStaff != 30 {
		t.Errorf("limits read from the items: %+v", l)
	}
	if err := p.SetFact(3, forms.FactNone); err != nil || p.Edition.Sections[0].Items[3].Fact != forms.FactNone {
		t.Errorf("SetFact: %v, fact %q", err, p.Edition.Sections[0].Items[3].Fact)
	}
	if err := p.SetFact(3, "magic"); err == nil {
		t.Error("an unknown fact should be refused")
	}
}

// TestTemplate2023Titles reads the 2023—2024学年 form against the 2021
// edition: item 6 is reworded, keeps its fact, and the proposal's titles
// admit 主席团成员.
func TestTemplate2023Titles(t *testing.T) {
	eds := builtin(t)
	ed, _ := eds.Get("2023-2024")
	ref, _ := eds.Get("2021")
	p, err := Read("模板.xlsx", xlsxOf(t, templateRows(ed, nil)), ref, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if it := p.Items[5]; it.Status != StatusChanged || it.Item.Fact != forms.FactTitles {
		t.Errorf("item 6: %s, fact %q", it.Status.Chinese(), it.Item.Fact)
	}
	if l := p.Edition.Limits(); !slices.Contains(l.Titles, forms.PositionPresidiumMember) {
		t.Errorf("titles %v", l.Titles)
	}
	if !strings.Contains(string(p.TOML("模板.xlsx")), "titles 是否为新表格允许的全部职务") {
		t.Error("the TOML does not ask to check the titles")
	}
}

// TestTemplateFromPastedText reads the table as a school's disclosure
// prints it (cells split by |, answers ticked, 备注 filled in) and as text
// copied from Word (cells split by tabs).
func TestTemplateFromPastedText(t *testing.T) {
	eds := builtin(t)
	ed, _ := eds.Get("2022-2023")
	var pipe, tabs strings.Builder
	pipe.WriteString("现将我校2022—2023学年学生会（研究生会）改革情况公开如下。\n一、改革自评表\n")
	for _, row := range templateRows(ed, nil) {
		for i, c := range row {
			c = strings.Replace(c, "□是", "☑是", 1)
			c = strings.Replace(c, "实有    人", "实有31人", 1)
			pipe.WriteString(c + " |\n")
			if i > 0 {
				tabs.WriteString("\t")
			}
			tabs.WriteString(c)
		}
		tabs.WriteString("\r\n")
	}
	for name, text := range map[string]string{"pipe.txt": pipe.String(), "tabs.txt": tabs.String()} {
		t.Run(name, func(t *testing.T) {
			p, err := Read(name, []byte(text), ed, Options{})
			if err != nil {
				t.Fatal(err)
			}
			sameRows(t, p, ed)
			if p.Edition.ID != "2022-2023" || p.Edition.Legend != ed.Legend {
				t.Errorf("id %q legend %q", p.Edition.ID, p.Edition.Legend)
			}
		})
	}
}

// TestTemplateNumberColumn reads a template whose numbers are in a 序号
// column of their own.
func TestTemplateNumberColumn(t *testing.T) {
	rows := [][]string{{"2026—2027学年改革自评表"}, {"（一）校级学生会组织改革自评表"}, {"序号", "指标", "结论", "备注"},
		{"1★", "坚持全心全意服务同学，聚焦主责主业开展工作。", "□是 □否", ""},
		{"3", "工作人员不超过35人，学生人数较多、分校区较多的高校不超过60人。", "□是 □否", "实有    人"},
		{"（二）二级学生会组织改革自评表"}, {"序号", "指标", "符合标准学生会组织数量", "备注"},
		{"1", "工作人员不超过30人。", "4", ""}, {"2", "主席团成员不超过3人。", "5", ""}}
	p, err := Read("序号.xlsx", xlsxOf(t, rows), builtin(t).Newest(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range p.Items {
		got = append(got, it.Item.ID+it.Item.Marker+":"+it.Item.Text+":"+it.Item.Note)
	}
	want := "1★:坚持全心全意服务同学，聚焦主责主业开展工作。:|3:工作人员不超过35人，学生人数较多、分校区较多的高校不超过60人。:staff_count|c1:工作人员不超过30人。:|c2:主席团成员不超过3人。:"
	if strings.Join(got, "|") != want {
		t.Errorf("items\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if l := p.Edition.Limits(); p.Items[1].Item.Fact != forms.FactStaffLimit || l.Staff != 35 {
		t.Errorf("item 2 fact %q, staff limit %d", p.Items[1].Item.Fact, l.Staff)
	}
}

// TestTemplateFromSeedDisclosure reads the 2021 form as 阳泉职业技术学院
// published it (testdata/seed000_form.txt, the table part of seed 000 as
// extracted from its PDF: ticks turned into “(”, the numbers of items 4
// and 5 lost, the per-college matrix after it) and gets the 2021 edition
// back: every row the same, items 4 and 5 numbered again.
func TestTemplateFromSeedDisclosure(t *testing.T) {
	ref, err := builtin(t).Get("2021")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ReadFile(filepath.Join("testdata", "seed000_form.txt"), ref, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameRows(t, p, ref)
	for _, it := range p.Items {
		if it.Status != StatusSame {
			t.Errorf("row %s: %s (%q)", it.Item.ID, it.Status.Chinese(), it.Item.Text)
		}
	}
}

// TestTemplateFromSeedHTMLText reads the 2020 form as 昌吉职业技术学院
// published it (testdata/seed002_form.txt: HTML check boxes, spaces the
// PDF put beside Chinese characters, item 3's three rows on lines of
// their own) against the 2020 edition: every row matched, the notes, the
// answer words, the congress date and the satisfaction items read.
func TestTemplateFromSeedHTMLText(t *testing.T) {
	ref, err := builtin(t).Get("2020")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ReadFile(filepath.Join("testdata", "seed002_form.txt"), ref, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 19 || len(p.New()) != 0 {
		t.Fatalf("%d rows, new %v", len(p.Items), p.New())
	}
	ed := p.Edition
	if strings.Join(ed.Sections[0].Answers, "/") != "达标/未达标" || !ed.Satisfaction || ed.CongressRule != forms.CongressSince || ed.CongressSince != "2019-10-01" {
		t.Errorf("answers %v satisfaction %v congress %s %s", ed.Sections[0].Answers, ed.Satisfaction, ed.CongressRule, ed.CongressSince)
	}
	for _, it := range p.Items {
		want, _, _ := ref.Item(it.Item.ID)
		if it.Match == nil || it.Match.ID != it.Item.ID || it.Item.Note != want.Note || it.Item.Fact != want.Fact {
			t.Errorf("row %s: matched %v, note %q fact %q, want note %q fact %q", it.Item.ID, it.Match, it.Item.Note, it.Item.Fact, want.Note, want.Fact)
		}
		if strings.Contains(it.Item.Text, "<") || strings.Contains(it.Item.Text, " 人") {
			t.Errorf("row %s keeps markup or spaces: %q", it.Item.ID, it.Item.Text)
		}
	}
	if g := ed.Sections[0].Items[2]; g.Text != "机构和人员规模" || len(g.Parts) != 3 {
		t.Errorf("item 3: %q with %d parts", g.Text, len(g.Parts))
	}
}

// TestTemplateCSV reads a template saved as CSV, a quoted cell holding a
// comma and a line break.
func TestTemplateCSV(t *testing.T) {
	ref := builtin(t).Newest()
	var b strings.Builder
	w := csv.NewWriter(&b)
	for _, row := range templateRows(ref, map[string]string{"4": "主席团成员不超过5人,\n含轮值执行主席。"}) {
		w.Write(row)
	}
	w.Flush()
	p, err := Read("模板.csv", []byte(b.String()), ref, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 30 || len(p.Changed()) != 1 || p.Items[3].Item.Text != "主席团成员不超过5人,含轮值执行主席。" {
		t.Errorf("%d rows, changed %v, item 4 %q", len(p.Items), p.Changed(), p.Items[3].Item.Text)
	}
}

// TestTemplateGBK reads a template saved by Notepad in GBK.
func TestTemplateGBK(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("1.尊重同学\t是/否\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read("gbk.txt", gbk, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 || p.Items[0].Item.Text != "尊重同学" || strings.Join(p.Edition.Sections[0].Answers, "/") != "是/否" {
		t.Errorf("items %+v answers %v", p.Items, p.Edition.Sections[0].Answers)
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"空.txt", []byte("只是一段说明文字，没有编号的条目。"), "没有找到编号的条目"},
		{"表.docx", []byte("PK\x03\x04rest"), "Word 文档"},
		{"旧.xls", []byte("\xd0\xcf\x11\xe0rest"), "另存为 .xlsx"},
		{"坏.xlsx", []byte("PK\x03\x04not a zip"), "不是可以读取的 Excel 工作簿"},
		{"二进制.bin", []byte{0xff, 0x00, 0xfe, 0x01}, "不是"},
		{"大.txt", bytes.Repeat([]byte("1. 条目\n"), MaxFileSize/8), "上限"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.name, tc.data, nil, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.name) {
				t.Errorf("error %v, want one naming %s and saying %q", err, tc.name, tc.want)
			}
			if tc.want != "没有找到编号的条目" && !errors.Is(err, ErrFormat) {
				t.Errorf("error %v should wrap ErrFormat", err)
			}
		})
	}
}

// FuzzRead feeds arbitrary text to the template reader: it never panics,
// and whatever it proposes is an edition the loader accepts.
func FuzzRead(f *testing.F) {
	ed, err := forms.BuiltinEditions()
	if err != nil {
		f.Fatal(err)
	}
	ref := ed.Newest()
	var b strings.Builder
	for _, row := range templateRows(ref, nil) {
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	f.Add(b.String())
	if seed, err := os.ReadFile(filepath.Join("testdata", "seed000_form.txt")); err == nil {
		f.Add(string(seed))
	}
	f.Add("1★. 坚持 | ☑是 □否 | 实有 |\n2. （一）校级学生会组织改革自评表\n指标\n")
	f.Add("机构和人员规模\n3.机构和人员规模\n工作人员不超过40人\t□达标 □未达标\t实有 人")
	f.Fuzz(func(t *testing.T, text string) {
		p, err := Read("fuzz.txt", []byte(text), ref, Options{})
		if err != nil {
			return
		}
		if _, err := forms.ParseEdition("fuzz.toml", p.TOML("fuzz.txt")); err != nil {
			t.Fatalf("proposal does not load: %v", err)
		}
	})
}

// BenchmarkReadTemplate reads the newest edition laid out as an xlsx
// template and matches it with itself.
func BenchmarkReadTemplate(b *testing.B) {
	ref := builtin(b).Newest()
	data := xlsxOf(b, templateRows(ref, nil))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("模板.xlsx", data, ref, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadSeedDisclosure reads the table of a published disclosure.
func BenchmarkReadSeedDisclosure(b *testing.B) {
	ref, _ := builtin(b).Get("2021")
	data, err := os.ReadFile(filepath.Join("testdata", "seed000_form.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("seed000_form.txt", data, ref, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
