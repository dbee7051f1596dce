package xlsx

import (
	"strings"

	"sureform/export/linebreak"
)

// Neither excelize nor the spreadsheet programs compute the height of a
// row whose cells wrap text when the file is opened, so the writer does it:
// it lays the text out with the line breaker the PDF report uses (package
// linebreak: greedy line filling by the Chinese punctuation rules, words,
// numbers with their units and names kept whole) and sets the row height
// to the number of lines times the line height. Widths are in em of
// the cell's font: CJK characters and full-width forms are 1 em; Latin
// letters and digits are taken a little wider than 宋体's half-width glyphs
// (0.5 em), since the substitute fonts of machines without 宋体 are wider.

// runeWidth is the width of r in em.
func runeWidth(r rune) float64 {
	switch {
	case r == '\t':
		return 2
	case r < 0x20:
		return 0
	case r < 0x7f:
		switch {
		case strings.ContainsRune("iljI.,;:'|!`()[]{} ", r):
			return 0.35
		case strings.ContainsRune("MWmw@%&", r):
			return 0.85
		case r >= 'A' && r <= 'Z':
			return 0.68
		}
		return 0.6
	case r < 0x2000:
		return 0.6 // Latin-1 and other alphabetic scripts
	case r >= 0xff61 && r <= 0xffdc:
		return 0.6 // half-width forms
	}
	return 1 // CJK, full-width punctuation, symbols such as ☑ □ ★ ▲
}

// textWidth is the width of s in em, all on one line.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// wrapLines lays s out in lines of at most width em and returns them. Each
// paragraph (a line of s) starts a new line; an empty paragraph is one empty
// line. The result has at least one line.
func wrapLines(s string, width float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		lines = append(lines, wrapParagraph(para, width)...)
	}
	return lines
}

// lineCount is len(wrapLines(s, width)), without building the lines when
// s is one short paragraph.
func lineCount(s string, width float64) int {
	if !strings.ContainsAny(s, "\r\n") && textWidth(s) <= max(width, 1) {
		return 1
	}
	return len(wrapLines(s, width))
}

// wrapParagraph lays one paragraph out by the Chinese line-breaking rules
// the PDF report follows too (package linebreak).
func wrapParagraph(p string, width float64) []string {
	if !(width >= 1) { // also NaN
		width = 1
	}
	lines := linebreak.Lines(strings.ReplaceAll(p, "\t", "  "), width, runeWidth)
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}
