package roster

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors that a FileError wraps, for callers that act on the kind
// of failure (errors.Is): the GUI asks for a password on
// ErrPasswordRequired and ErrWrongPassword, and offers a sheet list on
// ErrAmbiguousSheet.
var (
	// ErrEmpty: the file has no content.
	ErrEmpty = errors.New("empty file")
	// ErrUnsupportedFormat: the file is not a format import reads (.xls,
	// .et, .wps, .docx, PDF, images …).
	ErrUnsupportedFormat = errors.New("unsupported file format")
	// ErrDamaged: the file is truncated or corrupt.
	ErrDamaged = errors.New("damaged file")
	// ErrPasswordRequired: the workbook is encrypted and no password was
	// given.
	ErrPasswordRequired = errors.New("workbook password required")
	// ErrWrongPassword: the password given does not open the workbook.
	ErrWrongPassword = errors.New("wrong workbook password")
	// ErrTooLarge: the file or its rows exceed the limits of Options.
	ErrTooLarge = errors.New("roster too large")
	// ErrNoRoster: no sheet has a roster header.
	ErrNoRoster = errors.New("no roster header found")
	// ErrAmbiguousSheet: several sheets look like a roster; the caller
	// must choose one with Options.Sheet.
	ErrAmbiguousSheet = errors.New("several sheets look like a roster")
	// ErrNoSheet: Options.Sheet names no sheet of the workbook.
	ErrNoSheet = errors.New("no such sheet")
	// ErrInternal: import failed on a defect of sureform; the message asks
	// the user to report it.
	ErrInternal = errors.New("internal error while importing")
)

// FileError is an import failure the user should read: it names the file
// and says in Chinese what the file is and what to do.
type FileError struct {
	// File is the file's name as the user knows it (may be empty).
	File string
	// Msg is the Chinese explanation.
	Msg string
	// Sheets lists the candidate sheets for ErrAmbiguousSheet and all
	// sheets for ErrNoSheet and ErrNoRoster.
	Sheets []SheetInfo
	// Err is one of the sentinel errors above, possibly wrapping a cause.
	Err error
}

func (e *FileError) Error() string {
	if e.File == "" {
		return e.Msg
	}
	return fmt.Sprintf("文件 %s：%s", e.File, e.Msg)
}

func (e *FileError) Unwrap() error { return e.Err }

// SheetInfo describes one sheet of a workbook.
type SheetInfo struct {
	Name string
	// Roster is true when the sheet's header looks like a roster.
	Roster bool
	// Rows is the number of non-empty rows below the header (of the rows
	// read to decide), or of the whole sheet when it has no header.
	Rows int
	// More is set when only the sheet's first rows were read to decide,
	// and it has more than Rows.
	More bool
	// Hidden is set for a sheet hidden in Excel.
	Hidden bool
}

func fileErr(kind error, cause error, format string, args ...any) *FileError {
	err := kind
	if cause != nil {
		err = fmt.Errorf("%w: %w", kind, cause)
	}
	return &FileError{Msg: fmt.Sprintf(format, args...), Err: err}
}

// saveAsXLSX is the advice for files import cannot read.
const saveAsXLSX = "请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再导入"

// sheetList formats sheet names for a message: 「名单」（40 行）、「汇总」.
func sheetList(sheets []SheetInfo) string {
	parts := make([]string, len(sheets))
	for i, s := range sheets {
		more := ""
		if s.More {
			more = "以上"
		}
		parts[i] = fmt.Sprintf("「%s」（%d 行%s）", s.Name, s.Rows, more)
	}
	return strings.Join(parts, "、")
}
