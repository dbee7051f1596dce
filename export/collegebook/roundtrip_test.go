package collegebook

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
	"sureform/forms/college"
)

func edition(t testing.TB) *forms.Edition {
	t.Helper()
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	ed, err := eds.Get("2021")
	if err != nil {
		t.Fatal(err)
	}
	return ed
}

func yangquan(t testing.TB) *forms.Filing {
	t.Helper()
	f, err := forms.Load("../../assets/examples/yangquan-2021.json")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// person is one roster row as a college types it.
type person struct {
	name, status, grade, rank, failed, position, department string
}

// fill is what a college writes into its workbook.
type fill struct {
	basic   map[string]string // label → value
	roster  []person
	answers map[string]string // item number → 是/否
	notes   map[string]string
}

func goodFill(college string, n int) fill {
	fl := fill{
		basic: map[string]string{
			"组织类型": "学生会", "学生人数": "1200", "学代会或全体学生大会召开日期": "2021-05-20",
			"主席团产生方式": forms.ElectedByCongress, "指导的团组织负责人": college + "团总支书记",
			"团组织负责人是否为团委老师": "是", "秘书长": "王老师", "秘书长是否为团委老师": "是", "填表人": "李同学", "联系电话": "13800000000",
		},
		answers: map[string]string{},
	}
	for i := 1; i <= 13; i++ {
		fl.answers[fmt.Sprint(i)] = "是"
	}
	for i := 0; i < n; i++ {
		p := person{name: personName(college, i), status: "共青团员", grade: "大二", rank: "3/40", failed: "否", position: "干事", department: "学习部"}
		switch {
		case i == 0:
			p.position, p.department = "主席", "主席团"
		case i < 3:
			p.position, p.department = "副主席", "主席团"
		case i < 5:
			p.position = "部长"
			p.department = []string{"学习部", "文体部"}[i-3]
		}
		fl.roster = append(fl.roster, p)
	}
	return fl
}

// personName is the i-th member's name of a college's roster: real names
// have no digits.
func personName(college string, i int) string {
	surnames := []rune("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏")
	givens := []rune("春夏秋冬梅兰竹菊松柏")
	return string(surnames[i%len(surnames)]) + string(givens[(i/len(surnames))%len(givens)]) + string([]rune(college)[0])
}

// write fills a generated workbook as a college would, with excelize.
func (fl fill) write(t *testing.T, path string, damage func(wb *excelize.File)) {
	t.Helper()
	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	fl.apply(wb)
	if damage != nil {
		damage(wb)
	}
	if err := wb.Save(); err != nil {
		t.Fatal(err)
	}
}

// apply types the fill into an open workbook.
func (fl fill) apply(wb *excelize.File) {
	rows, _ := wb.GetRows(college.SheetBasic)
	for r, row := range rows {
		if len(row) == 0 {
			continue
		}
		if v, ok := fl.basic[row[0]]; ok {
			wb.SetCellStr(college.SheetBasic, fmt.Sprintf("B%d", r+1), v)
		}
	}
	for i, p := range fl.roster {
		row := []any{fmt.Sprint(i + 1), p.name, p.status, "", p.grade, p.rank, p.failed, "", p.position, p.department}
		wb.SetSheetRow(college.SheetRoster, fmt.Sprintf("A%d", 5+i), &row)
	}
	arows, _ := wb.GetRows(college.SheetAnswers)
	for r, row := range arows {
		if len(row) == 0 {
			continue
		}
		if v, ok := fl.answers[row[0]]; ok && r > 1 {
			wb.SetCellStr(college.SheetAnswers, fmt.Sprintf("C%d", r+1), v)
			wb.SetCellStr(college.SheetAnswers, fmt.Sprintf("D%d", r+1), fl.notes[row[0]])
		}
	}
}

// filled returns the workbook of a union filled in, as bytes.
func filled(t testing.TB, f *forms.Filing, ed *forms.Edition, u *forms.CollegeUnion, fl fill) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, ed, u); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	fl.apply(wb)
	out, err := wb.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestRoundTripYangquan(t *testing.T) {
	ed := edition(t)
	f := yangquan(t)
	dir := t.TempDir()
	today := forms.Date{Year: 2021, Month: 11, Day: 1}
	files, err := WriteAll(dir, f, ed, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 5 {
		t.Fatalf("wrote %d workbooks, want 5: %v", len(files), files)
	}
	byName := map[string]string{}
	for i, u := range f.CollegeUnions {
		want := filepath.Join(dir, "二级学生会组织-"+u.Name+".xlsx")
		if !slices.Contains(files, want) {
			t.Errorf("no workbook %s", want)
		}
		byName[u.Name] = want
		if !f.CollegeUnions[i].Collection.Pending() {
			t.Errorf("%s not marked as sent", u.Name)
		}
	}
	if pending := college.Pending(f); len(pending) != 5 {
		t.Errorf("pending %v", pending)
	}
	checkTemplate(t, byName["医学护理系"], ed)

	// 财经管理系 fills it in as asked.
	goodFill("财经管理系", 12).write(t, byName["财经管理系"], nil)
	// 建筑工程系's comes back damaged: renamed sheets, rows under the roster,
	// merged cells and values typed with spaces.
	damaged := goodFill("建筑工程系", 10)
	damaged.basic["学代会或全体学生大会召开日期"] = " 2021 年 5 月 8 日 "
	damaged.basic["秘书长是否为团委老师"] = " 是 "
	damaged.answers["6"] = " 是"
	damaged.roster[4].name = "张 三"
	damaged.write(t, byName["建筑工程系"], func(wb *excelize.File) {
		wb.SetSheetName(college.SheetBasic, "Sheet1")
		wb.SetSheetName(college.SheetAnswers, "自评表（已填）")
		wb.SetSheetName(college.SheetRoster, "名单")
		wb.SetCellStr("名单", "A16", "合计：10人")
		wb.SetCellStr("名单", "A18", "填表人：李同学")
		wb.SetCellStr("自评表（已填）", "A20", "注：本表由建筑工程系学生会填写")
		wb.UnmergeCell("Sheet1", "A2", "C2")
		wb.MergeCell("Sheet1", "B13", "C13") // the 主席团产生方式 answer over its hint
		wb.MergeCell("自评表（已填）", "C3", "C4")
	})
	// 机电工程系 has more staff and presidium than the limits, yet answers 是.
	over := goodFill("机电工程系", 32)
	over.roster[3].position, over.roster[3].department = "副主席", "主席团"
	over.write(t, byName["机电工程系"], nil)
	// 信息技术系 has a 群众 on its roster and answers item 6 with 是.
	contra := goodFill("信息技术系", 8)
	contra.roster[6].status = "群众"
	contra.answers["10"] = ""
	contra.write(t, byName["信息技术系"], nil)
	// 医学护理系's workbook does not come back.

	var previews []*college.Preview
	for _, name := range []string{"财经管理系", "建筑工程系", "机电工程系", "信息技术系"} {
		p, err := college.ReadFile(byName[name], f, ed)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.Target < 0 || f.CollegeUnions[p.Target].Name != name {
			t.Errorf("%s matched union %d", name, p.Target)
		}
		previews = append(previews, p)
	}
	cj, jz, jd, xx := previews[0], previews[1], previews[2], previews[3]
	if len(cj.Union.Roster) != 12 || cj.ErrorCount() != 0 || cj.Union.CongressDate.String() != "2021-05-20" || len(cj.Union.Items) != 13 {
		t.Errorf("财经管理系: %d members, problems %v, congress %s, %d answers", len(cj.Union.Roster), cj.Problems, cj.Union.CongressDate, len(cj.Union.Items))
	}
	if len(jz.Union.Roster) != 10 || jz.Union.Roster[4].Name != "张三" || jz.Union.CongressDate.String() != "2021-05-08" ||
		jz.Union.SecretaryGeneral.FullTime == nil || !*jz.Union.SecretaryGeneral.FullTime || !jz.Union.Items["c6"] ||
		jz.Union.PresidiumElection != forms.ElectedByCongress || !jz.Union.Items["c2"] || jz.ErrorCount() != 0 {
		t.Errorf("damaged 建筑工程系: roster %d (%q), congress %s, secretary %+v, election %q, items %v, problems %v",
			len(jz.Union.Roster), jz.Union.Roster[4].Name, jz.Union.CongressDate, jz.Union.SecretaryGeneral, jz.Union.PresidiumElection, jz.Union.Items, jz.Problems)
	}
	if *jd.Union.Staff != 32 || *jd.Union.Presidium != 4 || *jd.Derived.Items["c3"].Met || *jd.Derived.Items["c4"].Met {
		t.Errorf("机电工程系 over the limits: staff %d presidium %d, derived %+v", *jd.Union.Staff, *jd.Union.Presidium, jd.Derived.Items)
	}
	if !slices.Contains(xx.Filled, "c10") && len(xx.Filled) != 0 {
		t.Errorf("信息技术系 filled %v: item 10 is decided by no data", xx.Filled)
	}
	if v, ok := xx.Union.Items["c10"]; !ok || !v || !slices.Equal(xx.Kept, []string{"c10"}) {
		t.Errorf("信息技术系's blank item 10 should keep the filing's 是: %v, kept %v", v, xx.Kept)
	}

	before, _ := forms.Encode(f)
	res, err := college.Apply(f, ed, previews, today)
	if err != nil {
		t.Fatal(err)
	}
	if res.Replaced != 4 || res.Added != 0 || len(f.CollegeUnions) != 5 {
		t.Errorf("replaced %d added %d, %d unions", res.Replaced, res.Added, len(f.CollegeUnions))
	}
	sums := college.ColumnSums(f, ed.CollegeSection())
	for id, n := range sums {
		if f.CollegeItemCounts[id] != n {
			t.Errorf("count %s = %d, column sum %d", id, f.CollegeItemCounts[id], n)
		}
	}
	if f.CollegeItemCounts["c3"] != 5 || f.CollegeItemCounts["c10"] != 5 || f.CollegeItemCounts["c6"] != 5 {
		t.Errorf("counts %v", f.CollegeItemCounts)
	}
	if pending := college.Pending(f); !slices.Equal(pending, []string{"医学护理系学生会"}) {
		t.Errorf("pending %v", pending)
	}

	r := forms.Validate(f, ed)
	idx := map[string]int{}
	for i, u := range f.CollegeUnions {
		idx[u.Name] = i
	}
	want := []struct{ rule, path, text string }{
		{forms.RuleCollegeNotReturned, fmt.Sprintf("college_unions[%d].collection", idx["医学护理系"]), "医学护理系学生会：填报表"},
		{forms.RuleCollegeMatrixContradiction, fmt.Sprintf("college_unions[%d].items[c3]", idx["机电工程系"]), "机电工程系"},
		{forms.RuleCollegeMatrixContradiction, fmt.Sprintf("college_unions[%d].items[c4]", idx["机电工程系"]), "主席团成员4人"},
		{forms.RuleCollegeStaff, fmt.Sprintf("college_unions[%d].staff", idx["机电工程系"]), "32人"},
		{forms.RuleCollegeAnswerContradiction, fmt.Sprintf("college_unions[%d].items[c6]", idx["信息技术系"]), "信息技术系学生会：二级学生会组织情况第6项答“是”"},
		{forms.RuleMemberPolitical, fmt.Sprintf("college_unions[%d].roster[6].political_status", idx["信息技术系"]), "信息技术系学生会：名单第7人（" + personName("信息技术系", 6) + "）"},
	}
	for _, w := range want {
		found := false
		for _, fd := range r.Findings {
			if fd.Rule == w.rule && fd.Path == w.path && strings.Contains(fd.Message, w.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s at %s saying %q; findings under college_unions:\n%s", w.rule, w.path, w.text, collegeFindings(r))
		}
	}
	for _, fd := range r.Findings {
		if fd.Rule == forms.RuleCollegeNotReturned && !strings.Contains(fd.Message, "医学护理系") {
			t.Errorf("returned union listed as 未收回: %s", fd.Message)
		}
	}

	if err := res.Undo(f); err != nil {
		t.Fatal(err)
	}
	after, _ := forms.Encode(f)
	if !bytes.Equal(before, after) {
		t.Error("undo did not restore the filing")
	}
}

func collegeFindings(r forms.Report) string {
	var b strings.Builder
	for _, fd := range r.Findings {
		if strings.HasPrefix(fd.Path, "college") {
			fmt.Fprintf(&b, "  %s %s: %s\n", fd.Rule, fd.Path, fd.Message)
		}
	}
	return b.String()
}

// checkTemplate reads a blank workbook back for what a college sees.
func checkTemplate(t *testing.T, path string, ed *forms.Edition) {
	t.Helper()
	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if got := wb.GetSheetList(); !slices.Equal(got[:3], []string{college.SheetBasic, college.SheetRoster, college.SheetAnswers}) {
		t.Errorf("sheets %v", got)
	}
	title, _ := wb.GetCellValue(college.SheetBasic, "A1")
	if !strings.Contains(title, "阳泉职业技术学院") || !strings.Contains(title, "医学护理系学生会") {
		t.Errorf("title %q", title)
	}
	items := ed.CollegeSection().Answerable()
	for i, it := range items {
		text, _ := wb.GetCellValue(college.SheetAnswers, fmt.Sprintf("B%d", i+3))
		if text != it.Marker+it.Text {
			t.Errorf("item %s reads %q, want %q", it.Number, text, it.Text)
		}
	}
	dvs, _ := wb.GetDataValidations(college.SheetAnswers)
	if len(dvs) != 1 || dvs[0].Sqref != fmt.Sprintf("C3:C%d", len(items)+2) {
		t.Errorf("answer drop-down %+v", dvs)
	}
	rosterDV, _ := wb.GetDataValidations(college.SheetRoster)
	if len(rosterDV) < 5 {
		t.Errorf("roster sheet has %d drop-downs, want the template's", len(rosterDV))
	}
	for _, sh := range wb.GetSheetList() {
		// excelize has no reader for sheet protection; the sheet XML says it
		raw, _ := wb.Pkg.Load(sheetPart(wb, sh))
		if b, _ := raw.([]byte); !bytes.Contains(b, []byte("<sheetProtection")) || bytes.Contains(b, []byte("password")) {
			t.Errorf("sheet %s not protected without a password", sh)
		}
	}
	locked := func(sheet, cell string) bool {
		id, _ := wb.GetCellStyle(sheet, cell)
		st, _ := wb.GetStyle(id)
		return st == nil || st.Protection == nil || st.Protection.Locked
	}
	for _, c := range [][2]string{{college.SheetAnswers, "C3"}, {college.SheetAnswers, "D15"}, {college.SheetRoster, "B5"}, {college.SheetRoster, "L204"}} {
		if locked(c[0], c[1]) {
			t.Errorf("%s!%s is locked, should be open for input", c[0], c[1])
		}
	}
	for _, c := range [][2]string{{college.SheetAnswers, "B3"}, {college.SheetRoster, "B3"}} {
		if !locked(c[0], c[1]) {
			t.Errorf("%s!%s is open, should be locked", c[0], c[1])
		}
	}
}

func sheetPart(wb *excelize.File, sheet string) string {
	m := wb.GetSheetMap()
	for id, name := range m {
		if name == sheet {
			for _, p := range []string{fmt.Sprintf("xl/worksheets/sheet%d.xml", id)} {
				if _, ok := wb.Pkg.Load(p); ok {
					return p
				}
			}
		}
	}
	return ""
}

func TestWriteAllFromRosterColleges(t *testing.T) {
	ed := edition(t)
	f := yangquan(t)
	f.CollegeUnions, f.CollegeItemCounts = nil, nil
	files, err := WriteAll(t.TempDir(), f, ed, forms.Date{Year: 2021, Month: 11, Day: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(f.CollegeUnions) || len(files) < 5 {
		t.Fatalf("%d files for %d unions", len(files), len(f.CollegeUnions))
	}
	for _, u := range f.CollegeUnions {
		if !u.Collection.Pending() {
			t.Errorf("%s not pending", u.Name)
		}
	}
	if _, err := os.Stat(files[0]); err != nil {
		t.Error(err)
	}
}
