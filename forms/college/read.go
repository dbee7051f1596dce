package college

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sureform/forms/fsmessage"
	"time"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
	"sureform/forms/roster"
)

// maxSheetRows caps the rows read of the 基本情况 and 自评 sheets; both have
// a few dozen.
const maxSheetRows = 500

// scanRows is how many rows of each sheet tell what the sheet is.
const scanRows = 30

// maxColumns caps the columns read of those sheets.
const maxColumns = 40

// maxWorkbookBytes caps a college workbook's size and the uncompressed size
// of its parts: a filled one with a few hundred members is far smaller.
const maxWorkbookBytes = 8 << 20

// ErrNotCollegeWorkbook is wrapped by the error for a workbook that has
// neither a 基本情况 nor a 自评 sheet.
var ErrNotCollegeWorkbook = errors.New("not a college workbook")

// Preview is one filled college workbook as read, before anything changes:
// the union's data, where each problem is, what its data decides and what
// applying it will change.
type Preview struct {
	// File is the workbook's base name.
	File string
	// Name is the union's name as the workbook gives it.
	Name string
	// Union is the union's data as it will be in the filing.
	Union forms.CollegeUnion
	// Target is the index of the filing's union it replaces; -1 when the
	// union is new to the filing.
	Target int
	// Rows are the roster's rows with where each came from.
	Rows []roster.Row
	// Problems lists what could not be read, or was read with a guess, with
	// its sheet, row and column.
	Problems []roster.Problem
	// Derived is what the union's data decides about each item.
	Derived forms.CollegeDerived
	// Filled lists the items the college left blank that its data decides;
	// their answers come from the data.
	Filled []string
	// Kept lists the items the college left blank that its data does not
	// decide and the filing already answers; those answers stay.
	Kept []string
	// Changes says in Chinese what applying the preview changes in the
	// filing, one line each.
	Changes []string
}

// ErrorCount is the number of problems that left a value unknown.
func (p *Preview) ErrorCount() int { return roster.CountErrors(p.Problems) }

// WorkbooksIn lists the workbooks (.xlsx, .xlsm) in a folder, sorted, for
// importing every returned workbook at once; Excel's lock files (~$…) are
// left out.
func WorkbooksIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件夹 %s：%s", dir, fsmessage.Read(err))
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if e.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") || (ext != ".xlsx" && ext != ".xlsm") {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	return out, nil
}

// ReadFile reads a filled college workbook for a filing.
func ReadFile(path string, f *forms.Filing, ed *forms.Edition) (*Preview, error) {
	base := filepath.Base(path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, &roster.FileError{File: base, Msg: "无法读取：" + fsmessage.Read(err), Err: err}
	}
	if info.Size() > maxWorkbookBytes {
		return nil, &roster.FileError{File: base, Err: roster.ErrTooLarge, Msg: "文件太大，不是二级学生会组织填报表"}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &roster.FileError{File: base, Msg: "无法读取：" + fsmessage.Read(err), Err: err}
	}
	return Parse(data, base, f, ed)
}

// Parse reads a filled college workbook from its content; name is the
// file's name. The sheets are found by what they hold, so renamed sheets,
// merged cells, extra rows under a table and values typed with spaces
// still import. It never panics; on error the preview is nil, so nothing
// can be half-imported.
func Parse(data []byte, name string, f *forms.Filing, ed *forms.Edition) (p *Preview, err error) {
	defer func() {
		if r := recover(); r != nil {
			p = nil
			err = &roster.FileError{File: name, Err: fmt.Errorf("%w: %v\n%s", roster.ErrInternal, r, debug.Stack()),
				Msg: "导入时程序出错，该组织的数据未导入。请把这个文件发给 sureform 的维护者以便修复"}
		}
	}()
	sec := ed.CollegeSection()
	if sec == nil {
		return nil, &roster.FileError{File: name, Msg: ed.Name + "没有二级学生会组织情况，无需收集二级学生会组织填报表"}
	}
	if len(data) > maxWorkbookBytes {
		return nil, &roster.FileError{File: name, Err: roster.ErrTooLarge, Msg: "文件太大，不是二级学生会组织填报表"}
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, &roster.FileError{File: name, Err: ErrNotCollegeWorkbook,
			Msg: "不是 .xlsx 工作簿。请用 sureform 生成的二级学生会组织填报表填写，如已另存为其他格式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入"}
	}
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxWorkbookBytes, UnzipXMLSizeLimit: maxWorkbookBytes, CultureInfo: excelize.CultureNameZhCN})
	if err != nil {
		return nil, &roster.FileError{File: name, Err: fmt.Errorf("%w: %w", roster.ErrDamaged, err),
			Msg: "工作簿已损坏或不完整，无法读取。请在 Excel 或 WPS 中打开并重新另存为 .xlsx 后再导入"}
	}
	defer wb.Close()
	r := &reader{wb: wb, f: f, ed: ed, sec: sec, p: &Preview{File: filepath.Base(name), Target: -1}}
	if err := r.findSheets(); err != nil {
		err.File = name
		return nil, err
	}
	r.readBasic()
	r.readAnswers()
	r.readRoster(data, name)
	r.finish()
	return r.p, nil
}

// reader carries one workbook's reading.
type reader struct {
	wb  *excelize.File
	f   *forms.Filing
	ed  *forms.Edition
	sec *forms.Section
	p   *Preview

	basic, answers string
	basicRows      [][]string
	answerRows     [][]string
	others         []string
	// fromAnswers[id] is true when the college answered the item itself.
	answered map[string]bool
}

func (r *reader) problem(sheet string, row, col int, sev forms.Severity, text, msg string) {
	letter := ""
	if col >= 0 {
		letter, _ = excelize.ColumnNumberToName(col + 1)
	}
	r.p.Problems = append(r.p.Problems, roster.Problem{Sheet: sheet, Row: row, Column: letter, Member: -1,
		Severity: sev, Message: msg, Text: text})
}

// findSheets tells the 基本情况 and 自评 sheets from the others by their
// content: the one with most of the basic labels, and the one with a
// 是/否 column and most of the items.
func (r *reader) findSheets() *roster.FileError {
	list := r.wb.GetSheetList()
	// The sheets under their own names, when they hold what they should.
	for _, name := range list {
		switch name {
		case SheetBasic:
			if rows, err := readRows(r.wb, name, maxSheetRows, true); err == nil && countLabels(rows) >= 3 {
				r.basic, r.basicRows = name, rows
			}
		case SheetAnswers:
			if rows, err := readRows(r.wb, name, maxSheetRows, true); err == nil && countItems(rows, r.sec) >= 3 {
				r.answers, r.answerRows = name, rows
			}
		}
	}
	// Renamed ones: the sheet with most of the labels, the one with most
	// of the items, from their first rows.
	if r.basic == "" || r.answers == "" {
		bestBasic, bestAnswers := 0, 0
		basic, answers := "", ""
		for _, name := range list {
			if name == SheetRoster || name == r.basic || name == r.answers {
				continue // the roster, not renamed, or a sheet already found
			}
			rows, err := readRows(r.wb, name, scanRows, false)
			if err != nil {
				continue // a chart sheet or an unreadable one: not ours
			}
			if n := countLabels(rows); r.basic == "" && n > bestBasic && n >= 3 {
				basic, bestBasic = name, n
				continue
			}
			if n := countItems(rows, r.sec); r.answers == "" && n > bestAnswers && n >= 3 {
				answers, bestAnswers = name, n
			}
		}
		// Read them whole, with their merged cells.
		if basic != "" {
			if rows, err := readRows(r.wb, basic, maxSheetRows, true); err == nil {
				r.basic, r.basicRows = basic, rows
			}
		}
		if answers != "" {
			if rows, err := readRows(r.wb, answers, maxSheetRows, true); err == nil {
				r.answers, r.answerRows = answers, rows
			}
		}
	}
	for _, name := range list {
		if name != r.basic && name != r.answers {
			r.others = append(r.others, name)
		}
	}
	if r.basic == "" && r.answers == "" {
		return &roster.FileError{Err: ErrNotCollegeWorkbook, Msg: fmt.Sprintf(
			"不是二级学生会组织填报表：工作簿中没有“%s”和“%s”工作表（也没有找到写有“组织名称”“主席团产生方式”等栏目或逐项“是/否”的工作表）。工作人员名单请用“导入名单”导入",
			SheetBasic, SheetAnswers)}
	}
	if r.basic == "" {
		r.problem("", 0, -1, forms.SeverityError, "", "没有找到“"+SheetBasic+"”工作表，组织名称、学代会日期和指导老师等未能读取")
	}
	if r.answers == "" {
		r.problem("", 0, -1, forms.SeverityError, "", "没有找到“"+SheetAnswers+"”工作表，各项“是/否”未能读取")
	}
	return nil
}

// readRows reads the first limit rows of a sheet as text, with merged
// ranges filled from their top-left cell when merges is set.
func readRows(wb *excelize.File, sheet string, limit int, merges bool) ([][]string, error) {
	it, err := wb.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var rows [][]string
	for len(rows) < limit && it.Next() {
		cols, err := it.Columns()
		if err != nil {
			return nil, err
		}
		if len(cols) > maxColumns {
			cols = cols[:maxColumns]
		}
		rows = append(rows, cols)
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	if !merges {
		return rows, nil
	}
	ranges, err := wb.GetMergeCells(sheet, true)
	if err != nil {
		return rows, nil
	}
	for _, m := range ranges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r0 > len(rows) || c0 > maxColumns {
			continue
		}
		v := m.GetCellValue()
		for y := r0; y <= r1 && y <= len(rows); y++ {
			for x := c0; x <= c1 && x <= maxColumns; x++ {
				row := rows[y-1]
				for len(row) < x {
					row = append(row, "")
				}
				if row[x-1] == "" {
					row[x-1] = v
				}
				rows[y-1] = row
			}
		}
	}
	return rows, nil
}

// key is a cell's text for comparing with a label: no spaces, no colon,
// no asterisk marking a required field.
func key(s string) string {
	s = roster.CleanText(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '：', ':', '*', '＊', '★':
			return -1
		}
		return r
	}, s)
	return s
}

// labelOf returns the basic field a cell labels, or nil.
func labelOf(cell string) *BasicField {
	k := key(cell)
	if k == "" {
		return nil
	}
	for i := range BasicFields {
		if k == key(BasicFields[i].Label) {
			return &BasicFields[i]
		}
	}
	return nil
}

func countLabels(rows [][]string) int {
	seen := map[string]bool{}
	for _, row := range rows {
		for _, c := range row {
			if bf := labelOf(c); bf != nil {
				seen[bf.Key] = true
			}
		}
	}
	return len(seen)
}

// itemRow returns the answerable item a row is about: by its number in an
// early column, or by the item's text; -1 when none.
func itemRow(row []string, items []forms.Item) int {
	for c := 0; c < len(row) && c < 3; c++ {
		n := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(key(row[c]), "第"), "项"), ".")
		n = strings.TrimSuffix(n, "、")
		for i, it := range items {
			if n != "" && n == it.Number {
				return i
			}
		}
	}
	for _, c := range row {
		k := key(c)
		if len([]rune(k)) < 8 {
			continue
		}
		for i, it := range items {
			t := key(it.Text)
			if k == t || strings.HasPrefix(t, k) || strings.HasPrefix(k, t) {
				return i
			}
		}
	}
	return -1
}

func countItems(rows [][]string, sec *forms.Section) int {
	items := sec.Answerable()
	seen := map[int]bool{}
	for _, row := range rows {
		if i := itemRow(row, items); i >= 0 {
			// a row counts only with the item's text, so that a numbered
			// roster is not taken for the answers
			for _, c := range row {
				if k := key(c); len([]rune(k)) >= 8 && strings.HasPrefix(key(items[i].Text), k[:min(len(k), 12)]) {
					seen[i] = true
				}
			}
		}
	}
	return len(seen)
}

// readBasic reads the 基本情况 sheet: for each label, the first non-empty
// cell to its right.
func (r *reader) readBasic() {
	u := &r.p.Union
	for y, row := range r.basicRows {
		for x, c := range row {
			bf := labelOf(c)
			if bf == nil {
				continue
			}
			val, col := "", -1
			for vx := x + 1; vx < len(row); vx++ {
				if v := roster.CleanText(row[vx]); v != "" && labelOf(v) != bf {
					val, col = v, vx
					break
				}
			}
			if val == bf.Hint || (bf.Hint != "" && roster.CleanText(bf.Hint) == val) {
				val = "" // the hint column of an empty line
			}
			r.basicValue(bf, val, y+1, col)
			break
		}
	}
	u.Name = strings.TrimSpace(u.Name)
	r.p.Name = u.Name
	if r.p.Name == "" {
		r.p.Name = nameFromFile(r.p.File)
	}
}

func (r *reader) basicValue(bf *BasicField, val string, row, col int) {
	u := &r.p.Union
	sheet := r.basic
	bad := func(msg string) { r.problem(sheet, row, col, forms.SeverityError, val, bf.Label+"："+msg) }
	yes := func() *bool {
		v, err := roster.ParseYesNo(val)
		if err != nil {
			bad(err.Error())
		}
		return v
	}
	switch bf.Key {
	case KeyName:
		u.Name = val
	case KeyOrgType:
		switch {
		case val == "":
		case strings.Contains(val, "研究生"):
			u.OrgType = forms.OrgGraduateUnion
		case strings.Contains(val, "学生会"):
			u.OrgType = forms.OrgStudentUnion
		default:
			bad("无法识别「" + val + "」，请选择 学生会 或 研究生会")
		}
	case KeyStudents:
		if val == "" {
			return
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.ReplaceAll(val, ",", ""), "人"), "名"))
		if err != nil || n < 0 {
			bad("无法识别「" + val + "」，请填写人数，如 1200")
			return
		}
		u.Students = &n
	case KeyCongress:
		if val == "" {
			return
		}
		d, err := ParseDate(val)
		if err != nil {
			bad(err.Error())
			return
		}
		u.CongressDate = d
	case KeyElection:
		u.PresidiumElection = val
	case KeyLead:
		u.LeagueLead.Name = val
	case KeyLeadStaff:
		u.LeagueLead.FullTime = yes()
	case KeySecretary:
		u.SecretaryGeneral.Name = val
	case KeySecretStaff:
		u.SecretaryGeneral.FullTime = yes()
	case KeyFilledBy:
		u.FilledBy = val
	case KeyPhone:
		u.Phone = val
	}
}

// ParseDate reads a date as colleges type it: 2021-05-20, 2021/5/20,
// 2021.5.20, 2021年5月20日, or an Excel date serial number.
func ParseDate(s string) (forms.Date, error) {
	t := strings.Join(strings.Fields(roster.CleanText(s)), "")
	bad := fmt.Errorf("无法识别日期「%s」，请写作 2021-05-20 或 2021年5月20日", roster.CleanText(s))
	if t == "" {
		return forms.Date{}, nil
	}
	if n, err := strconv.ParseFloat(t, 64); err == nil {
		if n < 20000 || n > 80000 {
			return forms.Date{}, bad
		}
		tm, err := excelize.ExcelDateToTime(n, false)
		if err != nil {
			return forms.Date{}, bad
		}
		return forms.DateOf(tm), nil
	}
	t = strings.NewReplacer("年", "-", "月", "-", "日", "", "号", "", "/", "-", ".", "-", "．", "-").Replace(t)
	parts := strings.Split(strings.Trim(t, "-"), "-")
	if len(parts) != 3 {
		return forms.Date{}, bad
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return forms.Date{}, bad
		}
		v[i] = n
	}
	y, m, d := v[0], v[1], v[2]
	if y < 100 && v[2] >= 1000 { // 05-20-2021 as an English Excel shows it
		m, d, y = v[0], v[1], v[2]
	} else if y < 100 && v[0] <= 12 && v[2] < 100 { // 05-20-21
		m, d, y = v[0], v[1], 2000+v[2]
	}
	tm := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1990 || y > 2100 || tm.Month() != time.Month(m) || tm.Day() != d {
		return forms.Date{}, bad
	}
	return forms.DateOf(tm), nil
}

// readAnswers reads the 自评 sheet: the 是/否 and 备注 of each item, in the
// columns its header names (or the third and fourth).
func (r *reader) readAnswers() {
	u := &r.p.Union
	u.Items, u.Notes = map[string]bool{}, map[string]string{}
	r.answered = map[string]bool{}
	if r.answers == "" {
		return
	}
	items := r.sec.Answerable()
	answerCol, noteCol := 2, 3
	for _, row := range r.answerRows {
		a, n := -1, -1
		for x, c := range row {
			k := key(c)
			switch {
			case strings.HasPrefix(k, "是否") || strings.Contains(k, "是/否") || strings.Contains(k, "结论"):
				if a < 0 {
					a = x
				}
			case k == "备注" || k == "说明":
				n = x
			}
		}
		if a >= 0 {
			answerCol = a
			if n >= 0 {
				noteCol = n
			}
			break
		}
	}
	seen := map[string]int{}
	for y, row := range r.answerRows {
		i := itemRow(row, items)
		if i < 0 {
			continue
		}
		it := items[i]
		if first, dup := seen[it.ID]; dup {
			r.problem(r.answers, y+1, -1, forms.SeverityWarning, "", fmt.Sprintf("第%s项在第 %d 行已经填过，这一行未读取", it.Number, first))
			continue
		}
		seen[it.ID] = y + 1
		cell := func(x int) string {
			if x < len(row) {
				return roster.CleanText(row[x])
			}
			return ""
		}
		ans := cell(answerCol)
		switch v, err := parseAnswer(ans); {
		case err != nil:
			r.problem(r.answers, y+1, answerCol, forms.SeverityError, ans, fmt.Sprintf("第%s项：%v", it.Number, err))
		case v != nil:
			u.Items[it.ID] = *v
			r.answered[it.ID] = true
		}
		if note := cell(noteCol); note != "" && noteCol != answerCol {
			u.Notes[it.ID] = note
		}
	}
	if len(u.Notes) == 0 {
		u.Notes = nil
	}
}

// parseAnswer reads a 是/否 cell of the 自评 sheet, also in the words of
// the older forms (达标/未达标, 符合/不符合) and with a ticked box (☑是).
func parseAnswer(s string) (*bool, error) {
	t := strings.Join(strings.Fields(s), "")
	t = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(t, "☑"), "■"), "□")
	switch t {
	case "达标", "符合":
		return forms.BoolPtr(true), nil
	case "未达标", "不达标", "不符合":
		return forms.BoolPtr(false), nil
	}
	return roster.ParseYesNo(t)
}

// readRoster reads the roster sheet through the school roster's parser.
func (r *reader) readRoster(data []byte, name string) {
	sheet := ""
	for _, s := range r.others {
		if s == SheetRoster {
			sheet = s
		}
	}
	if sheet == "" {
		for _, s := range r.others {
			rows, err := readRows(r.wb, s, scanRows, true)
			if err != nil {
				continue
			}
			if _, ok := roster.DetectHeader(rows); ok {
				sheet = s
				break
			}
		}
	}
	if sheet == "" {
		r.problem("", 0, -1, forms.SeverityError, "", "没有找到“"+SheetRoster+"”工作表（有“姓名”“政治面貌”“职务”等列的表），工作人员名单未能读取，工作人员人数、职务、政治面貌和成绩都无法核对")
		return
	}
	opt := roster.OptionsFor(r.f)
	if r.p.Union.OrgType == forms.OrgGraduateUnion {
		opt.DefaultLevel = forms.LevelGraduate
	}
	opt.Sheet, opt.MaxBytes = sheet, maxWorkbookBytes
	rp, err := roster.Parse(data, name, opt)
	switch {
	case errors.Is(err, roster.ErrNoRoster):
		r.p.Union.Roster = []forms.Member{}
		r.problem(sheet, 0, -1, forms.SeverityWarning, "", "工作人员名单是空的：请该组织填好全体工作人员后再发回")
		return
	case err != nil:
		msg := err.Error()
		var fe *roster.FileError
		if errors.As(err, &fe) {
			msg = fe.Msg
		}
		r.problem(sheet, 0, -1, forms.SeverityError, "", "工作人员名单未能读取："+msg)
		return
	}
	r.p.Rows = rp.Members
	r.p.Union.Roster = make([]forms.Member, len(rp.Members))
	for i, m := range rp.Members {
		mm := m.Member
		if mm.College == "" {
			mm.College = r.p.Name
		}
		r.p.Union.Roster[i] = mm
	}
	r.p.Problems = append(r.p.Problems, rp.Problems...)
}

// finish matches the workbook to the filing's union, fills the counts
// from the roster and the blank answers the data decides, and says what
// will change.
func (r *reader) finish() {
	p, u := r.p, &r.p.Union
	p.Target = findUnion(r.f, p.Name)
	if p.Target < 0 {
		p.Target = findUnion(r.f, nameFromFile(p.File))
	}
	if p.Target >= 0 {
		old := &r.f.CollegeUnions[p.Target]
		u.Name = old.Name
		u.Collection = old.Collection
	} else {
		u.Name = p.Name
	}
	if u.Name == "" {
		r.problem(r.basic, 0, -1, forms.SeverityError, "", "未填组织名称，文件名也没有写明是哪个二级学生会组织")
	}
	d := forms.DeriveCollege(r.f, r.ed, u)
	if u.Roster != nil {
		u.Staff, u.Presidium = forms.IntPtr(d.Staff), forms.IntPtr(d.Presidium)
	}
	for _, it := range r.sec.Answerable() {
		s := d.Items[it.ID]
		switch {
		case r.answered[it.ID]:
		case s.Met != nil:
			u.Items[it.ID] = *s.Met
			p.Filled = append(p.Filled, it.ID)
		case p.Target >= 0:
			// Left blank and undecided: the answer the school has stays.
			if v, ok := r.f.CollegeUnions[p.Target].Items[it.ID]; ok {
				u.Items[it.ID] = v
				p.Kept = append(p.Kept, it.ID)
			}
		}
	}
	p.Derived = d
	p.Changes = r.changes()
}

// changes describes in Chinese what applying the preview changes.
func (r *reader) changes() []string {
	p, u := r.p, &r.p.Union
	var out []string
	name := u.UnionName(r.f)
	if p.Target < 0 {
		out = append(out, "新增二级学生会组织“"+name+"”（填报文件中原来没有这个组织）")
	} else {
		old := &r.f.CollegeUnions[p.Target]
		if old.Collection.IsReturned() {
			out = append(out, "替换“"+name+"”此前导入的数据（"+old.Collection.File+"）")
		} else {
			out = append(out, "填入“"+name+"”的数据")
		}
		changed := 0
		for _, it := range r.sec.Answerable() {
			was, had := old.Items[it.ID]
			now, has := u.Items[it.ID]
			if had != has || was != now {
				changed++
			}
		}
		if changed > 0 {
			out = append(out, fmt.Sprintf("“具体情况”中该组织有%d项的是/否改变", changed))
		}
	}
	if u.Roster != nil {
		out = append(out, fmt.Sprintf("工作人员名单%d人，其中主席团%d人", len(u.Roster), p.Derived.Presidium))
	}
	if len(p.Kept) > 0 {
		var nums []string
		for _, id := range p.Kept {
			it, _, _ := r.ed.Item(id)
			nums = append(nums, it.Number)
		}
		out = append(out, "第"+strings.Join(nums, "、")+"项该组织未作答，保留“具体情况”中原有的答案")
	}
	for _, id := range p.Filled {
		it, _, _ := r.ed.Item(id)
		out = append(out, fmt.Sprintf("第%s项该组织未作答，按数据填“%s”：%s", it.Number, yesNoWord(u.Items[id]), p.Derived.Items[id].Reason))
	}
	return out
}

func yesNoWord(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
