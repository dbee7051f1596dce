package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// CurrentSchema is the version of the project file format this build
// writes. Version 1 stored answers as the form's words (达标/是) and ranks
// as text ("3/45"); version 2 stores them as values; version 3 adds the
// college unions' own data (roster, congress, guidance, notes, collection).
const CurrentSchema = 3

// FileError is an error about a project file that the user should read: it
// names the file and says what is wrong in Chinese.
type FileError struct {
	Path string
	Msg  string
	Err  error
}

func (e *FileError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return fmt.Sprintf("文件 %s：%s", e.Path, e.Msg)
}

func (e *FileError) Unwrap() error { return e.Err }

// ErrNewerSchema is wrapped by the error for a file saved by a newer
// version of sureform.
var ErrNewerSchema = errors.New("newer project schema")

// Decode reads a filing from the bytes of a project file, migrating older
// schema versions. It never returns a partly read filing: on error the
// result is nil.
func Decode(data []byte) (*Filing, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FileError{Msg: "文件是空的，不是 sureform 填报文件"}
	}
	var head struct {
		SchemaVersion *int `json:"schema_version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(data, err)
	}
	if head.SchemaVersion == nil {
		return nil, &FileError{Msg: "缺少 schema_version，不是 sureform 填报文件"}
	}
	v := *head.SchemaVersion
	switch {
	case v > CurrentSchema:
		return nil, &FileError{Err: ErrNewerSchema, Msg: fmt.Sprintf(
			"此文件由较新版本的 sureform 保存（格式版本 %d，本程序支持到版本 %d），请升级 sureform 后再打开", v, CurrentSchema)}
	case v < 1:
		return nil, &FileError{Msg: fmt.Sprintf("格式版本 %d 无效", v)}
	case v < CurrentSchema:
		migrated, err := migrate(data, v)
		if err != nil {
			return nil, err
		}
		data = migrated
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f Filing
	if err := dec.Decode(&f); err != nil {
		return nil, jsonError(data, err)
	}
	if f.Edition == "" {
		return nil, &FileError{Msg: "缺少 edition（表格版本）"}
	}
	if f.Answers == nil {
		f.Answers = map[string]Answer{}
	}
	return &f, nil
}

// jsonError turns a decoding error into a message with the line and column.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return &FileError{Err: err, Msg: fmt.Sprintf("第 %d 行第 %d 列格式错误，文件可能已损坏或被截断", line, col)}
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		return &FileError{Err: err, Msg: fmt.Sprintf("第 %d 行第 %d 列：字段 %s 的值类型不对（应为 %s）", line, col, typ.Field, typ.Type)}
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return &FileError{Err: err, Msg: "含有无法识别的字段 " + strings.TrimPrefix(err.Error(), "json: unknown field ")}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &FileError{Err: err, Msg: "文件不完整（可能被截断）"}
	}
	return &FileError{Err: err, Msg: "内容无法读取：" + err.Error()}
}

func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = int(off) - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// Encode writes the filing as indented, human-readable JSON at the current
// schema version.
func Encode(f *Filing) ([]byte, error) {
	c := *f
	c.SchemaVersion = CurrentSchema
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&c); err != nil {
		return nil, fmt.Errorf("编码填报文件：%w", err)
	}
	return buf.Bytes(), nil
}

// Load reads a project file. On any error the caller's current filing is
// untouched, because nothing is returned but the error.
func Load(path string) (*Filing, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: err, Msg: "无法读取：" + osMessage(err)}
	}
	f, err := Decode(data)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			fe.Path = path
			return nil, fe
		}
		return nil, &FileError{Path: path, Err: err, Msg: err.Error()}
	}
	return f, nil
}

func osMessage(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, os.ErrPermission):
		return "没有读写权限"
	}
	return err.Error()
}

// Save writes the filing to path atomically: the data goes to a temporary
// file in the same folder, is flushed to disk, and replaces path with a
// rename, so that a crash or power cut leaves either the old file or the
// new one, never a mix. The file is readable by its owner only, since it
// holds students' personal data.
func Save(path string, f *Filing) error {
	data, err := Encode(f)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// renameFile is os.Rename; tests replace it to interrupt a save.
var renameFile = os.Rename

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, with mode 0600.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return &FileError{Path: path, Err: err, Msg: "无法保存：" + osMessage(err)}
	}
	tmpName := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmpName)
		return &FileError{Path: path, Err: err, Msg: "保存失败：" + osMessage(err)}
	}
	if err := tmp.Chmod(0o600); err != nil {
		return fail(err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := renameFile(tmpName, path); err != nil {
		os.Remove(tmpName)
		return &FileError{Path: path, Err: err, Msg: "保存失败：" + osMessage(err)}
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: persist the rename on file systems that need it
		d.Close()
	}
	return nil
}
