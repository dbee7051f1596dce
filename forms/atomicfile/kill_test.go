package atomicfile

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// killHelperEnv makes TestKillHelper, run in a subprocess, write the
// content it names to the path it names and stop just before the rename.
const killHelperEnv = "SUREFORM_TEST_ATOMICFILE_HELPER"

// TestKillHelper is not a test: TestKilledBeforeRename runs the test
// binary again with killHelperEnv set, and this is the write it kills.
func TestKillHelper(t *testing.T) {
	path := os.Getenv(killHelperEnv)
	if path == "" {
		t.Skip("helper process for TestKilledBeforeRename")
	}
	beforeRename = func(string) {
		fmt.Println("paused")
		select {} // until killed
	}
	if err := Write(path, []byte(os.Getenv(killHelperEnv+"_DATA"))); err != nil {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	os.Exit(0)
}

// TestKilledBeforeRename kills writes at the last moment before their
// rename, when the temporary holds the whole new content, flushed: the
// target stays the old content, and the next write removes what the
// killed ones left.
func TestKilledBeforeRename(t *testing.T) {
	if os.Getenv(killHelperEnv) != "" {
		t.Skip("in the helper process")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "备案表.pdf")
	old := []byte("%PDF old content")
	if err := Write(path, old); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), killHelperEnv+"="+path, killHelperEnv+"_DATA="+fmt.Sprintf("%%PDF new content %d", i))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		cmd.Process.Kill()
		cmd.Wait()
		if line != "paused\n" {
			t.Fatalf("helper said %q", line)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
			t.Fatalf("kill %d: target is %q", i, got)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) < 2 {
		t.Fatalf("the killed writes left no temporaries: %v", entries)
	}
	// The next write, once the file system's clock has moved on.
	time.Sleep(20 * time.Millisecond)
	if err := Write(path, []byte("%PDF new")); err != nil {
		t.Fatal(err)
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left after the next write: %v", entries)
	}
}
