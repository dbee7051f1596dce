package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"sureform/export/collegebook"
	"sureform/forms"
	"sureform/forms/college"
)

// runColleges runs `sureform colleges template|import`: the round trip of
// the college workbooks (二级学生会组织填报表).
func runColleges(c *cli, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: "需要子命令 template 或 import"}
	}
	switch args[0] {
	case "template":
		return runCollegesTemplate(c, args[1:])
	case "import":
		return runCollegesImport(c, args[1:])
	}
	return &usageError{msg: fmt.Sprintf("未知的子命令 %q（可用 template 或 import）", args[0])}
}

func runCollegesTemplate(c *cli, args []string) error {
	fs := c.flags("colleges template")
	out := fs.String("o", "", "写入各组织填报表的文件夹")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return &usageError{msg: "需要一个填报文件和 -o 文件夹"}
	}
	f, ed, err := c.loadFiling(pos[0])
	if err != nil {
		return err
	}
	files, err := collegebook.WriteAll(*out, f, ed, forms.DateOf(c.now()))
	for _, p := range files {
		fmt.Fprintln(c.stdout, "已生成", p)
	}
	if err != nil {
		return &exitError{code: exitUsage, msg: "sureform colleges template：" + err.Error()}
	}
	if err := forms.Save(pos[0], f); err != nil {
		return &exitError{code: exitUsage, msg: "sureform colleges template：" + err.Error()}
	}
	fmt.Fprintf(c.stdout, "共 %d 个二级学生会组织；已在 %s 中记为“已发出、未收回”，收回后用 sureform colleges import 导入\n", len(files), pos[0])
	return nil
}

func runCollegesImport(c *cli, args []string) error {
	fs := c.flags("colleges import")
	asJSON := fs.Bool("json", false, "以 JSON 输出每个组织的成员、答案、问题和按数据得出的答案")
	dryRun := fs.Bool("dry-run", false, "只预览，不改动填报文件")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return &usageError{msg: "需要一个填报文件和至少一个收回的二级学生会组织填报表（.xlsx）"}
	}
	f, ed, err := c.loadFiling(pos[0])
	if err != nil {
		return err
	}
	var previews []*college.Preview
	var failed []string
	for _, path := range pos[1:] {
		p, err := college.ReadFile(path, f, ed)
		if err != nil {
			failed = append(failed, err.Error())
			fmt.Fprintln(c.stderr, "sureform colleges import：", err)
			continue
		}
		previews = append(previews, p)
	}
	if *asJSON {
		if err := writeCollegesJSON(c.stdout, f, ed, previews); err != nil {
			return err
		}
	} else {
		for _, p := range previews {
			writeCollegePreview(c.stdout, f, ed, p)
		}
	}
	out := c.stdout
	if *asJSON {
		out = c.stderr
	}
	if len(previews) > 0 && !*dryRun {
		res, err := college.Apply(f, ed, previews, forms.DateOf(c.now()))
		if err != nil {
			return &exitError{code: exitUsage, msg: "sureform colleges import：" + err.Error()}
		}
		if err := forms.Save(pos[0], f); err != nil {
			return &exitError{code: exitUsage, msg: "sureform colleges import：" + err.Error()}
		}
		fmt.Fprintf(out, "已导入到 %s：更新 %d 个组织，新增 %d 个组织\n", pos[0], res.Replaced, res.Added)
		if pending := college.Pending(f); len(pending) > 0 {
			fmt.Fprintf(out, "未收回：%s\n", strings.Join(pending, "、"))
		}
	}
	problems := 0
	for _, p := range previews {
		problems += p.ErrorCount()
	}
	switch {
	case len(failed) > 0:
		return &exitError{code: exitUsage, msg: fmt.Sprintf("sureform colleges import：%d 个文件无法导入", len(failed))}
	case problems > 0:
		return &exitError{code: exitFindings, msg: fmt.Sprintf("sureform colleges import：有 %d 个值无法识别（已留空），请核对上面列出的位置", problems)}
	}
	return nil
}

// collegeJSON is one college in the document `colleges import --json`
// prints.
type collegeJSON struct {
	File    string `json:"file"`
	College string `json:"college"`
	// New is true when the filing has no union of that name yet.
	New          bool                        `json:"new"`
	OrgType      *string                     `json:"org_type"`
	Students     *int                        `json:"students"`
	CongressDate *string                     `json:"congress_date"`
	Election     *string                     `json:"presidium_election"`
	LeagueLead   forms.Guide                 `json:"league_lead"`
	Secretary    forms.Guide                 `json:"secretary_general"`
	FilledBy     *string                     `json:"filled_by"`
	Phone        *string                     `json:"phone"`
	Staff        int                         `json:"staff"`
	Presidium    int                         `json:"presidium"`
	Members      []memberJSON                `json:"members"`
	Answers      map[string]*bool            `json:"answers"`
	Notes        map[string]string           `json:"notes"`
	Derived      map[string]forms.Suggestion `json:"derived"`
	Filled       []string                    `json:"filled"`
	Problems     []collegeProblemJSON        `json:"problems"`
	Findings     []forms.Finding             `json:"findings"`
	Changes      []string                    `json:"changes"`
}

type collegeProblemJSON struct {
	Sheet *string `json:"sheet"`
	problemJSON
}

// writeCollegesJSON prints every preview with the findings that applying
// it would give about that college.
func writeCollegesJSON(w io.Writer, f *forms.Filing, ed *forms.Edition, previews []*college.Preview) error {
	doc := struct {
		Colleges []collegeJSON `json:"colleges"`
	}{Colleges: []collegeJSON{}}
	for _, p := range previews {
		u := &p.Union
		cj := collegeJSON{File: p.File, College: u.UnionName(f), New: p.Target < 0, OrgType: orNull(u.OrgType), Students: u.Students,
			CongressDate: orNull(u.CongressDate.String()), Election: orNull(u.PresidiumElection), LeagueLead: u.LeagueLead,
			Secretary: u.SecretaryGeneral, FilledBy: orNull(u.FilledBy), Phone: orNull(u.Phone), Staff: p.Derived.Staff,
			Presidium: p.Derived.Presidium, Members: []memberJSON{}, Answers: map[string]*bool{}, Notes: u.Notes,
			Derived: p.Derived.Items, Filled: p.Filled, Problems: []collegeProblemJSON{}, Findings: p.Findings(f, ed),
			Changes: p.Changes}
		if cj.Notes == nil {
			cj.Notes = map[string]string{}
		}
		if cj.Filled == nil {
			cj.Filled = []string{}
		}
		for _, r := range p.Rows {
			cj.Members = append(cj.Members, newMemberJSON(r))
		}
		for _, it := range ed.CollegeSection().Answerable() {
			if v, ok := u.Items[it.ID]; ok {
				cj.Answers[it.ID] = forms.BoolPtr(v)
			} else {
				cj.Answers[it.ID] = nil
			}
		}
		for _, pr := range p.Problems {
			pj := collegeProblemJSON{Sheet: orNull(pr.Sheet), problemJSON: problemJSON{Column: orNull(pr.Column), Severity: pr.Severity, Message: pr.Message, Text: orNull(pr.Text)}}
			if pr.Row > 0 {
				pj.Row = forms.IntPtr(pr.Row)
			}
			cj.Problems = append(cj.Problems, pj)
		}
		doc.Colleges = append(doc.Colleges, cj)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encoding college import result: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func writeCollegePreview(w io.Writer, f *forms.Filing, ed *forms.Edition, p *college.Preview) {
	u := &p.Union
	fmt.Fprintf(w, "%s：%s，工作人员 %d 人（主席团 %d 人）\n", p.File, u.UnionName(f), p.Derived.Staff, p.Derived.Presidium)
	for _, ch := range p.Changes {
		fmt.Fprintln(w, "  ·", ch)
	}
	var answers []string
	for _, it := range ed.CollegeSection().Answerable() {
		a := "未答"
		if v, ok := u.Items[it.ID]; ok {
			a = boolText(&v, "是", "否")
		}
		if s := p.Derived.Items[it.ID]; s.Met != nil {
			a += "（数据：" + boolText(s.Met, "是", "否") + "）"
		}
		answers = append(answers, it.Number+"."+a)
	}
	fmt.Fprintf(w, "  答案：%s\n", strings.Join(answers, " "))
	for _, pr := range p.Problems {
		fmt.Fprintf(w, "  %s：%s\n", pr.Severity.Chinese(), pr.String())
	}
	for _, fd := range p.Findings(f, ed) {
		fmt.Fprintf(w, "  %s：%s\n", fd.Severity.Chinese(), fd.Message)
	}
	fmt.Fprintln(w)
}
