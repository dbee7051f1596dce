package forms

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sureform/forms/fsmessage"
)

// UserEditionsDir is the folder where editions the user added are kept:
// sureform/editions under the user's configuration folder.
func UserEditionsDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到用户配置目录：%w", err)
	}
	return filepath.Join(dir, "sureform", "editions"), nil
}

// ReadEditionFile reads and checks one edition definition file given by
// the user: besides what ParseEdition checks, its size, its counts and its
// ids must be those of a form (see checkUserEdition).
func ReadEditionFile(path string) (*Edition, error) {
	data, err := readLimited(path, maxEditionFileSize)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			if errors.Is(err, ErrTooLarge) {
				fe.Msg = fmt.Sprintf("表格版本文件超过 %d KB，不是表格版本定义", maxEditionFileSize>>10)
			}
			fe.Path = path
			return nil, fe
		}
		return nil, &FileError{Path: path, Err: err, Msg: "无法读取：" + fsmessage.Read(err)}
	}
	ed, err := ParseEdition(filepath.Base(path), data)
	if err != nil {
		return nil, err
	}
	if err := checkUserEdition(ed); err != nil {
		return nil, &FileError{Path: path, Err: err, Msg: err.Error()}
	}
	return ed, nil
}

// AddUserEditions adds every *.toml edition in dir to the set. A missing
// folder is not an error. A file that cannot be used is skipped and its
// error returned in the list, so one broken file does not take the
// built-in editions down with it.
func (s *Editions) AddUserEditions(dir string) []error {
	names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return []error{err}
	}
	sort.Strings(names)
	var errs []error
	for _, name := range names {
		ed, err := ReadEditionFile(name)
		if err == nil {
			err = s.Add(ed)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("已跳过用户表格版本 %s：%w", name, err))
		}
	}
	return errs
}

// InstallEdition checks an edition definition file and copies it into
// dir, so that it is loaded from then on. An id that is already loaded is
// refused, so a user file can never silently replace a built-in edition.
func (s *Editions) InstallEdition(path, dir string) (*Edition, error) {
	ed, err := ReadEditionFile(path)
	if err != nil {
		return nil, err
	}
	if _, err := s.Get(ed.ID); err == nil {
		return nil, fmt.Errorf("表格版本 %q 已存在，请在文件中改用新的 id", ed.ID)
	}
	data, err := readLimited(path, maxEditionFileSize)
	if err != nil {
		return nil, &FileError{Path: path, Err: err, Msg: "无法读取：" + fsmessage.Read(err)}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("创建目录 %s：%w", dir, err)
	}
	target := filepath.Join(dir, safeFileName(ed.ID)+".toml")
	if _, err := os.Stat(target); err == nil {
		return nil, fmt.Errorf("文件 %s 已存在", target)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("检查 %s：%w", target, err)
	}
	if err := WriteFileAtomic(target, data); err != nil {
		return nil, err
	}
	if err := s.Add(ed); err != nil {
		return nil, err
	}
	return ed, nil
}

// safeFileName keeps letters, digits, '-', '_' and CJK characters of an
// edition id for use as a file name.
func safeFileName(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r >= 0x4e00 && r <= 0x9fff:
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	return b.String()
}
