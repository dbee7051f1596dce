package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Text encodings import detects.
const (
	EncodingUTF8    = "UTF-8"
	EncodingUTF8BOM = "UTF-8（带 BOM）"
	EncodingUTF16   = "UTF-16"
	EncodingGB18030 = "GB18030/GBK"
	// EncodingGBKWrongBOM is GBK text behind a UTF-8 byte-order mark.
	EncodingGBKWrongBOM = "GB18030/GBK（文件开头误标为 UTF-8）"
)

// decodeText turns the bytes of a text file into a string: UTF-8 with or
// without a byte order mark, UTF-16 with one (Excel's “Unicode 文本”), or
// else GB18030, the superset of the GBK that Excel writes on a Chinese
// Windows machine.
func decodeText(data []byte) (string, string, error) {
	var dec *encoding.Decoder
	name := ""
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) && utf8.Valid(data[3:]):
		return string(data[3:]), EncodingUTF8BOM, nil
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		// A UTF-8 mark in front of GBK text, as some tools write it.
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data[3:])
		if err != nil || !plausibleChinese(out) {
			return "", "", fileErr(ErrUnsupportedFormat, err,
				"文件开头标明是 UTF-8 编码，但内容不是 UTF-8，也不像 GBK 编码的中文文本，无法读取。%s", saveAsXLSX)
		}
		return string(out), EncodingGBKWrongBOM, nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		dec, name = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder(), EncodingUTF16
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		dec, name = unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder(), EncodingUTF16
	case utf8.Valid(data):
		return string(data), EncodingUTF8, nil
	default:
		dec, name = simplifiedchinese.GB18030.NewDecoder(), EncodingGB18030
	}
	out, err := dec.Bytes(data)
	if err != nil {
		return "", "", fileErr(ErrUnsupportedFormat, err,
			"文本文件的编码无法识别（不是 UTF-8、GBK 或 UTF-16）。请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入")
	}
	if name == EncodingGB18030 && !plausibleChinese(out) {
		return "", "", fileErr(ErrUnsupportedFormat, nil,
			"文件内容既不是 UTF-8 也不像 GBK 编码的中文文本，可能不是表格文件。%s", saveAsXLSX)
	}
	return string(out), name, nil
}

// plausibleChinese reports whether decoded GB18030 text is mostly common
// characters rather than the rare ones that binary junk decodes to.
func plausibleChinese(b []byte) bool {
	rare, total := 0, 0
	for _, r := range string(b) {
		total++
		if r == utf8.RuneError || (r >= 0x80 && r < 0x2000) || (r >= 0xE000 && r < 0xF900) || r >= 0x10000 {
			rare++
		}
	}
	return rare*10 <= total
}

// delimiter chooses between tab (pasted from a document, or Excel's
// “文本文件(制表符分隔)”) and comma (CSV) by counting both in the first
// lines.
func delimiter(text string) (rune, Format) {
	tabs, commas := 0, 0
	for i, line := range strings.SplitN(text, "\n", 30) {
		if i == 29 {
			break
		}
		tabs += strings.Count(line, "\t")
		commas += strings.Count(line, ",")
	}
	if tabs > 0 && tabs*2 >= commas {
		return '\t', FormatTSV
	}
	return ',', FormatCSV
}

// maxTextFields caps the cells of one line of text: Excel has 16,384
// columns and saves no more. A line of a million commas would make the CSV
// reader allocate a cell for each.
const maxTextFields = 16384

// readText splits decoded text into rows of cells. Quoted cells may hold
// line breaks (as Excel writes them); a stray quote is kept as text. Row
// i holds the record that starts on line i+1, blank lines giving empty
// rows. maxRows caps the number of rows, blank or not; a row keeps only the
// columns a roster can use.
func readText(text string, comma rune, maxRows int) ([][]string, error) {
	if err := checkLines(text, comma); err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				// csv.Reader does not stop on a bad line; the record is
				// still returned when possible. Keep whatever came.
				if rec == nil {
					continue
				}
			} else {
				return nil, err
			}
		}
		// encoding/csv skips blank lines; put them back so that a row's
		// index is its line in the file, as Excel would number it.
		line, _ := r.FieldPos(0)
		if line > maxRows || len(rows) >= maxRows {
			return nil, tooManyRows(maxRows)
		}
		for len(rows) < line-1 {
			rows = append(rows, nil)
		}
		row := keepColumns(rec)
		if err := checkCells(row, line); err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
}

// maxLineBytes caps the length of a line of text: a roster's line is a
// few hundred bytes, and the CSV reader holds a line several times over.
const maxLineBytes = 1 << 20

// checkLines refuses text with a line longer than maxLineBytes or with
// more than maxTextFields separators. Separators in quoted cells count
// too: a roster has none that long.
func checkLines(text string, comma rune) error {
	line, n, start := 1, 0, 0
	for i, c := range text {
		switch c {
		case '\n':
			line, n, start = line+1, 0, i+1
		case comma:
			if n++; n >= maxTextFields {
				return fileErr(ErrTooLarge, nil,
					"第 %d 行有超过 %d 列，这不是名单。请确认选择了正确的文件", line, maxTextFields)
			}
		}
		if i-start > maxLineBytes {
			return fileErr(ErrTooLarge, nil,
				"第 %d 行超过 %s，这不是名单。请确认选择了正确的文件", line, byteSize(maxLineBytes))
		}
	}
	return nil
}

func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
