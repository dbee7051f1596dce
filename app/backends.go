package app

import "sureform/app/wizard"

// backends connects the window to the domain packages that are built into
// this version; a back end that is missing is shown as unavailable.
func backends() wizard.Backends {
	return wizard.Backends{}
}
