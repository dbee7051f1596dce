package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"sureform/export/formtext"
	"sureform/forms"
)

// cellAt reads one cell of a sheet.
func cellAt(t *testing.T, x *excelize.File, sheet string, col, row int) string {
	t.Helper()
	name, _ := excelize.CoordinatesToCellName(col, row)
	v, err := x.GetCellValue(sheet, name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// rowOf returns the first row (1-based) after `after` whose cell in col
// holds exactly text, or 0.
func rowOf(rows [][]string, col, after int, text string) int {
	for r := after; r < len(rows); r++ {
		if col-1 < len(rows[r]) && rows[r][col-1] == text {
			return r + 1
		}
	}
	return 0
}

// merged reports whether the range a:b is merged on the sheet.
func merged(t *testing.T, x *excelize.File, sheet, a, b string) bool {
	t.Helper()
	ms, err := x.GetMergeCells(sheet, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.GetStartAxis() == a && m.GetEndAxis() == b {
			return true
		}
	}
	return false
}

func cell(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// TestFormItems checks every item of the edition, character for
// character and in order, with its answer boxes and 备注.
func TestFormItems(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			f, ed := example(t, name)
			x, _ := export(t, f, ed)
			d := forms.Derive(f, ed)
			rows, err := x.GetRows(SheetForm)
			if err != nil {
				t.Fatal(err)
			}
			if got := cellAt(t, x, SheetForm, 1, 1); got != ed.Title {
				t.Errorf("title = %q, want %q", got, ed.Title)
			}
			after := 0
			for _, sec := range ed.Sections {
				if sec.Kind != forms.SectionAnswers {
					continue
				}
				head := rowOf(rows, colGroup, after, sec.Columns[0])
				if head == 0 || cellAt(t, x, SheetForm, colAns, head) != sec.Columns[1] ||
					cellAt(t, x, SheetForm, colNote, head) != sec.Columns[2] {
					t.Fatalf("section %s: no header row %v", sec.ID, sec.Columns)
				}
				after = head
				for _, it := range sec.Items {
					check := func(col int, item forms.Item) int {
						want := item.Number
						if want != "" {
							want += ". "
						}
						want += item.Marker + item.Text
						r := rowOf(rows, col, after, want)
						if r == 0 {
							t.Fatalf("item %s: text %q not found in column %d after row %d", item.ID, want, col, after)
						}
						after = r
						return r
					}
					if len(it.Parts) == 0 {
						r := check(colGroup, it)
						checkAnswer(t, x, f, &d, &sec, it.ID, r)
						if !merged(t, x, SheetForm, cell(colGroup, r), cell(colText, r)) {
							t.Errorf("item %s: %s:%s not merged", it.ID, cell(colGroup, r), cell(colText, r))
						}
						continue
					}
					top := check(colGroup, it)
					after = top - 1
					for _, p := range it.Parts {
						r := check(colText, p)
						checkAnswer(t, x, f, &d, &sec, p.ID, r)
					}
					if !merged(t, x, SheetForm, cell(colGroup, top), cell(colGroup, after)) {
						t.Errorf("item %s: label not merged over its %d parts (%s:%s)",
							it.ID, len(it.Parts), cell(colGroup, top), cell(colGroup, after))
					}
				}
			}
			// The optional rows and signature blocks follow the whole form:
			// on the college sheet, after the matrix, for editions with a
			// college-level part.
			tailSheet := SheetForm
			if ed.CollegeSection() != nil {
				tailSheet, after = SheetCollege, 0
				if rows, err = x.GetRows(tailSheet); err != nil {
					t.Fatal(err)
				}
				if r := rowOf(rows, colGroup, 0, ed.CollegeSection().MatrixTitle); r == 0 {
					t.Fatal("no matrix on the college sheet")
				} else {
					after = r
				}
			}
			for _, title := range ed.OptionalRows {
				r := rowOf(rows, colGroup, after, title)
				if r == 0 {
					t.Errorf("optional row %q missing", title)
					continue
				}
				if got, want := cellAt(t, x, tailSheet, colText, r), formtext.OptionalValue(f, formtext.OptionalKey(title)); got != want {
					t.Errorf("optional row %q = %q, want %q", title, got, want)
				}
			}
			for _, sig := range ed.Signatures {
				if rowOf(rows, colGroup, after, sig.Title) == 0 {
					t.Errorf("signature block %q missing", sig.Title)
				}
			}
		})
	}
}

func checkAnswer(t *testing.T, x *excelize.File, f *forms.Filing, d *forms.Derived, sec *forms.Section, id string, r int) {
	t.Helper()
	want := "□" + sec.Answers[0] + " □" + sec.Answers[1]
	if met := f.Answers[id].Met; met != nil {
		if *met {
			want = "☑" + sec.Answers[0] + " □" + sec.Answers[1]
		} else {
			want = "□" + sec.Answers[0] + " ☑" + sec.Answers[1]
		}
	}
	if got := cellAt(t, x, SheetForm, colAns, r); got != want {
		t.Errorf("item %s: answer %q, want %q", id, got, want)
	}
	if got, want := cellAt(t, x, SheetForm, colNote, r), d.NoteFor(f, id); got != want {
		t.Errorf("item %s: 备注 %q, want %q", id, got, want)
	}
}

// TestFormFacts checks values that come from the seeds, written out, so
// that a change in how the model or the writer phrases them is caught.
func TestFormFacts(t *testing.T) {
	tests := []struct {
		example string
		sheet   string
		want    []string // texts that must each be some cell's whole value
	}{
		{"changji-2020", SheetForm, []string{
			"组织名称：昌吉职业技术学院学生会　　☑学生会/□研究生会",
			"3. 机构和人员规模",
			"□达标 ☑未达标",                   // item 9: congress only planned
			"召开日期为：拟定为 2020 年 11 月 30 日", // the school's own note wins
		}},
		{"yangquan-2021", SheetForm, []string{
			"二级学生会组织（含二级院系、书院、分校区等学生会、研究生会）数量：5",
			"是否已由省级团委、学联核查（复评）：□是/□否",
			"自评公开链接：",
			"校级学生会组织情况",
			"实有28人",
			"召开日期为：2021年6月3日",
		}},
		{"yangquan-2021", SheetCongress, []string{
			"代表99人，占联系学生人数的3.1%",
			"3143人",
			"医学护理系49人；机电工程系14人；信息技术系20人；财经管理系11人；建筑工程系5人（合计99人）",
			GuideDeputySecretary, "刘罡明", GuideSecretaryGeneral, "刘玉洁",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.example+"/"+tt.sheet, func(t *testing.T) {
			f, ed := example(t, tt.example)
			x, _ := export(t, f, ed)
			rows, err := x.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			for _, row := range rows {
				for _, v := range row {
					have[v] = true
				}
			}
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("no cell reads %q", w)
				}
			}
		})
	}
}

// TestSignatures checks the signature blocks: the opinion ticks from the
// filing, and every word the official blocks have, one block per row.
func TestSignatures(t *testing.T) {
	f, ed := example(t, "changji-2020")
	f.Opinions.LeagueAccepts = forms.BoolPtr(false)
	x, _ := export(t, f, ed)
	rows, _ := x.GetRows(SheetForm)
	tests := []struct {
		title string
		lines []string
	}{
		{"学生会组织意见", []string{"对评估意见是否认可：☑认可　□不认可", "", "盖章：", "", "年　　　月　　　日"}},
		{"高校团委意见", []string{"对评估意见是否认可：□认可　☑不认可", "", "盖章：", "", "年　　　月　　　日"}},
		{"评估结论", []string{"□通过　　□未通过", "", "工作组：", "负责人签字：", "", "年　　　月　　　日"}},
	}
	for _, tt := range tests {
		r := rowOf(rows, colGroup, 0, tt.title)
		if r == 0 {
			t.Errorf("no block %s", tt.title)
			continue
		}
		got := strings.Split(cellAt(t, x, SheetForm, colText, r), "\n")
		for i := range got {
			got[i] = strings.TrimLeft(got[i], "　")
		}
		if strings.Join(got, "|") != strings.Join(tt.lines, "|") {
			t.Errorf("%s: %q, want %q", tt.title, got, tt.lines)
		}
		if !merged(t, x, SheetForm, cell(colText, r), cell(colNote, r)) {
			t.Errorf("%s: text not merged across the row", tt.title)
		}
		h, _ := x.GetRowHeight(SheetForm, r)
		if want := heightFor(len(tt.lines), lookText); h < want {
			t.Errorf("%s: row %.1f pt tall, its %d lines need %.1f", tt.title, h, len(tt.lines), want)
		}
	}
}

func TestHeaderFields(t *testing.T) {
	f, ed := example(t, "yangquan-2021")
	f.OrgType = forms.OrgGraduateUnion
	f.ProvincialReview = forms.BoolPtr(true)
	f.PublicURL = "https://tw.example.edu.cn/info/1021/3391.htm"
	f.CollegeUnionCount = nil
	x, _ := export(t, f, ed)
	for r, want := range []string{
		"组织名称：阳泉职业技术学院研究生会　　□学生会/☑研究生会",
		"二级学生会组织（含二级院系、书院、分校区等学生会、研究生会）数量：5",
		"是否已由省级团委、学联核查（复评）：☑是/□否",
		"自评公开链接：https://tw.example.edu.cn/info/1021/3391.htm",
	} {
		if got := cellAt(t, x, SheetForm, 1, r+2); got != want {
			t.Errorf("row %d = %q, want %q", r+2, got, want)
		}
	}
}

func TestCollegeSheet(t *testing.T) {
	f, ed := example(t, "yangquan-2021")
	sec := ed.CollegeSection()
	// The stated counts win over the matrix; without them the matrix sums.
	f.CollegeItemCounts = map[string]int{"c1": 4}
	f.CollegeUnions[0].Items["c2"] = false
	x, _ := export(t, f, ed)
	rows, err := x.GetRows(SheetCollege)
	if err != nil {
		t.Fatal(err)
	}
	items := sec.Answerable()
	cols := len(items) + 1
	for _, tc := range []struct{ id, want string }{{"c1", "4"}, {"c2", "4"}, {"c3", "5"}} {
		it, _, _ := ed.Item(tc.id)
		r := rowOf(rows, 1, 0, formtext.ItemLabel(it))
		if r == 0 {
			t.Fatalf("item %s missing", tc.id)
		}
		if got := cellAt(t, x, SheetCollege, cols-3, r); got != tc.want {
			t.Errorf("count of %s = %q, want %q", tc.id, got, tc.want)
		}
		if !merged(t, x, SheetCollege, cell(1, r), cell(cols-4, r)) {
			t.Errorf("item %s text not merged", tc.id)
		}
	}
	head := rowOf(rows, 1, 0, sec.MatrixColumns[0])
	if head == 0 {
		t.Fatal("matrix header missing")
	}
	if !merged(t, x, SheetCollege, cell(1, head), cell(1, head+1)) ||
		!merged(t, x, SheetCollege, cell(2, head), cell(cols, head)) {
		t.Error("matrix header not merged")
	}
	for i, it := range items {
		if got := cellAt(t, x, SheetCollege, 2+i, head+1); got != it.Number {
			t.Errorf("matrix column %d = %q, want %q", i+1, got, it.Number)
		}
	}
	for ui, u := range f.CollegeUnions {
		r := head + 2 + ui
		if got := cellAt(t, x, SheetCollege, 1, r); got != u.Name {
			t.Errorf("matrix row %d = %q, want %q", r, got, u.Name)
		}
		for i, it := range items {
			want := "否"
			if u.Items[it.ID] {
				want = "是"
			}
			if got := cellAt(t, x, SheetCollege, 2+i, r); got != want {
				t.Errorf("%s item %s = %q, want %q", u.Name, it.ID, got, want)
			}
		}
	}
	// 2020 has no college section and so no such sheet.
	f20, ed20 := example(t, "changji-2020")
	x20, _ := export(t, f20, ed20)
	if idx, _ := x20.GetSheetIndex(SheetCollege); idx != -1 {
		t.Error("2020 workbook has a college sheet")
	}
	want := []string{SheetForm, SheetRoster, SheetCongress}
	if got := x20.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("2020 sheets = %v, want %v", got, want)
	}
}

func TestRosterSheet(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			f, ed := example(t, name)
			x, _ := export(t, f, ed)
			rows, err := x.GetRows(SheetRoster)
			if err != nil {
				t.Fatal(err)
			}
			if got := rows[RosterHeaderRow-1]; strings.Join(got, "|") != strings.Join(RosterColumns, "|") {
				t.Fatalf("header = %q", got)
			}
			if len(rows) != RosterHeaderRow+len(f.Members) {
				t.Fatalf("%d rows, want header and %d members", len(rows), len(f.Members))
			}
			for i := range f.Members {
				m := &f.Members[i]
				row := rows[RosterHeaderRow+i]
				for len(row) < len(RosterColumns) {
					row = append(row, "")
				}
				want := []string{strconv.Itoa(i + 1), m.Name, m.PoliticalStatus,
					m.College, formtext.Grade(m), formtext.Rank(m), formtext.YesNo(m.Failed), m.Experience, m.Position}
				for c, w := range want {
					if row[c] != w {
						t.Errorf("member %d column %s = %q, want %q", i+1, RosterColumns[c], row[c], w)
					}
				}
			}
		})
	}
}

func TestRosterTexts(t *testing.T) {
	tests := []struct {
		m           forms.Member
		grade, rank string
	}{
		{forms.Member{Grade: 1, Level: forms.LevelUndergraduate}, "一年级", ""},
		{forms.Member{Grade: 2, Rank: forms.IntPtr(3), RankTotal: forms.IntPtr(45)}, "二年级", "3/45"},
		{forms.Member{Grade: 3, Rank: forms.IntPtr(20)}, "三年级", "20"},
		{forms.Member{Grade: 1, Level: forms.LevelGraduate}, "研一", ""},
		{forms.Member{Grade: 2, Level: forms.LevelGraduate, RankPercent: forms.FloatPtr(10)}, "研二", "前10%"},
		{forms.Member{GradeText: "纪检委员"}, "纪检委员", ""},
		{forms.Member{Grade: 12}, "12年级", ""},
	}
	for _, tt := range tests {
		if got := formtext.Grade(&tt.m); got != tt.grade {
			t.Errorf("formtext.Grade(%+v) = %q, want %q", tt.m, got, tt.grade)
		}
		if got := formtext.Rank(&tt.m); got != tt.rank {
			t.Errorf("formtext.Rank(%+v) = %q, want %q", tt.m, got, tt.rank)
		}
	}
}

// TestPrintSettings checks the page setup of every sheet.
func TestPrintSettings(t *testing.T) {
	f, ed := example(t, "yangquan-2021")
	x, _ := export(t, f, ed)
	titles := map[string]string{}
	for _, dn := range x.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	rows, _ := x.GetRows(SheetForm)
	head := rowOf(rows, 1, 0, "项目")
	wantTitles := map[string]string{
		SheetForm:    "'备案表'!$" + strconv.Itoa(head) + ":$" + strconv.Itoa(head),
		SheetRoster:  "'校级组织工作人员名单'!$2:$2",
		SheetCollege: "",
	}
	crow, _ := x.GetRows(SheetCollege)
	mh := rowOf(crow, 1, 0, "二级学生会组织")
	wantTitles[SheetCollege] = "'二级学生会组织情况'!$" + strconv.Itoa(mh) + ":$" + strconv.Itoa(mh+1)
	for _, sheet := range x.GetSheetList() {
		pl, err := x.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *pl.Size != paperA4 || *pl.Orientation != "portrait" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout size=%d orientation=%s fit=%dx%d", sheet, *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
		}
		sp, err := x.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if sp.FitToPage == nil || !*sp.FitToPage {
			t.Errorf("%s: fit to page is off", sheet)
		}
		pm, err := x.GetPageMargins(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *pm.Left != marginSideIn || *pm.Right != marginSideIn || *pm.Top != marginTopIn || !*pm.Horizontally {
			t.Errorf("%s: margins %v %v %v centred=%v", sheet, *pm.Left, *pm.Right, *pm.Top, *pm.Horizontally)
		}
		hf, err := x.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") {
			t.Errorf("%s: footer %q", sheet, hf.OddFooter)
		}
		if want, ok := wantTitles[sheet]; ok && titles[sheet] != want {
			t.Errorf("%s: print titles %q, want %q", sheet, titles[sheet], want)
		}
		// The columns fit the printable width, so fitting to one page
		// wide hardly shrinks the text.
		total := 0.0
		cols, _ := x.GetCols(sheet)
		for i := range cols {
			col, _ := excelize.ColumnNumberToName(i + 1)
			w, _ := x.GetColWidth(sheet, col)
			total += w
		}
		if total > printable+0.5 {
			t.Errorf("%s: columns %.1f units wide, printable %.1f", sheet, total, printable)
		}
	}
}

// TestRowHeights checks that every row is at least as tall as the text of
// its cells needs by the layout rules, and no taller than allowed.
func TestRowHeights(t *testing.T) {
	f, ed := example(t, "changji-2020")
	x, _ := export(t, f, ed)
	rows, _ := x.GetRows(SheetForm)
	r := rowOf(rows, 1, 0, "6. "+mustItem(t, ed, "6").Text)
	h, err := x.GetRowHeight(SheetForm, r)
	if err != nil {
		t.Fatal(err)
	}
	// Item 6 is 94 characters over columns A:B (58 units ≈ 27 em at 11 pt):
	// four lines.
	if want := heightFor(4, lookText); h < want || h > want+1 {
		t.Errorf("item 6 row height %.2f, want %.2f", h, want)
	}
	// A one-line item is one line tall.
	r = rowOf(rows, 1, 0, "5. "+mustItem(t, ed, "5").Text)
	if h, _ := x.GetRowHeight(SheetForm, r); h > heightFor(1, lookText)+1 {
		t.Errorf("item 5 row height %.2f, want one line", h)
	}
}

func mustItem(t *testing.T, ed *forms.Edition, id string) forms.Item {
	t.Helper()
	for _, s := range ed.Sections {
		for _, it := range s.Items {
			if it.ID == id {
				return it
			}
		}
	}
	t.Fatalf("no item %s", id)
	return forms.Item{}
}

// TestLongText checks that a text longer than one row can show is split
// over several rows, none taller than allowed, that together hold it all.
func TestLongText(t *testing.T) {
	f, ed := example(t, "changji-2020")
	var b strings.Builder
	for i := range 60 {
		b.WriteString("我校学生会坚持全心全意服务同学，聚焦主责主业，围绕学生需求开展“学业帮扶”“心理护航”等品牌项目，覆盖学生三千余人次。")
		if i%7 == 6 {
			b.WriteString("\n")
		}
	}
	f.Texts.Experience = b.String()
	x, _ := export(t, f, ed)
	rows, _ := x.GetRows(SheetForm)
	top := rowOf(rows, 1, 0, "典型经验（选填）")
	if top == 0 {
		t.Fatal("典型经验 row missing")
	}
	// GetRows gives the merged label only in its first row.
	at := func(r, c int) string {
		if r-1 < len(rows) && c-1 < len(rows[r-1]) {
			return rows[r-1][c-1]
		}
		return ""
	}
	var got strings.Builder
	n := 0
	for r := top; r <= len(rows) && (r == top || at(r, 1) == ""); r++ {
		piece := at(r, colText)
		if last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(piece, "\n")); r > top && at(r+1, 1) == "" && !strings.ContainsRune("。！？；", last) {
			t.Errorf("row %d ends within a sentence: …%q", r, string([]rune(piece)[max(0, utf8.RuneCountInString(piece)-10):]))
		}
		got.WriteString(piece)
		if h, _ := x.GetRowHeight(SheetForm, r); h > maxRowPt {
			t.Errorf("row %d is %.1f pt tall", r, h)
		}
		n++
	}
	if n < 2 {
		t.Fatalf("long text written in %d row(s)", n)
	}
	norm := func(s string) string { return strings.ReplaceAll(s, "\n", "") }
	if norm(got.String()) != norm(f.Texts.Experience) {
		t.Errorf("long text not kept whole over %d rows", n)
	}
	if !merged(t, x, SheetForm, cell(1, top), cell(1, top+n-1)) {
		t.Errorf("label not merged over the text's %d rows", n)
	}
	if next := at(top+n, 1); next != "服务同学品牌项目和主要内容（选填）" {
		t.Errorf("the row after the text is labelled %q", next)
	}
}

// TestCellsForHands checks what a user who edits or prints the workbook
// relies on: numbers are numbers, answer cells offer only the two answers,
// and signature rows have room for a 42 mm seal.
func TestCellsForHands(t *testing.T) {
	f, ed := example(t, "yangquan-2021")
	x, _ := export(t, f, ed)
	numeric := []struct{ sheet, cell string }{{SheetRoster, cell(1, RosterHeaderRow+1)}}
	// Each college item's count is the first value after its text.
	rows, _ := x.GetRows(SheetCollege)
	for _, it := range ed.CollegeSection().Answerable() {
		r := rowOf(rows, 1, 0, formtext.ItemLabel(it))
		if r == 0 {
			t.Fatalf("college item %s missing", it.ID)
		}
		for c := 1; c < len(rows[r-1]); c++ {
			if rows[r-1][c] != "" {
				numeric = append(numeric, struct{ sheet, cell string }{SheetCollege, cell(c+1, r)})
				break
			}
		}
	}
	if len(numeric) < 2 {
		t.Fatal("no college count found")
	}
	for _, n := range numeric {
		typ, err := x.GetCellType(n.sheet, n.cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s!%s is of type %v, want a number", n.sheet, n.cell, typ)
		}
		v, _ := x.GetCellValue(n.sheet, n.cell, excelize.Options{RawCellValue: true})
		if _, err := strconv.Atoi(v); err != nil {
			t.Errorf("%s!%s = %q, not a number", n.sheet, n.cell, v)
		}
	}
	for _, sheet := range []string{SheetForm, SheetCollege} {
		dvs, err := x.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(dvs) == 0 {
			t.Errorf("%s: no drop-down lists", sheet)
		}
		for _, dv := range dvs {
			if dv.Type != "list" || strings.Count(dv.Formula1, ",") != 1 {
				t.Errorf("%s: validation %s %q is not a list of two answers", sheet, dv.Type, dv.Formula1)
			}
		}
	}
	dvs, _ := x.GetDataValidations(SheetForm)
	if len(dvs) > 0 && !strings.Contains(dvs[0].Formula1, "☑是 □否") {
		t.Errorf("form drop-down offers %q", dvs[0].Formula1)
	}
	rows, _ = x.GetRows(SheetCollege)
	for _, sig := range ed.Signatures {
		r := rowOf(rows, 1, 0, sig.Title)
		if r == 0 {
			t.Errorf("no signature row %q", sig.Title)
			continue
		}
		if h, _ := x.GetRowHeight(SheetCollege, r); h < 45/25.4*72 {
			t.Errorf("signature row %q is %.1f pt, less than 45 mm", sig.Title, h)
		}
	}
}

// TestNoFormulas writes texts that a spreadsheet would take for formulas
// and checks they come back as text.
func TestNoFormulas(t *testing.T) {
	f, ed := example(t, "lanzhou-2020")
	evil := []string{"=1+1", "+8613800000000", "-2", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\",\"y\")"}
	for i, e := range evil {
		f.Members[i].Name = e
		f.Members[i].Experience = e
	}
	f.Texts.Problems = "=cmd|' /C calc'!A0"
	f.Guidance.DeputySecretary.Note = "+1"
	_, data := export(t, f, ed)
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for i, e := range evil {
		r := RosterHeaderRow + 1 + i
		if got := cellAt(t, x, SheetRoster, 2, r); got != e {
			t.Errorf("name %q read back as %q", e, got)
		}
		ct, _ := x.GetCellType(SheetRoster, cell(2, r))
		if ct != excelize.CellTypeSharedString && ct != excelize.CellTypeInlineString {
			t.Errorf("name %q stored as cell type %v", e, ct)
		}
	}
	for _, sheet := range x.GetSheetList() {
		rows, _ := x.GetRows(sheet)
		for r, row := range rows {
			for c := range row {
				if fm, _ := x.GetCellFormula(sheet, cell(c+1, r+1)); fm != "" {
					t.Errorf("%s!%s has formula %q", sheet, cell(c+1, r+1), fm)
				}
			}
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
			continue
		}
		body := readZip(t, zf)
		if strings.Contains(body, "<f>") || strings.Contains(body, "<f ") {
			t.Errorf("%s contains a formula element", zf.Name)
		}
	}
}

func readZip(t *testing.T, zf *zip.File) string {
	t.Helper()
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestProperties checks the document properties and that nothing of the
// machine leaks into the file.
func TestProperties(t *testing.T) {
	f, ed := example(t, "yangquan-2021")
	x, data := export(t, f, ed)
	p, err := x.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != ed.Title || p.Creator != Creator || p.LastModifiedBy != Creator ||
		!strings.Contains(p.Subject, f.School) || p.Created != "2021-11-30T08:00:00Z" || p.Modified != p.Created {
		t.Errorf("doc props %+v", p)
	}
	a, err := x.GetAppProps()
	if err != nil {
		t.Fatal(err)
	}
	if a.Application != Creator || a.Company != f.School {
		t.Errorf("app props %+v", a)
	}
	var leaks []string
	if u, err := user.Current(); err == nil && len(u.Username) > 2 {
		leaks = append(leaks, u.Username)
	}
	if h, err := os.Hostname(); err == nil && len(h) > 2 {
		leaks = append(leaks, h)
	}
	if wd, err := os.Getwd(); err == nil {
		leaks = append(leaks, wd)
	}
	leaks = append(leaks, os.TempDir()+string(filepath.Separator), "Go Excelize")
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "docProps/") {
			continue
		}
		body := readZip(t, zf)
		for _, l := range leaks {
			if strings.Contains(body, l) {
				t.Errorf("%s contains %q", zf.Name, l)
			}
		}
	}
	// The same filing and time give the same bytes.
	_, again := export(t, f, ed)
	if !bytes.Equal(data, again) {
		t.Error("two exports with the same Options differ")
	}
}

func TestWriteErrors(t *testing.T) {
	f, ed := example(t, "changji-2020")
	if err := Write(io.Discard, nil, ed, Options{}); err == nil {
		t.Error("nil filing: no error")
	}
	if err := Write(io.Discard, f, nil, Options{}); err == nil {
		t.Error("nil edition: no error")
	}
	ed21, _ := editions(t).Get("2021")
	if err := Write(io.Discard, f, ed21, Options{}); err == nil || !strings.Contains(err.Error(), "2021") {
		t.Errorf("edition mismatch: %v", err)
	}
	bad := *ed
	bad.Sections = []forms.Section{{ID: "school", Kind: forms.SectionAnswers, Answers: []string{"是"}}}
	if err := Write(io.Discard, f, &bad, Options{}); err == nil {
		t.Error("edition without answer words: no error")
	}
	if err := Write(failWriter{}, f, ed, Options{}); err == nil || !strings.Contains(err.Error(), "导出 Excel") {
		t.Errorf("failing writer: %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteFile(t *testing.T) {
	f, ed := example(t, "changji-2020")
	dir := t.TempDir()
	path := filepath.Join(dir, "备案表.xlsx")
	if err := WriteFile(path, f, ed, Options{Time: fixedTime}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	x.Close()
	// A failed export leaves the existing file alone and no temporary
	// file behind.
	before, _ := os.ReadFile(path)
	ed21, _ := editions(t).Get("2021")
	if err := WriteFile(path, f, ed21, Options{}); err == nil {
		t.Fatal("mismatched edition: no error")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("failed export changed the existing file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want 1", len(entries))
	}
	if err := WriteFile(filepath.Join(dir, "无此目录", "x.xlsx"), f, ed, Options{}); err == nil {
		t.Error("missing folder: no error")
	}
}

// TestMarkersAndLegend uses a later edition's conventions (★ core items,
// ▲ observed items and the legend) on a copy of the 2021 edition.
func TestMarkersAndLegend(t *testing.T) {
	f, ed := example(t, "yangquan-2021")
	e := *ed
	e.Legend = "标注“★”为核心指标；标注“▲”为观测指标"
	e.Sections = append([]forms.Section(nil), ed.Sections...)
	items := append([]forms.Item(nil), e.Sections[0].Items...)
	items[0].Marker = "★"
	items[12].Marker = "▲"
	e.Sections[0].Items = items
	x, _ := export(t, f, &e)
	rows, _ := x.GetRows(SheetForm)
	for _, want := range []string{e.Legend, "1★. " + items[0].Text, "13▲. " + items[12].Text} {
		if rowOf(rows, 1, 0, want) == 0 {
			t.Errorf("no row reads %q", want)
		}
	}
}
