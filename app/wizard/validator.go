package wizard

import "sureform/forms"

// FormsValidator is the Validator of the forms package: every rule of the
// reform documents, and the answers the data supports.
type FormsValidator struct{}

// Validate runs forms.Validate and hands its findings to the window.
func (FormsValidator) Validate(f *forms.Filing, ed *forms.Edition) Report {
	r := forms.Validate(f, ed)
	out := Report{Derived: r.Derived, Findings: make([]Finding, len(r.Findings))}
	for i, fd := range r.Findings {
		out.Findings[i] = Finding{Rule: fd.Rule, Severity: string(fd.Severity), Message: fd.Message, Path: fd.Path, Items: fd.Items, Members: fd.Members}
	}
	return out
}
