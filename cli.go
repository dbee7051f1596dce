package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sureform/forms"
	"sureform/forms/college"
)

// Exit statuses of the command line.
const (
	exitOK       = 0
	exitFindings = 1 // validate: the filing has 错误
	exitUsage    = 2 // bad arguments, or a file that cannot be read
)

// command is one subcommand of the command line.
type command struct {
	name    string
	args    string
	summary string
	run     func(c *cli, args []string) error
}

// commands lists the subcommands in the order the help shows them.
var commands = []command{
	{"editions", "[--add FILE.toml] [--from 模板.xlsx|模板.txt [--id ID] [-o 版本.toml] [--install]]", "列出可用的表格版本；--add 检查并加入一个表格版本定义文件；--from 由本省下发的表格模板生成表格版本", runEditions},
	{"carry", "FILE --edition ID -o OUT.json", "把填报文件转到另一个表格版本：答案和备注按条目对应转过去，列出对应不上的条目", runCarry},
	{"new", "[--edition ID] --school 学校名称 [--org 学生会|研究生会] -o FILE", "新建一个空白填报文件（默认用最新的表格版本，学年为当前学年）", runNew},
	{"show", "FILE", "显示填报文件的摘要（表头、人数、答案）", runShow},
	{"validate", "FILE [--json]", "按改革文件逐条检查填报文件，先列错误，再列未达标项和提示；有错误时退出状态为 1", runValidate},
	{"export", "FILE [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--review 审核报告.pdf] [--strict]", "导出正式的 Excel 自评表、可打印的 PDF 报告和/或内部审核报告", runExport},
	{"import", "FILE [--sheet 工作表] [--password 密码] [--hidden] [--json] [--into FILING [--replace]]", "导入 Excel/CSV 名单（预览，或导入到填报文件）", runImport},
	{"template", "-o FILE.xlsx [--school 学校名称] [--filing FILING]", "生成空白的工作人员名单模板", runTemplate},
	{"colleges", "template FILING -o DIR | import [--json] [--dry-run] FILING FILE.xlsx…", "生成各二级学生会组织的填报表；导入收回的填报表（逐个预览后写入填报文件）", runColleges},
}

// cli carries what a subcommand needs: its output streams, the editions
// and the clock.
type cli struct {
	stdout, stderr io.Writer
	editions       *forms.Editions
	// userEditions is the folder of editions the user added.
	userEditions string
	now          func() time.Time
}

// usageError is a mistake in the arguments: run prints it with the help
// and exits with exitUsage.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// exitError ends a subcommand with a given status after it has printed
// what it had to say.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// isCommandLine reports whether the arguments are for the command line:
// a known subcommand, help or version, or several arguments (a mistyped
// subcommand is reported as one). A single other argument is a file for
// the desktop app to open, which is what the system passes when a filing
// is double-clicked or dropped on the program.
func isCommandLine(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "help", "-h", "-help", "--help", "version", "--version":
		return true
	}
	for _, c := range commands {
		if c.name == args[0] {
			return true
		}
	}
	return len(args) > 1
}

// fileArgument is the file the desktop app is to open: the single
// argument, made absolute, or "" for none. macOS' old process serial
// number argument (-psn_…) is not a file.
func fileArgument(args []string) string {
	if len(args) != 1 || strings.HasPrefix(args[0], "-psn_") {
		return ""
	}
	if abs, err := filepath.Abs(args[0]); err == nil {
		return abs
	}
	return args[0]
}

// run executes one command line (without the program name) and returns
// the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	return (&cli{stdout: stdout, stderr: stderr, now: time.Now, userEditions: os.Getenv("SUREFORM_EDITIONS_DIR")}).run(args)
}

func (c *cli) run(args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		c.usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "version" {
		info := readAppInfo()
		fmt.Fprintf(stdout, "sureform %s (build %d) %s\n", info.Version, info.Build, info.Name)
		return exitOK
	}
	var cmd *command
	for i := range commands {
		if commands[i].name == args[0] {
			cmd = &commands[i]
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "sureform：未知的命令 %q\n\n", args[0])
		c.usage(stderr)
		return exitUsage
	}
	if err := c.loadEditions(); err != nil {
		fmt.Fprintln(stderr, "sureform：", err)
		return exitUsage
	}
	err := cmd.run(c, args[1:])
	var ue *usageError
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "sureform %s：%s\n用法：sureform %s %s\n", cmd.name, ue.msg, cmd.name, cmd.args)
		return exitUsage
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(stderr, ee.msg)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "sureform %s：%v\n", cmd.name, err)
	return exitUsage
}

// loadEditions loads the built-in editions and those the user added. A
// user file that cannot be used is reported and skipped.
func (c *cli) loadEditions() error {
	eds, err := forms.BuiltinEditions()
	if err != nil {
		return err
	}
	c.editions = eds
	if c.userEditions == "" {
		dir, err := forms.UserEditionsDir()
		if err != nil {
			return nil // no configuration folder: only the built-in editions
		}
		c.userEditions = dir
	}
	for _, err := range eds.AddUserEditions(c.userEditions) {
		fmt.Fprintln(c.stderr, "sureform：", err)
	}
	return nil
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprintln(w, "sureform — 高校学生会（研究生会）深化改革评估备案表填报工具")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "不带参数运行时打开图形界面。命令行用法：")
	for _, cmd := range commands {
		fmt.Fprintf(w, "  sureform %s %s\n      %s\n", cmd.name, cmd.args, cmd.summary)
	}
	fmt.Fprintln(w, "  sureform --version\n      显示版本")
}

// flags returns a flag set for a subcommand whose errors and help go to
// stderr in the form run expects.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	return fs
}

// parse parses a subcommand's flags, allowing flags after positional
// arguments (sureform show FILE --json), and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{msg: err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// loadFiling reads a project file for a subcommand; an unreadable file
// ends the command with exitUsage.
func (c *cli) loadFiling(path string) (*forms.Filing, *forms.Edition, error) {
	f, err := forms.Load(path)
	if err != nil {
		return nil, nil, &exitError{code: exitUsage, msg: "sureform：" + err.Error()}
	}
	ed, err := c.editions.Get(f.Edition)
	if err != nil {
		return nil, nil, &exitError{code: exitUsage, msg: fmt.Sprintf("sureform：文件 %s：%v", path, err)}
	}
	return f, ed, nil
}

func runEditions(c *cli, args []string) error {
	fs := c.flags("editions")
	add := fs.String("add", "", "要加入的表格版本定义文件（TOML）")
	from := fs.String("from", "", "本省下发的表格模板（.xlsx、.csv，或从 Word 表格复制出的 .txt）")
	id := fs.String("id", "", "--from：新表格版本的 id（默认取模板中的学年，如 2024-2025）")
	out := fs.String("o", "", "--from：把生成的表格版本定义写到此文件")
	install := fs.Bool("install", false, "--from：把生成的表格版本直接加入（同 --add）")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &usageError{msg: "editions 不需要参数"}
	}
	if *from != "" {
		return c.editionFromTemplate(*from, *id, *out, *install)
	}
	if *id != "" || *out != "" || *install {
		return &usageError{msg: "--id、-o 和 --install 只能与 --from 一起用"}
	}
	if *add != "" {
		ed, err := c.editions.InstallEdition(*add, c.userEditions)
		if err != nil {
			return &exitError{code: exitUsage, msg: "sureform editions：" + err.Error()}
		}
		fmt.Fprintf(c.stdout, "已加入表格版本 %s（%s），保存在 %s\n", ed.ID, ed.Name, c.userEditions)
	}
	for _, ed := range c.editions.All() {
		var parts []string
		for _, s := range ed.Sections {
			title := s.Title
			if title == "" {
				title = "自评"
			}
			part := fmt.Sprintf("%s %d 项", title, len(s.Items))
			if rows := len(s.Answerable()); rows != len(s.Items) {
				part += fmt.Sprintf("（共 %d 行作答）", rows)
			}
			parts = append(parts, part)
		}
		title := ed.Title
		if ed.AcademicYear != "" {
			title = ed.AcademicYear + " " + title
		}
		if n := ed.UnconfirmedCount(); n > 0 {
			parts = append(parts, fmt.Sprintf("其中 %d 项原文未经核对，%s", n, forms.UnconfirmedNote))
		}
		fmt.Fprintf(c.stdout, "%s\t%s\t%s（%s）\n", ed.ID, ed.Name, title, strings.Join(parts, "，"))
	}
	return nil
}

func runNew(c *cli, args []string) error {
	fs := c.flags("new")
	edition := fs.String("edition", "", "表格版本 id（见 sureform editions；默认最新的版本）")
	school := fs.String("school", "", "学校名称")
	org := fs.String("org", forms.OrgStudentUnion, "组织类型：学生会 或 研究生会")
	out := fs.String("o", "", "输出的填报文件")
	force := fs.Bool("force", false, "覆盖已存在的文件")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return &usageError{msg: "多余的参数 " + strings.Join(pos, " ")}
	case strings.TrimSpace(*school) == "":
		return &usageError{msg: "缺少 --school"}
	case *out == "":
		return &usageError{msg: "缺少 -o 输出文件"}
	case *org != forms.OrgStudentUnion && *org != forms.OrgGraduateUnion:
		return &usageError{msg: fmt.Sprintf("--org 只能是 %s 或 %s", forms.OrgStudentUnion, forms.OrgGraduateUnion)}
	}
	ed := c.editions.Newest()
	if *edition != "" {
		if ed, err = c.editions.Get(*edition); err != nil {
			return &usageError{msg: err.Error()}
		}
	}
	if _, err := os.Stat(*out); err == nil && !*force {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("sureform new：文件 %s 已存在，未覆盖（如需覆盖请加 --force）", *out)}
	}
	f := forms.NewFiling(ed, strings.TrimSpace(*school), *org, c.now())
	if err := forms.Save(*out, f); err != nil {
		return &exitError{code: exitUsage, msg: "sureform new：" + err.Error()}
	}
	fmt.Fprintf(c.stdout, "已新建 %s（%s，%s）\n", *out, f.School, ed.Name)
	return nil
}

func runShow(c *cli, args []string) error {
	fs := c.flags("show")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &usageError{msg: "需要一个填报文件"}
	}
	f, ed, err := c.loadFiling(pos[0])
	if err != nil {
		return err
	}
	writeSummary(c.stdout, f, ed)
	return nil
}

// writeSummary prints a readable summary of a filing.
func writeSummary(w io.Writer, f *forms.Filing, ed *forms.Edition) {
	line := func(label, value string) {
		if value == "" {
			value = "（未填）"
		}
		fmt.Fprintf(w, "%s：%s\n", label, value)
	}
	fmt.Fprintf(w, "%s\n\n", ed.Title)
	line("学校名称", f.School)
	line("组织类型", f.OrgType)
	line("表格版本", ed.Name)
	line("学年", f.AcademicYear)
	line("填报日期", f.FilingDate.Chinese())
	line("全日制在校学生人数", intText(f.Students))
	if f.LargeSchool {
		line("学生人数较多、分校区较多", "是")
	}
	if ed.HasHeader(forms.HeaderCollegeCount) {
		line("二级学生会组织数量", intText(f.CollegeUnionCount))
	}
	if ed.HasHeader(forms.HeaderProvincialReview) {
		line("是否已由省级团委、学联核查（复评）", boolText(f.ProvincialReview, "是", "否"))
	}
	line("自评公开链接", f.PublicURL)
	fmt.Fprintln(w)

	depts := f.DepartmentNames()
	fmt.Fprintf(w, "工作人员：%d 人；主席团：%d 人；工作部门：%d 个\n", len(f.Members), len(f.Presidium()), len(depts))
	for _, d := range depts {
		fmt.Fprintf(w, "  %s %d 人\n", d, len(f.DepartmentMembers(d)))
	}
	unassigned := 0
	for i := range f.Members {
		if !f.Members[i].InPresidium() && strings.TrimSpace(f.Members[i].Department) == "" {
			unassigned++
		}
	}
	if unassigned > 0 {
		fmt.Fprintf(w, "  未填所在部门 %d 人\n", unassigned)
	}
	cg := f.Congress
	fmt.Fprintf(w, "学生代表大会：%s %s 代表 %s 人\n", cg.Session, dateText(cg), intText(cg.Delegates))
	fmt.Fprintf(w, "分管副书记：%s；秘书长：%s\n", f.Guidance.DeputySecretary.Name, f.Guidance.SecretaryGeneral.Name)
	if len(f.CollegeUnions) > 0 {
		fmt.Fprintf(w, "二级学生会组织：%d 个\n", len(f.CollegeUnions))
		if pending := college.Pending(f); len(pending) > 0 {
			fmt.Fprintf(w, "填报表未收回：%s\n", strings.Join(pending, "、"))
		}
	}
	for _, s := range ed.Sections {
		fmt.Fprintln(w)
		title := s.Title
		if title == "" {
			title = "自评"
		}
		fmt.Fprintf(w, "%s（%s）\n", title, s.Columns[1])
		for _, it := range s.Answerable() {
			var ans string
			if s.Kind == forms.SectionCounts {
				if n, ok := f.CollegeItemCounts[it.ID]; ok {
					ans = fmt.Sprintf("%d", n)
				} else {
					ans = "未填"
				}
			} else {
				a := f.Answers[it.ID]
				ans = boolText(a.Met, s.Answers[0], s.Answers[1])
				if a.Note != "" {
					ans += "  " + a.Note
				}
			}
			fmt.Fprintf(w, "  %-4s %s  %s\n", it.ID, ans, short(it.Text, 24))
		}
	}
}

func dateText(cg forms.Congress) string {
	if cg.Date.IsZero() {
		return "（日期未填）"
	}
	if cg.Planned {
		return "拟于" + cg.Date.Chinese()
	}
	return cg.Date.Chinese()
}

func intText(p *int) string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf("%d", *p)
}

func boolText(p *bool, yes, no string) string {
	switch {
	case p == nil:
		return "未答"
	case *p:
		return yes
	}
	return no
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
