package roster

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"sureform/assets"
	"sureform/forms"
)

// The testdata/seed* files are the roster sections of the seed disclosures
// 000 (阳泉, one cell per line), 002 (昌吉, tab-separated with the
// extraction's noise) and 003 (兰州, one cell per line), copied as they
// are. The example filings in assets/examples were built from the same
// rosters by hand; import must reach the same members.

// readCellLines reads the seeds' one-cell-per-line table layout: a line
// starting with a tab starts a cell, other lines continue the cell before
// (a header wrapped as 政治\n\n面貌), and a blank line before a new cell
// ends the row.
func readCellLines(t testing.TB, name string) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	var row []string
	blank := false
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		switch {
		case line == "":
			blank = true
		case strings.HasPrefix(line, "\t"):
			if blank && len(row) > 0 {
				rows = append(rows, row)
				row = nil
			}
			blank = false
			row = append(row, strings.TrimPrefix(line, "\t"))
		default:
			if len(row) == 0 {
				row = append(row, "")
			}
			sep := "\n"
			if blank {
				sep = "\n\n"
			}
			row[len(row)-1] += sep + line
			blank = false
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// exampleMembers loads the hand-built members of an example filing.
func exampleMembers(t testing.TB, name string) (*forms.Filing, []forms.Member) {
	t.Helper()
	data, err := assets.Examples.ReadFile("examples/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := forms.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return f, f.Members
}

// memberFacts are the fields of a member that a roster states, as text for
// comparison.
func memberFacts(m forms.Member, withExperience bool) string {
	exp := ""
	if withExperience {
		exp = m.Experience
	}
	return fmt.Sprintf("%s|%s|%s|%d|%s|%s|%s|%s|%s|%s", m.Name, m.PoliticalStatus, m.College, m.Grade, m.GradeText,
		m.Level, ptrText(m.Rank), ptrText(m.RankTotal), boolPtrText(m.Failed), exp)
}

func ptrText(p *int) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func boolPtrText(p *bool) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

// buildXLSX writes rows to a workbook; merges are "A1:H1" ranges; extra
// sheets are added before the roster when given.
func buildXLSX(t testing.TB, sheet string, rows [][]string, merges []string, extra map[string][][]string) []byte {
	t.Helper()
	wb := excelize.NewFile()
	defer wb.Close()
	if err := wb.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	write := func(name string, rows [][]string) { writeCells(t, wb, name, rows) }
	write(sheet, rows)
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		if err := wb.MergeCell(sheet, a, b); err != nil {
			t.Fatal(err)
		}
	}
	for name, rows := range extra {
		if _, err := wb.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		write(name, rows)
	}
	var buf bytes.Buffer
	if _, err := wb.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeCells writes rows of text into a sheet, leaving blank cells empty.
func writeCells(t testing.TB, wb *excelize.File, name string, rows [][]string) {
	t.Helper()
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := wb.SetCellStr(name, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func csvBytes(t testing.TB, rows [][]string, comma rune) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = comma
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gbk(t testing.TB, b []byte) []byte {
	t.Helper()
	out, err := simplifiedchinese.GBK.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// seedShape is one seed roster in one of the shapes users have it in.
type seedShape struct {
	name    string
	example string
	file    string
	data    func(t testing.TB) []byte
	// experience: whether the roster has the work-experience column.
	experience bool
	// problems are the expected problems as "row column severity".
	problems []string
}

// shapes000 … build the seed rosters in the shapes users really have them.
func seedShapes(t testing.TB) []seedShape {
	r000 := readCellLines(t, "seed000_roster.txt")
	r003 := readCellLines(t, "seed003_roster.txt")
	tsv002, err := os.ReadFile(filepath.Join("testdata", "seed002_roster.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	rows002, err := readText(string(tsv002), '\t', 1000)
	if err != nil {
		t.Fatal(err)
	}
	// 002's problems: 冉嫒's grade (seed row 19) is “纪检 委员”; rows
	// whose experience names 学生会主席 get a guessed position.
	return []seedShape{
		{
			name: "000 GBK CSV as Excel saves it on Chinese Windows", example: "yangquan-2021", file: "阳泉名单.csv",
			data: func(t testing.TB) []byte { return gbk(t, csvBytes(t, r000, ',')) },
		},
		{
			name: "000 xlsx with title row, extra columns, columns moved", example: "yangquan-2021", file: "阳泉名单.xlsx",
			data: func(t testing.TB) []byte {
				// Title, then the header with 学号 and 性别 added and 院系
				// moved before 姓名.
				rows := [][]string{{"阳泉职业技术学院学生会校级组织工作人员名单"}}
				for i, r := range r000 {
					extra1, extra2 := "学号", "性别"
					if i > 0 {
						extra1, extra2 = fmt.Sprintf("2020%04d", i), "男"
					}
					rows = append(rows, []string{r[0], r[3], extra1, r[1], r[2], extra2, r[4], r[5], r[6]})
				}
				return buildXLSX(t, "名单", rows, []string{"A1:I1"}, map[string][][]string{
					"说明": {{"本表由学生工作处汇总"}},
				})
			},
		},
		{
			name: "002 pasted from the document as tab-separated text", example: "changji-2020", file: "昌吉名单.txt",
			data:       func(t testing.TB) []byte { return tsv002 },
			experience: true,
			problems: []string{"13 H warning", "14 H warning", "15 H warning", "16 H warning", "22 H warning",
				"25 E error"},
		},
		{
			name: "002 xlsx with merged title, two-row header and wrapped cells", example: "changji-2020", file: "昌吉名单.xlsx",
			data: func(t testing.TB) []byte {
				rows := [][]string{{"昌吉职业技术学院学生会校级组织工作人员名单"}}
				var header, cont []string
				for _, r := range rows002 {
					switch {
					case header == nil:
						header = r
					case len(r) > 5 && strings.Contains(r[5], "不需填写"):
						cont = r
					case ruleRow(r) || blankRow(r):
					default:
						// Copy-spaces become line breaks in a wrapped cell.
						w := append([]string(nil), r...)
						for i := range w {
							w[i] = strings.ReplaceAll(w[i], " ", "\n")
						}
						rows = append(rows, w)
					}
				}
				rows = append([][]string{rows[0], header, cont}, rows[1:]...)
				// Two-row header: every column but the rank one is merged
				// down over both rows.
				var merges []string
				merges = append(merges, "A1:H1")
				for c := 0; c < 8; c++ {
					if c == 5 {
						continue
					}
					col := columnLetter(c)
					merges = append(merges, fmt.Sprintf("%s2:%s3", col, col))
				}
				return buildXLSX(t, "Sheet1", rows, merges, nil)
			},
			experience: true,
			problems:   []string{"11 H warning", "12 H warning", "13 H warning", "14 H warning", "19 H warning", "22 E error"},
		},
		{
			name: "003 UTF-8 CSV with BOM", example: "lanzhou-2020", file: "兰州名单.csv",
			data: func(t testing.TB) []byte {
				return append([]byte("\xef\xbb\xbf"), csvBytes(t, r003, ',')...)
			},
			experience: true,
			problems:   []string{"2 H warning", "3 H warning", "4 H warning", "5 H warning", "6 H warning", "7 H warning", "8 H warning", "9 H warning", "10 H warning", "11 H warning", "12 H warning", "13 H warning", "14 H warning", "15 H warning"},
		},
		{
			name: "003 xlsx with colleges merged down and a total row", example: "lanzhou-2020", file: "兰州名单.xlsx",
			data: func(t testing.TB) []byte {
				rows := append([][]string(nil), r003...)
				rows = append(rows, []string{"合计", "共40人"})
				// Merge each run of equal colleges into one cell, as
				// rosters sorted by college often are.
				var merges []string
				start := 1
				for i := 2; i <= len(r003); i++ {
					if i == len(r003) || r003[i][3] != r003[start][3] {
						if i-start > 1 {
							merges = append(merges, fmt.Sprintf("D%d:D%d", start+1, i))
						}
						for j := start + 1; j < i; j++ {
							rows[j] = append([]string(nil), rows[j]...)
							rows[j][3] = ""
						}
						start = i
					}
				}
				return buildXLSX(t, "校学生会", rows, merges, nil)
			},
			experience: true,
			problems:   []string{"2 H warning", "3 H warning", "4 H warning", "5 H warning", "6 H warning", "7 H warning", "8 H warning", "9 H warning", "10 H warning", "11 H warning", "12 H warning", "13 H warning", "14 H warning", "15 H warning"},
		},
	}
}

func TestSeedRosters(t *testing.T) {
	for _, sh := range seedShapes(t) {
		t.Run(sh.name, func(t *testing.T) {
			f, want := exampleMembers(t, sh.example)
			p, err := Parse(sh.data(t), sh.file, OptionsFor(f))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(p.Members) != len(want) {
				for _, pr := range p.Problems {
					t.Log(pr.String())
				}
				t.Fatalf("got %d members, want %d", len(p.Members), len(want))
			}
			for i, r := range p.Members {
				if got, w := memberFacts(r.Member, sh.experience), memberFacts(want[i], sh.experience); got != w {
					t.Errorf("row %d member %d:\n got  %s\n want %s", r.Row, i, got, w)
				}
			}
			var got []string
			for _, pr := range p.Problems {
				got = append(got, fmt.Sprintf("%d %s %s", pr.Row, pr.Column, pr.Severity))
				if pr.Message == "" || (pr.Sheet == "") != (p.Format != FormatXLSX) || pr.Member < 0 || pr.Member >= len(p.Members) ||
					p.Members[pr.Member].Row != pr.Row {
					t.Errorf("problem not tied to its member: %+v", pr)
				}
			}
			if strings.Join(got, ";") != strings.Join(sh.problems, ";") {
				for _, pr := range p.Problems {
					t.Log(pr.String())
				}
				t.Errorf("problems:\n got  %v\n want %v", got, sh.problems)
			}
		})
	}
}

// TestSeed002Noise checks the seed's own noise member by member.
func TestSeed002Noise(t *testing.T) {
	f, _ := exampleMembers(t, "changji-2020")
	for _, sh := range seedShapes(t)[2:4] {
		p, err := Parse(sh.data(t), sh.file, OptionsFor(f))
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string]Row{}
		for _, r := range p.Members {
			byName[r.Member.Name] = r
		}
		for _, name := range []string{"阿米娜姆·萨吾提", "苏力坦沙·克", "苏比努尔·安外尔", "肯巴提·萨依饶"} {
			if _, ok := byName[name]; !ok {
				t.Errorf("%s: no member %s", sh.name, name)
			}
		}
		if m := byName["张世英"].Member; m.College != "药学与医学技术分院" {
			t.Errorf("%s: 张世英's college %q", sh.name, m.College)
		}
		r := byName["冉嫒"]
		if r.Member.Grade != 0 || r.Member.GradeText != "纪检委员" {
			t.Errorf("%s: 冉嫒 grade %d %q", sh.name, r.Member.Grade, r.Member.GradeText)
		}
		found := false
		for _, pr := range p.Problems {
			if pr.Row == r.Row && pr.Field == FieldGrade && pr.Text != "" && strings.Contains(pr.Message, "纪检委员") {
				found = true
				if pr.Severity != forms.SeverityError || pr.Header != "年级" {
					t.Errorf("%s: 冉嫒's grade problem %+v", sh.name, pr)
				}
			}
		}
		if !found {
			t.Errorf("%s: no problem reported for 冉嫒's grade", sh.name)
		}
		// Titles inferred from the work experience are suggestions to
		// confirm: nothing is counted from them until then.
		if m := byName["叶小龙"].Member; m.Position != "" || m.SuggestedPosition != forms.PositionPresident || m.SuggestedDepartment != forms.PresidiumDepartment {
			t.Errorf("%s: 叶小龙 position %q, suggested %q %q", sh.name, m.Position, m.SuggestedPosition, m.SuggestedDepartment)
		}
		if m := byName["马小梅"].Member; m.Position != "" || m.SuggestedPosition != "" {
			t.Errorf("%s: 马小梅 (学生主席, a class role) got position %q/%q", sh.name, m.Position, m.SuggestedPosition)
		}
		if m := byName["范荣宇"].Member; !m.ConfirmSuggestion() || m.Position != forms.PositionStaff || m.Department != "安全部" {
			t.Errorf("%s: 范荣宇 (安全部 干事) confirmed as %q %q", sh.name, m.Position, m.Department)
		}
	}
}

// TestSeed003Positions checks the positions inferred from 003's experience
// column against the example filing.
func TestSeed003Positions(t *testing.T) {
	f, want := exampleMembers(t, "lanzhou-2020")
	p, err := Parse(seedShapes(t)[4].data(t), "兰州.csv", OptionsFor(f))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range p.Members {
		w := want[i]
		if r.Member.Position != "" || (w.Position != "" && r.Member.SuggestedPosition == "") {
			t.Errorf("row %d %s: position %q suggested %q; an inferred title is a suggestion", r.Row, r.Member.Name, r.Member.Position, r.Member.SuggestedPosition)
		}
		r.Member.ConfirmSuggestion()
		wantPos := w.Position
		if r.Member.Position != wantPos || r.Member.Department != w.Department {
			t.Errorf("row %d %s: position %q/%q, want %q/%q", r.Row, r.Member.Name,
				r.Member.Position, r.Member.Department, wantPos, w.Department)
		}
	}
}

// TestSeedJSONGolden compares the 002 TSV import, as the CLI's members
// would show it, with a golden file; -update rewrites it.
func TestSeedGolden(t *testing.T) {
	f, _ := exampleMembers(t, "changji-2020")
	p, err := Parse(seedShapes(t)[2].data(t), "昌吉名单.txt", OptionsFor(f))
	if err != nil {
		t.Fatal(err)
	}
	type golden struct {
		Sheet    string
		Columns  []Column
		Members  []Row
		Skipped  []Skipped
		Problems []string
	}
	g := golden{Sheet: p.Sheet, Columns: p.Columns, Members: p.Members, Skipped: p.Skipped}
	for _, pr := range p.Problems {
		g.Problems = append(g.Problems, pr.Severity.Chinese()+" "+pr.String())
	}
	got, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "seed002.golden.json", got)
}
