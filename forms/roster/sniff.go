package roster

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Format is the kind of file a roster came in.
type Format string

// Formats import reads.
const (
	FormatXLSX Format = "xlsx" // Excel workbook (.xlsx, .xlsm)
	FormatCSV  Format = "csv"  // comma-separated text
	FormatTSV  Format = "tsv"  // tab-separated text, as pasted from a document
)

var (
	zipMagic = []byte("PK\x03\x04")
	zipEmpty = []byte("PK\x05\x06")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// sniffed is what the content of a file says it is.
type sniffed struct {
	format Format
	// encrypted is set for an OLE file holding an encrypted OOXML package.
	encrypted bool
	// misnamed is set for text whose name says it is a workbook.
	misnamed bool
}

// workbookExt lists the extensions of Office Open XML workbooks, which are
// zip packages.
var workbookExt = map[string]bool{".xlsx": true, ".xlsm": true, ".xltx": true, ".xltm": true}

// notAZip is the error for a file named as a workbook whose content is not
// a zip package; cause is the error reading it as text, if it was tried.
func notAZip(ext string, cause error) error {
	return fileErr(ErrDamaged, cause,
		"文件扩展名是 %s，但内容不是 Excel 工作簿（%s 文件是 zip 压缩格式，这个文件不是）。文件可能已损坏，或是被改了扩展名的其他文件：请重新获取原文件；如果它其实是 CSV 或文本文件，请把扩展名改为 .csv 再导入", ext, ext)
}

// sniff tells from a file's content what it is. The name's extension only
// words the message for files import cannot read. limit caps the
// uncompressed size of a workbook.
func sniff(data []byte, name string, limit int64) (sniffed, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if len(bytes.TrimSpace(data)) == 0 {
		return sniffed{}, fileErr(ErrEmpty, nil, "文件是空的，没有可导入的名单")
	}
	switch {
	case bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, zipEmpty):
		return sniffZip(data, ext, limit)
	case bytes.HasPrefix(data, oleMagic):
		return sniffOLE(data, ext)
	case bytes.HasPrefix(data, []byte("%PDF")):
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是 PDF 文件，无法直接导入。请在 PDF 中选中名单表格复制，粘贴到 Excel 或 WPS 表格中整理后另存为 .xlsx 再导入")
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是 RTF 文档，不是表格。请把其中的名单表格复制到 Excel 或 WPS 表格中，另存为 .xlsx 后再导入")
	case bytes.HasPrefix(data, []byte("\x89PNG")), bytes.HasPrefix(data, []byte("\xff\xd8\xff")),
		bytes.HasPrefix(data, []byte("GIF8")), bytes.HasPrefix(data, []byte("BM")) && ext == ".bmp":
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是图片文件，无法读取其中的文字。请把名单录入 Excel 或 WPS 表格并另存为 .xlsx 后再导入")
	case bytes.HasPrefix(data, []byte("Rar!")), bytes.HasPrefix(data, []byte("7z\xbc\xaf")),
		bytes.HasPrefix(data, []byte("\x1f\x8b")):
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是压缩包，不是表格。请先解压，再导入其中的 .xlsx 或 .csv 名单")
	}
	head := data[:min(len(data), 4096)]
	if looksLikeMarkup(head) {
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是网页或 XML 格式的文件（可能是旧版 Excel 另存的“XML 表格”或“网页”），无法直接导入。%s", saveAsXLSX)
	}
	if isBinary(head) {
		if workbookExt[ext] {
			return sniffed{}, notAZip(ext, nil)
		}
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"无法识别的文件格式（不是 Excel 表格，也不是文本）。%s", saveAsXLSX)
	}
	// Text; the delimiter is decided when reading. Text named .xlsx is
	// read as text, and if that fails, the message says it is no workbook.
	return sniffed{format: FormatCSV, misnamed: workbookExt[ext]}, nil
}

// sniffZip tells an Excel workbook from other zip packages.
func sniffZip(data []byte, ext string, limit int64) (sniffed, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return sniffed{}, fileErr(ErrDamaged, err,
			"文件不完整或已损坏（可能下载或拷贝时被截断），无法打开。请重新获取原文件，或在 Excel 中打开后另存为 .xlsx 再导入")
	}
	var total uint64
	has := func(prefix string) bool {
		for _, f := range zr.File {
			if strings.HasPrefix(strings.ToLower(f.Name), prefix) {
				return true
			}
		}
		return false
	}
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	switch {
	case has("xl/workbook.bin"):
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是 Excel 二进制工作簿（.xlsb），无法直接导入。%s", saveAsXLSX)
	case has("xl/"):
		if total > uint64(limit) {
			return sniffed{}, fileErr(ErrTooLarge, nil,
				"工作簿解压后有 %s，超过导入上限 %s。名单不应这么大：请只保留名单工作表，删除图片和其他工作表后再导入",
				byteSize(int64(min(total, 1<<62))), byteSize(limit))
		}
		if err := checkZipEntries(zr); err != nil {
			var fe *FileError
			if errors.As(err, &fe) {
				return sniffed{}, fe
			}
			return sniffed{}, fileErr(ErrDamaged, err, "%s", msgIncomplete)
		}
		return sniffed{format: FormatXLSX}, nil
	case has("word/"):
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是 Word 文档（.docx），不是表格。请在 Word 中选中名单表格复制，粘贴到 Excel 或 WPS 表格中，另存为 .xlsx 后再导入（也可以直接把表格粘贴到导入窗口）")
	case has("ppt/"):
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是 PowerPoint 演示文稿，不是表格。请把名单整理到 Excel 或 WPS 表格中，另存为 .xlsx 后再导入")
	case has("content.xml") || has("mimetype"):
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是 OpenDocument 文件（如 .ods/.odt），无法直接导入。%s", saveAsXLSX)
	}
	return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
		"这是一个压缩包（%s），不是 Excel 表格。请先解压，再导入其中的 .xlsx 或 .csv 名单", extOr(ext, "zip"))
}

// checkZipEntries reads every entry of a workbook's package to its end.
// excelize ignores read errors and keeps what it got, so a part that is
// shorter than its header says, or whose checksum is wrong, would import
// half its rows without a word; here it is an error. The sizes were checked
// against the import limit before, and a reader stops at the declared size.
func checkZipEntries(zr *zip.Reader) error {
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("opening %s: %w", f.Name, err)
		}
		var sst bytes.Buffer
		var dst io.Writer = io.Discard
		isSST := strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), "xl/sharedStrings.xml")
		if isSST {
			dst = &sst
		}
		_, err = io.Copy(dst, rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("reading %s: %w", f.Name, err)
		}
		if isSST && countElements(sst.Bytes(), "si") > maxSharedStrings {
			return fileErr(ErrTooLarge, nil,
				"工作簿中有超过 %d 个不同的文字，名单不应这么大。请只保留名单工作表，另存为 .xlsx 后再导入", maxSharedStrings)
		}
	}
	return nil
}

// maxSharedStrings caps the distinct texts of a workbook: excelize holds
// each in a structure of over a hundred bytes, so that a table of tiny
// strings filling the size limit would take most of a gigabyte. A roster of
// DefaultMaxRows rows of a dozen columns has at most 240,000.
const maxSharedStrings = 400000

// countElements counts the start tags of the element local (with or without
// a namespace prefix) in XML.
func countElements(xml []byte, local string) int {
	n := 0
	for i := 0; ; {
		j := bytes.IndexByte(xml[i:], '<')
		if j < 0 {
			return n
		}
		i += j + 1
		name := xml[i:]
		if k := bytes.IndexAny(name[:min(len(name), 64)], ": \t\r\n/>"); k >= 0 && name[k] == ':' {
			name = name[k+1:]
		}
		if bytes.HasPrefix(name, []byte(local)) && len(name) > len(local) && bytes.IndexByte([]byte(" \t\r\n/>"), name[len(local)]) >= 0 {
			n++
		}
	}
}

// sniffOLE tells the kinds of OLE compound files apart: an encrypted
// workbook, an Excel 97–2003 .xls or WPS .et workbook, a Word .doc or WPS
// .wps document. A damaged compound file is told by its extension alone:
// none of them can be imported, and the advice is the same.
func sniffOLE(data []byte, ext string) (sniffed, error) {
	entries, err := readOLEDirectory(data)
	if err != nil {
		return sniffed{}, damagedOLE(ext, err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		names[e.name] = true
	}
	switch {
	case names["EncryptedPackage"] || names["EncryptionInfo"]:
		return sniffed{format: FormatXLSX, encrypted: true}, nil
	case names["Workbook"] || names["Book"]:
		if ext == ".et" || ext == ".ett" {
			return sniffed{}, fileErr(ErrUnsupportedFormat, nil, msgET)
		}
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil, msgXLS, saveAsXLSX)
	case names["WordDocument"]:
		kind := "Word 97-2003 文档（.doc）"
		if ext == ".wps" {
			kind = "WPS 文字文档（.wps）"
		}
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil, msgDOC, kind)
	case names["PowerPoint Document"]:
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil, msgPPT)
	}
	if ext == ".et" || ext == ".wps" {
		return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
			"这是 WPS 的专有格式文件（%s），无法直接导入。%s", ext, saveAsXLSX)
	}
	return sniffed{}, fileErr(ErrUnsupportedFormat, nil,
		"这是 Office 97-2003 格式的文件，不是 .xlsx 工作簿。%s", saveAsXLSX)
}

// Messages for the kinds of OLE files.
const (
	msgXLS = "这是旧版 Excel 97-2003 工作簿（.xls），无法直接导入。%s"
	msgET  = "这是 WPS 表格文件（.et），无法直接导入。请在 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再导入"
	msgDOC = "这是 %s，不是表格。请在 Word 或 WPS 中选中名单表格复制，粘贴到 Excel 或 WPS 表格中，另存为 .xlsx 后再导入（也可以直接把表格粘贴到导入窗口）"
	msgPPT = "这是 PowerPoint 97-2003 演示文稿，不是表格。请把名单整理到 Excel 或 WPS 表格中，另存为 .xlsx 后再导入"
)

// damagedOLE is the error for a compound file whose structure does not
// hold. It wraps both ErrUnsupportedFormat and ErrDamaged, and names the
// kind of file its extension says, since that is what the user knows it
// as.
func damagedOLE(ext string, cause error) error {
	kinds := map[string]string{
		".xls": "旧版 Excel 97-2003 工作簿（.xls）", ".xlt": "旧版 Excel 97-2003 模板（.xlt）",
		".et": "WPS 表格文件（.et）", ".ett": "WPS 表格模板（.ett）",
		".doc": "Word 97-2003 文档（.doc）", ".wps": "WPS 文字文档（.wps）",
		".ppt": "PowerPoint 97-2003 演示文稿（.ppt）",
	}
	kind, ok := kinds[ext]
	if !ok {
		kind = "Office 97-2003 格式的文件（或加密的工作簿）"
	}
	return &FileError{
		Err: fmt.Errorf("%w: %w: %w", ErrUnsupportedFormat, ErrDamaged, cause),
		Msg: fmt.Sprintf("这是%s，无法直接导入，而且文件不完整或已损坏（可能下载或拷贝时被截断）。请重新获取原文件，在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入", kind),
	}
}

// looksLikeMarkup reports whether text starts like HTML or XML.
func looksLikeMarkup(head []byte) bool {
	t := bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))))
	for _, p := range []string{"<?xml", "<html", "<!doctype", "<table", "mime-version:"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return true
		}
	}
	return false
}

// isBinary reports whether data is not text: it holds NUL bytes (outside
// UTF-16) or many control characters.
func isBinary(head []byte) bool {
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return false
	}
	ctrl := 0
	for _, b := range head {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(head) || (!utf8.Valid(head) && ctrl > 8)
}

func extOr(ext, def string) string {
	if ext == "" {
		return "." + def
	}
	return ext
}

// byteSize formats a size for messages: 12.5 MB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}
