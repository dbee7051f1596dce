package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
	"sureform/forms/college"
)

func TestCollegesTemplateAndImport(t *testing.T) {
	dir := t.TempDir()
	filing := filepath.Join(dir, "yangquan.json")
	data, err := os.ReadFile("assets/examples/yangquan-2021.json")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filing, data, 0o600)
	out := filepath.Join(dir, "发出")
	code, stdout, stderr := runCLI(t, "colleges", "template", filing, "-o", out)
	if code != exitOK || strings.Count(stdout, "已生成") != 5 {
		t.Fatalf("template: exit %d\n%s\n%s", code, stdout, stderr)
	}
	book := filepath.Join(out, "二级学生会组织-机电工程系.xlsx")
	wb, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := wb.GetRows(college.SheetBasic)
	for r, row := range rows {
		if len(row) > 0 && row[0] == "指导的团组织负责人" {
			wb.SetCellStr(college.SheetBasic, fmt.Sprintf("B%d", r+1), "机电团总支 刘老师")
		}
	}
	for i, row := range [][]string{
		{"1", "王一", "团员", "机电工程系", "大二", "2/50", "否", "", "主席", "主席团"},
		{"2", "王二", "群众", "机电工程系", "大二", "4/50", "否", "", "部长", "学习部"},
		{"3", "王三", "团员", "机电工程系", "大一", "", "", "", "干事", "学习部"},
	} {
		wb.SetSheetRow(college.SheetRoster, fmt.Sprintf("A%d", 5+i), &row)
	}
	for r := 3; r <= 15; r++ {
		wb.SetCellStr(college.SheetAnswers, fmt.Sprintf("C%d", r), "是")
	}
	if err := wb.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	wb.Close()

	code, stdout, stderr = runCLI(t, "colleges", "import", "--json", filing, book)
	if code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	var doc struct {
		Colleges []struct {
			College  string                      `json:"college"`
			Members  []map[string]any            `json:"members"`
			Answers  map[string]*bool            `json:"answers"`
			Derived  map[string]forms.Suggestion `json:"derived"`
			Problems []map[string]any            `json:"problems"`
			Findings []forms.Finding             `json:"findings"`
		} `json:"colleges"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if len(doc.Colleges) != 1 {
		t.Fatalf("colleges %+v", doc.Colleges)
	}
	c := doc.Colleges[0]
	if c.College != "机电工程系学生会" || len(c.Members) != 3 || c.Members[1]["political_status"] != "群众" || !*c.Answers["c6"] {
		t.Errorf("college %+v", c)
	}
	if s := c.Derived["c6"]; s.Met == nil || *s.Met || !strings.Contains(s.Reason, "王二") {
		t.Errorf("derived c6 %+v", s)
	}
	found := false
	for _, fd := range c.Findings {
		found = found || (fd.Rule == forms.RuleCollegeAnswerContradiction && strings.HasPrefix(fd.Message, "机电工程系学生会："))
	}
	if !found {
		t.Errorf("no contradiction named after the college: %+v", c.Findings)
	}
	if !strings.Contains(stderr, "未收回：") || !strings.Contains(stderr, "医学护理系学生会") {
		t.Errorf("stderr %q", stderr)
	}
	f, err := forms.Load(filing)
	if err != nil {
		t.Fatal(err)
	}
	if len(college.Pending(f)) != 4 || len(f.CollegeUnions[2].Roster) != 3 || !f.CollegeUnions[2].Collection.IsReturned() {
		t.Errorf("saved filing: pending %v, union %+v", college.Pending(f), f.CollegeUnions[2])
	}

	if _, shown, _ := runCLI(t, "show", filing); !strings.Contains(shown, "填报表未收回：财经管理系学生会、建筑工程系学生会、信息技术系学生会、医学护理系学生会") {
		t.Errorf("show does not list the workbooks not back:\n%s", shown)
	}

	// The text preview, without changing the filing, and a file that is
	// not a college workbook.
	code, stdout, _ = runCLI(t, "colleges", "import", "--dry-run", filing, book)
	if code != exitOK || !strings.Contains(stdout, "替换“机电工程系学生会”此前导入的数据") || !strings.Contains(stdout, "王二") {
		t.Errorf("dry run: exit %d\n%s", code, stdout)
	}
	code, _, stderr = runCLI(t, "colleges", "import", filing, filing)
	if code != exitUsage || !strings.Contains(stderr, "不是 .xlsx 工作簿") {
		t.Errorf("not a workbook: exit %d, %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "colleges"); code != exitUsage {
		t.Errorf("colleges without a subcommand: exit %d", code)
	}
}
