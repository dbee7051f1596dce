package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"sureform/forms/fsmessage"

	"sureform/forms/atomicfile"
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
	if len(data) > MaxFileSize {
		return nil, tooLarge(int64(len(data)))
	}
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
		field := JSONFieldLabel(typ.Field)
		switch {
		case field != "":
			field = "“" + field + "”"
		case typ.Field == "":
			field = "（顶层）"
		default:
			field = "“" + typ.Field + "”"
		}
		return &FileError{Err: err, Msg: fmt.Sprintf("第 %d 行第 %d 列：字段%s的值类型不对（应为%s，实为%s）",
			line, col, field, typeName(typ.Type), jsonValueName(typ.Value))}
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return &FileError{Err: err, Msg: "含有无法识别的字段 " + strings.TrimPrefix(err.Error(), "json: unknown field ")}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &FileError{Err: err, Msg: "文件不完整（可能被截断）"}
	}
	return &FileError{Err: err, Msg: "内容无法读取：" + err.Error()}
}

// typeName says in words what kind of JSON value a Go type is read from.
func typeName(t reflect.Type) string {
	if t == nil {
		return "其他类型"
	}
	switch t {
	case reflect.TypeFor[Date]():
		return "“年-月-日”形式的日期文本"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return typeName(t.Elem())
	case reflect.String:
		return "文本"
	case reflect.Bool:
		return " true 或 false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "整数"
	case reflect.Float32, reflect.Float64:
		return "数字"
	case reflect.Slice, reflect.Array:
		return "列表 [ … ]"
	case reflect.Struct, reflect.Map:
		return "对象 { … }"
	}
	return "其他类型"
}

// jsonValueName says in words what kind of JSON value the decoder met, from
// encoding/json's description of it ("string", "number -1", "array" …).
func jsonValueName(v string) string {
	kind, num, _ := strings.Cut(v, " ")
	switch kind {
	case "string":
		return "文本"
	case "number":
		if num != "" {
			return "数字 " + num
		}
		return "数字"
	case "bool":
		return " true/false"
	case "array":
		return "列表"
	case "object":
		return "对象"
	case "null":
		return " null"
	}
	return "其他内容"
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

// MaxFileSize caps the size of a project file. A filing of 10,000 members
// takes about 3.5 MB; a file far beyond that is not a filing, and reading it
// would take the memory of a whole machine to validate and export.
const MaxFileSize = 20 << 20

// ErrTooLarge is wrapped by the error for a project file over MaxFileSize.
var ErrTooLarge = errors.New("project file too large")

// Load reads a project file. On any error the caller's current filing is
// untouched, because nothing is returned but the error.
func Load(path string) (*Filing, error) {
	data, err := readLimited(path, MaxFileSize)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			fe.Path = path
			return nil, fe
		}
		return nil, &FileError{Path: path, Err: err, Msg: "无法读取：" + fsmessage.Read(err)}
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

// readLimited reads a file of at most limit bytes; a larger one is refused
// before it is read.
func readLimited(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &FileError{Msg: "这是一个文件夹，不是填报文件"}
	}
	if info.Size() > limit {
		return nil, tooLarge(info.Size())
	}
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(int64(len(data)))
	}
	return data, nil
}

func tooLarge(size int64) *FileError {
	return &FileError{Err: ErrTooLarge, Msg: fmt.Sprintf(
		"文件有 %.1f MB，超过填报文件的上限 %d MB（一万名成员的填报文件也只有约 3.5 MB），这不像是 sureform 填报文件，未打开",
		float64(size)/(1<<20), MaxFileSize>>20)}
}

// Save writes the filing to path atomically (see package atomicfile): a
// crash or power cut leaves either the old file or the new one, never a
// mix; a path that is a symbolic link keeps the link and updates the file
// it names; temporaries left by earlier interrupted saves are removed. The
// file is readable by its owner only, since it holds students' personal
// data.
func Save(path string, f *Filing) error {
	data, err := Encode(f)
	if err != nil {
		return err
	}
	half := len(data) / 2
	return fileError(path, atomicfile.WriteWith(path, func(w io.Writer) error {
		if _, err := w.Write(data[:half]); err != nil {
			return err
		}
		if savePause != nil {
			savePause()
		}
		_, err := w.Write(data[half:])
		return err
	}))
}

// savePause, when set by a test, runs in the middle of writing a save's
// temporary file, so that the test can kill the save there.
var savePause func()

// WriteFileAtomic is atomicfile.Write with its error as a *FileError, for
// callers that report errors of this package's kind.
func WriteFileAtomic(path string, data []byte) error {
	return fileError(path, atomicfile.Write(path, data))
}

// fileError turns an atomicfile error into a *FileError.
func fileError(path string, err error) error {
	var ae *atomicfile.Error
	if errors.As(err, &ae) {
		return &FileError{Path: path, Err: ae.Err, Msg: ae.Msg}
	}
	if err != nil {
		return &FileError{Path: path, Err: err, Msg: "保存失败：" + err.Error()}
	}
	return nil
}
