package forms

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInstallAndLoadUserEdition(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(t.TempDir(), "next.toml")
	data, err := os.ReadFile(filepath.Join("..", "assets", "editions", "2021.toml"))
	if err != nil {
		t.Fatal(err)
	}
	next := strings.Replace(string(data), `id = "2021"`, `id = "2024-25"`, 1)
	next = strings.Replace(next, "year = 2021", "year = 2024", 1)
	os.WriteFile(src, []byte(next), 0o600)

	eds := builtin(t)
	ed, err := eds.InstallEdition(src, dir)
	if err != nil {
		t.Fatal(err)
	}
	if ed.ID != "2024-25" {
		t.Fatalf("installed %q", ed.ID)
	}
	if _, err := os.Stat(filepath.Join(dir, "2024-25.toml")); err != nil {
		t.Errorf("installed file: %v", err)
	}
	if _, err := eds.InstallEdition(src, dir); err == nil || !strings.Contains(err.Error(), "已存在") {
		t.Errorf("second install error = %v", err)
	}

	// A fresh start finds it, and a broken file beside it is skipped with a message.
	os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("id = \n"), 0o600)
	fresh := builtin(t)
	errs := fresh.AddUserEditions(dir)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "broken.toml") {
		t.Errorf("errors = %v", errs)
	}
	if _, err := fresh.Get("2024-25"); err != nil {
		t.Error(err)
	}
	if errs := fresh.AddUserEditions(filepath.Join(dir, "missing")); len(errs) != 0 {
		t.Errorf("missing folder: %v", errs)
	}
}

func TestInstallEditionRefusesBuiltinID(t *testing.T) {
	src := filepath.Join("..", "assets", "editions", "2020.toml")
	if _, err := builtin(t).InstallEdition(src, t.TempDir()); err == nil || !strings.Contains(err.Error(), "已存在") {
		t.Errorf("error = %v", err)
	}
}

func TestInstallEditionLimits(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "assets", "editions", "2021.toml"))
	if err != nil {
		t.Fatal(err)
	}
	base := strings.Replace(string(data), `id = "2021"`, `id = "2099"`, 1)
	manyItems := func(n int) string {
		var b strings.Builder
		b.WriteString(base)
		b.WriteString("\n[[sections]]\nid = \"extra\"\ntitle = \"t\"\nkind = \"answers\"\ncolumns = [\"a\", \"b\", \"c\"]\nanswers = [\"是\", \"否\"]\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[[sections.items]]\nid = \"x%d\"\ntext = \"条目\"\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name, toml, want string
	}{
		{"slash", strings.Replace(base, `id = "2099"`, `id = "2099/2100"`, 1), "斜杠"},
		{"parent", strings.Replace(base, `id = "2099"`, `id = "../2099"`, 1), ".."},
		{"dots", strings.Replace(base, `id = "2099"`, `id = "20..99"`, 1), ".."},
		{"control", strings.Replace(base, `id = "2099"`, `id = "2099\u0007"`, 1), "控制字符"},
		{"bidi id", strings.Replace(base, `id = "2099"`, `id = "2099\u202e"`, 1), "控制字符"},
		{"bidi text", strings.Replace(base, `id = "2099"`, "id = \"2099\"\nlegend = \"\u202e反向\"", 1), "控制字符"},
		{"space", strings.Replace(base, `id = "2099"`, `id = "20 99"`, 1), "不可用"},
		{"long id", strings.Replace(base, `id = "2099"`, `id = "`+strings.Repeat("长", 65)+`"`, 1), "超过 64"},
		{"items", manyItems(maxSectionItems + 1), "超过上限"},
		{"year", strings.Replace(base, "year = 2021", "year = 99999999", 1), "年份"},
		{"long text", strings.Replace(base, `id = "2099"`, "id = \"2099\"\nlegend = \""+strings.Repeat("长", maxEditionText+1)+"\"", 1), "超过"},
		{"huge file", base + "\n# " + strings.Repeat("x", maxEditionFileSize) + "\n", "超过"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "next.toml")
			os.WriteFile(src, []byte(tt.toml), 0o600)
			dir := t.TempDir()
			_, err := builtin(t).InstallEdition(src, dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v should contain %q", err, tt.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("installed anyway: %v", entries)
			}
		})
	}
	// The unchanged definition with a new id installs.
	src := filepath.Join(t.TempDir(), "next.toml")
	os.WriteFile(src, []byte(base), 0o600)
	if _, err := builtin(t).InstallEdition(src, t.TempDir()); err != nil {
		t.Errorf("a plain edition: %v", err)
	}
}
