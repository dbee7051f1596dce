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
		Validator: wizard.FormsValidator{},
		Roster:    wizard.FormsRoster{},
		Excel:     excelExporter{},
		PDF:       pdfExporter{},
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
	err := pdf.WriteFile(path, f, ed, pdf.Options{
		Progress: progress,
		Warn:     func(w pdf.Warning) { notes = append(notes, w.Message) },
	})
	return notes, err
}
