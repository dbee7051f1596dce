// Package atomicfile replaces files so that a crash, a kill or a power cut
// at any moment leaves either the old content or the new one, never a mix,
// never an empty file, and nothing else behind.
//
// A write goes to a hidden temporary file in the target's folder
// (.NAME.DIGITS.tmp), readable by its owner only, is flushed to disk and
// then renamed over the target. Each write also removes the temporaries of
// the same target that earlier, interrupted writes left behind. A target
// that is a symbolic link is resolved first, so the link stays a link and
// the file it points to gets the new content.
//
// The GUI, the command line and the exports all write files through this
// package; none of them writes a user's file any other way.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sureform/forms/fsmessage"
	"time"
)

// Mode is the permission of every file written: owner-only, since the
// files hold students' personal data.
const Mode fs.FileMode = 0o600

// maxLinks bounds the symbolic links followed to find the real target.
const maxLinks = 40

// Error is a failed write. Its message is Chinese and names the file.
type Error struct {
	// Path is the file the user asked to write.
	Path string
	// Msg says in Chinese what went wrong.
	Msg string
	// Err is the cause.
	Err error
}

func (e *Error) Error() string { return fmt.Sprintf("文件 %s：%s", e.Path, e.Msg) }

func (e *Error) Unwrap() error { return e.Err }

// Write replaces the file at path with data atomically, with mode Mode.
func Write(path string, data []byte) error {
	return WriteWith(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteWith replaces the file at path atomically with what write writes,
// for writers that stream (a PDF or a workbook written to an io.Writer).
// When write returns an error the target is left as it was and the error is
// returned wrapped in an *Error.
func WriteWith(path string, write func(io.Writer) error) error {
	target, err := Resolve(path)
	if err != nil {
		return &Error{Path: path, Err: err, Msg: "无法保存：" + fsmessage.Write(err)}
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, tempPrefix(base)+"*"+tempSuffix)
	if err != nil {
		return &Error{Path: path, Err: err, Msg: "无法保存：" + fsmessage.Write(err)}
	}
	tmpName := tmp.Name()
	// The temporary's own time stamp marks the start of this write on the
	// file system's clock: only temporaries older than it are stale.
	if info, err := tmp.Stat(); err == nil {
		RemoveStale(target, info.ModTime())
	}
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmpName)
		return &Error{Path: path, Err: err, Msg: "保存失败：" + fsmessage.Write(err)}
	}
	if err := tmp.Chmod(Mode); err != nil {
		return fail(err)
	}
	if err := write(tmp); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if beforeRename != nil {
		beforeRename(tmpName)
	}
	if err := rename(tmpName, target); err != nil {
		os.Remove(tmpName)
		return &Error{Path: path, Err: err, Msg: "保存失败：" + fsmessage.Write(err)}
	}
	syncDir(dir)
	return nil
}

// rename is os.Rename; tests replace it to make a write fail at the end.
var rename = os.Rename

// beforeRename, when set by a test, runs between closing the temporary and
// renaming it over the target.
var beforeRename func(tmp string)

const tempSuffix = ".tmp"

func tempPrefix(base string) string { return "." + base + "." }

// IsTemp reports whether name (a base name) is a temporary file of a write
// to target (a base name): .TARGET.DIGITS.tmp.
func IsTemp(name, target string) bool {
	prefix := tempPrefix(target)
	if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, tempSuffix) {
		return false
	}
	digits := name[len(prefix) : len(name)-len(tempSuffix)]
	if digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// RemoveStale removes the temporary files of writes to path (a resolved
// target, not a link) that were last modified before the given time: the
// leftovers of writes that were killed before they could rename or remove
// them. It returns the names removed. Errors are ignored: a leftover that
// cannot be removed now is tried again by the next write.
func RemoveStale(path string, before time.Time) []string {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, en := range entries {
		if !en.Type().IsRegular() || !IsTemp(en.Name(), base) {
			continue
		}
		info, err := en.Info()
		if err != nil || !info.ModTime().Before(before) {
			continue
		}
		name := filepath.Join(dir, en.Name())
		if os.Remove(name) == nil {
			removed = append(removed, name)
		}
	}
	return removed
}

// Resolve follows symbolic links from path to the file they name, which
// need not exist yet. A path that is not a link is returned as it is.
func Resolve(path string) (string, error) {
	for i := 0; i < maxLinks; i++ {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			if info.IsDir() {
				return "", &fs.PathError{Op: "write", Path: path, Err: fsmessage.ErrIsDir}
			}
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", &fs.PathError{Op: "write", Path: path, Err: fsmessage.ErrLinkLoop}
}

// syncDir flushes a folder so that a rename in it survives a power cut, on
// the file systems that need it; it is best effort.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
