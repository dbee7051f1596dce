package wizard

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"sureform/export/linebreak"
)

// chineseTexts are the labels broken by the Chinese rules in the open page.
func chineseTexts(w *Window) []*chineseText {
	var out []*chineseText
	for _, o := range test.LaidOutObjects(w.win.Content()) {
		if c, ok := o.(*chineseText); ok && c.Visible() && *c.lines.w.text != "" {
			out = append(out, c)
		}
	}
	return out
}

// The item texts, suggestions and help texts of 改革自评表, and the
// findings in 审核, break where
// Chinese text may break, at every window width: no line starts with
// closing punctuation (），。、) or ends with opening punctuation, an item's
// number stays with its text and a number with its unit; Fyne draws the
// lines as broken (it does not wrap them again).
func TestLinesBreakByChineseRules(t *testing.T) {
	for _, tc := range []struct {
		example, step string
		atLeast       int // texts broken by the rules on the page
	}{
		{"changji-2020.json", "改革自评表", 17},
		{"yangquan-2021.json", "改革自评表", 17},
		{"changji-2020.json", "审核", 10},
	} {
		example := tc.example + " " + tc.step
		// one window resized: the lines are broken again at each width
		w := newTestWindow(t, allBackends())
		w.OpenExample(tc.example)
		w.ShowStepByTitle(tc.step)
		for _, width := range []float32{1024, 1366, 760, 1100} {
			w.win.Resize(fyne.NewSize(width, 700))
			texts := chineseTexts(w)
			if len(texts) < tc.atLeast {
				t.Fatalf("%s: %d texts broken by the Chinese rules, want at least %d", example, len(texts), tc.atLeast)
			}
			multi := 0
			for _, c := range texts {
				if want := breakText(c.lines.source, c.lines.w, c.Size().Width); *c.lines.w.text != want {
					t.Errorf("%s at %v: lines not broken again at the width %v: %q, want %q", example, width, c.Size().Width, *c.lines.w.text, want)
				}
				lines := strings.Split(*c.lines.w.text, "\n")
				if len(lines) > 1 {
					multi++
				}
				if joined := strings.ReplaceAll(*c.lines.w.text, "\n", ""); strings.ReplaceAll(c.lines.source, "\n", "") != joined {
					t.Errorf("%s at %v: text changed when broken: %q → %q", example, width, c.lines.source, joined)
				}
				for i, line := range lines {
					rs := []rune(line)
					if len(rs) == 0 {
						continue
					}
					if linebreak.IsClosing(rs[0]) {
						t.Errorf("%s at %v: line starts with %q: %q", example, width, rs[0], line)
					}
					if linebreak.IsOpening(rs[len(rs)-1]) {
						t.Errorf("%s at %v: line ends with %q: %q", example, width, rs[len(rs)-1], line)
					}
					if n := len(rs); i+1 < len(lines) && n >= 2 && rs[n-1] == '.' && unicode.IsDigit(rs[n-2]) {
						t.Errorf("%s at %v: an item's number parted from its text: %q | %q", example, width, line, lines[i+1])
					}
					if i+1 < len(lines) && unicode.IsDigit(rs[len(rs)-1]) {
						if next := []rune(lines[i+1]); len(next) > 0 && (strings.ContainsRune("人个项年月日名", next[0]) || next[0] == '.') {
							t.Errorf("%s at %v: a number parted from what follows: %q | %q", example, width, line, lines[i+1])
						}
					}
				}
				var drawn []string
				for _, o := range test.LaidOutObjects(c) {
					if txt, ok := o.(*canvas.Text); ok {
						drawn = append(drawn, txt.Text)
					}
				}
				if len(drawn) != len(lines) {
					t.Errorf("%s at %v: broken into %d lines, drawn as %d: %q", example, width, len(lines), len(drawn), drawn)
				}
			}
			if multi == 0 {
				t.Errorf("%s at %v: no text broken into lines; the test checks nothing", example, width)
			}
		}
	}
}
