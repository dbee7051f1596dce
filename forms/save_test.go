package forms

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"sureform/forms/atomicfile"
)

// saveHelperEnv makes TestSaveKillHelper, run in a subprocess, save a
// filing to the path it names and stop half way through writing it.
const saveHelperEnv = "SUREFORM_TEST_SAVE_HELPER"

// TestSaveKillHelper is not a test: TestSaveKilledMidWrite runs the test
// binary again with saveHelperEnv set, and this function is the save that
// it kills.
func TestSaveKillHelper(t *testing.T) {
	path := os.Getenv(saveHelperEnv)
	if path == "" {
		t.Skip("helper process for TestSaveKilledMidWrite")
	}
	example := os.Getenv(saveHelperEnv + "_EXAMPLE")
	savePause = func() {
		fmt.Println("paused")
		select {} // until killed
	}
	if err := Save(path, loadExample(t, example)); err != nil {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	fmt.Println("saved")
	os.Exit(0)
}

// TestSaveKilledMidWrite kills a save between creating its temporary file
// and renaming it, many times over a file the previous round wrote, as a
// Save As over an existing file: the target is always the old or the new
// file byte for byte, it opens, and the next save leaves no temporaries.
func TestSaveKilledMidWrite(t *testing.T) {
	if os.Getenv(saveHelperEnv) != "" {
		t.Skip("in the helper process")
	}
	const kills = 200
	dir := t.TempDir()
	path := filepath.Join(dir, "填报.json")
	examples := []string{"yangquan-2021.json", "changji-2020.json", "lanzhou-2020.json"}
	encoded := map[string][]byte{}
	for _, ex := range examples {
		data, err := Encode(loadExample(t, ex))
		if err != nil {
			t.Fatal(err)
		}
		encoded[ex] = data
	}
	if err := Save(path, loadExample(t, examples[0])); err != nil {
		t.Fatal(err)
	}
	old := examples[0]
	killed := 0
	for round := 0; killed < kills; round++ {
		next := examples[(round+1)%len(examples)]
		// Every tenth round the user saves again after the kill, and that
		// save completes.
		letFinish := round%10 == 9
		cmd := exec.Command(os.Args[0], "-test.run=^TestSaveKillHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), saveHelperEnv+"="+path, saveHelperEnv+"_EXAMPLE="+next)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if line != "paused\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: helper said %q", round, line)
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		killed++

		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("round %d: target gone: %v", round, err)
		}
		if !bytes.Equal(got, encoded[old]) {
			t.Fatalf("round %d: killed save changed the target (%d bytes, want the old %d bytes)", round, len(got), len(encoded[old]))
		}
		f, err := Load(path)
		if err != nil {
			t.Fatalf("round %d: target does not open: %v", round, err)
		}
		if f.School != loadExample(t, old).School {
			t.Fatalf("round %d: opened %s", round, f.School)
		}
		temps := temporaries(t, dir)
		if len(temps) == 0 {
			t.Fatalf("round %d: the save was killed before it created its temporary", round)
		}
		for _, name := range temps {
			if !atomicfile.IsTemp(name, "填报.json") {
				t.Fatalf("round %d: unexpected file %s", round, name)
			}
		}
		if letFinish {
			waitForClock(t, dir)
			if err := Save(path, loadExample(t, next)); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, encoded[next]) {
				t.Fatalf("round %d: completed save did not write the new file", round)
			}
			if temps := temporaries(t, dir); len(temps) != 0 {
				t.Fatalf("round %d: temporaries left after a completed save: %v", round, temps)
			}
			old = next
		}
	}
	waitForClock(t, dir)
	if err := Save(path, loadExample(t, old)); err != nil {
		t.Fatal(err)
	}
	if temps := temporaries(t, dir); len(temps) != 0 {
		t.Errorf("temporaries left after the last save: %v", temps)
	}
}

// temporaries lists the files in dir other than the target.
func temporaries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, en := range entries {
		if en.Name() != "填报.json" {
			out = append(out, en.Name())
		}
	}
	return out
}

// waitForClock waits until a file created now gets a later time stamp than
// the files in dir: file systems stamp files with a clock that ticks only
// every few milliseconds, and a save removes only temporaries older than
// itself.
func waitForClock(t *testing.T, dir string) {
	t.Helper()
	probe := filepath.Join(dir, "clock-probe")
	var newest time.Time
	entries, _ := os.ReadDir(dir)
	for _, en := range entries {
		if info, err := en.Info(); err == nil && info.ModTime().After(newest) {
			newest = info.ModTime()
		}
	}
	for i := 0; i < 1000; i++ {
		os.WriteFile(probe, nil, 0o600)
		info, err := os.Stat(probe)
		os.Remove(probe)
		if err == nil && info.ModTime().After(newest) {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the file system clock does not advance")
}

func TestSaveRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	long := time.Now().Add(-time.Hour)
	stale := []string{".f.json.123456.tmp", ".f.json.9.tmp"}
	kept := []string{
		".f.json.abc.tmp",    // not the pattern of a temporary
		".g.json.123456.tmp", // another target's
		"f.json.123456.tmp",  // not hidden
		".f.json.123456.tmp.bak",
	}
	for _, name := range append(append([]string{}, stale...), kept...) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("学生的个人信息"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, long, long)
	}
	// A temporary of a save running right now is newer than this save's
	// start and is not touched.
	running := filepath.Join(dir, ".f.json.777.tmp")
	os.WriteFile(running, nil, 0o600)
	future := time.Now().Add(time.Hour)
	os.Chtimes(running, future, future)

	if err := Save(path, loadExample(t, "lanzhou-2020.json")); err != nil {
		t.Fatal(err)
	}
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stale temporary %s not removed: %v", name, err)
		}
	}
	for _, name := range append(kept, ".f.json.777.tmp") {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s should be kept: %v", name, err)
		}
	}
}

func TestSaveThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "填报.json")
	os.Mkdir(filepath.Dir(real), 0o700)
	if err := Save(real, loadExample(t, "yangquan-2021.json")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(filepath.Join("real", "填报.json"), link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	chain := filepath.Join(dir, "chain.json")
	os.Symlink("link.json", chain)
	want := loadExample(t, "changji-2020.json")
	if err := Save(chain, want); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{link, chain} {
		if info, err := os.Lstat(l); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link: %v", l, err)
		}
	}
	got, err := Load(real)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the file the link names was not updated")
	}
	for _, d := range []string{dir, filepath.Dir(real)} {
		entries, _ := os.ReadDir(d)
		for _, en := range entries {
			if strings.HasSuffix(en.Name(), ".tmp") {
				t.Errorf("temporary left in %s: %s", d, en.Name())
			}
		}
	}
	// A dangling link is a new file at the place it names.
	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink(filepath.Join("real", "new.json"), dangling)
	if err := Save(dangling, want); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(filepath.Join(dir, "real", "new.json")); err != nil {
		t.Error(err)
	}
}

func TestSaveFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "filing.json")
	if err := Save(path, loadExample(t, "yangquan-2021.json")); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	// The folder becomes read-only: the save cannot create its temporary.
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		// Running as root, which folder modes do not stop (CI): the
		// save fails in the next test instead.
		f.Close()
		os.Remove(f.Name())
		return
	}
	err := Save(path, loadExample(t, "changji-2020.json"))
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "无法保存") || !strings.Contains(err.Error(), "没有写入权限") {
		t.Fatalf("error = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a failed save changed the old file")
	}
}

// TestSaveFailureKeepsOldFileAnyUser: a save that cannot create its
// temporary fails, whoever runs it (root included), and leaves the old
// file as it was. The target's name is as long as a name may be, so the
// temporary's longer name (.NAME.DIGITS.tmp) cannot be created.
func TestSaveFailureKeepsOldFileAnyUser(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "f.json")
	if err := Save(short, loadExample(t, "yangquan-2021.json")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, strings.Repeat("填", 81)+".json") // 248 bytes: a name may have 255
	if err := os.Rename(short, path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	err := Save(path, loadExample(t, "changji-2020.json"))
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "无法保存：文件名太长") {
		t.Fatalf("error = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a failed save changed the old file")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("%d files in the folder after a failed save", len(entries))
	}
}

func TestLoadRefusesHugeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	fh.WriteString(`{"schema_version": 2, "edition": "2021", "members": [`)
	if err := fh.Truncate(MaxFileSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	fh.Close()
	_, err = Load(path)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "上限") || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v", err)
	}
}

// TestLargeFilingIsWithinLimit checks that MaxFileSize leaves room for a
// filing far larger than any school's.
func TestLargeFilingIsWithinLimit(t *testing.T) {
	f := loadExample(t, "changji-2020.json")
	base := f.Members
	for len(f.Members) < 10000 {
		f.Members = append(f.Members, base...)
	}
	data, err := Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("10,000 members: %.1f MB", float64(len(data))/(1<<20))
	if len(data)*4 > MaxFileSize {
		t.Errorf("10,000 members take %d bytes, too close to the limit %d", len(data), MaxFileSize)
	}
	path := filepath.Join(t.TempDir(), "big.json")
	if err := Save(path, f); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err != nil {
		t.Error(err)
	}
}

func TestDecodeTypeErrorsSayNoGoTypes(t *testing.T) {
	good, err := Encode(loadExample(t, "changji-2020.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		from, to, want string
	}{
		{`"members": [`, `"members": "张三", "x": [`, "应为列表 [ … ]，实为文本"},
		{`"school": "昌吉职业技术学院"`, `"school": 7`, "应为文本，实为数字"},
		{`"answers": {`, `"answers": [], "y": {`, "应为对象 { … }，实为列表"},
	}
	for _, tc := range tests {
		data := bytes.Replace(good, []byte(tc.from), []byte(tc.to), 1)
		_, err := Decode(data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v should contain %q", tc.to, err, tc.want)
		}
		if err != nil && (strings.Contains(err.Error(), "forms.") || strings.Contains(err.Error(), "[]") || strings.Contains(err.Error(), "map[")) {
			t.Errorf("%s: error names a Go type: %v", tc.to, err)
		}
	}
}

func TestWriteFileAtomicError(t *testing.T) {
	err := WriteFileAtomic(filepath.Join(t.TempDir(), "no", "f.json"), nil)
	var fe *FileError
	var ae *atomicfile.Error
	if !errors.As(err, &fe) || errors.As(err, &ae) || !strings.Contains(err.Error(), "文件夹不存在") {
		t.Errorf("error = %v", err)
	}
}
