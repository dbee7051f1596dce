package roster

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"sureform/forms"
)

// TemplateSheet is the name of the roster sheet of the template.
const TemplateSheet = "工作人员名单"

// templateGuideSheet is the name of the template's instructions sheet.
const templateGuideSheet = "填写说明"

// templateRows is how many data rows of the template carry drop-down lists.
const templateRows = 200

// TemplateColumns lists the template's columns: the official roster's, in
// its order, then the ones sureform needs for the checks.
var TemplateColumns = []Field{FieldSerial, FieldName, FieldPoliticalStatus, FieldCollege, FieldGrade,
	FieldRank, FieldFailed, FieldExperience, FieldPosition, FieldDepartment, FieldMajor, FieldFromCollegeUnion}

// GradeChoices are the grades the template's drop-down list offers.
var GradeChoices = []string{"大一", "大二", "大三", "大四", "大五", "研一", "研二", "研三", "博一", "博二", "博三"}

// TemplateOptions fill in what the template's title and lists show.
type TemplateOptions struct {
	// School and OrgType make the title (…学生会校级组织工作人员名单).
	School, OrgType string
	// Departments are offered in the 所在部门 list besides 主席团.
	Departments []string
	// Title, when set, replaces the title made of School and OrgType (the
	// college workbook names the college union).
	Title string
}

// AddTemplateSheets adds the template's roster sheet (TemplateSheet) and its
// instructions sheet to a workbook being built, for a workbook that holds
// a roster beside sheets of its own (the college workbook).
func AddTemplateSheets(wb *excelize.File, opt TemplateOptions) error {
	return buildTemplate(wb, opt)
}

// WriteTemplate writes a blank roster workbook: a title, one line of
// instructions, the header in the official column order, an example row
// (序号 示例, skipped by import) and drop-down lists for 政治面貌, 年级,
// 不及格, 职务, 部门 and 是否来自二级学生会; a second sheet explains each
// column.
func WriteTemplate(w io.Writer, opt TemplateOptions) error {
	wb := excelize.NewFile()
	defer wb.Close()
	if err := buildTemplate(wb, opt); err != nil {
		return fmt.Errorf("writing roster template: %w", err)
	}
	if _, err := wb.WriteTo(w); err != nil {
		return fmt.Errorf("writing roster template: %w", err)
	}
	return nil
}

func buildTemplate(wb *excelize.File, opt TemplateOptions) error {
	if i, _ := wb.GetSheetIndex("Sheet1"); i >= 0 {
		if err := wb.SetSheetName("Sheet1", TemplateSheet); err != nil {
			return err
		}
	} else if _, err := wb.NewSheet(TemplateSheet); err != nil {
		return err
	}
	sh := TemplateSheet
	last := columnLetter(len(TemplateColumns) - 1)
	org := opt.OrgType
	if org == "" {
		org = forms.OrgStudentUnion
	}
	title := strings.TrimSpace(opt.School + org + "校级组织工作人员名单")
	if opt.Title != "" {
		title = opt.Title
	}
	steps := []func() error{
		func() error { return wb.SetCellStr(sh, "A1", title) },
		func() error { return wb.MergeCell(sh, "A1", last+"1") },
		func() error {
			return wb.SetCellStr(sh, "A2", "填写说明：每人一行，从第 5 行起填写（第 4 行是示例，可保留或删除）；"+
				"带下拉箭头的列请从列表中选择；成绩排名写作“名次/专业人数”，如 3/45，一年级新生留空；详见“填写说明”工作表。")
		},
		func() error { return wb.MergeCell(sh, "A2", last+"2") },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	const headerRow, exampleRow = 3, 4
	widths := map[Field]float64{FieldSerial: 6, FieldName: 12, FieldPoliticalStatus: 14, FieldCollege: 18,
		FieldGrade: 8, FieldRank: 26, FieldFailed: 14, FieldExperience: 28, FieldPosition: 12,
		FieldDepartment: 12, FieldMajor: 16, FieldFromCollegeUnion: 12}
	example := map[Field]string{FieldSerial: "示例", FieldName: "张三", FieldPoliticalStatus: forms.LeagueMember,
		FieldCollege: "机电工程系", FieldGrade: "大二", FieldRank: "3/45", FieldFailed: "否",
		FieldExperience: "班长、学生会文体部部长", FieldPosition: forms.PositionHead, FieldDepartment: "文体部",
		FieldMajor: "机电一体化技术", FieldFromCollegeUnion: "是"}
	for i, f := range TemplateColumns {
		col := columnLetter(i)
		if err := wb.SetCellStr(sh, fmt.Sprintf("%s%d", col, headerRow), f.Title()); err != nil {
			return err
		}
		if err := wb.SetCellStr(sh, fmt.Sprintf("%s%d", col, exampleRow), example[f]); err != nil {
			return err
		}
		if err := wb.SetColWidth(sh, col, col, widths[f]); err != nil {
			return err
		}
	}
	if err := styleTemplate(wb, last, headerRow, exampleRow); err != nil {
		return err
	}
	departments := append([]string{forms.PresidiumDepartment}, opt.Departments...)
	lists := []struct {
		field  Field
		values []string
		strict bool
	}{
		{FieldPoliticalStatus, forms.PoliticalStatuses, true},
		{FieldGrade, GradeChoices, false},
		{FieldFailed, []string{"否", "是"}, true},
		{FieldPosition, forms.Positions, true},
		{FieldDepartment, departments, false},
		{FieldFromCollegeUnion, []string{"是", "否"}, true},
	}
	for _, l := range lists {
		col := columnLetter(indexOf(TemplateColumns, l.field))
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s%d:%s%d", col, exampleRow+1, col, exampleRow+templateRows))
		if err := dv.SetDropList(l.values); err != nil {
			return fmt.Errorf("drop-down list for %s: %w", l.field, err)
		}
		if l.strict {
			dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", "请从下拉列表中选择："+strings.Join(l.values, "、"))
		} else {
			dv.SetError(excelize.DataValidationErrorStyleInformation, "提示",
				"列表之外的内容也可以填写，请确认无误："+strings.Join(l.values, "、"))
		}
		if err := wb.AddDataValidation(sh, dv); err != nil {
			return err
		}
	}
	// Print on landscape A4, all columns on one page wide.
	landscape, fitWidth, fitHeight, a4 := "landscape", 1, 0, 9
	if err := wb.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape,
		FitToWidth: &fitWidth, FitToHeight: &fitHeight}); err != nil {
		return err
	}
	fit := true
	if err := wb.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := wb.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return writeGuide(wb)
}

func styleTemplate(wb *excelize.File, last string, headerRow, exampleRow int) error {
	sh := TemplateSheet
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	titleStyle, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	if err != nil {
		return err
	}
	noteStyle, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Size: 10, Color: "555555"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return err
	}
	headStyle, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	exampleStyle, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "808080"}, Border: border,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	cellStyle, err := wb.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	for _, s := range []struct {
		from, to string
		style    int
	}{
		{"A1", last + "1", titleStyle},
		{"A2", last + "2", noteStyle},
		{fmt.Sprintf("A%d", headerRow), fmt.Sprintf("%s%d", last, headerRow), headStyle},
		{fmt.Sprintf("A%d", exampleRow), fmt.Sprintf("%s%d", last, exampleRow), exampleStyle},
		{fmt.Sprintf("A%d", exampleRow+1), fmt.Sprintf("%s%d", last, exampleRow+40), cellStyle},
	} {
		if err := wb.SetCellStyle(TemplateSheet, s.from, s.to, s.style); err != nil {
			return err
		}
	}
	for r, h := range map[int]float64{1: 30, 2: 32, headerRow: 60} {
		if err := wb.SetRowHeight(sh, r, h); err != nil {
			return err
		}
	}
	return nil
}

// guideLines explain each column on the template's second sheet.
var guideLines = [][2]string{
	{"序号", "可留空。第 4 行的示例（序号为“示例”）导入时会跳过，可以保留。"},
	{"姓名", "必填。少数民族姓名中的间隔点写作 ·，如 阿米娜姆·萨吾提。"},
	{"政治面貌", "从列表选择：中共党员、中共预备党员、共青团员（也可写 党员、预备党员、团员）。"},
	{"院系", "所在院系全称，如 机电工程系。"},
	{"年级", "如 大一、大二、研一，也可写 一年级 或 2024级（按填报学年换算）。"},
	{"成绩排名", "写作 名次/专业人数，如 3/45；只知名次时写 3；也可写 前10%。一年级新生、研究生留空。"},
	{"是否存在课业不及格情况", "否 或 是（也可写不及格门数，如 0、1门）。"},
	{"院系、班级学生工作经历", "如 班长、团支书；可留空。"},
	{"学生会职务", "从列表选择：主席、副主席、执行主席、部长、副部长、干事。"},
	{"所在部门", "主席团成员选 主席团，其他人填所在工作部门，如 文体部。"},
	{"专业", "可留空。"},
	{"是否来自二级学生会", "是 或 否：该工作人员是否来自院系学生会组织。"},
}

func writeGuide(wb *excelize.File) error {
	if _, err := wb.NewSheet(templateGuideSheet); err != nil {
		return err
	}
	g := templateGuideSheet
	if err := wb.SetCellStr(g, "A1", "列"); err != nil {
		return err
	}
	if err := wb.SetCellStr(g, "B1", "填写要求"); err != nil {
		return err
	}
	for i, l := range guideLines {
		if err := wb.SetCellStr(g, fmt.Sprintf("A%d", i+2), l[0]); err != nil {
			return err
		}
		if err := wb.SetCellStr(g, fmt.Sprintf("B%d", i+2), l[1]); err != nil {
			return err
		}
	}
	if err := wb.SetColWidth(g, "A", "A", 24); err != nil {
		return err
	}
	if err := wb.SetColWidth(g, "B", "B", 72); err != nil {
		return err
	}
	head, err := wb.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	if err := wb.SetCellStyle(g, "A1", "B1", head); err != nil {
		return err
	}
	wrap, err := wb.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := wb.SetCellStyle(g, "A2", fmt.Sprintf("B%d", len(guideLines)+1), wrap); err != nil {
		return err
	}
	fitWidth, fitHeight := 1, 0
	if err := wb.SetPageLayout(g, &excelize.PageLayoutOptions{FitToWidth: &fitWidth, FitToHeight: &fitHeight}); err != nil {
		return err
	}
	fit := true
	return wb.SetSheetProps(g, &excelize.SheetPropsOptions{FitToPage: &fit})
}

func indexOf(fields []Field, f Field) int {
	for i, g := range fields {
		if g == f {
			return i
		}
	}
	return -1
}
