package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sureform/forms"
)

// runCLI runs one command line and returns its status and outputs.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	if os.Getenv("SUREFORM_EDITIONS_DIR") == "" {
		t.Setenv("SUREFORM_EDITIONS_DIR", t.TempDir()) // never the real user's folder
	}
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCLIUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no args", nil, exitUsage, "sureform editions", ""},
		{"help", []string{"help"}, exitOK, "sureform show FILE", ""},
		{"unknown", []string{"frobnicate"}, exitUsage, "", "未知的命令"},
		{"version", []string{"--version"}, exitOK, "sureform 1.", ""},
		{"editions extra", []string{"editions", "x"}, exitUsage, "", "不需要参数"},
		{"new no school", []string{"new", "--edition", "2021", "-o", "x.json"}, exitUsage, "", "缺少 --school"},
		{"new no output", []string{"new", "--edition", "2021", "--school", "某学院"}, exitUsage, "", "缺少 -o"},
		{"new bad edition", []string{"new", "--edition", "1999", "--school", "某学院", "-o", "x.json"}, exitUsage, "", "未知的表格版本"},
		{"new bad org", []string{"new", "--edition", "2021", "--school", "某学院", "--org", "团委", "-o", "x.json"}, exitUsage, "", "--org"},
		{"new bad flag", []string{"new", "--colour", "red"}, exitUsage, "", "用法：sureform new"},
		{"show no file", []string{"show"}, exitUsage, "", "需要一个填报文件"},
		{"show missing", []string{"show", "/no/such/file.json"}, exitUsage, "", "不存在"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tc.code, stderr)
			}
			if !strings.Contains(stdout, tc.stdout) {
				t.Errorf("stdout %q should contain %q", stdout, tc.stdout)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q should contain %q", stderr, tc.stderr)
			}
		})
	}
}

func TestCLIEditions(t *testing.T) {
	code, out, _ := runCLI(t, "editions")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{"2020\t", "2021\t", "2021-2022\t", "2022-2023\t", "2023-2024\t"}
	if len(lines) != len(want) {
		t.Fatalf("editions output:\n%s", out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start with %q", i+1, lines[i], w)
		}
	}
	if !strings.Contains(lines[0], "17 项（共 19 行作答）") || !strings.Contains(lines[1], "二级学生会组织情况 13 项") {
		t.Errorf("item counts missing:\n%s", out)
	}
	if !strings.Contains(lines[4], "2023—2024学年 改革自评表（校级学生会组织改革自评 17 项") || !strings.Contains(lines[4], "其中 22 项原文未经核对，请与本省下发的表格核对") {
		t.Errorf("学年 or sections missing:\n%s", lines[4])
	}
}

// TestCLINewDefaults starts a filing without --edition: the newest edition
// and the current 学年 (September to August).
func TestCLINewDefaults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.json")
	c := &cli{stdout: io.Discard, stderr: io.Discard, now: func() time.Time { return time.Date(2026, 8, 31, 12, 0, 0, 0, time.UTC) },
		userEditions: t.TempDir()}
	if code := c.run([]string{"new", "--school", "某学院", "-o", path}); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	f, err := forms.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.Edition != "2023-2024" || f.AcademicYear != "2025—2026学年" {
		t.Errorf("new filing edition %q 学年 %q", f.Edition, f.AcademicYear)
	}
}

func TestCLINewAndShow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.json")
	code, out, stderr := runCLI(t, "new", "--edition", "2021", "--school", "某某职业技术学院", "--org", "研究生会", "-o", path)
	if code != exitOK {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, path) {
		t.Errorf("new output %q", out)
	}
	f, err := forms.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.School != "某某职业技术学院" || f.OrgType != forms.OrgGraduateUnion || f.Edition != "2021" {
		t.Errorf("new filing %+v", f)
	}
	// A second new without --force keeps the file.
	before, _ := os.ReadFile(path)
	code, _, stderr = runCLI(t, "new", "--edition", "2020", "--school", "别的学院", "-o", path)
	after, _ := os.ReadFile(path)
	if code != exitUsage || !strings.Contains(stderr, "已存在") || !bytes.Equal(before, after) {
		t.Errorf("overwrite without --force: exit %d %s", code, stderr)
	}
	code, out, _ = runCLI(t, "show", path)
	if code != exitOK || !strings.Contains(out, "学校名称：某某职业技术学院") || !strings.Contains(out, "二级学生会组织情况") {
		t.Errorf("show new filing: exit %d\n%s", code, out)
	}
}

func TestCLIShowExamples(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"yangquan-2021.json", []string{"学校名称：阳泉职业技术学院", "工作人员：28 人", "二级学生会组织：5 个", "11   是  召开日期为：2021年6月3日", "c1   5"}},
		{"changji-2020.json", []string{"学校名称：昌吉职业技术学院", "工作人员：40 人", "拟于2020年11月30日", "9    未达标  召开日期为：拟定为 2020 年 11 月 30 日"}},
		{"lanzhou-2020.json", []string{"学校名称：兰州科技职业学院", "主席团：4 人", "代表 56 人", "16   未答"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			code, out, stderr := runCLI(t, "show", filepath.Join("assets", "examples", tc.file))
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("show output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestCLIShowBrokenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newer.json")
	os.WriteFile(path, []byte(`{"schema_version": 99, "edition": "2030"}`), 0o600)
	code, _, stderr := runCLI(t, "show", path)
	if code != exitUsage || !strings.Contains(stderr, "较新版本") || !strings.Contains(stderr, path) {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestAppInfo(t *testing.T) {
	info := readAppInfo()
	if info.ID != "cn.sureform.app" || info.Name != "学生会改革自评填报" || info.Version == "" || info.Build < 1 {
		t.Errorf("FyneApp.toml metadata: %+v", info)
	}
}

func TestCLIEditionsAdd(t *testing.T) {
	t.Setenv("SUREFORM_EDITIONS_DIR", t.TempDir())
	data, err := os.ReadFile(filepath.Join("assets", "editions", "2021.toml"))
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "2022.toml")
	os.WriteFile(src, bytes.Replace(bytes.Replace(data, []byte(`id = "2021"`), []byte(`id = "2022"`), 1), []byte("year = 2021"), []byte("year = 2022"), 1), 0o600)
	code, out, stderr := runCLI(t, "editions", "--add", src)
	if code != exitOK || !strings.Contains(out, "已加入表格版本 2022") || !strings.Contains(out, "\n2022\t") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	// From then on every command knows it.
	path := filepath.Join(t.TempDir(), "f.json")
	if code, _, stderr := runCLI(t, "new", "--edition", "2022", "--school", "某学院", "-o", path); code != exitOK {
		t.Fatalf("new with added edition: %s", stderr)
	}
	if code, _, stderr := runCLI(t, "editions", "--add", filepath.Join("assets", "editions", "2020.toml")); code != exitUsage || !strings.Contains(stderr, "已存在") {
		t.Errorf("adding a built-in id: exit %d %s", code, stderr)
	}
	broken := filepath.Join(t.TempDir(), "broken.toml")
	os.WriteFile(broken, []byte("id = \"x\"\ntitle = \"表\"\n"), 0o600)
	if code, _, stderr := runCLI(t, "editions", "--add", broken); code != exitUsage || !strings.Contains(stderr, "broken.toml") {
		t.Errorf("adding a broken file: exit %d %s", code, stderr)
	}
}
