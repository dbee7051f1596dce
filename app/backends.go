package app

import (
	"sureform/app/wizard"
	"sureform/export/xlsx"
	"sureform/forms"
)

// backends connects the window to the domain packages that are built into
// this version; a back end that is missing is shown as unavailable.
func backends() wizard.Backends {
	return wizard.Backends{
		Validator: wizard.FormsValidator{},
		Excel:     excelExporter{},
	}
}

// excelExporter writes the official self-assessment workbook.
type excelExporter struct{}

func (excelExporter) Export(path string, f *forms.Filing, ed *forms.Edition) error {
	return xlsx.WriteFile(path, f, ed, xlsx.Options{})
}
