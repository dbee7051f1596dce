// Package wizard is sureform's main window: the filing as a sequence of
// steps (基本信息 … 导出与打印), each a small screen over the forms model.
// It holds no rules of its own: findings come from forms.Validate, rosters
// from a RosterImporter and files from Exporters, the last two passed in
// through Backends so that tests can use fakes.
package wizard

import "sureform/forms"

// RosterColumn is one field of the roster and the source column it is read
// from; Index is -1 when no column is mapped.
type RosterColumn struct {
	// Field is the member's JSON field name (name, political_status …).
	Field string
	// Title is the field's Chinese name (姓名, 政治面貌 …).
	Title string
	// Index is the 0-based source column, or -1.
	Index int
}

// ImportProblem is a value of the source file that could not be read.
type ImportProblem struct {
	Row      int // 1-based row of the sheet
	Column   string
	Severity forms.Severity
	Message  string
	Text     string
}

// RosterRequest says what to read: the file, and what the user chose so
// far (a sheet, a password, a corrected column mapping).
type RosterRequest struct {
	Path     string
	Sheet    string
	Password string
	// Columns, when not nil, replaces the recognised mapping.
	Columns []RosterColumn
	// IncludeHidden imports the rows hidden in Excel too.
	IncludeHidden bool
}

// SheetChoiceError is returned when several sheets look like a roster.
type SheetChoiceError struct {
	Msg    string
	Sheets []string
}

// Error returns the importer's message.
func (e *SheetChoiceError) Error() string { return e.Msg }

// RosterPreview is a parsed roster not yet applied to the filing.
type RosterPreview struct {
	Request RosterRequest
	File    string
	Sheet   string
	Sheets  []string
	// Headers are the source columns' header texts, by index.
	Headers  []string
	Columns  []RosterColumn
	Members  []forms.Member
	Problems []ImportProblem
	// HiddenRows counts the rows hidden in Excel, left out or (with
	// Request.IncludeHidden) imported.
	HiddenRows int
	// Source is the importer's own state, passed back to Apply and Remap.
	Source any
}

// RosterImporter reads rosters that users keep in Excel or CSV.
type RosterImporter interface {
	// Preview parses a roster file. f is read for its academic year and
	// organisation type only. Errors are for the user, in Chinese; those
	// that ask the user for something wrap roster.ErrPasswordRequired or
	// roster.ErrWrongPassword, or are a *SheetChoiceError.
	Preview(req RosterRequest, f *forms.Filing) (*RosterPreview, error)
	// Apply puts the previewed members into the filing, replacing the
	// roster or merging into it (matching on name and college).
	Apply(f *forms.Filing, p *RosterPreview, merge bool) error
	// WriteTemplate writes a blank roster template for the filing to path.
	WriteTemplate(path string, f *forms.Filing) error
	// Extensions lists the file name extensions the importer reads
	// (".xlsx", ".csv" …).
	Extensions() []string
}

// Exporter writes a filing as one kind of file.
type Exporter interface {
	// Export writes the filing to path. It runs off the UI thread and may
	// call progress with the share done (0 to 1). notes are things the
	// user should know about the file written (a character no font
	// has), in Chinese.
	Export(path string, f *forms.Filing, ed *forms.Edition, progress func(float64)) (notes []string, err error)
}

// Backends are the roster importer and the exporters the window calls
// (tests give fakes). Findings come from forms.Validate directly. A nil
// exporter is one this build has not; the export step says so.
type Backends struct {
	Roster RosterImporter
	Excel  Exporter
	PDF    Exporter
	// Review writes the internal 审核报告 (all findings, for the 团委's
	// review before signing).
	Review Exporter
}
