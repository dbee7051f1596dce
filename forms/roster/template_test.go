package roster

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
)

func TestTemplateRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, TemplateOptions{School: "兰州科技职业学院", Departments: []string{"文体部", "学习部"}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	// Header in the official order, on row 3.
	for i, f := range TemplateColumns {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		if v, _ := wb.GetCellValue(TemplateSheet, cell); v != f.Title() {
			t.Errorf("header %s = %q, want %q", cell, v, f.Title())
		}
	}
	if v, _ := wb.GetCellValue(TemplateSheet, "A1"); !strings.HasPrefix(v, "兰州科技职业学院学生会") {
		t.Errorf("title %q", v)
	}
	// Drop-down lists on 政治面貌, 年级, 不及格, 职务, 部门, 二级学生会.
	dvs, err := wb.GetDataValidations(TemplateSheet)
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[strings.SplitN(dv.Sqref, ":", 2)[0]] = dv.Formula1
	}
	for col, want := range map[string]string{"C5": "共青团员", "E5": "研一", "G5": "否", "I5": "执行主席", "J5": "文体部", "L5": "是"} {
		if !strings.Contains(lists[col], want) {
			t.Errorf("drop-down at %s = %q, want it to offer %s", col, lists[col], want)
		}
	}
	if sheets := wb.GetSheetList(); len(sheets) != 2 || sheets[1] != templateGuideSheet {
		t.Errorf("sheets %v", sheets)
	}

	// The blank template has only the example row: nothing to import.
	if _, err := Parse(buf.Bytes(), "模板.xlsx", Options{}); err == nil {
		t.Error("blank template imported")
	}

	// Fill it as a user would, from the drop-down values, keeping the
	// example row.
	rows := [][]string{
		{"1", "王维国", "共青团员", "医学系", "大二", "1/41", "否", "班长", "执行主席", "主席团", "护理", "是"},
		{"2", "白靖荣", "中共预备党员", "医学系", "大二", "8/59", "否", "", "部长", "文体部", "", "否"},
		{"3", "秦帅江", "共青团员", "医学系", "大一", "", "", "文体委员", "干事", "学习部", "", ""},
		{"4", "李明", "中共党员", "机电系", "研一", "", "否", "", "副主席", "主席团", "", "是"},
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+5)
			wb.SetCellStr(TemplateSheet, cell, v)
		}
	}
	var filled bytes.Buffer
	if _, err := wb.WriteTo(&filled); err != nil {
		t.Fatal(err)
	}
	p, err := Parse(filled.Bytes(), "名单.xlsx", Options{AcademicYear: "2024—2025学年"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) != 0 {
		for _, pr := range p.Problems {
			t.Error(pr.String())
		}
	}
	if len(p.Members) != 4 || p.Sheet != TemplateSheet || p.HeaderRow != 3 || len(p.Columns) != len(TemplateColumns) {
		t.Fatalf("preview: sheet %q header %d columns %d members %d", p.Sheet, p.HeaderRow, len(p.Columns), len(p.Members))
	}
	m := p.Members[3].Member
	if p.Members[0].Row != 5 || m.Level != forms.LevelGraduate || m.Position != forms.PositionVicePresident ||
		m.Department != forms.PresidiumDepartment || m.FromCollegeUnion == nil || !*m.FromCollegeUnion || m.Rank != nil {
		t.Errorf("member %+v", m)
	}
	if m := p.Members[1].Member; m.PoliticalStatus != forms.ProbationaryMember || *m.Rank != 8 || *m.RankTotal != 59 {
		t.Errorf("member %+v", m)
	}
}
