package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering keeps the imports pointing one way: main → app → forms,
// export; export → forms. The domain and the writers must build without
// Fyne (and so without cgo or a display), and forms must not know the
// writers.
func TestLayering(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	tests := []struct {
		pkgs      string
		self      string // import path prefix of the packages themselves
		forbidden []string
	}{
		{"./forms/...", "sureform/forms", []string{"fyne.io/", "sureform/export", "sureform/app"}},
		{"./export/...", "sureform/export", []string{"fyne.io/", "sureform/app"}},
		{"./assets", "sureform/assets", []string{"fyne.io/", "sureform/"}},
		// The TrueType reader is shared by the PDF writer and the GUI's
		// font pruner; the pruner does not reach into the PDF writer.
		{"./assets/fontfile", "sureform/assets/fontfile", []string{"fyne.io/", "sureform/"}},
		{"./app/fontprune", "sureform/app/fontprune", []string{"fyne.io/", "sureform/export"}},
	}
	for _, tc := range tests {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", tc.pkgs).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", tc.pkgs, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, bad := range tc.forbidden {
				if strings.HasPrefix(dep, bad) && !strings.HasPrefix(dep, tc.self) {
					t.Errorf("%s depends on %s", tc.pkgs, dep)
				}
			}
		}
	}
}
