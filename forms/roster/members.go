package roster

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"sureform/forms"
)

// parseRows finds the header of a sheet's rows and reads the members below
// it; hidden (nil for text) marks the rows and columns hidden in Excel.
func parseRows(sheetName string, rows [][]string, hidden *hiddenCells, opt *Options) (*Preview, error) {
	h, found := DetectHeader(rows)
	if found && opt.Mapping == nil {
		preferVisible(&h, hidden)
	}
	p := &Preview{Sheet: sheetName, File: sheetName}
	switch {
	case opt.Mapping != nil:
		if err := checkMapping(opt.Mapping); err != nil {
			return nil, err
		}
		p.Mapping = Mapping{}
		for f, c := range opt.Mapping {
			p.Mapping[f] = c
		}
		p.DataRow = 1
		if found {
			p.HeaderRow, p.HeaderRows = h.Row+1, h.Rows
			p.DataRow = h.Row + h.Rows + 1
			p.Headers = h.Titles
			if c, ok := p.Mapping[FieldRank]; ok {
				p.Window = rankWindow(headerAt(p.Headers, c))
			}
		}
		if opt.DataRow > 0 {
			p.DataRow = opt.DataRow
		}
	case found:
		p.Mapping, p.Window, p.Headers = h.Mapping, h.Window, h.Titles
		p.HeaderRow, p.HeaderRows = h.Row+1, h.Rows
		p.DataRow = h.Row + h.Rows + 1
		if opt.DataRow > 0 {
			p.DataRow = opt.DataRow
		}
		fields := make([]Field, 0, len(h.Duplicates))
		for f := range h.Duplicates {
			fields = append(fields, f)
		}
		sort.Slice(fields, func(i, j int) bool { return fields[i] < fields[j] })
		for _, f := range fields {
			for _, c := range h.Duplicates[f] {
				what := "此列"
				if hidden.col(c) {
					what = "此列（在 Excel 中隐藏）"
				}
				p.Problems = append(p.Problems, Problem{Sheet: sheetName, Row: p.HeaderRow, Column: columnLetter(c),
					Header: h.Titles[c], Field: f, Member: -1, Severity: forms.SeverityWarning,
					Message: fmt.Sprintf("%s和 %s 列都像“%s”，只读取了 %s 列；如需改用此列，请调整列对应关系",
						what, columnLetter(h.Mapping[f]), f.Label(), columnLetter(h.Mapping[f]))})
			}
		}
		for _, f := range Fields {
			if c, ok := h.Mapping[f]; ok && hidden.col(c) {
				p.Problems = append(p.Problems, Problem{Sheet: sheetName, Row: p.HeaderRow, Column: columnLetter(c),
					Header: h.Titles[c], Field: f, Member: -1, Severity: forms.SeverityWarning,
					Message: fmt.Sprintf("“%s”列在 Excel 中是隐藏的，已读取；如不应使用，请调整列对应关系", f.Label())})
			}
		}
	default:
		return nil, fileErr(ErrNoRoster, nil,
			"没有找到名单表头。名单的表头应有“姓名”列，以及“政治面貌”“院系”“年级”“成绩排名”等列中的至少两列；请检查表头，或使用 sureform template 生成的模板")
	}
	if len(p.Headers) == 0 {
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		p.Headers = make([]string, min(width, maxHeaderColumns))
	}
	for _, f := range Fields {
		if c, ok := p.Mapping[f]; ok {
			p.Columns = append(p.Columns, Column{Field: f, Index: c, Letter: columnLetter(c), Header: headerAt(p.Headers, c)})
		}
	}
	sort.Slice(p.Columns, func(i, j int) bool { return p.Columns[i].Index < p.Columns[j].Index })
	rd := rowReader{p: p, start: StartYear(opt.AcademicYear), hidden: hidden, includeHidden: opt.IncludeHidden}
	if rd.level = opt.DefaultLevel; rd.level == "" {
		rd.level = forms.LevelUndergraduate
	}
	rd.seen = map[string]int{}
	for i := p.DataRow - 1; i < len(rows); i++ {
		if i < 0 {
			continue
		}
		rd.read(i+1, rows[i])
	}
	if len(p.Members) == 0 {
		if len(p.Skipped) > 0 && p.Skipped[0].Hidden {
			return nil, fileErr(ErrNoRoster, nil, "工作表「%s」第 %d 行的表头下面只有隐藏的行；如要导入它们，请选择导入隐藏行", sheetName, p.HeaderRow)
		}
		return nil, fileErr(ErrNoRoster, nil, "工作表「%s」第 %d 行的表头下面没有名单数据", sheetName, p.HeaderRow)
	}
	return p, nil
}

// preferVisible makes a visible column win over a hidden one that maps to
// the same field: a hidden column is often an old version of a visible one.
func preferVisible(h *Header, hidden *hiddenCells) {
	for f, c := range h.Mapping {
		if !hidden.col(c) {
			continue
		}
		for k, d := range h.Duplicates[f] {
			if hidden.col(d) {
				continue
			}
			h.Mapping[f] = d
			h.Duplicates[f][k] = c
			if f == FieldRank {
				h.Window = rankWindow(headerAt(h.Titles, d))
			}
			break
		}
	}
}

func headerAt(headers []string, c int) string {
	if c >= 0 && c < len(headers) {
		return headers[c]
	}
	return ""
}

// checkMapping rejects a mapping the caller built wrongly.
func checkMapping(m Mapping) error {
	if _, ok := m[FieldName]; !ok {
		return fileErr(ErrNoRoster, nil, "列对应关系中没有“姓名”列，请指定姓名所在的列")
	}
	used := map[int]Field{}
	for f, c := range m {
		if indexOf(Fields, f) < 0 {
			return fileErr(ErrNoRoster, nil, "列对应关系中有无法识别的字段 %q", string(f))
		}
		if c < 0 || c >= maxHeaderColumns {
			return fileErr(ErrNoRoster, nil, "列对应关系中“%s”的列号 %d 无效", f.Label(), c+1)
		}
		if g, ok := used[c]; ok {
			return fileErr(ErrNoRoster, nil, "列对应关系中“%s”和“%s”指向同一列 %s，请分开指定", f.Label(), g.Label(), columnLetter(c))
		}
		used[c] = f
	}
	return nil
}

// rowReader turns data rows into members.
type rowReader struct {
	p *Preview
	// start is the first calendar year of the filing's academic year.
	start int
	level string
	// seen maps name+college to the first row that had it.
	seen map[string]int
	// hidden marks the rows hidden in Excel; they are skipped unless
	// includeHidden.
	hidden        *hiddenCells
	includeHidden bool
	// unread collects the fields of the current row that could not be read.
	unread []Field
}

// cell returns the text of a field's cell, or "" when the roster has no
// such column.
func (rd *rowReader) cell(row []string, f Field) (string, bool) {
	c, ok := rd.p.Mapping[f]
	if !ok || c >= len(row) {
		return "", ok
	}
	return row[c], true
}

// problem records a problem with a field's cell in the current row.
func (rd *rowReader) problem(rowNum int, f Field, sev forms.Severity, text, msg string) {
	c := rd.p.Mapping[f]
	rd.p.Problems = append(rd.p.Problems, Problem{Sheet: rd.p.Sheet, Row: rowNum, Column: columnLetter(c),
		Header: headerAt(rd.p.Headers, c), Field: f, Member: len(rd.p.Members), Severity: sev,
		Message: msg, Text: text})
	if sev == forms.SeverityError {
		rd.unread = append(rd.unread, f)
	}
}

// totalWords mark a total row at the bottom of a roster.
var totalWords = []string{"合计", "总计", "小计", "总人数", "人数合计", "共计", "以上共", "以上合计", "以上总计", "累计"}

// signOffWords start the sign-off lines below a roster: who filled it in,
// a phone number, the reviewer's opinion, signatures, the date, the seal.
var signOffWords = []string{"填表人", "制表人", "填报人", "经办人", "联系人", "联系电话", "电话", "手机",
	"审核意见", "审核人", "审批意见", "负责人签字", "负责人", "签字", "签名", "日期", "填表日期", "填报日期",
	"盖章", "单位盖章", "团委盖章", "（盖章）", "(盖章)", "单位（盖章）"}

// noteWords start a note under (or over) a roster.
var noteWords = []string{"注", "备注", "说明", "附注", "填表说明", "特别说明"}

// startsWithWord reports whether t is one of words, or starts with one
// followed by a colon, space or bracket (填表人：张三, 注：…).
func startsWithWord(t string, words []string) bool {
	for _, w := range words {
		rest, ok := strings.CutPrefix(t, w)
		if !ok {
			continue
		}
		if rest == "" || strings.ContainsRune("：:（(　 ．.、", []rune(rest)[0]) {
			return true
		}
	}
	return false
}

// skipRow says whether a row is not a member and why. Blank rows, rule
// lines and serial numbers filled in advance are skipped silently (reason
// ""); totals (合计, 以上共计10人, 共40人, a row of numbers), notes (注：…,
// a note merged across the table), sign-off lines (填表人, 联系电话, 审核意见,
// 负责人签字, 日期, 盖章), the header repeated on a new printed page, the
// template's example row and rows whose name cell cannot be a person's
// name are skipped with a reason the preview lists.
func (rd *rowReader) skipRow(row []string) (skip bool, reason, text string) {
	nonEmpty, numbers, first, same := 0, 0, "", true
	for _, c := range row {
		t := strings.TrimSpace(c)
		if t == "" {
			continue
		}
		nonEmpty++
		if first == "" {
			first = t
		} else if t != first {
			same = false
		}
		if isNumberCell(t) {
			numbers++
		}
	}
	if nonEmpty == 0 || ruleRow(row) {
		return true, "", ""
	}
	serial, _ := rd.cell(row, FieldSerial)
	name, _ := rd.cell(row, FieldName)
	if s := strings.TrimSpace(serial); nonEmpty == 1 && s != "" {
		if _, err := strconv.Atoi(narrow(s)); err == nil {
			return true, "", "" // numbered in advance but not filled in
		}
	}
	text = short(CleanText(first), 30)
	if nameCol, ok := rd.p.Mapping[FieldName]; ok && name != "" && CleanText(name) == headerAt(rd.p.Headers, nameCol) {
		// The header repeated on a new printed page.
		headerCells := 0
		for i, c := range row {
			if h := headerAt(rd.p.Headers, i); h != "" && CleanText(c) == h {
				headerCells++
			}
		}
		if headerCells >= 2 && headerCells*2 >= nonEmpty {
			return true, "重复的表头", text
		}
	}
	switch s := strings.TrimSpace(serial); s {
	case "示例", "例", "样例", "填写示例":
		return true, "示例行", text
	}
	firstKey := strings.ReplaceAll(CleanText(first), " ", "")
	nameKey := strings.ReplaceAll(CleanText(name), " ", "")
	for _, t := range []string{firstKey, nameKey} {
		if t == "" {
			continue
		}
		for _, w := range totalWords {
			if strings.HasPrefix(t, w) {
				return true, "合计行", text
			}
		}
		if isHeadcount(t) {
			return true, "合计行", text
		}
		if startsWithWord(t, signOffWords) {
			return true, "签字栏", text
		}
		if startsWithWord(t, noteWords) {
			return true, "说明", text
		}
	}
	if numbers == nonEmpty && nonEmpty > 1 {
		return true, "只有数字的行（合计或统计）", text
	}
	if same && nonEmpty > 2 {
		return true, "说明", text // one text merged across the table
	}
	if nameKey == "" && nonEmpty == 1 && utf8.RuneCountInString(firstKey) > 12 {
		return true, "说明", text
	}
	if n := strings.ReplaceAll(CleanName(name), " ", ""); n != "" && !couldBeName(n) {
		return true, "姓名列不是人名", short(CleanText(name), 30)
	}
	return false, "", ""
}

// isNumberCell reports whether a cell holds only a number (a count, a sum
// or a formula's value).
func isNumberCell(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if (c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' && c < 0x80 {
			return false // ASCII that no number has: the common case of text
		}
		if c >= 0x80 && c != 0xef { // full-width forms start with 0xEF
			return false
		}
	}
	_, err := strconv.ParseFloat(narrow(t), 64)
	return err == nil
}

// couldBeName reports whether a name cell (without spaces) can be a
// person's name: no digits, no sentence punctuation, not a word of the
// table's furniture, and not longer than a long transliterated name.
func couldBeName(t string) bool {
	n := utf8.RuneCountInString(t)
	if n > 30 || strings.ContainsAny(t, "0123456789０１２３４５６７８９：:，,；;。！？!?%％=＝@#") {
		return false
	}
	for _, w := range []string{"合计", "总计", "以上", "填表", "签字", "盖章", "审核", "负责人", "说明", "备注", "日期", "电话"} {
		if strings.Contains(t, w) {
			return false
		}
	}
	return true
}

// isHeadcount reports whether t reads 共40人 / 共 40 名 / 共计40人.
func isHeadcount(t string) bool {
	rest, ok := strings.CutPrefix(t, "共计")
	if !ok {
		if rest, ok = strings.CutPrefix(t, "共"); !ok {
			return false
		}
	}
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, "人"), "名")
	_, err := strconv.Atoi(narrow(rest))
	return err == nil
}

// read turns one data row into a member, recording a problem for every
// value it cannot read; the rest of the row is still imported. rowNum is
// the sheet's own 1-based row number.
func (rd *rowReader) read(rowNum int, row []string) {
	skip, reason, text := rd.skipRow(row)
	if skip {
		if reason != "" {
			rd.p.Skipped = append(rd.p.Skipped, Skipped{Row: rowNum, Reason: reason, Text: text})
		}
		return
	}
	hidden := rd.hidden.row(rowNum - 1)
	if hidden && !rd.includeHidden {
		rd.p.Skipped = append(rd.p.Skipped, Skipped{Row: rowNum, Reason: "隐藏行", Text: text, Hidden: true})
		return
	}
	rd.unread = nil
	m := forms.Member{Level: rd.level}
	nameText, _ := rd.cell(row, FieldName)
	if m.Name = CleanName(nameText); m.Name == "" {
		rd.problem(rowNum, FieldName, forms.SeverityError, nameText, "姓名为空，请补填")
	}
	if t, ok := rd.cell(row, FieldPoliticalStatus); ok {
		st, known := ParsePoliticalStatus(t)
		m.PoliticalStatus = st
		if !known {
			rd.problem(rowNum, FieldPoliticalStatus, forms.SeverityWarning, t, fmt.Sprintf(
				"政治面貌「%s」不是中共党员、中共预备党员或共青团员，已按原样导入；学生会工作人员应为党员或团员", st))
		}
	}
	if t, ok := rd.cell(row, FieldCollege); ok {
		m.College = CleanCollege(t)
	}
	if t, ok := rd.cell(row, FieldMajor); ok {
		m.Major = CleanCollege(t)
	}
	if t, ok := rd.cell(row, FieldGrade); ok {
		g, err := ParseGrade(t, rd.start)
		if err != nil {
			m.GradeText = CleanText(t)
			rd.problem(rowNum, FieldGrade, forms.SeverityError, t, err.Error())
		} else {
			m.Grade = g.Year
			if g.Level != "" {
				m.Level = g.Level
			}
		}
	}
	if t, ok := rd.cell(row, FieldRank); ok {
		r, err := ParseRank(t)
		var guess *GuessError
		switch {
		case errors.As(err, &guess):
			rd.problem(rowNum, FieldRank, forms.SeverityWarning, t, guess.Msg)
		case err != nil:
			rd.problem(rowNum, FieldRank, forms.SeverityError, t, err.Error())
		}
		m.Rank, m.RankTotal, m.RankPercent = r.Rank, r.Total, r.Percent
		if rd.p.Window != "" && !r.IsBlank() {
			m.RankWindow = rd.p.Window
		}
	}
	if t, ok := rd.cell(row, FieldRankTotal); ok {
		rd.rankTotal(rowNum, t, &m)
	}
	if t, ok := rd.cell(row, FieldFailed); ok {
		f, err := ParseFailed(t)
		if err != nil {
			rd.problem(rowNum, FieldFailed, forms.SeverityError, t, err.Error())
		}
		m.Failed = f
	}
	if t, ok := rd.cell(row, FieldExperience); ok {
		m.Experience = CleanText(t)
	}
	if t, ok := rd.cell(row, FieldDepartment); ok {
		m.Department = CleanDepartment(t)
	}
	if t, ok := rd.cell(row, FieldFromCollegeUnion); ok {
		v, err := ParseYesNo(t)
		if err != nil {
			rd.problem(rowNum, FieldFromCollegeUnion, forms.SeverityError, t, err.Error())
		}
		m.FromCollegeUnion = v
	}
	rd.position(rowNum, row, &m)
	if m.Name != "" {
		key := m.Name + "\x00" + m.College
		if first, dup := rd.seen[key]; dup {
			rd.problem(rowNum, FieldName, forms.SeverityWarning, m.Name, fmt.Sprintf(
				"%s（%s）与第 %d 行重名，请确认不是重复录入", m.Name, orDash(m.College), first))
		} else {
			rd.seen[key] = rowNum
		}
	}
	rd.p.Members = append(rd.p.Members, Row{Row: rowNum, Member: m, Hidden: hidden, Unread: rd.unread})
}

// position reads the 学生会职务 column, or, when the roster has none,
// infers the title from the work experience (文体部部长, 学生会执行主席) as
// a suggestion the user confirms (Member.SuggestedPosition): nothing is
// derived from an inferred title until then.
func (rd *rowReader) position(rowNum int, row []string, m *forms.Member) {
	t, hasColumn := rd.cell(row, FieldPosition)
	var pos Position
	switch {
	case hasColumn:
		if strings.TrimSpace(t) == "" {
			return
		}
		var err error
		pos, err = ParsePosition(t)
		if err != nil {
			m.Position = strings.ReplaceAll(CleanText(t), " ", "")
			rd.problem(rowNum, FieldPosition, forms.SeverityWarning, t, err.Error()+"，已按原样导入")
			return
		}
		if pos.Note != "" {
			rd.problem(rowNum, FieldPosition, forms.SeverityWarning, t, pos.Note)
		}
	case m.Experience != "":
		var ok bool
		if pos, ok = InferPosition(m.Experience); !ok {
			return
		}
		if _, hasDept := rd.p.Mapping[FieldDepartment]; hasDept && m.Department != "" {
			pos.Department = ""
		}
		c := rd.p.Mapping[FieldExperience]
		rd.p.Problems = append(rd.p.Problems, Problem{Sheet: rd.p.Sheet, Row: rowNum, Column: columnLetter(c),
			Header: headerAt(rd.p.Headers, c), Field: FieldPosition, Member: len(rd.p.Members), Severity: forms.SeverityWarning,
			Message: pos.Note, Text: m.Experience})
		m.SuggestedPosition, m.SuggestedDepartment = pos.Title, pos.Department
		return
	default:
		return
	}
	m.Position = pos.Title
	if m.Department == "" {
		m.Department = pos.Department
	} else if pos.Department != "" && pos.Department != m.Department {
		rd.problem(rowNum, FieldDepartment, forms.SeverityWarning, m.Department, fmt.Sprintf(
			"所在部门「%s」与职务中的部门「%s」不一致，已按所在部门导入，请核对", m.Department, pos.Department))
	}
}

func orDash(s string) string {
	if s == "" {
		return "院系未填"
	}
	return s
}

// rankTotal reads the size of the major from a column of its own (专业人数
// beside 名次).
func (rd *rowReader) rankTotal(rowNum int, t string, m *forms.Member) {
	c := narrow(CleanText(t))
	c = strings.TrimSuffix(strings.TrimSuffix(c, "人"), "名")
	if isBlankMark(c) {
		return
	}
	n, err := wholeNumber(c)
	switch {
	case err != nil || n < 1:
		rd.problem(rowNum, FieldRankTotal, forms.SeverityError, t, fmt.Sprintf("无法识别专业人数「%s」，请填写正整数", CleanText(t)))
	case m.RankTotal != nil && *m.RankTotal != n:
		rd.problem(rowNum, FieldRankTotal, forms.SeverityWarning, t, fmt.Sprintf(
			"专业人数 %d 与排名中的 %d 不一致，已按排名中的 %d 读取，请核对", n, *m.RankTotal, *m.RankTotal))
	case m.Rank != nil && *m.Rank > n:
		rd.problem(rowNum, FieldRankTotal, forms.SeverityError, t, fmt.Sprintf("名次 %d 大于专业人数 %d，请核对", *m.Rank, n))
	case m.RankPercent != nil:
	default:
		m.RankTotal = &n
	}
}
