// Package roster imports the roster of a student union's staff (校级组织工作
// 人员名单) from the files users already keep it in: Excel workbooks
// (.xlsx, .xlsm, also encrypted ones given the password), CSV as Excel
// saves it (UTF-8 with or without BOM, GBK/GB18030, UTF-16) and
// tab-separated text pasted from a document. It finds the sheet and the
// header (below title rows, over one or two rows, columns in any order),
// normalises every value to the model's terms and reports each value it
// cannot read, with its sheet, row and column, as a Problem.
//
// Parsing yields a Preview; nothing changes until the caller applies it to
// a filing (Preview.Apply). WriteTemplate writes a blank roster workbook
// that imports without problems once filled in.
package roster

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sureform/forms/fsmessage"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
)

// Default limits against hostile or broken files.
const (
	// DefaultMaxBytes caps the size of a file and the uncompressed size of
	// a workbook.
	DefaultMaxBytes = 32 << 20
	// DefaultMaxRows caps the non-empty rows of a sheet.
	DefaultMaxRows = 20000
)

// Options steer a parse. The zero value detects everything.
type Options struct {
	// Sheet names the sheet to read; empty picks the one whose header
	// looks like a roster.
	Sheet string
	// Password opens an encrypted workbook.
	Password string
	// AcademicYear is the filing's academic year ("2024—2025学年"),
	// against which enrolment years (2023级) are turned into grades.
	AcademicYear string
	// DefaultLevel is the level of members whose grade does not say
	// (一年级, 2023级): forms.LevelGraduate for a 研究生会; empty means
	// forms.LevelUndergraduate.
	DefaultLevel string
	// Mapping, when not nil, replaces the detected column mapping (the GUI
	// lets the user correct it and parses again). Data starts below the
	// detected header, or at DataRow.
	Mapping Mapping
	// DataRow, when > 0, is the 1-based row where data starts, for a
	// Mapping on a sheet whose header was not recognised.
	DataRow int
	// IncludeHidden imports the rows hidden in Excel as members too; by
	// default they are listed in Preview.Skipped and not imported.
	IncludeHidden bool
	// MaxBytes and MaxRows override DefaultMaxBytes and DefaultMaxRows.
	MaxBytes int64
	MaxRows  int
}

// OptionsFor returns the options that fit a filing: its academic year (or
// that of its filing date) and, for a 研究生会, graduate members by default.
func OptionsFor(f *forms.Filing) Options {
	opt := Options{AcademicYear: f.AcademicYear}
	if opt.AcademicYear == "" && !f.FilingDate.IsZero() {
		opt.AcademicYear = forms.AcademicYearOf(f.FilingDate.Time())
	}
	if f.OrgType == forms.OrgGraduateUnion {
		opt.DefaultLevel = forms.LevelGraduate
	}
	return opt
}

// Problem is one thing import could not read, or read with a guess.
type Problem struct {
	Sheet string
	// Row is the 1-based row in the sheet or file; 0 for a problem of the
	// whole sheet.
	Row int
	// Column is the spreadsheet letter of the column (E); empty for a
	// problem of a whole row or sheet. Header is that column's header text.
	Column string
	Header string
	// Field is the member field the value was meant for.
	Field Field
	// Member is the index in Preview.Members of the member the problem
	// belongs to, or -1.
	Member int
	// Severity is forms.SeverityError when the value could not be read
	// and is left unknown, forms.SeverityWarning when it was read but is
	// unusual or guessed (群众, a position inferred from work experience).
	Severity forms.Severity
	// Message says in Chinese what is wrong and what to do.
	Message string
	// Text is the cell's original text.
	Text string
}

// Path is the finding path of the problem in the filing once the preview is
// applied with Replace (members[3].rank), or "" for a problem of no member.
func (p Problem) Path() string {
	if p.Member < 0 {
		return ""
	}
	if p.Field == "" || p.Field == FieldSerial {
		return fmt.Sprintf("members[%d]", p.Member)
	}
	return fmt.Sprintf("members[%d].%s", p.Member, p.Field)
}

// String writes the problem with its place for a reader:
// 工作表「名单」第 19 行 E 列（年级）：无法识别年级「纪检委员」….
func (p Problem) String() string {
	var b strings.Builder
	if p.Sheet != "" {
		fmt.Fprintf(&b, "工作表「%s」", p.Sheet)
	}
	if p.Row > 0 {
		fmt.Fprintf(&b, "第 %d 行", p.Row)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, " %s 列", p.Column)
		if p.Header != "" {
			fmt.Fprintf(&b, "（%s）", short(p.Header, 16))
		}
	}
	if b.Len() > 0 {
		b.WriteString("：")
	}
	b.WriteString(p.Message)
	return b.String()
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Row is one imported member with where it came from.
type Row struct {
	// Row is the 1-based row in the sheet or file, as Excel numbers it.
	Row    int
	Member forms.Member
	// Hidden is set for a row hidden in Excel that was imported because
	// Options.IncludeHidden asked for it.
	Hidden bool
	// Unread lists the fields whose cells could not be read: the member
	// has them unknown, and a merge keeps the filing's values.
	Unread []Field
}

// Skipped is a row below the header that was not imported as a member.
type Skipped struct {
	// Row is the 1-based row in the sheet or file.
	Row int
	// Reason says in Chinese why: 合计行, 说明, 签字栏, 重复的表头, 隐藏行 ….
	Reason string
	// Text is the row's first non-empty cell, for the preview.
	Text string
	// Hidden is set for a row hidden in Excel (and for no other reason
	// skipped); Options.IncludeHidden imports such rows.
	Hidden bool
}

// Column is one recognised column of the roster.
type Column struct {
	Field Field
	// Index is the 0-based column; Letter its spreadsheet letter.
	Index  int
	Letter string
	// Header is the column's header text (both header rows joined).
	Header string
}

// Preview is the result of parsing a roster, before anything is applied.
type Preview struct {
	// File is the file's base name.
	File     string
	Format   Format
	Encoding string // text files only
	// Sheet is the sheet read (the file name for text files).
	Sheet string
	// Sheets lists every sheet of a workbook, with which look like a
	// roster, so that the GUI can offer a choice.
	Sheets []SheetInfo
	// HeaderRow is the 1-based first header row (0 with a Mapping and no
	// recognised header); HeaderRows is 1 or 2; DataRow is the 1-based
	// first row read as data.
	HeaderRow, HeaderRows, DataRow int
	// Mapping is the column of each field used; Columns describes them in
	// sheet order; Headers holds every column's header text, for a GUI
	// that lets the user change the mapping.
	Mapping Mapping
	Columns []Column
	Headers []string
	// Window is the rank period the header names, when exactly one.
	Window  string
	Members []Row
	// Skipped lists the rows that are not members (totals, notes, sign-off
	// lines, repeated headers, rows whose name cell is not a name) and the
	// hidden rows, in sheet order.
	Skipped  []Skipped
	Problems []Problem
}

// ErrorCount returns the number of problems of severity forms.SeverityError.
func (p *Preview) ErrorCount() int { return CountErrors(p.Problems) }

// CountErrors returns the number of problems of severity
// forms.SeverityError: those that left a value unknown.
func CountErrors(problems []Problem) int {
	n := 0
	for _, pr := range problems {
		if pr.Severity == forms.SeverityError {
			n++
		}
	}
	return n
}

// ReadFile reads and parses a roster file.
func ReadFile(name string, opt Options) (*Preview, error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	base := filepath.Base(name)
	info, err := os.Stat(name)
	if err != nil {
		return nil, &FileError{File: base, Msg: "无法读取：" + fsmessage.Read(err), Err: err}
	}
	if info.IsDir() {
		return nil, &FileError{File: base, Msg: "这是一个文件夹，请选择名单文件", Err: ErrUnsupportedFormat}
	}
	if info.Size() > limit {
		return nil, &FileError{File: base, Err: ErrTooLarge, Msg: fmt.Sprintf(
			"文件有 %s，超过导入上限 %s。名单不应这么大：请只保留名单，另存为 .xlsx 后再导入", byteSize(info.Size()), byteSize(limit))}
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, &FileError{File: base, Msg: "无法读取：" + fsmessage.Read(err), Err: err}
	}
	return Parse(data, base, opt)
}

// Parse reads a roster from a file's content; name is the file's name
// (only its extension words messages). It never panics: a defect met on
// the way is returned as an error wrapping ErrInternal. On error the
// Preview is nil, so nothing can be half-imported.
func Parse(data []byte, name string, opt Options) (p *Preview, err error) {
	defer func() {
		if r := recover(); r != nil {
			p = nil
			err = &FileError{File: name, Err: fmt.Errorf("%w: %v\n%s", ErrInternal, r, debug.Stack()),
				Msg: "导入时程序出错，名单未导入。请把这个文件发给 sureform 的维护者以便修复"}
		}
		if fe, ok := err.(*FileError); ok && fe.File == "" {
			fe.File = name
		}
	}()
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRows <= 0 {
		opt.MaxRows = DefaultMaxRows
	}
	if int64(len(data)) > opt.MaxBytes {
		return nil, fileErr(ErrTooLarge, nil, "文件有 %s，超过导入上限 %s。名单不应这么大：请只保留名单，另存为 .xlsx 后再导入",
			byteSize(int64(len(data))), byteSize(opt.MaxBytes))
	}
	s, err := sniff(data, name, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	if s.format == FormatXLSX {
		p, err = parseWorkbook(data, s, &opt)
	} else {
		p, err = parseText(data, name, &opt)
		if err != nil && s.misnamed {
			err = notAZip(strings.ToLower(filepath.Ext(name)), err)
		}
	}
	if err != nil {
		return nil, err
	}
	p.File = filepath.Base(name)
	return p, nil
}

// ParseText parses a roster pasted as text (tab-separated, as copying a
// table from Word, WPS or a web page gives it, or CSV).
func ParseText(text string, opt Options) (*Preview, error) {
	return Parse([]byte(text), "粘贴的文本", opt)
}

func parseText(data []byte, name string, opt *Options) (*Preview, error) {
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	comma, format := delimiter(text)
	rows, err := readText(text, comma, opt.MaxRows)
	if err != nil {
		return nil, err
	}
	sheetName := filepath.Base(name)
	p, err := parseRows(sheetName, rows, nil, opt)
	if err != nil {
		return nil, err
	}
	p.File, p.Format, p.Encoding = filepath.Base(name), format, enc
	// A text file has no sheets: its problems name only rows and columns.
	for i := range p.Problems {
		p.Problems[i].Sheet = ""
	}
	return p, nil
}

func parseWorkbook(data []byte, s sniffed, opt *Options) (*Preview, error) {
	wb, err := openWorkbook(data, s, opt)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	paths := worksheetPaths(wb)
	names := sheetNames(wb, opt.Sheet)
	hidden := hiddenSheets(wb)
	var infos []SheetInfo
	chosen := ""
	if opt.Sheet != "" {
		found := false
		for _, n := range wb.GetSheetList() {
			if n == opt.Sheet {
				found = true
			}
		}
		if !found {
			for _, n := range wb.GetSheetList() {
				infos = append(infos, SheetInfo{Name: n, Hidden: hidden[n]})
			}
			return nil, &FileError{Err: ErrNoSheet, Sheets: infos, Msg: fmt.Sprintf(
				"工作簿中没有名为「%s」的工作表；现有工作表：%s", opt.Sheet, quoteSheets(wb.GetSheetList(), hidden))}
		}
		chosen = opt.Sheet
	}
	// Each sheet's first rows decide whether it looks like a roster.
	const headLimit = headerScanRows + 20
	var candidates []SheetInfo
	var headerOnly []string // sheets with a roster header and nothing below
	for _, n := range names {
		head, err := readSheet(wb, n, headLimit, opt.MaxRows, paths)
		if err != nil {
			if isExcelizeSheetMissing(err) { // a chart sheet
				continue
			}
			return nil, sheetReadError(n, err)
		}
		info := SheetInfo{Name: n, More: len(head.rows) >= headLimit, Hidden: hidden[n]}
		h, ok := DetectHeader(head.rows)
		for i, row := range head.rows {
			if (!ok || i >= h.Row+h.Rows) && !blankRow(row) {
				info.Rows++
			}
		}
		if ok && info.Rows > 0 {
			info.Roster = true
			candidates = append(candidates, info)
		} else if ok {
			headerOnly = append(headerOnly, n)
		}
		infos = append(infos, info)
	}
	if chosen == "" {
		switch len(candidates) {
		case 0:
			if opt.Mapping != nil && len(names) == 1 {
				chosen = names[0]
				break
			}
			if len(headerOnly) > 0 {
				return nil, &FileError{Err: ErrNoRoster, Sheets: infos, Msg: fmt.Sprintf(
					"工作表%s有名单表头，但表头下面没有数据；请填好名单后再导入", quoteNames(headerOnly))}
			}
			return nil, &FileError{Err: ErrNoRoster, Sheets: infos, Msg: fmt.Sprintf(
				"在工作簿的工作表（%s）中都没有找到名单表头。名单的表头应有“姓名”列，以及“政治面貌”“院系”“年级”“成绩排名”等列中的至少两列；请检查表头，或使用 sureform template 生成的模板%s",
				quoteNames(names), hiddenNote(names, hidden))}
		case 1:
			chosen = candidates[0].Name
		default:
			return nil, &FileError{Err: ErrAmbiguousSheet, Sheets: candidates, Msg: fmt.Sprintf(
				"工作簿中有 %d 个工作表像名单：%s。请选择要导入的工作表（命令行用 --sheet 工作表名）", len(candidates), sheetList(candidates))}
		}
	}
	sh, err := readSheet(wb, chosen, -1, opt.MaxRows, paths)
	if err != nil {
		return nil, sheetReadError(chosen, err)
	}
	p, err := parseRows(chosen, sh.rows, &sh.hidden, opt)
	if err != nil {
		return nil, err
	}
	p.Format, p.Sheets = FormatXLSX, infos
	if hidden[chosen] {
		p.Problems = append([]Problem{{Sheet: chosen, Member: -1, Severity: forms.SeverityWarning,
			Message: "这个工作表在 Excel 中是隐藏的，请确认要导入的正是它"}}, p.Problems...)
	}
	return p, nil
}

// hiddenSheets names the sheets hidden in Excel.
func hiddenSheets(wb *excelize.File) map[string]bool {
	out := map[string]bool{}
	for _, n := range wb.GetSheetList() {
		if visible, err := wb.GetSheetVisible(n); err == nil && !visible {
			out[n] = true
		}
	}
	return out
}

// hiddenNote tells, after a list of the sheets searched, which hidden
// sheets were not: ；另有隐藏的工作表「备份」没有查找….
func hiddenNote(searched []string, hidden map[string]bool) string {
	in := map[string]bool{}
	for _, n := range searched {
		in[n] = true
	}
	var left []string
	for n := range hidden {
		if !in[n] {
			left = append(left, n)
		}
	}
	if len(left) == 0 {
		return ""
	}
	sort.Strings(left)
	return "。另有隐藏的工作表" + quoteNames(left) + "没有查找；如名单在其中，请在 Excel 中取消隐藏，或用 --sheet 指定"
}

// quoteSheets lists sheet names, marking the hidden ones: 「名单」、「备份」（隐藏）.
func quoteSheets(names []string, hidden map[string]bool) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "「" + n + "」"
		if hidden[n] {
			q[i] += "（隐藏）"
		}
	}
	return strings.Join(q, "、")
}

func sheetReadError(name string, err error) error {
	if fe, ok := err.(*FileError); ok {
		fe.Msg = fmt.Sprintf("工作表「%s」%s", name, fe.Msg)
		return fe
	}
	return fileErr(ErrDamaged, err, "工作表「%s」无法读取（文件可能已损坏）。请在 Excel 或 WPS 中打开并重新另存为 .xlsx 后再导入", name)
}

func tooManyRows(limit int) error {
	return fileErr(ErrTooLarge, nil,
		"超过 %d 行，超出导入上限。工作人员名单不应这么长：请确认选择了正确的文件或工作表，并删除名单以外的行后再导入", limit)
}

func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "「" + n + "」"
	}
	return strings.Join(q, "、")
}
