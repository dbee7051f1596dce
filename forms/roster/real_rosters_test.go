package roster

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
)

// rosterBook builds a workbook the way offices keep rosters: rows of text
// on a sheet, with rows, columns and sheets hidden as asked.
type rosterBook struct {
	sheet        string
	rows         [][]string
	merges       []string
	hiddenRows   []int    // 1-based
	hiddenCols   []string // letters
	hiddenSheets map[string][][]string
}

func (b rosterBook) bytes(t *testing.T) []byte {
	t.Helper()
	wb := excelize.NewFile()
	defer wb.Close()
	if err := wb.SetSheetName("Sheet1", b.sheet); err != nil {
		t.Fatal(err)
	}
	writeCells(t, wb, b.sheet, b.rows)
	for _, m := range b.merges {
		from, to, _ := strings.Cut(m, ":")
		if err := wb.MergeCell(b.sheet, from, to); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range b.hiddenRows {
		if err := wb.SetRowVisible(b.sheet, r, false); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range b.hiddenCols {
		if err := wb.SetColVisible(b.sheet, c, false); err != nil {
			t.Fatal(err)
		}
	}
	for name, rows := range b.hiddenSheets {
		if _, err := wb.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		writeCells(t, wb, name, rows)
		if err := wb.SetSheetVisible(name, false); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := wb.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var officeHeader = []string{"序号", "姓名", "政治面貌", "院系", "年级", "成绩排名", "是否存在课业不及格情况", "学生会职务", "所在部门"}

// tenMembers is a roster of ten: a presidium of three and seven in three
// departments.
func tenMembers() [][]string {
	return [][]string{
		{"1", "王一", "中共党员", "机电系", "大三", "3/40", "否", "主席", "主席团"},
		{"2", "王二", "共青团员", "机电系", "大二", "4/40", "否", "副主席", "主席团"},
		{"3", "王三", "共青团员", "护理系", "大二", "5/40", "否", "副主席", "主席团"},
		{"4", "李一", "共青团员", "护理系", "大二", "6/40", "否", "部长", "学习部"},
		{"5", "李二", "共青团员", "护理系", "大一", "", "否", "干事", "学习部"},
		{"6", "李三", "共青团员", "信息系", "大二", "7/40", "否", "部长", "文体部"},
		{"7", "赵一", "共青团员", "信息系", "大一", "", "否", "干事", "文体部"},
		{"8", "赵二", "共青团员", "信息系", "大二", "8/40", "否", "部长", "实践部"},
		{"9", "赵三", "共青团员", "建筑系", "大一", "", "否", "副部长", "实践部"},
		{"10", "赵四", "共青团员", "建筑系", "大一", "", "否", "干事", "实践部"},
	}
}

func skippedOf(p *Preview) string {
	var out []string
	for _, s := range p.Skipped {
		out = append(out, itoa(s.Row)+" "+s.Reason)
	}
	return strings.Join(out, ",")
}

func namesOf(p *Preview) string {
	var out []string
	for _, r := range p.Members {
		out = append(out, r.Member.Name)
	}
	return strings.Join(out, "、")
}

// A roster of 10 with what offices put around it: a title, totals, notes,
// sign-off lines and the header repeated on the second printed page. Only
// the 10 are members; every other row is listed with its reason and its
// row as Excel numbers it; the filing counts 10 people and 4 departments.
func TestRosterOfTenAmongNonMembers(t *testing.T) {
	rows := [][]string{{"某某职业技术学院学生会工作人员名单"}, {""}, officeHeader}
	m := tenMembers()
	rows = append(rows, m[:6]...)
	rows = append(rows, officeHeader) // row 10: page 2
	rows = append(rows, m[6:]...)
	rows = append(rows,
		[]string{"合计", "", "", "", "", "", "", "", ""},          // 15
		[]string{"以上共计10人"},                                     // 16
		[]string{"", "", "10", "10", "10", "", "0", "10", "10"}, // 17: COUNTA formulas' values
		[]string{"注：成绩排名为最近一学年专业排名。"},                           // 18, merged across
		[]string{"填表人：刘老师", "", "", "", "联系电话：0931-1234567"},    // 19
		[]string{"审核意见："},                                       // 20
		[]string{"", "负责人签字：", "", "", "", "", "（盖章）"},          // 21
		[]string{"日期：2021年11月30日"},                              // 22
		[]string{"", "见附件2", "", "", "", "", "", "", ""},        // 23: not a name
	)
	data := rosterBook{sheet: "名单", rows: rows, merges: []string{"A1:I1", "A18:I18"}}.bytes(t)
	p, err := Parse(data, "名单.xlsx", Options{AcademicYear: "2021—2022学年"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Members) != 10 || namesOf(p) != "王一、王二、王三、李一、李二、李三、赵一、赵二、赵三、赵四" {
		t.Fatalf("members %s", namesOf(p))
	}
	if p.Members[0].Row != 4 || p.Members[6].Row != 11 {
		t.Errorf("rows %d and %d, want Excel's 4 and 11", p.Members[0].Row, p.Members[6].Row)
	}
	want := "10 重复的表头,15 合计行,16 合计行,17 只有数字的行（合计或统计）,18 说明,19 签字栏,20 签字栏,21 签字栏,22 签字栏,23 姓名列不是人名"
	if got := skippedOf(p); got != want {
		t.Errorf("skipped\n %s\nwant\n %s", got, want)
	}
	if len(p.Problems) != 0 {
		t.Errorf("problems %v", p.Problems)
	}
	f := &forms.Filing{AcademicYear: "2021—2022学年"}
	if _, err := p.Apply(f, Replace); err != nil {
		t.Fatal(err)
	}
	if n, d := len(f.Members), len(f.DepartmentNames()); n != 10 || d != 3 {
		t.Errorf("filing counts %d people in %d departments, want 10 in 3", n, d)
	}
}

// Hidden rows are listed and left out unless asked for; a visible column
// wins over a hidden one of the same field; a hidden column read because
// it is the only one is reported; hidden sheets are named in messages.
func TestHiddenRowsColumnsAndSheets(t *testing.T) {
	header := []string{"序号", "姓名", "政治面貌（旧）", "政治面貌", "院系", "年级", "学生会职务", "所在部门", "专业"}
	rows := [][]string{header,
		{"1", "王一", "群众", "共青团员", "机电系", "大二", "主席", "主席团", "机电一体化"},
		{"2", "王二", "群众", "中共党员", "机电系", "大二", "副主席", "主席团", "机电一体化"},
		{"3", "王三", "群众", "共青团员", "护理系", "大二", "部长", "学习部", "护理"},
	}
	book := rosterBook{sheet: "名单", rows: rows, hiddenRows: []int{3}, hiddenCols: []string{"C", "I"},
		hiddenSheets: map[string][][]string{"旧名单": rows}}
	p, err := Parse(book.bytes(t), "名单.xlsx", Options{AcademicYear: "2021—2022学年"})
	if err != nil {
		t.Fatal(err)
	}
	if namesOf(p) != "王一、王三" || skippedOf(p) != "3 隐藏行" || !p.Skipped[0].Hidden {
		t.Errorf("members %s skipped %s", namesOf(p), skippedOf(p))
	}
	if p.Mapping[FieldPoliticalStatus] != 3 || p.Members[0].Member.PoliticalStatus != forms.LeagueMember {
		t.Errorf("political status read from column %d: %q; the visible D must win over hidden C",
			p.Mapping[FieldPoliticalStatus], p.Members[0].Member.PoliticalStatus)
	}
	var msgs []string
	for _, pr := range p.Problems {
		msgs = append(msgs, pr.Column+" "+pr.Message)
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, "C 此列（在 Excel 中隐藏）和 D 列都像“政治面貌”") || !strings.Contains(all, "I “专业”列在 Excel 中是隐藏的") {
		t.Errorf("problems:\n%s", all)
	}
	for _, s := range p.Sheets {
		if s.Name == "旧名单" {
			t.Errorf("hidden sheet %q searched without being asked for", s.Name)
		}
	}

	p, err = Parse(book.bytes(t), "名单.xlsx", Options{AcademicYear: "2021—2022学年", IncludeHidden: true})
	if err != nil {
		t.Fatal(err)
	}
	if namesOf(p) != "王一、王二、王三" || !p.Members[1].Hidden || p.Members[0].Hidden || len(p.Skipped) != 0 {
		t.Errorf("with hidden rows: members %s skipped %s", namesOf(p), skippedOf(p))
	}

	_, err = Parse(book.bytes(t), "名单.xlsx", Options{Sheet: "没有这张表"})
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Msg, "「旧名单」（隐藏）") {
		t.Errorf("missing sheet: %v", err)
	}
	noRoster := rosterBook{sheet: "说明", rows: [][]string{{"请见隐藏的表"}}, hiddenSheets: map[string][][]string{"名单": rows}}
	_, err = Parse(noRoster.bytes(t), "名单.xlsx", Options{})
	if !errors.As(err, &fe) || !strings.Contains(fe.Msg, "另有隐藏的工作表「名单」没有查找") {
		t.Errorf("roster only on a hidden sheet: %v", err)
	}
	p, err = Parse(noRoster.bytes(t), "名单.xlsx", Options{Sheet: "名单", AcademicYear: "2021—2022学年"})
	if err != nil || len(p.Problems) == 0 || !strings.Contains(p.Problems[0].Message, "隐藏") {
		t.Errorf("hidden sheet named: %v %v", err, p)
	}
}

// Rank and the major's size in separate columns, and the ways offices
// write both in one cell; a column named …人数 is never 专业.
func TestRankAndMajorSize(t *testing.T) {
	rows := [][]string{
		{"姓名", "政治面貌", "院系", "专业", "年级", "名次", "专业人数", "学生会职务"},
		{"王一", "团员", "机电系", "机电一体化", "大二", "12", "40", "干事"},
		{"王二", "团员", "机电系", "机电一体化", "大二", "第12名（共40人）", "", "干事"},
		{"王三", "团员", "机电系", "机电一体化", "大二", "12（40）", "", "干事"},
		{"王四", "团员", "机电系", "机电一体化", "大二", "12/40名", "", "干事"},
		{"王五", "团员", "机电系", "机电一体化", "大二", "12", "40人", "干事"},
		{"王六", "团员", "机电系", "机电一体化", "大二", "12/40", "41", "干事"},
		{"王七", "团员", "机电系", "机电一体化", "大二", "50", "40", "干事"},
		{"王八", "团员", "机电系", "机电一体化", "大二", "12", "四十", "干事"},
	}
	p, err := Parse(rosterBook{sheet: "名单", rows: rows}.bytes(t), "名单.xlsx", Options{AcademicYear: "2021—2022学年"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Mapping[FieldMajor] != 3 || p.Mapping[FieldRankTotal] != 6 {
		t.Fatalf("mapping %v", p.Mapping)
	}
	for i, r := range p.Members[:6] {
		m := r.Member
		if m.Rank == nil || *m.Rank != 12 || m.RankTotal == nil || *m.RankTotal != 40 || m.Major != "机电一体化" {
			t.Errorf("row %d (%s): rank %v/%v major %q, want 12/40", r.Row, m.Name, m.Rank, m.RankTotal, m.Major)
		}
		_ = i
	}
	var got []string
	for _, pr := range p.Problems {
		got = append(got, string(pr.Severity)+" "+pr.Column+itoa(pr.Row))
	}
	if strings.Join(got, ",") != "warning G7,error G8,error G9" {
		t.Errorf("problems %v", p.Problems)
	}
	if ClassifyHeader("专业总人数") != FieldRankTotal || ClassifyHeader("班级人数") != FieldRankTotal || ClassifyHeader("所学专业") != FieldMajor {
		t.Error("…人数 columns must be the major's size, never 专业")
	}
}

// Grades as offices write them, relative to the filing's 学年.
func TestGradesAsOfficesWriteThem(t *testing.T) {
	for _, tc := range []struct {
		in    string
		year  int
		level string
	}{
		{"2020级护理1班", 2, ""}, {"护理2001班", 2, ""}, {"计科2102班", 1, ""}, {"20级", 2, ""},
		{"2020级硕士", 2, forms.LevelGraduate}, {"研二", 2, forms.LevelGraduate}, {"博一", 1, forms.LevelGraduate},
		{"大三", 3, forms.LevelUndergraduate}, {"2019-09-01", 3, ""}, {"2020年9月", 2, ""}, {"2021.9", 1, ""},
		{"44075", 2, ""}, // 2020-09-01 as an Excel serial
		{"2021年3月", 2, ""},
	} {
		g, err := ParseGrade(tc.in, 2021)
		if err != nil || g.Year != tc.year || g.Level != tc.level {
			t.Errorf("ParseGrade(%q) = %+v, %v; want %d %q", tc.in, g, err, tc.year, tc.level)
		}
	}
	for _, bad := range []string{"护理1班", "2030级护理", "纪检委员"} {
		if g, err := ParseGrade(bad, 2021); err == nil {
			t.Errorf("ParseGrade(%q) = %+v, want an error", bad, g)
		}
	}
}

// Titles as schools write them, in a roster: 主席团成员 counts in the
// presidium with the exact title to confirm.
func TestTitlesAsSchoolsWriteThem(t *testing.T) {
	rows := [][]string{
		{"姓名", "政治面貌", "院系", "年级", "学生会职务"},
		{"王一", "团员", "机电系", "大二", "执行主席（轮值）"},
		{"王二", "团员", "机电系", "大二", "轮值主席"},
		{"王三", "团员", "机电系", "大二", "主席团成员"},
		{"王四", "团员", "机电系", "大二", "秘书处部长"},
		{"王五", "团员", "机电系", "大二", "副部长（主持工作）"},
	}
	p, err := Parse(rosterBook{sheet: "名单", rows: rows}.bytes(t), "名单.xlsx", Options{AcademicYear: "2021—2022学年"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"执行主席/主席团", "执行主席/主席团", "主席团成员/主席团", "部长/秘书处", "副部长/"}
	for i, r := range p.Members {
		if got := r.Member.Position + "/" + r.Member.Department; got != want[i] {
			t.Errorf("%s: %s, want %s", r.Member.Name, got, want[i])
		}
	}
	if len(p.Problems) != 1 || p.Problems[0].Row != 4 || p.Problems[0].Severity != forms.SeverityWarning {
		t.Errorf("problems %v, want one warning for 主席团成员", p.Problems)
	}
	f := &forms.Filing{}
	p.Apply(f, Replace)
	if len(f.Presidium()) != 3 {
		t.Errorf("presidium %v, want 王一、王二、王三", f.Presidium())
	}
}

// A merge never erases: blank and unreadable cells keep the filing's
// values, and the unreadable ones are reported.
func TestMergeNeverErases(t *testing.T) {
	f := &forms.Filing{Members: []forms.Member{{Name: "王一", College: "机电系", PoliticalStatus: forms.LeagueMember,
		Grade: 2, Rank: forms.IntPtr(3), RankTotal: forms.IntPtr(40), Failed: forms.BoolPtr(false),
		Position: forms.PositionHead, Department: "学习部", FromCollegeUnion: forms.BoolPtr(true)}}}
	rows := [][]string{
		{"姓名", "政治面貌", "院系", "年级", "成绩排名", "是否存在课业不及格情况", "学生会职务", "是否来自院系学生会"},
		{"王一", "", "机电系", "纪检委员", "第三", "", "", "不清楚"},
	}
	p, err := Parse(rosterBook{sheet: "名单", rows: rows}.bytes(t), "名单.xlsx", Options{AcademicYear: "2021—2022学年"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Mapping[FieldFromCollegeUnion] != 7 || p.Mapping[FieldCollege] != 2 {
		t.Errorf("是否来自院系学生会 read as %v", p.Mapping)
	}
	if p.ErrorCount() != 3 {
		t.Errorf("problems %v, want grade, rank and origin unreadable", p.Problems)
	}
	res, err := p.Apply(f, Merge)
	if err != nil || res.Updated != 1 {
		t.Fatal(err, res)
	}
	m := f.Members[0]
	if m.PoliticalStatus != forms.LeagueMember || m.Grade != 2 || *m.Rank != 3 || *m.RankTotal != 40 || m.Failed == nil ||
		m.Position != forms.PositionHead || m.Department != "学习部" || m.FromCollegeUnion == nil || !*m.FromCollegeUnion {
		t.Errorf("merge erased: %+v", m)
	}
}

// A GBK file behind a UTF-8 byte-order mark is read as GBK and says so.
func TestGBKWithWrongBOM(t *testing.T) {
	text := "姓名,政治面貌,院系,年级\r\n王一,团员,机电系,大二\r\n"
	data := append([]byte("\xef\xbb\xbf"), gbk(t, []byte(text))...)
	p, err := Parse(data, "名单.csv", Options{AcademicYear: "2021—2022学年"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Encoding != EncodingGBKWrongBOM || namesOf(p) != "王一" {
		t.Errorf("encoding %q members %s", p.Encoding, namesOf(p))
	}
	if _, _, err := decodeText([]byte("\xef\xbb\xbf\xfe\xfe\xfe\xfe")); err == nil || !strings.Contains(err.Error(), "编码") {
		t.Errorf("junk behind a BOM: %v", err)
	}
}
