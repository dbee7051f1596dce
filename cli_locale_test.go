package main

import (
	"os"
	"os/exec"
	"regexp"
	"testing"

	"sureform/app/initlog"
)

// englishWord matches a word of Latin letters; the editions listing is
// all Chinese and numbers.
var englishWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// TestSubcommandPrintsNoEnglish runs this test binary again as the
// program would start for "sureform editions" under a locale Fyne cannot
// parse (LANG=C.UTF-8), and checks that what it prints, on standard output
// and error together, has no English: Fyne's localisation logs "Fyne error:
// Error parsing user locale C" while the packages initialise, before main,
// and initlog must hold that back.
func TestSubcommandPrintsNoEnglish(t *testing.T) {
	if os.Getenv("SUREFORM_TEST_SUBCOMMAND") == "editions" {
		initlog.Discard() // as main does for a subcommand
		os.Exit(run([]string{"editions"}, os.Stdout, os.Stderr))
	}
	for _, locale := range []string{"C.UTF-8", "C", "POSIX", "zh_CN.UTF-8", "en_US.UTF-8"} {
		t.Run(locale, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestSubcommandPrintsNoEnglish$")
			cmd.Env = append(os.Environ(),
				"SUREFORM_TEST_SUBCOMMAND=editions",
				"SUREFORM_EDITIONS_DIR="+t.TempDir(),
				"LANG="+locale, "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("sureform editions: %v\n%s", err, out)
			}
			if len(out) == 0 {
				t.Fatal("sureform editions printed nothing")
			}
			if words := englishWord.FindAllString(string(out), -1); len(words) > 0 {
				t.Errorf("sureform editions under LANG=%s prints English %q:\n%s", locale, words, out)
			}
		})
	}
}
