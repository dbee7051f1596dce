package forms

import (
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
	next := strings.Replace(string(data), `id = "2021"`, `id = "2024/25"`, 1)
	next = strings.Replace(next, "year = 2021", "year = 2024", 1)
	os.WriteFile(src, []byte(next), 0o600)

	eds := builtin(t)
	ed, err := eds.InstallEdition(src, dir)
	if err != nil {
		t.Fatal(err)
	}
	if ed.ID != "2024/25" {
		t.Fatalf("installed %q", ed.ID)
	}
	if _, err := os.Stat(filepath.Join(dir, "2024_25.toml")); err != nil {
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
	if _, err := fresh.Get("2024/25"); err != nil {
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
