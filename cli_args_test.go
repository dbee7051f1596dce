package main

import (
	"path/filepath"
	"testing"
)

// Only the known subcommand names are commands: a single other argument
// is a file for the desktop app (a double-clicked filing).
func TestArgumentsOpenTheAppOrRunACommand(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		command bool
		file    string
	}{
		{nil, false, ""},
		{[]string{"validate", "x.json"}, true, ""},
		{[]string{"show"}, true, ""},
		{[]string{"--help"}, true, ""},
		{[]string{"version"}, true, ""},
		{[]string{"/home/办公室/阳泉 备案.json"}, false, "/home/办公室/阳泉 备案.json"},
		{[]string{"文件.json"}, false, "文件.json"},
		{[]string{"validate.json"}, false, "validate.json"},
		{[]string{"名单.xlsx"}, false, "名单.xlsx"},
		{[]string{"-psn_0_1234"}, false, ""},
		{[]string{"vaildate", "x.json"}, true, ""}, // a mistyped command is reported
	} {
		if got := isCommandLine(tc.args); got != tc.command {
			t.Errorf("isCommandLine(%q) = %v", tc.args, got)
		}
		if tc.command {
			continue
		}
		want := tc.file
		if want != "" && !filepath.IsAbs(want) {
			want, _ = filepath.Abs(want)
		}
		if got := fileArgument(tc.args); got != want {
			t.Errorf("fileArgument(%q) = %q, want %q", tc.args, got, want)
		}
	}
}
