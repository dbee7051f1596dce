package main

import (
	"encoding/json"
	"fmt"
	"io"

	"sureform/forms"
)

// runValidate checks a filing against the rule catalogue and prints the
// findings grouped by section, errors first, then 未达标项, then 提示, or as
// JSON with --json. It ends with exitFindings when there is any 错误; an
// 未达标项 (a gap the filing honestly states) does not make it fail.
func runValidate(c *cli, args []string) error {
	fs := c.flags("validate")
	asJSON := fs.Bool("json", false, "以 JSON 输出检查结果")
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
	rep := forms.Validate(f, ed)
	if *asJSON {
		if err := writeValidationJSON(c.stdout, &rep); err != nil {
			return &exitError{code: exitUsage, msg: "sureform validate：" + err.Error()}
		}
	} else {
		writeValidationText(c.stdout, pos[0], f, ed, &rep)
	}
	if rep.Fails() {
		return &exitError{code: exitFindings}
	}
	return nil
}

// validationJSON is the shape `sureform validate --json` prints.
type validationJSON struct {
	Summary struct {
		Errors    int `json:"errors"`
		Unmet     int `json:"unmet"`
		CoreUnmet int `json:"core_unmet"`
		Warnings  int `json:"warnings"`
	} `json:"summary"`
	Findings []forms.Finding `json:"findings"`
	Derived  forms.Derived   `json:"derived"`
}

func writeValidationJSON(w io.Writer, rep *forms.Report) error {
	var out validationJSON
	out.Summary.Errors, out.Summary.Unmet, out.Summary.Warnings = rep.Errors, rep.Unmet, rep.Warnings
	out.Summary.CoreUnmet = rep.CoreUnmet
	out.Findings = rep.Findings
	if out.Findings == nil {
		out.Findings = []forms.Finding{}
	}
	out.Derived = rep.Derived
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return fmt.Errorf("输出检查结果：%w", err)
	}
	return nil
}

// writeValidationText prints the findings: errors first, then 未达标项, then
// 提示, each grouped under the section of the filing they concern, and a
// one-line summary. The text is for people: the findings' field paths are
// left to --json.
func writeValidationText(w io.Writer, path string, f *forms.Filing, ed *forms.Edition, rep *forms.Report) {
	fmt.Fprintf(w, "%s（%s，%s）\n", path, f.School, ed.Name)
	for _, sev := range forms.Severities() {
		section := ""
		first := true
		for _, fd := range rep.Findings {
			if fd.Severity != sev {
				continue
			}
			if first {
				fmt.Fprintf(w, "\n%s\n", sev.Chinese())
				first = false
			}
			if s := forms.PathSection(fd.Path); s != section {
				section = s
				fmt.Fprintf(w, "  【%s】\n", section)
			}
			fmt.Fprintf(w, "    %s\n", fd.Message)
		}
	}
	fmt.Fprintln(w)
	if len(rep.Findings) == 0 {
		fmt.Fprintln(w, "检查完毕：没有发现错误、未达标项或提示。")
		return
	}
	unmet := fmt.Sprintf("%d 个未达标项", rep.Unmet)
	if rep.CoreUnmet > 0 {
		unmet += fmt.Sprintf("（其中核心指标 %d 个）", rep.CoreUnmet)
	}
	fmt.Fprintf(w, "检查完毕：%d 个错误，%s，%d 个提示。\n", rep.Errors, unmet, rep.Warnings)
}
