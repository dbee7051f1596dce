package college

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
	"sureform/forms/roster"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2021-05-20", "2021-05-20"},
		{" 2021 年 5 月 8 日 ", "2021-05-08"},
		{"2021/5/20", "2021-05-20"},
		{"2021.05.20", "2021-05-20"},
		{"05-20-21", "2021-05-20"},
		{"44336", "2021-05-20"},
		{"", ""},
	}
	for _, tc := range tests {
		d, err := ParseDate(tc.in)
		if err != nil || d.String() != tc.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tc.in, d, err, tc.want)
		}
	}
	for _, bad := range []string{"五月", "2021-02-30", "2021-13-01", "12", "1850-01-01", "2021年5月"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}

func TestFileNames(t *testing.T) {
	if got := FileName("医学/护理系"); got != "二级学生会组织-医学_护理系.xlsx" {
		t.Errorf("FileName %q", got)
	}
	for in, want := range map[string]string{
		"二级学生会组织-医学护理系.xlsx":            "医学护理系",
		"二级学生会组织-医学护理系 (2).xlsx":        "医学护理系",
		"/tmp/x/二级学生会组织-机电工程系（已填）.xlsx": "机电工程系",
		"名单.xlsx": "",
	} {
		if got := nameFromFile(in); got != want {
			t.Errorf("nameFromFile(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTargets(t *testing.T) {
	f := &forms.Filing{Members: []forms.Member{{College: "机电工程系"}, {College: " 医学护理系"}, {College: "机电工程系"}, {}},
		Congress: forms.Congress{SeatsByCollege: []forms.CollegeSeats{{College: "财经管理系"}, {College: "医学护理系"}}}}
	got := Targets(f)
	if len(got) != 3 || got[0] != "机电工程系" || got[1] != "医学护理系" || got[2] != "财经管理系" {
		t.Errorf("targets from the roster and congress %v", got)
	}
	f.CollegeUnions = []forms.CollegeUnion{{Name: "建筑工程系"}}
	if got := Targets(f); len(got) != 1 || got[0] != "建筑工程系" {
		t.Errorf("targets from the unions %v", got)
	}
	idx := EnsureUnions(f, []string{"建筑工程系学生会", "信息技术系"})
	if idx[0] != 0 || idx[1] != 1 || len(f.CollegeUnions) != 2 {
		t.Errorf("EnsureUnions %v %+v", idx, f.CollegeUnions)
	}
}

func TestNotACollegeWorkbook(t *testing.T) {
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	ed, _ := eds.Get("2021")
	var buf bytes.Buffer
	if err := roster.WriteTemplate(&buf, roster.TemplateOptions{School: "示例学院"}); err != nil {
		t.Fatal(err)
	}
	f := &forms.Filing{Edition: "2021", School: "示例学院"}
	if _, err := Parse(buf.Bytes(), "名单.xlsx", f, ed); !errors.Is(err, ErrNotCollegeWorkbook) || !errors.As(err, new(*roster.FileError)) {
		t.Errorf("a roster template: %v", err)
	}
	if _, err := Parse([]byte("姓名,院系\n张三,机电系\n"), "名单.csv", f, ed); !errors.Is(err, ErrNotCollegeWorkbook) {
		t.Errorf("a CSV: %v", err)
	}
	old, _ := eds.Get("2020")
	if _, err := Parse(buf.Bytes(), "x.xlsx", f, old); err == nil {
		t.Error("the 2020 edition has no college section, yet a workbook was read")
	}
}

// TestReadBasicTolerates reads a 基本情况 sheet laid out by hand: labels with
// colons and spaces, values two columns to the right, a hint left in place.
func TestReadBasicTolerates(t *testing.T) {
	eds, _ := forms.BuiltinEditions()
	ed, _ := eds.Get("2021")
	wb := excelize.NewFile()
	defer wb.Close()
	wb.SetSheetName("Sheet1", "情况")
	rows := [][]any{
		{"组织名称：", "", "机电工程系学生会"},
		{"学 生 人 数", "", " 1,200 人"},
		{"学代会或全体学生大会召开日期*", "", "2021年5月20日"},
		{"秘书长是否为团委老师", "", "是"},
		{"主席团产生方式", "", "", "从列表选择；其他方式请如实填写"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		wb.SetSheetRow("情况", cell, &r)
	}
	var buf bytes.Buffer
	wb.Write(&buf)
	f := &forms.Filing{Edition: "2021", School: "示例学院", CollegeUnions: []forms.CollegeUnion{{Name: "机电工程系"}}}
	p, err := Parse(buf.Bytes(), "机电.xlsx", f, ed)
	if err != nil {
		t.Fatal(err)
	}
	u := p.Union
	if p.Target != 0 || *u.Students != 1200 || u.CongressDate.String() != "2021-05-20" || !*u.SecretaryGeneral.FullTime || u.PresidiumElection != "" {
		t.Errorf("read %+v target %d", u, p.Target)
	}
	if p.ErrorCount() != 2 { // no 自评 sheet, no roster
		t.Errorf("problems %v", p.Problems)
	}
}

func TestUndoRefusesAfterChange(t *testing.T) {
	eds, _ := forms.BuiltinEditions()
	ed, _ := eds.Get("2021")
	f := &forms.Filing{Edition: "2021", CollegeUnions: []forms.CollegeUnion{{Name: "甲系"}}}
	p := &Preview{File: "二级学生会组织-乙系.xlsx", Target: -1, Union: forms.CollegeUnion{Name: "乙系", Items: map[string]bool{"c1": true}}}
	res, err := Apply(f, ed, []*Preview{p}, forms.Date{Year: 2021, Month: 11, Day: 1})
	if err != nil || res.Added != 1 || len(f.CollegeUnions) != 2 || f.CollegeItemCounts["c1"] != 1 || *f.CollegeUnionCount != 2 {
		t.Fatalf("apply: %v %+v", err, f)
	}
	f.CollegeUnions = append([]forms.CollegeUnion(nil), f.CollegeUnions...) // an edit since
	if err := res.Undo(f); err == nil {
		t.Error("undo after a change was allowed")
	}
}

func TestParseAnswer(t *testing.T) {
	for in, want := range map[string]*bool{"是": forms.BoolPtr(true), " 否 ": forms.BoolPtr(false), "☑是": forms.BoolPtr(true),
		"符合": forms.BoolPtr(true), "不符合": forms.BoolPtr(false), "未达标": forms.BoolPtr(false), "√": forms.BoolPtr(true), "": nil} {
		got, err := parseAnswer(in)
		if err != nil || (got == nil) != (want == nil) || (got != nil && *got != *want) {
			t.Errorf("parseAnswer(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := parseAnswer("基本符合"); err == nil {
		t.Error("基本符合 accepted")
	}
}

func TestWorkbooksIn(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"二级学生会组织-乙系.xlsx", "二级学生会组织-甲系.XLSX", "~$二级学生会组织-乙系.xlsx", "说明.docx", ".hidden.xlsx", "丙系.xlsm"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(dir, "子文件夹.xlsx"), 0o700)
	got, err := WorkbooksIn(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, filepath.Base(p))
	}
	if strings.Join(names, ",") != "丙系.xlsm,二级学生会组织-乙系.xlsx,二级学生会组织-甲系.XLSX" {
		t.Errorf("workbooks %v", names)
	}
	if _, err := WorkbooksIn(filepath.Join(dir, "没有")); err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("missing folder: %v", err)
	}
}
