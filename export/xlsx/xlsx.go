// Package xlsx writes a filing as the Excel workbook a school sends upward
// and prints: the self-assessment form of the filing's edition laid out as
// the official 备案表, the college-level table and matrix of editions that
// have one, the roster of the school-level union (校级组织工作人员名单), and
// the student congress with the 指导责任人 table.
//
// Every sheet is print-ready: A4 portrait, one page wide, centred, with
// the table header repeated on every page and 第 N 页 共 M 页 in the
// footer. Row heights are computed from the text, since spreadsheets do not
// compute them for wrapped text when a file is opened. All text is written
// as strings, never as formulas.
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"sureform/export/docdate"
	"sureform/export/formtext"
	"sureform/forms"
	"sureform/forms/atomicfile"
)

// Names of the sheets, in workbook order. SheetCollege is present only for
// editions with a college-level section.
const (
	SheetForm     = "备案表"
	SheetCollege  = "二级学生会组织情况"
	SheetRoster   = "校级组织工作人员名单"
	SheetCongress = "学代会及指导责任人"
)

// Creator is the author written into the document properties.
const Creator = "sureform"

// Options adjusts how a workbook is written.
type Options struct {
	// Time is written as the document's creation and modification time;
	// the zero value means the current time, or SOURCE_DATE_EPOCH when that
	// is set (package docdate). Set it to make the output reproducible.
	Time time.Time
}

// Write writes the workbook of filing f, answered on edition ed, to w.
// The derived counts, ratios and 备注 come from forms.Derive. On error
// nothing useful has been written to w; the error says in Chinese what
// failed.
func Write(w io.Writer, f *forms.Filing, ed *forms.Edition, opts Options) error {
	if f == nil || ed == nil {
		return errors.New("导出 Excel：没有填报内容或表格版本")
	}
	if f.Edition != "" && f.Edition != ed.ID {
		return fmt.Errorf("导出 Excel：填报文件使用表格版本 %q，但给出的是版本 %q", f.Edition, ed.ID)
	}
	for _, sec := range ed.Sections {
		if len(sec.Answers) != 2 || len(sec.Columns) != 3 {
			return fmt.Errorf("导出 Excel：表格版本 %q 的 section %q 应有两个答案词和三个列名", ed.ID, sec.ID)
		}
	}
	b, err := newBook()
	if err != nil {
		return fmt.Errorf("导出 Excel：%w", err)
	}
	defer b.x.Close()
	d := forms.Derive(f, ed)
	steps := []func() error{
		func() error { return writeForm(b, f, ed, &d) },
		func() error {
			if cs := ed.CollegeSection(); cs != nil {
				return writeCollege(b, f, ed, cs, &d)
			}
			return nil
		},
		func() error { return writeRoster(b, f) },
		func() error { return writeCongress(b, f, &d) },
		func() error { return writeProperties(b.x, f, ed, opts) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("导出 Excel：%w", err)
		}
	}
	b.x.SetActiveSheet(0)
	if err := b.x.Write(w); err != nil {
		return fmt.Errorf("导出 Excel：写出文件：%w", err)
	}
	return nil
}

// WriteFile writes the workbook to path atomically: a failure leaves an
// existing file at path as it was.
func WriteFile(path string, f *forms.Filing, ed *forms.Edition, opts Options) error {
	var buf bytes.Buffer
	if err := Write(&buf, f, ed, opts); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes())
}

// writeProperties fills the document properties: what the file is and
// whose, and nothing about the machine it was made on.
func writeProperties(x *excelize.File, f *forms.Filing, ed *forms.Edition, opts Options) error {
	t := opts.Time
	if t.IsZero() {
		t = docdate.Now()
	}
	stamp := t.UTC().Format(time.RFC3339)
	org := formtext.OrgName(f)
	subject := strings.TrimSpace(org + " " + ed.Name)
	if err := x.SetDocProps(&excelize.DocProperties{
		Title:          formtext.Title(ed),
		Subject:        subject,
		Keywords:       strings.Join(nonEmpty(f.School, ed.Title, f.AcademicYear), "; "),
		Description:    "由 sureform 根据填报文件生成的" + ed.Title + "（" + ed.Name + "）",
		Category:       "学生会组织深化改革评估",
		Creator:        Creator,
		LastModifiedBy: Creator,
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
	}); err != nil {
		return fmt.Errorf("写入文档属性：%w", err)
	}
	if err := x.SetAppProps(&excelize.AppProperties{Application: Creator, Company: f.School}); err != nil {
		return fmt.Errorf("写入文档属性：%w", err)
	}
	return nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
