package wizard

import (
	"bytes"
	"errors"

	"sureform/forms"
	"sureform/forms/roster"
)

// FormsRoster is the RosterImporter of the forms/roster package: Excel
// workbooks, CSV and pasted text, with the header recognised and every
// value normalised.
type FormsRoster struct{}

// Preview reads a roster file as the request says.
func (FormsRoster) Preview(req RosterRequest, f *forms.Filing) (*RosterPreview, error) {
	opt := roster.OptionsFor(f)
	opt.Sheet, opt.Password, opt.IncludeHidden = req.Sheet, req.Password, req.IncludeHidden
	if req.Columns != nil {
		opt.Mapping = roster.Mapping{}
		for _, c := range req.Columns {
			if c.Index >= 0 {
				opt.Mapping[roster.Field(c.Field)] = c.Index
			}
		}
	}
	p, err := roster.ReadFile(req.Path, opt)
	if err != nil {
		return nil, choiceError(err)
	}
	pv := &RosterPreview{File: req.Path, Sheet: p.Sheet, Headers: p.Headers, Source: p}
	for _, s := range p.Sheets {
		pv.Sheets = append(pv.Sheets, s.Name)
	}
	for _, fld := range roster.Fields {
		if fld == roster.FieldSerial {
			continue
		}
		idx, ok := p.Mapping[fld]
		if !ok {
			idx = -1
		}
		pv.Columns = append(pv.Columns, RosterColumn{Field: string(fld), Title: fld.Label(), Index: idx})
	}
	for _, r := range p.Members {
		pv.Members = append(pv.Members, r.Member)
		if r.Hidden {
			pv.HiddenRows++
		}
	}
	for _, s := range p.Skipped {
		if s.Hidden {
			pv.HiddenRows++
		}
	}
	for _, pr := range p.Problems {
		col := pr.Column
		if col != "" {
			col += " 列"
			if pr.Field != "" {
				col += "（" + pr.Field.Label() + "）"
			}
		}
		pv.Problems = append(pv.Problems, ImportProblem{Row: pr.Row, Column: col, Severity: pr.Severity, Message: pr.Message, Text: pr.Text})
	}
	// The rows that are not members (totals, notes, sign-off lines, hidden
	// rows) are listed so that the user sees what was left out.
	for _, s := range p.Skipped {
		msg := "这一行未导入：" + s.Reason
		if s.Hidden {
			msg = "这一行在 Excel 中是隐藏的，未导入"
		}
		pv.Problems = append(pv.Problems, ImportProblem{Row: s.Row, Severity: forms.SeverityWarning, Message: msg, Text: s.Text})
	}
	return pv, nil
}

// choiceError turns the error of a workbook with several rosters into a
// choice of sheet for the window; the password errors pass through as
// they are (roster.ErrPasswordRequired, roster.ErrWrongPassword).
func choiceError(err error) error {
	var fe *roster.FileError
	switch {
	case errors.Is(err, roster.ErrAmbiguousSheet) && errors.As(err, &fe):
		c := &SheetChoiceError{Msg: fe.Msg}
		for _, s := range fe.Sheets {
			c.Sheets = append(c.Sheets, s.Name)
		}
		return c
	}
	return err
}

// Apply replaces or merges the roster.
func (FormsRoster) Apply(f *forms.Filing, pv *RosterPreview, merge bool) error {
	p, ok := pv.Source.(*roster.Preview)
	if !ok {
		return errors.New("导入预览已失效，请重新导入")
	}
	mode := roster.Replace
	if merge {
		mode = roster.Merge
	}
	_, err := p.Apply(f, mode)
	return err
}

// WriteTemplate writes the blank roster template for the filing: its
// title names the school, its 所在部门 list the departments.
func (FormsRoster) WriteTemplate(path string, f *forms.Filing) error {
	var buf bytes.Buffer
	err := roster.WriteTemplate(&buf, roster.TemplateOptions{School: f.School, OrgType: f.OrgType, Departments: f.DepartmentNames()})
	if err != nil {
		return err
	}
	return forms.WriteFileAtomic(path, buf.Bytes())
}

// Extensions lists what the file dialog offers; .xls, .et and .wps are
// there so that choosing one explains how to save it as .xlsx.
func (FormsRoster) Extensions() []string {
	return []string{".xlsx", ".xlsm", ".csv", ".txt", ".tsv", ".xls", ".et", ".wps"}
}
