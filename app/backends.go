package app

import (
	"sureform/app/wizard"
	"sureform/export/pdf"
	"sureform/export/xlsx"
	"sureform/forms"
)

// backends connects the window to the domain packages that are built into
// this version; a back end that is missing is shown as unavailable.
func backends() wizard.Backends {
	return wizard.Backends{
		Roster: wizard.FormsRoster{},
		Excel:  excelExporter{},
		PDF:    pdfExporter{},
		Review: reviewExporter{},
	}
}

// excelExporter writes the official self-assessment workbook.
type excelExporter struct{}

func (excelExporter) Export(path string, f *forms.Filing, ed *forms.Edition, _ func(float64)) ([]string, error) {
	return nil, xlsx.WriteFile(path, f, ed, xlsx.Options{})
}

// pdfExporter writes the printable report, reporting its progress and the
// characters it could not print.
type pdfExporter struct{}

func (pdfExporter) Export(path string, f *forms.Filing, ed *forms.Edition, progress func(float64)) ([]string, error) {
	var notes []string
	res, err := pdf.WriteFileResult(path, f, ed, pdf.Options{
		Progress: progress,
		Warn:     func(w pdf.Warning) { notes = append(notes, w.Message) },
		FontDirs: pdf.SystemFontDirs(),
	})
	if err != nil {
		return notes, err
	}
	return append(notes, "PDF 报告使用的字体："+res.Faces()), nil
}

// reviewExporter writes the internal 审核报告: every finding of the
// filing, grouped as 审核 groups them.
type reviewExporter struct{}

func (reviewExporter) Export(path string, f *forms.Filing, ed *forms.Edition, progress func(float64)) ([]string, error) {
	rep := forms.Validate(f, ed)
	_, err := pdf.WriteReviewFile(path, f, ed, &rep, pdf.Options{Progress: progress, FontDirs: pdf.SystemFontDirs()})
	return nil, err
}
