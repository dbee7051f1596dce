package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestWriteReplacesOwnerOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "new" {
		t.Errorf("content %q", got)
	}
	if runtime.GOOS != "windows" {
		if info, _ := os.Stat(path); info.Mode().Perm() != Mode {
			t.Errorf("mode %v", info.Mode().Perm())
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

func TestWriteFailuresKeepTheOldFile(t *testing.T) {
	tests := []struct {
		name  string
		write func(io.Writer) error
		fail  func(t *testing.T)
		want  string
	}{
		{"writer fails", func(w io.Writer) error {
			w.Write([]byte("half"))
			return errors.New("导出 PDF：字体缺字")
		}, nil, "保存失败：导出 PDF：字体缺字"},
		{"rename fails", func(w io.Writer) error {
			_, err := w.Write([]byte("new"))
			return err
		}, func(t *testing.T) {
			rename = func(string, string) error { return errors.New("power cut") }
			t.Cleanup(func() { rename = os.Rename })
		}, "保存失败"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "名单.xlsx")
			os.WriteFile(path, []byte("old"), 0o600)
			if tc.fail != nil {
				tc.fail(t)
			}
			err := WriteWith(path, tc.write)
			var ae *Error
			if !errors.As(err, &ae) || ae.Path != path || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error = %v", err)
			}
			if got, _ := os.ReadFile(path); string(got) != "old" {
				t.Errorf("old file changed to %q", got)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("files left: %v", entries)
			}
		})
	}
}

func TestWriteTemporaryIsHiddenBesideTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "备案表.pdf")
	var seen string
	beforeRename = func(tmp string) { seen = tmp }
	t.Cleanup(func() { beforeRename = nil })
	if err := Write(path, []byte("%PDF")); err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(seen) != dir || !IsTemp(filepath.Base(seen), "备案表.pdf") {
		t.Errorf("temporary %s", seen)
	}
}

func TestIsTemp(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{".f.json.1.tmp", true},
		{".f.json.4294967295.tmp", true},
		{".f.json..tmp", false},
		{".f.json.12a.tmp", false},
		{"f.json.1.tmp", false},
		{".f.json.1.tmp~", false},
		{".g.json.1.tmp", false},
		{".f.json.x.1.tmp", false},
	}
	for _, tc := range tests {
		if got := IsTemp(tc.name, "f.json"); got != tc.want {
			t.Errorf("IsTemp(%q) = %v", tc.name, got)
		}
	}
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "f.json")
	now := time.Now()
	old := now.Add(-time.Minute)
	for _, name := range []string{".f.json.1.tmp", ".f.json.2.tmp", ".f.json.3.tmp"} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o600)
	}
	os.Chtimes(filepath.Join(dir, ".f.json.1.tmp"), old, old)
	os.Chtimes(filepath.Join(dir, ".f.json.2.tmp"), old, old)
	os.Mkdir(filepath.Join(dir, ".f.json.4.tmp"), 0o700) // not a file
	os.Chtimes(filepath.Join(dir, ".f.json.4.tmp"), old, old)
	later := now.Add(time.Minute)
	os.Chtimes(filepath.Join(dir, ".f.json.3.tmp"), later, later)
	removed := RemoveStale(target, now)
	if len(removed) != 2 {
		t.Errorf("removed %v", removed)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, en := range entries {
		left = append(left, en.Name())
	}
	if strings.Join(left, " ") != ".f.json.3.tmp .f.json.4.tmp" {
		t.Errorf("left %v", left)
	}
}

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	os.WriteFile(real, []byte("x"), 0o600)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if got, err := Resolve(link); err != nil || got != real {
		t.Errorf("Resolve(link) = %s, %v", got, err)
	}
	if got, err := Resolve(real); err != nil || got != real {
		t.Errorf("Resolve(real) = %s, %v", got, err)
	}
	loop := filepath.Join(dir, "loop.json")
	os.Symlink("loop.json", loop)
	if err := Write(loop, []byte("x")); err == nil || !strings.Contains(err.Error(), "符号链接") {
		t.Errorf("loop error = %v", err)
	}
	if err := Write(dir, []byte("x")); err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("directory error = %v", err)
	}
	if err := Write(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(real); !bytes.Equal(got, []byte("new")) {
		t.Errorf("real file %q", got)
	}
}
