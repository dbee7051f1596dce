package formtemplate

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Limits on what a template may hold: a form has a few dozen rows.
const (
	// MaxFileSize is the largest template file read.
	MaxFileSize = 8 << 20
	// maxCells is the most non-empty cells (or text cells) read.
	maxCells = 20000
	// maxUnzipped bounds the unpacked size of an .xlsx.
	maxUnzipped = 64 << 20
)

// ErrFormat is wrapped by the errors about a file that is not a template
// sureform can read.
var ErrFormat = errors.New("模板格式无法识别")

// token is one cell of the template: an Excel cell's text, or one cell of
// a pasted Word table, with where it came from for messages.
type token struct {
	text  string
	where string
}

// tokens reads a template's cells in reading order: an .xlsx workbook's
// visible sheets row by row, or a text file's lines split at tabs and |.
func tokens(name string, data []byte) ([]token, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s：文件有 %d 字节，超过模板的上限 %d 字节：%w", name, len(data), MaxFileSize, ErrFormat)
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if ext := strings.ToLower(filepath.Ext(name)); ext == ".docx" {
			return nil, fmt.Errorf("%s 是 Word 文档：请在 Word 中选中整张表格复制，粘贴到记事本中保存为 .txt 文件后再读入，或把表格另存为 Excel（.xlsx）：%w", name, ErrFormat)
		}
		return workbookTokens(name, data)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return nil, fmt.Errorf("%s 是旧版 Office 文件（.xls 或 .doc）：请在 Excel 或 WPS 中另存为 .xlsx，或把表格复制到记事本保存为 .txt 后再读入：%w", name, ErrFormat)
	}
	text, err := decodeText(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", name, err)
	}
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		return csvTokens(name, text)
	}
	return textTokens(text)
}

// csvTokens reads a template Excel or WPS saved as CSV: cells split at
// commas, quoted cells holding commas and line breaks.
func csvTokens(name, text string) ([]token, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	var out []token
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s 不是可以读取的 CSV 文件（%v）：%w", name, err, ErrFormat)
		}
		line, _ := r.FieldPos(0)
		for _, cell := range rec {
			cell = cleanSpaces(markup.ReplaceAllString(checkboxes.Replace(cell), ""))
			if cell == "" {
				continue
			}
			if len(out) >= maxCells {
				return nil, fmt.Errorf("%s 有超过 %d 个单元格，不像是一张表格模板：%w", name, maxCells, ErrFormat)
			}
			out = append(out, token{text: cell, where: fmt.Sprintf("第 %d 行", line)})
		}
	}
}

func workbookTokens(name string, data []byte) ([]token, error) {
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped / 4})
	if err != nil {
		return nil, fmt.Errorf("%s 不是可以读取的 Excel 工作簿（%v）：%w", name, err, ErrFormat)
	}
	defer wb.Close()
	var out []token
	for _, sh := range wb.GetSheetList() {
		if visible, err := wb.GetSheetVisible(sh); err == nil && !visible {
			continue
		}
		rows, err := wb.GetRows(sh)
		if err != nil {
			return nil, fmt.Errorf("%s 工作表“%s”无法读取：%w", name, sh, err)
		}
		for r, row := range rows {
			if visible, err := wb.GetRowVisible(sh, r+1); err == nil && !visible {
				continue
			}
			for c, cell := range row {
				cell = cleanSpaces(cell)
				if cell == "" {
					continue
				}
				if len(out) >= maxCells {
					return nil, fmt.Errorf("%s 的非空单元格超过 %d 个，不像是一张表格模板：%w", name, maxCells, ErrFormat)
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				out = append(out, token{text: cell, where: fmt.Sprintf("工作表“%s”%s 单元格", sh, ref)})
			}
		}
	}
	return out, nil
}

func textTokens(text string) ([]token, error) {
	var out []token
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = checkboxes.Replace(line)
		line = markup.ReplaceAllString(line, "")
		for _, cell := range strings.FieldsFunc(line, func(r rune) bool { return r == '\t' || r == '|' || r == '\r' }) {
			cell = cleanSpaces(cell)
			if cell == "" {
				continue
			}
			if len(out) >= maxCells {
				return nil, fmt.Errorf("文本有超过 %d 个单元格，不像是一张表格模板：%w", maxCells, ErrFormat)
			}
			out = append(out, token{text: cell, where: fmt.Sprintf("第 %d 行", i+1)})
		}
	}
	return out, nil
}

var (
	// checkboxes are the check boxes of a form saved as HTML and then as
	// text (seed 002): ticked and not.
	checkboxes = strings.NewReplacer(`<input checked="" type="checkbox"/>`, "☑", `<input type="checkbox"/>`, "□",
		`<input type="checkbox" checked/>`, "☑", `<input type="checkbox" checked="checked"/>`, "☑")
	// markup is any other HTML tag.
	markup = regexp.MustCompile(`<[a-zA-Z/][^<>]*>`)
)

// cleanSpaces trims a cell and drops the spaces a PDF's extraction puts
// beside Chinese characters (不超过 40 人, 机构 和 人 员 规 模), keeping one
// space between other words.
func cleanSpaces(s string) string {
	words := strings.Fields(s)
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(words[i-1])
			next, _ := utf8.DecodeRuneInString(w)
			if !wide(prev) && !wide(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// wide reports whether r is a Chinese character or full-width punctuation,
// beside which the forms put no spaces.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '★' || r == '▲' || r == '☑' || r == '□'
}

// decodeText reads UTF-8 (with or without a byte order mark), UTF-16 with
// one, or GB18030/GBK, the encoding Notepad on a Chinese Windows saves.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return string(data[3:]), nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("UTF-16 文本无法解码：%w", ErrFormat)
		}
		return string(out), nil
	case utf8.Valid(data):
		if bytes.IndexByte(data, 0) >= 0 {
			return "", fmt.Errorf("文件含有二进制内容，不是文本或 Excel 表格：%w", ErrFormat)
		}
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.IndexByte(out, 0) >= 0 {
		return "", fmt.Errorf("文件既不是 UTF-8 也不是 GBK 编码的文本，也不是 Excel 表格：%w", ErrFormat)
	}
	return string(out), nil
}
