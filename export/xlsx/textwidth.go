package xlsx

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Neither excelize nor the spreadsheet programs compute the height of a
// row whose cells wrap text when the file is opened, so the writer does it:
// it lays the text out the way a spreadsheet does (greedy line filling,
// breaking anywhere between CJK characters and between words of Latin
// text, never starting a line with closing punctuation) and sets the row
// height to the number of lines times the line height. Widths are in em of
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

// noLineStart holds the characters a line may not start with (closing
// punctuation, by the Chinese line-breaking rules that spreadsheets apply).
const noLineStart = "，。、；：！？）》」』】〕”’%‰…·,.;:!?)]}>"

// breakableAfter reports whether a line may break after r inside a run of
// Latin text.
func breakableAfter(r rune) bool {
	return r == ' ' || r == '-' || r == '/' || r == '\t'
}

// isWide reports whether r is laid out as a single unbreakable unit (CJK
// and other full-width characters), as opposed to being part of a word.
func isWide(r rune) bool {
	return runeWidth(r) == 1 || unicode.Is(unicode.Han, r)
}

// token is one unit of line filling: a CJK character or a Latin word with
// its trailing break character.
type token struct {
	text  string
	width float64
	space bool // a lone space, dropped at the end of a line
}

func tokenize(p string) []token {
	var out []token
	i := 0
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		if isWide(r) || r == ' ' {
			out = append(out, token{text: p[i : i+n], width: runeWidth(r), space: r == ' '})
			i += n
			continue
		}
		j := i
		for j < len(p) {
			r2, n2 := utf8.DecodeRuneInString(p[j:])
			if isWide(r2) || r2 == ' ' {
				break
			}
			j += n2
			if breakableAfter(r2) {
				break
			}
		}
		out = append(out, token{text: p[i:j], width: textWidth(p[i:j])})
		i = j
	}
	return out
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

func wrapParagraph(p string, width float64) []string {
	if !(width >= 1) { // also NaN
		width = 1
	}
	var lines []string
	var cur []token
	curW := 0.0
	flush := func() {
		var b strings.Builder
		for _, t := range cur {
			b.WriteString(t.text)
		}
		lines = append(lines, b.String())
		cur, curW = nil, 0
	}
	for _, t := range tokenize(p) {
		if curW+t.width <= width+1e-9 {
			cur = append(cur, t)
			curW += t.width
			continue
		}
		if t.space {
			// A space that does not fit ends the line and is not drawn.
			cur = append(cur, t)
			flush()
			continue
		}
		if t.width > width {
			// A word longer than a line is broken between characters.
			for _, r := range t.text {
				w := runeWidth(r)
				if curW+w > width+1e-9 && len(cur) > 0 {
					flush()
				}
				cur = append(cur, token{text: string(r), width: w})
				curW += w
			}
			continue
		}
		// t starts a new line; closing punctuation takes the previous
		// character with it.
		var carry []token
		if r, _ := utf8.DecodeRuneInString(t.text); strings.ContainsRune(noLineStart, r) && len(cur) > 1 {
			carry = []token{cur[len(cur)-1]}
			cur = cur[:len(cur)-1]
		}
		flush()
		for _, c := range carry {
			cur = append(cur, c)
			curW += c.width
		}
		cur = append(cur, t)
		curW += t.width
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}
