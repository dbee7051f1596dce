package roster

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheet is the cells of one worksheet as text, the way Excel shows them,
// with merged ranges filled from their top-left cell.
type sheet struct {
	name string
	rows [][]string
	// hidden marks the rows and columns hidden in Excel.
	hidden hiddenCells
}

// hiddenCells are the 0-based rows and columns of a sheet hidden in Excel.
type hiddenCells struct {
	rows, cols map[int]bool
}

// row and col report whether a 0-based row or column is hidden.
func (h *hiddenCells) row(i int) bool { return h != nil && h.rows[i] }
func (h *hiddenCells) col(i int) bool { return h != nil && h.cols[i] }

// openWorkbook opens an .xlsx/.xlsm file; password opens an encrypted one.
func openWorkbook(data []byte, s sniffed, opt *Options) (*excelize.File, error) {
	if s.encrypted && opt.Password == "" {
		return nil, fileErr(ErrPasswordRequired, nil, "工作簿设置了打开密码，请输入密码后再导入")
	}
	if s.encrypted {
		// Decrypted here rather than by excelize, so that the package
		// inside gets the checks of any other workbook: its size, every
		// entry read to its end, its shared strings.
		plain, err := decryptWorkbook(data, opt.Password)
		if err != nil {
			return nil, err
		}
		inner, err := sniff(plain, ".xlsx", opt.MaxBytes)
		if err != nil {
			return nil, err
		}
		if inner.format != FormatXLSX || inner.encrypted {
			return nil, fileErr(ErrDamaged, nil, "加密的工作簿中不是 Excel 工作簿，无法导入")
		}
		data, s = plain, inner
	}
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    opt.MaxBytes,
		UnzipXMLSizeLimit: opt.MaxBytes,
		// Built-in date formats 27–36 and 50–58 show as on a Chinese
		// Excel (3月12日), not as serial numbers.
		CultureInfo: excelize.CultureNameZhCN,
	})
	if err != nil {
		if wb != nil {
			wb.Close()
		}
		return nil, fileErr(ErrDamaged, err,
			"工作簿已损坏或不完整，无法读取。请在 Excel 或 WPS 中打开并重新另存为 .xlsx 后再导入")
	}
	return wb, nil
}

// decryptWorkbook opens the OLE envelope of an encrypted workbook with the
// password. A wrong password decrypts to bytes that are not a zip package.
func decryptWorkbook(data []byte, password string) ([]byte, error) {
	plain, err := excelize.Decrypt(data, &excelize.Options{Password: password})
	if err == nil && !bytes.HasPrefix(plain, zipMagic) {
		err = errors.New("decrypted content is not a zip package")
	}
	if err != nil {
		return nil, fileErr(ErrWrongPassword, err, "密码不正确，无法打开工作簿，请重新输入")
	}
	return plain, nil
}

// sheetNames lists the visible worksheets of a workbook, or all of them
// when named is among the hidden ones.
func sheetNames(wb *excelize.File, named string) []string {
	var out []string
	for _, name := range wb.GetSheetList() {
		if name != named {
			if visible, err := wb.GetSheetVisible(name); err == nil && !visible {
				continue
			}
		}
		out = append(out, name)
	}
	return out
}

// readSheet reads up to limit rows of a worksheet (limit < 0: all, capped
// at maxRows rows) and fills merged ranges. Every row read counts against
// maxRows, blank or not, and a row keeps only the columns a roster can use
// (maxHeaderColumns), in a slice of its own: a sheet whose rows hold a value
// only in the last column (XFD) costs no more than a blank one.
func readSheet(wb *excelize.File, name string, limit, maxRows int, paths map[string]string) (*sheet, error) {
	if raw := sheetPart(wb, name, paths); raw != nil {
		if !partComplete(raw, "worksheet") {
			return nil, fileErr(ErrDamaged, nil, "工作表「%s」%s", name, msgIncomplete)
		}
		// excelize pads a row to its last cell, one empty string at a time:
		// a row with a value in column XFD costs 16,384 of them. Cells
		// past the columns a roster can use are dropped before it reads.
		if trimmed, ok := dropFarCells(raw, maxHeaderColumns); ok {
			wb.Pkg.Store(paths[name], trimmed)
		}
	}
	it, err := wb.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("opening sheet %q: %w", name, err)
	}
	defer it.Close()
	sh := &sheet{name: name}
	for it.Next() {
		if limit >= 0 && len(sh.rows) >= limit {
			break
		}
		if len(sh.rows) >= maxRows {
			return nil, tooManyRows(maxRows)
		}
		hiddenRow := it.GetRowOpts().Hidden
		cols, err := it.Columns()
		if err != nil {
			return nil, fmt.Errorf("reading sheet %q row %d: %w", name, len(sh.rows)+1, err)
		}
		if hiddenRow && len(cols) > 0 {
			if sh.hidden.rows == nil {
				sh.hidden.rows = map[int]bool{}
			}
			sh.hidden.rows[len(sh.rows)] = true
		}
		row := keepColumns(cols)
		if err := checkCells(row, len(sh.rows)+1); err != nil {
			return nil, err
		}
		sh.rows = append(sh.rows, row)
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("reading sheet %q: %w", name, err)
	}
	merges, err := mergedRanges(wb, name, paths)
	if err != nil {
		return nil, err
	}
	fillMerges(sh.rows, merges)
	sh.hidden.cols = hiddenColumns(wb, name, paths)
	return sh, nil
}

// hiddenColumns lists the 0-based columns a worksheet hides, from the
// <col hidden="1"> elements before its data.
func hiddenColumns(wb *excelize.File, name string, paths map[string]string) map[int]bool {
	raw := sheetPart(wb, name, paths)
	if i := bytes.Index(raw, []byte("sheetData")); i >= 0 {
		raw = raw[:i]
	}
	var out map[int]bool
	eachTag(raw, "<col ", func(tag []byte) bool {
		if h, _ := xmlAttr(tag, "hidden"); h != "1" && h != "true" {
			return true
		}
		lo, hi := xmlIntAttr(tag, "min"), xmlIntAttr(tag, "max")
		if lo < 1 {
			return true
		}
		for c := lo; c <= hi && c <= maxHeaderColumns; c++ {
			if out == nil {
				out = map[int]bool{}
			}
			out[c-1] = true
		}
		return true
	})
	return out
}

// eachTag calls fn with the attribute text of each element of raw that
// begins with open ("<col ", "mergeCell ", with or without a namespace
// prefix before it), in order, until fn returns false. It reads the bytes
// as they are, so that a sheet is scanned without being parsed as a whole.
func eachTag(raw []byte, open string, fn func(tag []byte) bool) {
	for {
		j := bytes.Index(raw, []byte(open))
		if j < 0 {
			return
		}
		raw = raw[j+len(open):]
		end := bytes.IndexByte(raw, '>')
		if end < 0 || !fn(raw[:end]) {
			return
		}
		raw = raw[end:]
	}
}

// xmlAttr reads an attribute of an element's attribute text.
func xmlAttr(tag []byte, attr string) (string, bool) {
	k := bytes.Index(tag, []byte(" "+attr+`="`))
	switch {
	case k >= 0:
		k++
	case bytes.HasPrefix(tag, []byte(attr+`="`)):
		k = 0
	default:
		return "", false
	}
	v := tag[k+len(attr)+2:]
	q := bytes.IndexByte(v, '"')
	if q < 0 {
		return "", false
	}
	return string(v[:q]), true
}

// xmlIntAttr reads a whole-number attribute of an element's attribute
// text; 0 when it is missing or not a whole number below 2^20.
func xmlIntAttr(tag []byte, attr string) int {
	v, _ := xmlAttr(tag, attr)
	n := 0
	for i := 0; i < len(v) && v[i] >= '0' && v[i] <= '9' && n < 1<<20; i++ {
		n = n*10 + int(v[i]-'0')
	}
	return n
}

// keepColumns copies the first maxHeaderColumns cells of a row, without
// trailing empty ones, so that the row does not hold on to the rest.
func keepColumns(cols []string) []string {
	n := min(len(cols), maxHeaderColumns)
	for n > 0 && cols[n-1] == "" {
		n--
	}
	if n == 0 {
		return nil
	}
	return append([]string(nil), cols[:n]...)
}

// dropFarCells removes from a worksheet's XML the cells whose reference
// (r="XFD9") puts them past column maxCol. It reports whether it removed
// any; if not, the part is left as it is.
func dropFarCells(raw []byte, maxCol int) ([]byte, bool) {
	start := bytes.Index(raw, []byte("sheetData"))
	end := bytes.LastIndex(raw, []byte("sheetData"))
	if start < 0 || end <= start {
		return nil, false
	}
	var out []byte
	copied := 0 // raw[:copied] is in out, or nothing was removed yet
	for i := start; i < end; {
		j := bytes.IndexByte(raw[i:end], '<')
		if j < 0 {
			break
		}
		lt := i + j
		tagEnd := bytes.IndexByte(raw[lt:end], '>')
		if tagEnd < 0 {
			break
		}
		tagEnd += lt
		i = tagEnd + 1
		name := raw[lt+1 : tagEnd]
		if k := bytes.IndexAny(name, " \t\r\n/"); k >= 0 {
			name = name[:k]
		}
		local := name
		if k := bytes.IndexByte(local, ':'); k >= 0 {
			local = local[k+1:]
		}
		if string(local) != "c" || cellColumn(raw[lt:tagEnd]) <= maxCol {
			continue
		}
		cellEnd := tagEnd + 1
		if raw[tagEnd-1] != '/' {
			closing := append(append([]byte("</"), name...), '>')
			k := bytes.Index(raw[tagEnd:end], closing)
			if k < 0 {
				break
			}
			cellEnd = tagEnd + k + len(closing)
		}
		out = append(out, raw[copied:lt]...)
		copied, i = cellEnd, cellEnd
	}
	if out == nil {
		return nil, false
	}
	return append(out, raw[copied:]...), true
}

// cellColumn returns the 1-based column of a cell's start tag from its r
// attribute, or 0 when it has none.
func cellColumn(tag []byte) int {
	for k := 0; ; {
		j := bytes.Index(tag[k:], []byte(`r="`))
		if j < 0 {
			return 0
		}
		k += j
		if k > 0 && (tag[k-1] == ' ' || tag[k-1] == '\t' || tag[k-1] == '\n' || tag[k-1] == '\r') {
			col := 0
			for _, ch := range tag[k+3:] {
				switch {
				case ch >= 'A' && ch <= 'Z':
					col = col*26 + int(ch-'A'+1)
				case ch >= 'a' && ch <= 'z':
					col = col*26 + int(ch-'a'+1)
				default:
					return col
				}
				if col > 1<<20 {
					return col
				}
			}
			return col
		}
		k += 3
	}
}

// maxCellChars is Excel's limit on the characters of a cell. A longer
// "cell" is not a roster's: a stray quote in a text file, or a file built
// to exhaust memory.
const maxCellChars = 32767

// checkCells refuses a row (the 1-based row) with a cell over maxCellChars.
func checkCells(row []string, n int) error {
	for i, c := range row {
		if len(c) > maxCellChars && utf8.RuneCountInString(c) > maxCellChars {
			return fileErr(ErrTooLarge, nil,
				"第 %d 行 %s 列的内容超过 %d 个字符（Excel 单元格的上限），这不是名单。如果是文本文件，可能有不成对的引号",
				n, columnLetter(i), maxCellChars)
		}
	}
	return nil
}

// msgIncomplete is the message for a workbook that cannot be read to its
// end.
const msgIncomplete = "文件不完整或已损坏（可能下载或拷贝时被截断），没有导入任何内容。请重新获取原文件，或在 Excel 或 WPS 中打开后另存为 .xlsx 再导入"

// sheetPart returns the XML of a worksheet as stored in the package, or nil
// when it cannot be found.
func sheetPart(wb *excelize.File, name string, paths map[string]string) []byte {
	if p, ok := paths[name]; ok {
		if v, ok := wb.Pkg.Load(p); ok {
			raw, _ := v.([]byte)
			return raw
		}
	}
	return nil
}

// partComplete reports whether an XML part ends with the end tag of its
// root element (with or without a namespace prefix): excelize stops
// reading a sheet without a word at the first broken or missing byte, so a
// sheet cut short would otherwise read as a shorter sheet.
func partComplete(raw []byte, root string) bool {
	raw = bytes.TrimRight(raw, " \t\r\n\x00")
	if !bytes.HasSuffix(raw, []byte(root+">")) {
		return false
	}
	i := bytes.LastIndex(raw, []byte("</"))
	if i < 0 {
		return false
	}
	tag := string(raw[i+2 : len(raw)-1])
	if _, local, ok := strings.Cut(tag, ":"); ok {
		tag = local
	}
	return tag == root
}

// cellRange is a merged range, 0-based and inclusive.
type cellRange struct{ r0, c0, r1, c1 int }

// maxMergeWork caps the cells fillMerges visits, against a file with a
// great many large merged ranges; a roster has a handful.
const maxMergeWork = 4 << 20

// fillMerges copies the top-left value of every merged range into the
// range's other cells, within the rows and columns read.
func fillMerges(rows [][]string, merges []cellRange) {
	work := 0
	for _, m := range merges {
		if m.r0 >= len(rows) || m.c0 >= len(rows[m.r0]) || m.c0 >= maxHeaderColumns {
			continue
		}
		v := rows[m.r0][m.c0]
		if v == "" {
			continue
		}
		for r := m.r0; r <= m.r1 && r < len(rows); r++ {
			for c := m.c0; c <= m.c1 && c < maxHeaderColumns; c++ {
				if work++; work > maxMergeWork {
					return
				}
				if r == m.r0 && c == m.c0 {
					continue
				}
				for len(rows[r]) <= c {
					rows[r] = append(rows[r], "")
				}
				if rows[r][c] == "" {
					rows[r][c] = v
				}
			}
		}
	}
}

// worksheetPaths maps sheet names to their part names in the package, read
// from the workbook's relationships.
func worksheetPaths(wb *excelize.File) map[string]string {
	load := func(name string) []byte {
		if v, ok := wb.Pkg.Load(name); ok {
			if b, ok := v.([]byte); ok {
				return b
			}
		}
		return nil
	}
	type rel struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
		Type   string `xml:"Type,attr"`
	}
	type rels struct {
		Rels []rel `xml:"Relationship"`
	}
	wbPath := "xl/workbook.xml"
	var root rels
	if xml.Unmarshal(load("_rels/.rels"), &root) == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if xml.Unmarshal(load(wbPath), &book) != nil {
		return nil
	}
	dir := path.Dir(wbPath)
	var wbRels rels
	if xml.Unmarshal(load(path.Join(dir, "_rels", path.Base(wbPath)+".rels")), &wbRels) != nil {
		return nil
	}
	out := map[string]string{}
	for _, s := range book.Sheets {
		for _, r := range wbRels.Rels {
			if r.ID == s.ID {
				if strings.HasPrefix(r.Target, "/") {
					out[s.Name] = strings.TrimPrefix(r.Target, "/")
				} else {
					out[s.Name] = path.Join(dir, r.Target)
				}
			}
		}
	}
	return out
}

// mergedRanges lists a worksheet's merged ranges. It scans the sheet's XML
// for <mergeCell ref="…"/> instead of asking excelize, which would decode
// the whole sheet a second time; when the part cannot be found it falls
// back to excelize.
func mergedRanges(wb *excelize.File, name string, paths map[string]string) ([]cellRange, error) {
	raw := sheetPart(wb, name, paths)
	var refs []string
	if raw != nil {
		refs = scanMergeRefs(raw)
		if len(refs) > maxMerges {
			return nil, fileErr(ErrTooLarge, nil,
				"有超过 %d 个合并单元格，这不是名单。请确认选择了正确的文件或工作表", maxMerges)
		}
	} else {
		mc, err := wb.GetMergeCells(name, true)
		if err != nil {
			return nil, fmt.Errorf("reading merged cells of sheet %q: %w", name, err)
		}
		for _, m := range mc {
			refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
		}
	}
	var out []cellRange
	for _, ref := range refs {
		a, b, _ := strings.Cut(ref, ":")
		if b == "" {
			b = a
		}
		c0, r0, err1 := excelize.CellNameToCoordinates(a)
		c1, r1, err2 := excelize.CellNameToCoordinates(b)
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, cellRange{r0: min(r0, r1) - 1, c0: min(c0, c1) - 1, r1: max(r0, r1) - 1, c1: max(c0, c1) - 1})
	}
	return out, nil
}

// maxMerges caps the merged ranges of a sheet: a roster has a handful.
const maxMerges = 100000

// scanMergeRefs finds the ref attributes of the mergeCell elements of a
// worksheet part, stopping after maxMerges+1.
func scanMergeRefs(raw []byte) []string {
	i := bytes.LastIndex(raw, []byte("sheetData>"))
	if i < 0 {
		i = 0
	}
	raw = raw[i:]
	var refs []string
	eachTag(raw, "mergeCell ", func(tag []byte) bool {
		if ref, ok := xmlAttr(tag, "ref"); ok {
			refs = append(refs, ref)
		}
		return len(refs) <= maxMerges
	})
	return refs
}

// isExcelizeSheetMissing reports whether err says a sheet does not exist.
func isExcelizeSheetMissing(err error) bool {
	var missing excelize.ErrSheetNotExist
	return errors.As(err, &missing)
}
