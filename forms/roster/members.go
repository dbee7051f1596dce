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
// it.
func parseRows(sheetName string, rows [][]string, opt *Options) (*Preview, error) {
	h, found := DetectHeader(rows)
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
				p.Problems = append(p.Problems, Problem{Sheet: sheetName, Row: p.HeaderRow, Column: columnLetter(c),
					Header: h.Titles[c], Field: f, Member: -1, Severity: forms.SeverityWarning,
					Message: fmt.Sprintf("此列和 %s 列都像“%s”，只读取了 %s 列；如需改用此列，请调整列对应关系",
						columnLetter(h.Mapping[f]), f.Label(), columnLetter(h.Mapping[f]))})
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
	rd := rowReader{p: p, start: StartYear(opt.AcademicYear)}
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
		return nil, fileErr(ErrNoRoster, nil, "工作表「%s」第 %d 行的表头下面没有名单数据", sheetName, p.HeaderRow)
	}
	return p, nil
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
}

// totalWords mark a total row at the bottom of a roster.
var totalWords = []string{"合计", "总计", "小计", "总人数", "人数合计", "共计"}

// skipRow reports whether a row is not a member: blank or holding only a
// serial number, a total (合计,
// 共40人), a header repeated on a new printed page, the template's example
// row, or a note below the roster (注：…); note is set for the last, which
// is worth telling the user about.
func (rd *rowReader) skipRow(row []string) (skip bool, note string) {
	nonEmpty, first := 0, ""
	for _, c := range row {
		t := strings.TrimSpace(c)
		if t == "" {
			continue
		}
		nonEmpty++
		if first == "" {
			first = t
		}
	}
	if nonEmpty == 0 || ruleRow(row) {
		return true, ""
	}
	serial, _ := rd.cell(row, FieldSerial)
	name, _ := rd.cell(row, FieldName)
	if s := strings.TrimSpace(serial); nonEmpty == 1 && s != "" {
		if _, err := strconv.Atoi(narrow(s)); err == nil {
			return true, "" // numbered in advance but not filled in
		}
	}
	if nameCol, ok := rd.p.Mapping[FieldName]; ok && name != "" && CleanText(name) == headerAt(rd.p.Headers, nameCol) {
		// The header repeated on a new printed page.
		headerCells := 0
		for i, c := range row {
			if h := headerAt(rd.p.Headers, i); h != "" && CleanText(c) == h {
				headerCells++
			}
		}
		if headerCells >= 2 && headerCells*2 >= nonEmpty {
			return true, ""
		}
	}
	switch s := strings.TrimSpace(serial); s {
	case "示例", "例", "样例", "填写示例":
		return true, ""
	}
	for _, t := range []string{strings.ReplaceAll(CleanText(first), " ", ""), strings.ReplaceAll(CleanText(name), " ", "")} {
		for _, w := range totalWords {
			if strings.HasPrefix(t, w) {
				return true, ""
			}
		}
		if isHeadcount(t) {
			return true, ""
		}
	}
	if strings.TrimSpace(name) == "" && nonEmpty == 1 {
		t := CleanText(first)
		for _, p := range []string{"注", "备注", "说明", "填表", "制表", "审核", "联系人", "填报"} {
			if strings.HasPrefix(t, p) {
				return true, t
			}
		}
		if utf8.RuneCountInString(t) > 12 {
			return true, t
		}
	}
	return false, ""
}

// isHeadcount reports whether t reads 共40人 / 共 40 名.
func isHeadcount(t string) bool {
	rest, ok := strings.CutPrefix(t, "共")
	if !ok {
		return false
	}
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, "人"), "名")
	_, err := strconv.Atoi(narrow(rest))
	return err == nil
}

// read turns one data row into a member, recording a problem for every
// value it cannot read; the rest of the row is still imported.
func (rd *rowReader) read(rowNum int, row []string) {
	if skip, note := rd.skipRow(row); skip {
		if note != "" {
			rd.p.Problems = append(rd.p.Problems, Problem{Sheet: rd.p.Sheet, Row: rowNum, Member: -1, Severity: forms.SeverityWarning,
				Message: fmt.Sprintf("这一行不是名单数据（“%s”），未导入", short(note, 20)), Text: note})
		}
		return
	}
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
	rd.p.Members = append(rd.p.Members, Row{Row: rowNum, Member: m})
}

// position reads the 学生会职务 column, or, when the roster has none,
// infers the title from the work experience (文体部部长, 学生会执行主席).
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
