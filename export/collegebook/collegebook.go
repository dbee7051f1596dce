// Package collegebook writes the college workbook (二级学生会组织填报表)
// that a school sends to each college union: a 基本情况 sheet with the
// instructions, a 工作人员名单 sheet that is the school roster template
// itself (same columns, drop-downs and instructions), and a 自评 sheet with
// the edition's college-level items verbatim, a 是/否 drop-down and a 备注
// cell each. Every sheet is protected, without a password, except for the
// cells to fill in. Package forms/college declares the layout and reads a
// filled workbook back.
package collegebook

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"sureform/export/linebreak"
	"sureform/forms"
	"sureform/forms/college"
	"sureform/forms/roster"
)

// Column widths of the 基本情况 and 自评 sheets.
const (
	labelWidth  = 30.0
	valueWidth  = 34.0
	hintWidth   = 40.0
	numberWidth = 6.0
	itemWidth   = 64.0
	answerWidth = 14.0
	noteWidth   = 36.0
	checkWidth  = 24.0
)

// rosterRows bounds the rows below the roster's example row that the
// template may have styled (its drop-downs reach as far).
const rosterRows = 200

// Write writes the workbook of one college union of the filing.
func Write(w io.Writer, f *forms.Filing, ed *forms.Edition, u *forms.CollegeUnion) error {
	sec := ed.CollegeSection()
	if sec == nil {
		return fmt.Errorf("%s没有二级学生会组织情况，无需生成二级学生会组织填报表", ed.Name)
	}
	wb := excelize.NewFile()
	defer wb.Close()
	b := &book{wb: wb, f: f, u: u, sec: sec}
	if err := b.build(); err != nil {
		return fmt.Errorf("writing college workbook for %s: %w", u.Name, err)
	}
	if _, err := wb.WriteTo(w); err != nil {
		return fmt.Errorf("writing college workbook for %s: %w", u.Name, err)
	}
	return nil
}

// WriteAll writes one workbook per target union into dir (see
// college.Targets), adding the unions to the filing when it has none yet
// and marking them as sent today. It returns the files written. Each file
// is written atomically; on error the files already written stay.
func WriteAll(dir string, f *forms.Filing, ed *forms.Edition, today forms.Date) ([]string, error) {
	if ed.CollegeSection() == nil {
		return nil, fmt.Errorf("%s没有二级学生会组织情况，无需生成二级学生会组织填报表", ed.Name)
	}
	targets := college.Targets(f)
	if len(targets) == 0 {
		return nil, fmt.Errorf("填报文件中还没有二级学生会组织，名单和学生代表大会中也没有院系：请先在“二级学生会组织”一步添加各组织")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建文件夹 %s：%w", dir, err)
	}
	// Work on a copy so that a failed write leaves the filing as it was.
	c := *f
	c.CollegeUnions = append([]forms.CollegeUnion(nil), f.CollegeUnions...)
	idx := college.EnsureUnions(&c, targets)
	var written []string
	for _, i := range idx {
		u := &c.CollegeUnions[i]
		path := filepath.Join(dir, college.FileName(u.Name))
		file, err := os.CreateTemp(dir, ".collegebook-*.tmp")
		if err != nil {
			return written, fmt.Errorf("无法在 %s 中写文件：%w", dir, err)
		}
		tmp := file.Name()
		err = Write(file, &c, ed, u)
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp, path)
		}
		if err != nil {
			os.Remove(tmp)
			return written, fmt.Errorf("写 %s 失败：%w", path, err)
		}
		written = append(written, path)
	}
	college.MarkSent(&c, idx, today)
	*f = c
	return written, nil
}

// book is one workbook being built.
type book struct {
	wb  *excelize.File
	f   *forms.Filing
	u   *forms.CollegeUnion
	sec *forms.Section

	input int // style of a cell to fill in
}

func (b *book) build() error {
	wb := b.wb
	if err := wb.SetSheetName("Sheet1", college.SheetBasic); err != nil {
		return err
	}
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	var err error
	if b.input, err = wb.NewStyle(&excelize.Style{Border: border, NumFmt: 49,
		Alignment:  &excelize.Alignment{Vertical: "center", WrapText: true},
		Protection: &excelize.Protection{Locked: false}}); err != nil {
		return err
	}
	if err := b.basicSheet(border); err != nil {
		return fmt.Errorf("sheet %s: %w", college.SheetBasic, err)
	}
	departments := []string{}
	for _, m := range b.u.Roster {
		if d := m.Department; d != "" && d != forms.PresidiumDepartment && !contains(departments, d) {
			departments = append(departments, d)
		}
	}
	if err := roster.AddTemplateSheets(wb, roster.TemplateOptions{School: b.f.School, OrgType: b.orgType(),
		Departments: departments, Title: b.u.UnionName(b.f) + "工作人员名单"}); err != nil {
		return fmt.Errorf("sheet %s: %w", college.SheetRoster, err)
	}
	if err := b.unlockRoster(); err != nil {
		return fmt.Errorf("sheet %s: %w", college.SheetRoster, err)
	}
	if err := b.answersSheet(border); err != nil {
		return fmt.Errorf("sheet %s: %w", college.SheetAnswers, err)
	}
	// Order: 基本情况, 工作人员名单, 自评, then the roster's 填写说明.
	sheets := wb.GetSheetList()
	if i := indexOf(sheets, college.SheetRoster); i >= 0 && i+1 < len(sheets) && sheets[i+1] != college.SheetAnswers {
		if err := wb.MoveSheet(college.SheetAnswers, sheets[i+1]); err != nil {
			return err
		}
	}
	for _, s := range wb.GetSheetList() {
		if err := wb.ProtectSheet(s, &excelize.SheetProtectionOptions{
			SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
		}); err != nil {
			return err
		}
	}
	wb.SetActiveSheet(0)
	return wb.SetDocProps(&excelize.DocProperties{Title: college.Title(b.f, b.u), Creator: "sureform", Language: "zh-CN"})
}

func (b *book) orgType() string {
	if b.u.OrgType != "" {
		return b.u.OrgType
	}
	if b.f.OrgType != "" {
		return b.f.OrgType
	}
	return forms.OrgStudentUnion
}

func (b *book) basicSheet(border []excelize.Border) error {
	wb, sh := b.wb, college.SheetBasic
	title, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 15},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	note, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Size: 10, Color: "444444"},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	label, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	fixed, err := wb.NewStyle(&excelize.Style{Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	hint, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Size: 10, Color: "808080"},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	for col, w := range map[string]float64{"A": labelWidth, "B": valueWidth, "C": hintWidth} {
		if err := wb.SetColWidth(sh, col, col, w); err != nil {
			return err
		}
	}
	row := 1
	put := func(cell, v string, style int) error {
		if err := wb.SetCellStr(sh, cell, v); err != nil {
			return err
		}
		return wb.SetCellStyle(sh, cell, cell, style)
	}
	if err := put("A1", college.Title(b.f, b.u), title); err != nil {
		return err
	}
	if err := wb.MergeCell(sh, "A1", "C1"); err != nil {
		return err
	}
	if err := wb.SetRowHeight(sh, 1, 40); err != nil {
		return err
	}
	for _, line := range college.Instructions(b.f) {
		row++
		cell := fmt.Sprintf("A%d", row)
		if err := put(cell, line, note); err != nil {
			return err
		}
		if err := wb.MergeCell(sh, cell, fmt.Sprintf("C%d", row)); err != nil {
			return err
		}
		if err := fitRow(wb, sh, row, cellText{line, labelWidth + valueWidth + hintWidth}); err != nil {
			return err
		}
	}
	row++ // a blank row before the fields
	for _, bf := range college.BasicFields {
		row++
		if err := put(fmt.Sprintf("A%d", row), bf.Label, label); err != nil {
			return err
		}
		value := fmt.Sprintf("B%d", row)
		style := b.input
		v := b.basicValue(bf.Key)
		if bf.Fixed {
			style = fixed
		}
		if err := put(value, v, style); err != nil {
			return err
		}
		if err := put(fmt.Sprintf("C%d", row), bf.Hint, hint); err != nil {
			return err
		}
		if err := fitRow(wb, sh, row, cellText{bf.Label, labelWidth}, cellText{bf.Hint, hintWidth}); err != nil {
			return err
		}
		if len(bf.Choices) > 0 {
			if err := dropDown(wb, sh, value, bf.Choices, bf.Key == college.KeyElection); err != nil {
				return err
			}
		}
	}
	return printOnA4(wb, sh)
}

// basicValue is what the workbook already holds for a line: the union's
// name, and what the filing knows of the union (a corrected workbook sent
// again starts from the data already collected).
func (b *book) basicValue(key string) string {
	u := b.u
	yes := func(v *bool) string {
		if v == nil {
			return ""
		}
		if *v {
			return "是"
		}
		return "否"
	}
	switch key {
	case college.KeyName:
		return u.Name
	case college.KeyOrgType:
		return b.orgType()
	case college.KeyStudents:
		if u.Students != nil {
			return fmt.Sprint(*u.Students)
		}
	case college.KeyCongress:
		return u.CongressDate.String()
	case college.KeyElection:
		return u.PresidiumElection
	case college.KeyLead:
		return u.LeagueLead.Name
	case college.KeyLeadStaff:
		return yes(u.LeagueLead.FullTime)
	case college.KeySecretary:
		return u.SecretaryGeneral.Name
	case college.KeySecretStaff:
		return yes(u.SecretaryGeneral.FullTime)
	case college.KeyFilledBy:
		return u.FilledBy
	case college.KeyPhone:
		return u.Phone
	}
	return ""
}

func dropDown(wb *excelize.File, sheet, cell string, values []string, open bool) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(cell)
	if err := dv.SetDropList(values); err != nil {
		return err
	}
	if open {
		dv.SetError(excelize.DataValidationErrorStyleInformation, "提示", "列表之外的内容也可以填写，请如实填写")
	} else {
		dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", "请从下拉列表中选择")
	}
	return wb.AddDataValidation(sheet, dv)
}

// unlockRoster opens the roster sheet's input rows for a protected sheet:
// the rows below the example that the template styles keep their look with
// an unlocked copy of their style, and the columns are unlocked as a whole,
// so that every row further down is open too without a styled empty cell
// for each (which every reader would have to go through).
func (b *book) unlockRoster() error {
	wb, sh := b.wb, college.SheetRoster
	const firstInput = 5 // title, instructions, header, example
	unlocked := map[int]int{}
	open := func(id int) (int, error) {
		if s, ok := unlocked[id]; ok {
			return s, nil
		}
		st, err := wb.GetStyle(id)
		if err != nil || st == nil {
			st = &excelize.Style{}
		}
		st.Protection = &excelize.Protection{Locked: false}
		s, err := wb.NewStyle(st)
		unlocked[id] = s
		return s, err
	}
	// The styles the template gave its cells: SetColStyle below restyles
	// every cell of the columns, so they are put back after it.
	type styled struct {
		cell string
		id   int
	}
	var cells []styled
	for r := 1; r < firstInput+rosterRows; r++ {
		used := false
		for c := 1; c <= len(roster.TemplateColumns); c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			id, err := wb.GetCellStyle(sh, cell)
			if err != nil {
				return err
			}
			if id != 0 {
				used = true
				cells = append(cells, styled{cell, id})
			}
		}
		if !used && r >= firstInput {
			break // below the rows the template styles
		}
	}
	last, err := excelize.ColumnNumberToName(len(roster.TemplateColumns))
	if err != nil {
		return err
	}
	plain, err := open(0)
	if err != nil {
		return err
	}
	if err := wb.SetColStyle(sh, "A:"+last, plain); err != nil {
		return err
	}
	for _, c := range cells {
		id := c.id
		if _, r, _ := excelize.CellNameToCoordinates(c.cell); r >= firstInput {
			if id, err = open(c.id); err != nil {
				return err
			}
		}
		if err := wb.SetCellStyle(sh, c.cell, c.cell, id); err != nil {
			return err
		}
	}
	return nil
}

func (b *book) answersSheet(border []excelize.Border) error {
	wb, sh := b.wb, college.SheetAnswers
	if _, err := wb.NewSheet(sh); err != nil {
		return err
	}
	title, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	head, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	text, err := wb.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	center, err := wb.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	if err != nil {
		return err
	}
	plain, err := wb.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	answer, err := wb.NewStyle(&excelize.Style{Border: border, NumFmt: 49,
		Alignment:  &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		return err
	}
	items := b.sec.Answerable()
	// The unconfirmed items' note stands in a column of its own, beside
	// the verbatim item text, never inside it.
	unconfirmed := false
	for _, it := range items {
		unconfirmed = unconfirmed || it.Unconfirmed
	}
	widths := map[string]float64{"A": numberWidth, "B": itemWidth, "C": answerWidth, "D": noteWidth}
	headers := []string{college.AnswerNumberHeader, college.AnswerTextHeader, college.AnswerHeader, college.AnswerNoteHeader}
	lastCol := "D"
	if unconfirmed {
		widths["E"] = checkWidth
		headers = append(headers, college.AnswerCheckHeader)
		lastCol = "E"
	}
	for col, w := range widths {
		if err := wb.SetColWidth(sh, col, col, w); err != nil {
			return err
		}
	}
	put := func(cell, v string, style int) error {
		if err := wb.SetCellStr(sh, cell, v); err != nil {
			return err
		}
		return wb.SetCellStyle(sh, cell, cell, style)
	}
	heading := b.sec.Title
	if !strings.Contains(heading, "自评") {
		heading += "自评"
	}
	if err := put("A1", b.u.UnionName(b.f)+heading, title); err != nil {
		return err
	}
	if err := wb.MergeCell(sh, "A1", lastCol+"1"); err != nil {
		return err
	}
	if err := wb.SetRowHeight(sh, 1, 32); err != nil {
		return err
	}
	for i, h := range headers {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		if err := put(cell, h, head); err != nil {
			return err
		}
	}
	for i, it := range items {
		r := i + 3
		if err := put(fmt.Sprintf("A%d", r), it.Number, center); err != nil {
			return err
		}
		if err := put(fmt.Sprintf("B%d", r), it.Marker+it.Text, text); err != nil {
			return err
		}
		check := ""
		if it.Unconfirmed {
			check = forms.UnconfirmedNote
		}
		if unconfirmed {
			if err := put(fmt.Sprintf("E%d", r), check, text); err != nil {
				return err
			}
		}
		if err := fitRow(wb, sh, r, cellText{it.Marker + it.Text, itemWidth}, cellText{check, checkWidth}); err != nil {
			return err
		}
		ans := ""
		if v, ok := b.u.Items[it.ID]; ok && b.u.Collection.IsReturned() {
			ans = b.sec.Answers[1]
			if v {
				ans = b.sec.Answers[0]
			}
		}
		if err := put(fmt.Sprintf("C%d", r), ans, answer); err != nil {
			return err
		}
		if err := put(fmt.Sprintf("D%d", r), b.u.Notes[it.ID], b.input); err != nil {
			return err
		}
	}
	last := len(items) + 2
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("C3:C%d", last))
	if err := dv.SetDropList([]string{b.sec.Answers[0], b.sec.Answers[1]}); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", "请选择“"+b.sec.Answers[0]+"”或“"+b.sec.Answers[1]+"”")
	if err := wb.AddDataValidation(sh, dv); err != nil {
		return err
	}
	noteRow := last + 2
	note := "说明：每项选择“" + b.sec.Answers[0] + "”或“" + b.sec.Answers[1] +
		"”；答“" + b.sec.Answers[1] + "”的请在备注中写明原因。工作人员和主席团的人数以“" + college.SheetRoster + "”工作表为准。"
	if unconfirmed {
		note += "“" + college.AnswerCheckHeader + "”一栏写有“" + forms.UnconfirmedNote + "”的项目，其原文未能与两份公开件逐字核对：" +
			"如与本省下发的表格措辞不同，请按本省表格的要求作答，并告知学校团委。"
	}
	noteCell := fmt.Sprintf("A%d", noteRow)
	if err := put(noteCell, note, plain); err != nil {
		return err
	}
	if err := wb.MergeCell(sh, noteCell, fmt.Sprintf("%s%d", lastCol, noteRow)); err != nil {
		return err
	}
	if err := fitRow(wb, sh, noteRow, cellText{note, numberWidth + itemWidth + answerWidth + noteWidth}); err != nil {
		return err
	}
	return printOnA4(wb, sh)
}

// fitRow makes a row tall enough for the texts of its cells, each wrapped
// in its column's width (in Excel's character units): Excel and LibreOffice
// do not grow rows for wrapped text they did not lay out themselves.
func fitRow(wb *excelize.File, sh string, row int, cells ...cellText) error {
	n := 1
	for _, c := range cells {
		lines := 0
		for _, p := range strings.Split(c.text, "\n") {
			lines += max(1, len(linebreak.Lines(p, c.width-1, charWidth)))
		}
		n = max(n, lines)
	}
	return wb.SetRowHeight(sh, row, max(20, float64(n)*fontSize*1.4+6))
}

// fontSize is the size of the workbook's text.
const fontSize = 11

// cellText is a cell's text and its column's width.
type cellText struct {
	text  string
	width float64
}

// charWidth is a character's width in Excel's column units: two for a
// Chinese character or full-width sign, one for the others.
func charWidth(r rune) float64 {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// printOnA4 prints a sheet on portrait A4, all its columns on one page wide.
func printOnA4(wb *excelize.File, sh string) error {
	portrait, fitWidth, fitHeight, a4 := "portrait", 1, 0, 9
	if err := wb.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &portrait,
		FitToWidth: &fitWidth, FitToHeight: &fitHeight}); err != nil {
		return err
	}
	fit := true
	return wb.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit})
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func contains(list []string, s string) bool { return indexOf(list, s) >= 0 }
