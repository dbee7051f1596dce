package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sureform/forms"
)

// rosterTSV is the start of seed 002's roster as pasted from the document.
const rosterTSV = "序号\t姓名\t政治面貌\t院系\t年级\t最近1个学期/最近1学年/入学以来学习成绩综合排名\t是否存在课业不及格情况\t院系、班级学生工作经历\n" +
	"1\t冯雅春\t团员\t护理分院\t大一\t20/专业\t否\t副班长\n" +
	"17\t阿米娜 姆·萨 吾提\t团员\t建工分院\t大一\t3/专业\t否\t心理委 员\n" +
	"19\t冉嫒\t团员\t护理分院\t纪检 委员\t10/专业\t否\t纪检委 员\n"

func TestImportJSON(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "名单.txt")
	if err := os.WriteFile(path, []byte(rosterTSV), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "import", path, "--json")
	if code != exitFindings || !strings.Contains(stderr, "1 个值无法识别") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	keys := func(m map[string]any) string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		sort.Strings(k)
		return strings.Join(k, ",")
	}
	if got := keys(doc); got != "columns,members,problems,sheet,skipped" {
		t.Errorf("top-level keys %s", got)
	}
	members := doc["members"].([]any)
	if len(members) != 3 {
		t.Fatalf("members %v", members)
	}
	m1 := members[1].(map[string]any)
	if got := keys(m1); got != "college,department,experience,failed,from_college_union,grade,grade_text,graduate,hidden,level,major,name,political_status,position,rank,rank_percent,rank_total,rank_window,row,suggested_department,suggested_position,unread" {
		t.Errorf("member keys %s", got)
	}
	if m1["name"] != "阿米娜姆·萨吾提" || m1["political_status"] != "共青团员" || m1["rank"] != 3.0 ||
		m1["rank_total"] != nil || m1["failed"] != false || m1["experience"] != "心理委员" || m1["position"] != nil ||
		m1["row"] != 3.0 || m1["grade"] != 1.0 || m1["graduate"] != false {
		t.Errorf("member %v", m1)
	}
	if m2 := members[2].(map[string]any); m2["grade"] != nil || m2["grade_text"] == nil || len(m2["unread"].([]any)) == 0 {
		t.Errorf("unreadable grade must be null, its text kept and the field listed as unread: %v", m2)
	}
	problems := doc["problems"].([]any)
	p0 := problems[0].(map[string]any)
	if len(problems) != 1 || p0["row"] != 4.0 || p0["column"] != "E" || p0["severity"] != "error" || p0["text"] != "纪检 委员" {
		t.Errorf("problems %v", problems)
	}
	if doc["columns"].(map[string]any)["rank"] != "F" {
		t.Errorf("columns %v", doc["columns"])
	}
}

func TestImportInto(t *testing.T) {
	dir := t.TempDir()
	roster := filepath.Join(dir, "名单.txt")
	os.WriteFile(roster, []byte(rosterTSV), 0o644)
	filing := filepath.Join(dir, "f.json")
	if code, _, stderr := runCLI(t, "new", "--edition", "2020", "--school", "昌吉职业技术学院", "-o", filing); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	code, out, _ := runCLI(t, "import", roster, "--into", filing)
	if code != exitFindings || !strings.Contains(out, "新增 3 人") || !strings.Contains(out, "[错误] 第 4 行 E 列（年级）") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	f, err := forms.Load(filing)
	if err != nil || len(f.Members) != 3 || f.Members[2].GradeText != "纪检委员" {
		t.Fatalf("%v %+v", err, f)
	}
	// Merge again: the same three are updated, none added.
	if _, out, _ := runCLI(t, "import", roster, "--into", filing); !strings.Contains(out, "新增 0 人，更新 3 人") {
		t.Errorf("second merge: %s", out)
	}
	if _, out, _ := runCLI(t, "import", roster, "--into", filing, "--replace"); !strings.Contains(out, "替换") {
		t.Errorf("replace: %s", out)
	}
}

func TestImportErrors(t *testing.T) {
	dir := t.TempDir()
	xls := filepath.Join(dir, "名单.xls")
	os.WriteFile(xls, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"+strings.Repeat("\x00", 600)), 0o644)
	code, _, stderr := runCLI(t, "import", xls)
	if code != exitUsage || !strings.Contains(stderr, "名单.xls") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "import", filepath.Join(dir, "没有.xlsx")); code != exitUsage || !strings.Contains(stderr, "不存在") {
		t.Errorf("missing file: %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "import"); code != exitUsage {
		t.Errorf("no file: %d", code)
	}
}

func TestTemplateCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "模板.xlsx")
	if code, stdout, stderr := runCLI(t, "template", "-o", out); code != 0 || !strings.Contains(stdout, "已生成") {
		t.Fatalf("%d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "template", "-o", out); code != exitUsage || !strings.Contains(stderr, "已存在") {
		t.Errorf("overwrite: %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "template", "-o", filepath.Join(dir, "a.xls")); code != exitUsage {
		t.Errorf("wrong extension accepted")
	}
}

// The text preview lists the rows left out with Excel's row numbers, and
// --json lists them too.
func TestImportListsSkippedRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "名单.csv")
	csv := "姓名,政治面貌,院系,年级\n王一,团员,机电系,大二\n王二,团员,机电系,大二\n合计,,,\n填表人：刘老师,,,\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "import", path, "--year", "2021—2022学年")
	if code != exitOK || !strings.Contains(out, "未导入的行（2 行）") || !strings.Contains(out, "第 4 行：合计行") ||
		!strings.Contains(out, "第 5 行：签字栏（填表人：刘老师）") {
		t.Errorf("exit %d stderr %q\n%s", code, stderr, out)
	}
	code, out, _ = runCLI(t, "import", path, "--json", "--year", "2021—2022学年")
	var doc struct {
		Members []map[string]any `json:"members"`
		Skipped []struct {
			Row    int    `json:"row"`
			Reason string `json:"reason"`
		} `json:"skipped"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != exitOK {
		t.Fatalf("exit %d: %v\n%s", code, err, out)
	}
	if len(doc.Members) != 2 || len(doc.Skipped) != 2 || doc.Skipped[0].Row != 4 || doc.Skipped[1].Reason != "签字栏" {
		t.Errorf("json %+v", doc)
	}
}
