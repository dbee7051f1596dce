package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"sureform/forms"
	"sureform/forms/formtemplate"
)

// editionFromTemplate proposes an edition from the province's template:
// it lists the items as read, each beside the newest edition's matching
// item, and writes the definition to out and/or installs it.
func (c *cli) editionFromTemplate(path, id, out string, install bool) error {
	ref := c.editions.Newest()
	p, err := formtemplate.ReadFile(path, ref, formtemplate.Options{ID: id, Today: c.now()})
	if err != nil {
		return &exitError{code: exitUsage, msg: "sureform editions：" + err.Error()}
	}
	if _, err := c.editions.Get(p.Edition.ID); err == nil {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("sureform editions：表格版本 %q 已存在，请用 --id 指定新的 id", p.Edition.ID)}
	}
	writeProposal(c.stdout, p)
	data := p.TOML(filepath.Base(path))
	if out == "" && !install {
		fmt.Fprintln(c.stdout, "\n（未保存：用 -o 版本.toml 写出定义文件核对后再 --add，或用 --install 直接加入）")
		return nil
	}
	if out != "" {
		if _, err := os.Stat(out); err == nil {
			return &exitError{code: exitUsage, msg: fmt.Sprintf("sureform editions：文件 %s 已存在，未覆盖", out)}
		}
		if err := forms.WriteFileAtomic(out, data); err != nil {
			return &exitError{code: exitUsage, msg: "sureform editions：" + err.Error()}
		}
		fmt.Fprintf(c.stdout, "\n已写出表格版本定义 %s\n", out)
	}
	if install {
		src := out
		if src == "" {
			tmp, err := os.MkdirTemp("", "sureform-edition-")
			if err != nil {
				return fmt.Errorf("创建临时目录：%w", err)
			}
			defer os.RemoveAll(tmp)
			src = filepath.Join(tmp, "edition.toml")
			if err := os.WriteFile(src, data, 0o600); err != nil {
				return fmt.Errorf("写临时文件：%w", err)
			}
		}
		ed, err := c.editions.InstallEdition(src, c.userEditions)
		if err != nil {
			return &exitError{code: exitUsage, msg: "sureform editions：" + err.Error()}
		}
		fmt.Fprintf(c.stdout, "已加入表格版本 %s（%s），保存在 %s\n", ed.ID, ed.Name, c.userEditions)
	}
	return nil
}

// writeProposal lists a proposal item by item: number, marker, status,
// deciding fact, note kind, the wording, and for a reworded item the old
// wording it replaces.
func writeProposal(w io.Writer, p *formtemplate.Proposal) {
	ed := p.Edition
	fmt.Fprintf(w, "由模板读出的表格版本 %s：%s\n", ed.ID, ed.Name)
	if ed.Legend != "" {
		fmt.Fprintf(w, "图例：%s\n", ed.Legend)
	}
	if p.Reference != nil {
		fmt.Fprintf(w, "与表格版本 %s 逐项对照：\n", p.Reference.ID)
	}
	section := ""
	for _, it := range p.Items {
		if it.Section != section {
			section = it.Section
			if s := ed.Section(section); s != nil {
				fmt.Fprintf(w, "\n【%s】（%s）\n", orDefault(s.Title, "自评"), strings.Join(s.Answers, "/"))
			}
		}
		num := it.Item.Number
		if num == "" {
			num = it.Item.ID
		}
		fmt.Fprintf(w, "%-5s %-2s %-4s 判定依据：%s", num, it.Item.Marker, it.Status.Chinese(), forms.FactTitle(it.Item.Fact))
		if it.Item.Note != forms.NoteNone {
			fmt.Fprintf(w, "；备注：%s", forms.NoteTitle(it.Item.Note))
		}
		fmt.Fprintf(w, "\n      %s\n", it.Item.Text)
		if it.Status == formtemplate.StatusChanged {
			fmt.Fprintf(w, "      原第 %s 项：%s\n      请核对判定依据是否仍适用\n", it.Match.ID, it.Match.Text)
		}
	}
	fmt.Fprintf(w, "\n共 %d 项：相同 %d 项，有改动 %d 项，新增 %d 项\n", len(p.Items),
		len(p.Items)-len(p.Changed())-len(p.New()), len(p.Changed()), len(p.New()))
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// runCarry carries a filing into another edition and saves it as a new
// file, listing the items whose answers could not move.
func runCarry(c *cli, args []string) error {
	fs := c.flags("carry")
	edition := fs.String("edition", "", "目标表格版本 id（默认最新的版本）")
	out := fs.String("o", "", "输出的填报文件")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 1:
		return &usageError{msg: "需要一个填报文件"}
	case *out == "":
		return &usageError{msg: "缺少 -o 输出文件"}
	}
	f, from, err := c.loadFiling(pos[0])
	if err != nil {
		return err
	}
	to := c.editions.Newest()
	if *edition != "" {
		if to, err = c.editions.Get(*edition); err != nil {
			return &usageError{msg: err.Error()}
		}
	}
	if to.ID == from.ID {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("sureform carry：%s 已经是表格版本 %s", pos[0], to.ID)}
	}
	if _, err := os.Stat(*out); err == nil {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("sureform carry：文件 %s 已存在，未覆盖", *out)}
	}
	carried, rep, err := forms.CarryFiling(f, from, to)
	if err != nil {
		return &exitError{code: exitUsage, msg: "sureform carry：" + err.Error()}
	}
	if err := forms.Save(*out, carried); err != nil {
		return &exitError{code: exitUsage, msg: "sureform carry：" + err.Error()}
	}
	writeCarryReport(c.stdout, rep)
	fmt.Fprintf(c.stdout, "已保存 %s（%s）\n", *out, to.Name)
	return nil
}

// writeCarryReport lists what moved, what was reworded, what was dropped
// and what is new.
func writeCarryReport(w io.Writer, rep *forms.CarryReport) {
	fmt.Fprintf(w, "从 %s 转到 %s：%d 项答案已转过去\n", rep.From.Name, rep.To.Name, len(rep.Carried))
	for _, c := range rep.Carried {
		if c.Reworded {
			fmt.Fprintf(w, "  第 %s 项 → 第 %s 项，措辞有改动，请核对答案：%s\n", c.From.ID, c.To.ID, c.To.Text)
		}
	}
	if d := rep.OldFilingDate; !d.IsZero() {
		fmt.Fprintf(w, "填报日期仍为 %s，不在%s内，请更新\n", d.Chinese(), rep.To.AcademicYear)
	}
	if len(rep.Dropped) > 0 {
		fmt.Fprintf(w, "新版本中没有对应条目、答案未转过去的 %d 项：\n", len(rep.Dropped))
		for _, it := range rep.Dropped {
			fmt.Fprintf(w, "  原第 %s 项：%s\n", it.ID, it.Text)
		}
	}
	if len(rep.New) > 0 {
		fmt.Fprintf(w, "新版本中新增、尚未作答的 %d 项：\n", len(rep.New))
		for _, it := range rep.New {
			fmt.Fprintf(w, "  第 %s 项：%s\n", it.ID, it.Text)
		}
	}
}
