package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/width"

	"sureform/forms"
	"sureform/forms/atomicfile"
	"sureform/forms/roster"
)

func runImport(c *cli, args []string) error {
	fs := c.flags("import")
	sheet := fs.String("sheet", "", "要导入的工作表名称（工作簿中有多个名单时）")
	password := fs.String("password", "", "工作簿的打开密码")
	year := fs.String("year", "", "学年，如 2024—2025学年，用于把“2023级”换算成年级（使用 --into 时取填报文件的学年）")
	asJSON := fs.Bool("json", false, "以 JSON 输出解析结果")
	into := fs.String("into", "", "把名单导入到这个填报文件（默认合并：按姓名+院系匹配，更新已有的人并追加新的人）")
	replace := fs.Bool("replace", false, "与 --into 一起使用：用导入的名单替换填报文件中的全部工作人员")
	hidden := fs.Bool("hidden", false, "也导入在 Excel 中隐藏的行（默认列为跳过的行，不导入）")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 1:
		return &usageError{msg: "需要一个名单文件（.xlsx、.xlsm、.csv 或 .txt）"}
	case *replace && *into == "":
		return &usageError{msg: "--replace 需要与 --into 一起使用"}
	}
	opt := roster.Options{Sheet: *sheet, Password: *password, AcademicYear: *year, IncludeHidden: *hidden}
	var filing *forms.Filing
	if *into != "" {
		f, _, err := c.loadFiling(*into)
		if err != nil {
			return err
		}
		filing = f
		fo := roster.OptionsFor(f)
		if opt.AcademicYear == "" {
			opt.AcademicYear = fo.AcademicYear
		}
		opt.DefaultLevel = fo.DefaultLevel
	} else if opt.AcademicYear == "" {
		opt.AcademicYear = forms.AcademicYearOf(c.now())
	}
	p, err := roster.ReadFile(pos[0], opt)
	if err != nil {
		msg := "sureform import：" + err.Error()
		if errors.Is(err, roster.ErrPasswordRequired) || errors.Is(err, roster.ErrWrongPassword) {
			msg += "（命令行用 --password 密码）"
		}
		return &exitError{code: exitUsage, msg: msg}
	}
	if *asJSON {
		if err := writeImportJSON(c.stdout, p); err != nil {
			return err
		}
	} else {
		writeImportTable(c.stdout, p)
	}
	if filing != nil {
		mode := roster.Merge
		if *replace {
			mode = roster.Replace
		}
		res, err := p.Apply(filing, mode)
		if err != nil {
			return &exitError{code: exitUsage, msg: "sureform import：名单没有可导入的人，填报文件未改动"}
		}
		if err := forms.Save(*into, filing); err != nil {
			return &exitError{code: exitUsage, msg: "sureform import：" + err.Error()}
		}
		out := c.stdout
		if *asJSON {
			out = c.stderr
		}
		if mode == roster.Replace {
			fmt.Fprintf(out, "已用 %d 人替换 %s 中原有的 %d 人\n", res.Added, *into, res.Removed)
		} else {
			fmt.Fprintf(out, "已导入到 %s：新增 %d 人，更新 %d 人，现共 %d 人\n", *into, res.Added, res.Updated, len(filing.Members))
		}
	}
	if n := p.ErrorCount(); n > 0 {
		return &exitError{code: exitFindings, msg: fmt.Sprintf("sureform import：有 %d 个值无法识别（已留空），请核对上面列出的行", n)}
	}
	return nil
}

// importJSON is the document `sureform import --json` prints.
type importJSON struct {
	Sheet    string            `json:"sheet"`
	Columns  map[string]string `json:"columns"`
	Members  []memberJSON      `json:"members"`
	Skipped  []skippedJSON     `json:"skipped"`
	Problems []problemJSON     `json:"problems"`
}

// memberJSON is one parsed member with every field import reads; unknown
// values are null.
type memberJSON struct {
	Row              int      `json:"row"`
	Hidden           bool     `json:"hidden"`
	Name             *string  `json:"name"`
	PoliticalStatus  *string  `json:"political_status"`
	College          *string  `json:"college"`
	Major            *string  `json:"major"`
	Grade            *int     `json:"grade"`
	GradeText        *string  `json:"grade_text"`
	Level            *string  `json:"level"`
	Graduate         *bool    `json:"graduate"`
	Rank             *int     `json:"rank"`
	RankTotal        *int     `json:"rank_total"`
	RankPercent      *float64 `json:"rank_percent"`
	RankWindow       *string  `json:"rank_window"`
	Failed           *bool    `json:"failed"`
	Experience       *string  `json:"experience"`
	Position         *string  `json:"position"`
	Department       *string  `json:"department"`
	FromCollegeUnion *bool    `json:"from_college_union"`
	// SuggestedPosition and SuggestedDepartment are inferred from the
	// work experience, to confirm.
	SuggestedPosition   *string `json:"suggested_position"`
	SuggestedDepartment *string `json:"suggested_department"`
	// Unread lists the fields whose cells could not be read.
	Unread []string `json:"unread"`
}

// skippedJSON is a row that was not imported as a member, and why.
type skippedJSON struct {
	Row    int    `json:"row"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
	Hidden bool   `json:"hidden"`
}

type problemJSON struct {
	Row      *int           `json:"row"`
	Column   *string        `json:"column"`
	Severity forms.Severity `json:"severity"`
	Message  string         `json:"message"`
	Text     *string        `json:"text"`
}

// orNull returns nil for an empty string, so that unknown values print as
// null.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// newMemberJSON is one imported roster row as the JSON output prints it.
func newMemberJSON(r roster.Row) memberJSON {
	m := r.Member
	mj := memberJSON{Row: r.Row, Hidden: r.Hidden, Name: orNull(m.Name), PoliticalStatus: orNull(m.PoliticalStatus),
		College: orNull(m.College), Major: orNull(m.Major), GradeText: orNull(m.GradeText), Level: orNull(m.Level),
		Rank: m.Rank, RankTotal: m.RankTotal, RankPercent: m.RankPercent, RankWindow: orNull(m.RankWindow), Failed: m.Failed,
		Experience: orNull(m.Experience), Position: orNull(m.Position), Department: orNull(m.Department),
		FromCollegeUnion: m.FromCollegeUnion, SuggestedPosition: orNull(m.SuggestedPosition),
		SuggestedDepartment: orNull(m.SuggestedDepartment), Unread: []string{}}
	for _, f := range r.Unread {
		mj.Unread = append(mj.Unread, string(f))
	}
	if m.Grade > 0 {
		mj.Grade = forms.IntPtr(m.Grade)
	}
	if m.Level != "" {
		mj.Graduate = forms.BoolPtr(m.Level == forms.LevelGraduate)
	}
	return mj
}

func writeImportJSON(w io.Writer, p *roster.Preview) error {
	doc := importJSON{Sheet: p.Sheet, Columns: map[string]string{}, Members: []memberJSON{}, Skipped: []skippedJSON{}, Problems: []problemJSON{}}
	for _, col := range p.Columns {
		doc.Columns[string(col.Field)] = col.Letter
	}
	for _, r := range p.Members {
		doc.Members = append(doc.Members, newMemberJSON(r))
	}
	for _, s := range p.Skipped {
		doc.Skipped = append(doc.Skipped, skippedJSON{Row: s.Row, Reason: s.Reason, Text: s.Text, Hidden: s.Hidden})
	}
	for _, pr := range p.Problems {
		pj := problemJSON{Column: orNull(pr.Column), Severity: pr.Severity, Message: pr.Message, Text: orNull(pr.Text)}
		if pr.Row > 0 {
			pj.Row = forms.IntPtr(pr.Row)
		}
		doc.Problems = append(doc.Problems, pj)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encoding import result: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func writeImportTable(w io.Writer, p *roster.Preview) {
	where := p.Sheet
	if p.Format == roster.FormatXLSX {
		where = fmt.Sprintf("%s 工作表「%s」", p.File, p.Sheet)
	} else if p.Encoding != "" {
		where = fmt.Sprintf("%s（%s）", p.File, p.Encoding)
	}
	header := fmt.Sprintf("第 %d 行", p.HeaderRow)
	if p.HeaderRows > 1 {
		header = fmt.Sprintf("第 %d–%d 行", p.HeaderRow, p.HeaderRow+p.HeaderRows-1)
	}
	fmt.Fprintf(w, "%s：表头在%s，共 %d 人\n", where, header, len(p.Members))
	var cols []string
	for _, col := range p.Columns {
		cols = append(cols, fmt.Sprintf("%s=%s", col.Letter, col.Field.Label()))
	}
	fmt.Fprintf(w, "识别的列：%s\n\n", strings.Join(cols, "，"))
	table := [][]string{{"行", "姓名", "政治面貌", "院系", "年级", "排名", "不及格", "职务", "部门"}}
	for _, r := range p.Members {
		m := r.Member
		failed := ""
		if m.Failed != nil {
			failed = boolText(m.Failed, "是", "否")
		}
		position, dept := m.Position, m.Department
		if position == "" && m.SuggestedPosition != "" {
			position, dept = m.SuggestedPosition+"（待确认）", m.SuggestedDepartment
		}
		table = append(table, []string{fmt.Sprint(r.Row), m.Name, m.PoliticalStatus, m.College,
			gradeText(m), rankText(m), failed, position, dept})
	}
	writeColumns(w, table)
	if len(p.Skipped) > 0 {
		fmt.Fprintf(w, "\n未导入的行（%d 行）：\n", len(p.Skipped))
		hidden := 0
		for _, s := range p.Skipped {
			fmt.Fprintf(w, "  第 %d 行：%s", s.Row, s.Reason)
			if s.Text != "" {
				fmt.Fprintf(w, "（%s）", s.Text)
			}
			fmt.Fprintln(w)
			if s.Hidden {
				hidden++
			}
		}
		if hidden > 0 {
			fmt.Fprintf(w, "  其中 %d 行在 Excel 中是隐藏的；如要导入，请加 --hidden\n", hidden)
		}
	}
	if len(p.Problems) > 0 {
		fmt.Fprintf(w, "\n需要核对的地方（%d 处）：\n", len(p.Problems))
		for _, pr := range p.Problems {
			fmt.Fprintf(w, "  [%s] %s\n", pr.Severity.Chinese(), pr.String())
		}
	}
}

// writeColumns prints a table with its columns aligned for a terminal,
// where Chinese characters take two cells.
func writeColumns(w io.Writer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// displayWidth is the number of terminal cells s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func gradeText(m forms.Member) string {
	if m.Grade == 0 {
		if m.GradeText != "" {
			return "？" + m.GradeText
		}
		return ""
	}
	if m.Level == forms.LevelGraduate {
		return fmt.Sprintf("研%d", m.Grade)
	}
	return fmt.Sprintf("%d年级", m.Grade)
}

func rankText(m forms.Member) string {
	switch {
	case m.RankPercent != nil:
		return "前" + forms.FormatPercent(*m.RankPercent)
	case m.Rank == nil:
		return ""
	case m.RankTotal == nil:
		return fmt.Sprintf("%d", *m.Rank)
	}
	return fmt.Sprintf("%d/%d", *m.Rank, *m.RankTotal)
}

func runTemplate(c *cli, args []string) error {
	fs := c.flags("template")
	out := fs.String("o", "", "输出的模板文件（.xlsx）")
	school := fs.String("school", "", "学校名称（写入模板标题）")
	filingPath := fs.String("filing", "", "从这个填报文件取学校名称和部门列表")
	force := fs.Bool("force", false, "覆盖已存在的文件")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return &usageError{msg: "多余的参数 " + strings.Join(pos, " ")}
	case *out == "":
		return &usageError{msg: "缺少 -o 输出文件"}
	case !strings.EqualFold(filepath.Ext(strings.TrimSpace(*out)), ".xlsx"):
		return &usageError{msg: "模板文件名应以 .xlsx 结尾"}
	}
	opt := roster.TemplateOptions{School: strings.TrimSpace(*school)}
	if *filingPath != "" {
		f, _, err := c.loadFiling(*filingPath)
		if err != nil {
			return err
		}
		if opt.School == "" {
			opt.School = f.School
		}
		opt.OrgType = f.OrgType
		opt.Departments = f.DepartmentNames()
	}
	if _, err := os.Stat(*out); err == nil && !*force {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("sureform template：文件 %s 已存在，未覆盖（如需覆盖请加 --force）", *out)}
	}
	var buf bytes.Buffer
	if err := roster.WriteTemplate(&buf, opt); err != nil {
		return &exitError{code: exitUsage, msg: "sureform template：" + err.Error()}
	}
	if err := atomicfile.Write(*out, buf.Bytes()); err != nil {
		var fe *atomicfile.Error
		if errors.As(err, &fe) {
			return &exitError{code: exitUsage, msg: "sureform template：" + fe.Error()}
		}
		return err
	}
	fmt.Fprintf(c.stdout, "已生成名单模板 %s（填好后用 sureform import %s 导入）\n", *out, *out)
	return nil
}
