package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"sureform/assets"
)

// updateValidate rewrites the golden outputs of sureform validate:
// go test -run TestValidateGolden -update-validate .
var updateValidate = flag.Bool("update-validate", false, "rewrite testdata/validate/*.txt")

// vtWriteExample copies an embedded example filing into dir.
func vtWriteExample(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := assets.Examples.ReadFile("examples/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name+".json")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestValidateCommand(t *testing.T) {
	dir := t.TempDir()
	yq := vtWriteExample(t, dir, "yangquan-2021")
	cj := vtWriteExample(t, dir, "changji-2020")
	lz := vtWriteExample(t, dir, "lanzhou-2020")
	clean := filepath.Join("forms", "testdata", "clean-2021.json")
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte(`{"schema_version":2,"edition":"2021",`), 0o600)
	unknown := filepath.Join(dir, "unknown.json")
	os.WriteFile(unknown, []byte(`{"schema_version":2,"edition":"1999"}`), 0o600)

	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout []string // in this order
		stderr []string
	}{
		{"yangquan: secretary-general to confirm, no errors", []string{"validate", yq}, exitOK,
			[]string{"阳泉职业技术学院", "提示", "【工作人员名单】", "名单中28人", "【指导责任人】", "刘玉洁不是专职团干部", "请确认", "检查完毕：0 个错误"}, nil},
		{"changji planned congress is an unmet item, not an error", []string{"validate", cj}, exitOK,
			[]string{"未达标项", "【学生代表大会】", "拟于2020年11月30日召开，尚未召开", "提示", "冉嫒", "检查完毕：0 个错误，1 个未达标项"}, nil},
		{"lanzhou stated percentage", []string{"validate", lz}, exitFindings,
			[]string{"错误", "写为60%，但按人数计算为43/56 = 76.8%", "提示", "名单中3人的职务为“主席团成员”", "办公部"}, nil},
		{"clean filing", []string{"validate", clean}, exitOK, []string{"没有发现错误、未达标项或提示"}, nil},
		{"json flag after file", []string{"validate", clean, "--json"}, exitOK, []string{`"summary"`, `"errors": 0`}, nil},
		{"missing file", []string{"validate", filepath.Join(dir, "none.json")}, exitUsage, nil, []string{"文件不存在"}},
		{"broken file", []string{"validate", broken}, exitUsage, nil, []string{"broken.json", "格式错误"}},
		{"unknown edition", []string{"validate", unknown}, exitUsage, nil, []string{"未知的表格版本"}},
		{"no file", []string{"validate"}, exitUsage, nil, []string{"需要一个填报文件", "用法：sureform validate"}},
		{"two files", []string{"validate", yq, cj}, exitUsage, nil, []string{"需要一个填报文件"}},
		{"bad flag", []string{"validate", "--xml", yq}, exitUsage, nil, []string{"xml"}},
		{"listed in help", []string{"help"}, exitOK, []string{"sureform validate FILE [--json]"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tc.args, &out, &errb)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out.String(), errb.String())
			}
			vtInOrder(t, "stdout", out.String(), tc.stdout)
			vtInOrder(t, "stderr", errb.String(), tc.stderr)
		})
	}
}

// vtInOrder checks that text contains each of want, in that order.
func vtInOrder(t *testing.T, what, text string, want []string) {
	t.Helper()
	rest := text
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("%s lacks %q (in order) in:\n%s", what, w, text)
			return
		}
		rest = rest[i+len(w):]
	}
}

func TestValidateJSON(t *testing.T) {
	p := vtWriteExample(t, t.TempDir(), "lanzhou-2020")
	var out, errb bytes.Buffer
	if code := run([]string{"validate", "--json", p}, &out, &errb); code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if got := vtKeys(doc); got != "derived,findings,summary" {
		t.Errorf("top-level keys %s", got)
	}
	var summary map[string]int
	json.Unmarshal(doc["summary"], &summary)
	var findings []map[string]json.RawMessage
	if err := json.Unmarshal(doc["findings"], &findings); err != nil {
		t.Fatal(err)
	}
	if summary["errors"] != 3 || summary["errors"]+summary["unmet"]+summary["warnings"] != len(findings) || len(summary) != 4 {
		t.Errorf("summary %v for %d findings", summary, len(findings))
	}
	seenStated := false
	for i, f := range findings {
		if got := vtKeys(f); got != "items,message,path,rule,severity" && got != "items,members,message,path,rule,severity" {
			t.Fatalf("finding %d keys %s", i, got)
		}
		var sev, rule, path, msg string
		var items []string
		json.Unmarshal(f["severity"], &sev)
		json.Unmarshal(f["rule"], &rule)
		json.Unmarshal(f["path"], &path)
		json.Unmarshal(f["message"], &msg)
		if err := json.Unmarshal(f["items"], &items); err != nil || items == nil {
			t.Errorf("finding %d items %s", i, f["items"])
		}
		if sev != "error" && sev != "unmet" && sev != "warning" {
			t.Errorf("finding %d severity %q", i, sev)
		}
		if i < summary["errors"] && sev != "error" {
			t.Errorf("finding %d is a %s among the errors", i, sev)
		}
		if rule == "percent.stated" && path == "congress.stated_non_cadre_percent" && strings.Contains(msg, "76.8%") {
			seenStated = true
		}
	}
	if !seenStated {
		t.Error("the 60% vs 43/56 finding is missing from the JSON")
	}
	var derived struct {
		Staff         int `json:"staff"`
		NonCadreShare struct {
			Num, Den int
		} `json:"non_cadre_share"`
		Items map[string]struct {
			Met  *bool  `json:"met"`
			Note string `json:"note"`
		} `json:"items"`
	}
	if err := json.Unmarshal(doc["derived"], &derived); err != nil {
		t.Fatal(err)
	}
	if derived.Staff != 40 || derived.NonCadreShare.Num != 43 || derived.NonCadreShare.Den != 56 {
		t.Errorf("derived %+v", derived)
	}
	if it := derived.Items["4"]; it.Met != nil {
		t.Errorf("derived item 4 %+v, want undecided: 主席团成员 is to be confirmed", it)
	}
	if derived.Items["3.1"].Note != "实有40人" {
		t.Errorf("derived item 3.1 note %q", derived.Items["3.1"].Note)
	}
}

func vtKeys[V any](m map[string]V) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

// TestValidateGolden compares the full text report of each example with
// testdata/validate/NAME.txt; the temp path in the first line is replaced
// by the file name.
func TestValidateGolden(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"yangquan-2021", "changji-2020", "lanzhou-2020"} {
		t.Run(name, func(t *testing.T) {
			p := vtWriteExample(t, dir, name)
			var out, errb bytes.Buffer
			run([]string{"validate", p}, &out, &errb)
			got := strings.ReplaceAll(out.String(), p, name+".json")
			golden := filepath.Join("testdata", "validate", name+".txt")
			if *updateValidate {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-validate to create it)", err)
			}
			if got != string(want) {
				t.Errorf("report differs from %s (run with -update-validate after checking):\n%s", golden, vtLineDiff(string(want), got))
			}
		})
	}
}

// vtLineDiff shows the first lines where two texts differ.
func vtLineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c && shown < 10 {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + a + "\n  got  " + c + "\n")
			shown++
		}
	}
	return b.String()
}
