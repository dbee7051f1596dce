// Package linebreak wraps Chinese (and mixed Chinese and Latin) text into
// lines of a given width, following the Chinese typesetting rules for
// punctuation (禁则): no line starts with closing punctuation such as
// ，。、；：？！）」』》〉”’, and no line ends with opening punctuation such as
// （「『《〈“‘. Latin words and numbers are kept whole when they fit on a
// line, a number stays with the unit after it (40人, 2021年), and a run of
// two to four Han characters standing on its own (a personal name in a
// cell or after 秘书长：, a department in a list) is not split. Both the PDF
// report and the Excel workbook wrap text with it, so the two break lines
// by the same rules.
package linebreak

import (
	"strings"
	"unicode"
)

// closing lists characters that must not start a line.
const closing = "，。、；：？！）」』》〉”’】〕〗〙〛｝］｠％‰℃°…—～‥〃々ゝゞー﹚﹜﹞" + ",.;:?!)]}%"

// opening lists characters that must not end a line.
const opening = "（「『《〈“‘【〔〖〘〚｛［｟＄￥＃" + "([{$£¥#"

// joiners are characters that bind the characters on both sides, like the
// middle dot in a transliterated name (阿米娜姆·萨吾提).
const joiners = "·・‧"

// measureUnits are the characters that stay with a number before them.
const measureUnits = "人个名项年月日时分秒号次届岁位条章节页元万亿千百倍周天期级班"

// isHan reports whether r is a Han character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// maxJoinedName is the longest transliterated name (Han characters joined
// by middle dots) kept on one line.
const maxJoinedName = 16

// shortHanRun is the length of the run of Han characters starting at i
// when it is two to four characters long, or a transliterated name of up
// to maxJoinedName characters joined by a middle dot, and stands on its
// own, as a name does in a cell, after a colon or in a list (秘书长：赵瑜、
// 欧阳明月、阿米娜姆·萨吾提): it
// starts the paragraph or follows a space, a colon, an enumeration comma or
// an opening bracket, and ends the paragraph or comes before a space or
// punctuation. Otherwise 0: running text breaks between any characters.
func shortHanRun(rs []rune, i int) int {
	if i > 0 && !strings.ContainsRune(" 　：:、（(", rs[i-1]) {
		return 0
	}
	// n counts Han characters and the joiners between them (阿米娜姆·萨吾提);
	// no run longer than maxJoinedName is a name, so the scan stops there.
	n, joined := 0, false
	for i+n < len(rs) && n <= maxJoinedName {
		switch r := rs[i+n]; {
		case isHan(r):
			n++
			continue
		case strings.ContainsRune(joiners, r) && n > 0 && i+n+1 < len(rs) && isHan(rs[i+n+1]):
			n, joined = n+1, true
			continue
		}
		break
	}
	if n < 2 || n > maxJoinedName || (n > 4 && !joined) {
		return 0
	}
	if end := i + n; end < len(rs) && !strings.ContainsRune(" 　、，；。）)", rs[end]) {
		return 0
	}
	return n
}

// hasDigit reports whether rs holds a decimal digit.
func hasDigit(rs []rune) bool {
	for _, r := range rs {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

// IsClosing reports whether r must not start a line.
func IsClosing(r rune) bool { return strings.ContainsRune(closing, r) }

// IsOpening reports whether r must not end a line.
func IsOpening(r rune) bool { return strings.ContainsRune(opening, r) }

// Width measures the width of one character, in the unit of the line width.
type Width func(r rune) float64

// Lines wraps text into lines no wider than width. Line breaks in text
// ("\n", "\r\n") are kept; spaces at the end of a line are dropped; tabs
// count as spaces. A sequence that cannot be broken by the rules and is wider
// than a line (a very long word, a long run of punctuation) is broken where
// it overflows. An empty text gives no lines; an empty paragraph gives an
// empty line.
func Lines(text string, width float64, w Width) []string {
	if text == "" {
		return nil
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, paragraph([]rune(strings.ReplaceAll(para, "\t", " ")), width, w)...)
	}
	return out
}

// unit is a sequence that is kept on one line where possible.
type unit struct {
	runes []rune
	width float64
	space bool // a run of spaces: a break opportunity, dropped at line ends
	// run numbers the units that are moved to the next line together
	// where they fit on one (a name, a number and its unit); 0 for none.
	run int
}

// isWordRune reports whether r belongs to a Latin word, number or address,
// which is kept whole: anything below the general punctuation block but
// spaces and joiners.
func isWordRune(r rune) bool {
	return r < 0x2000 && !unicode.IsSpace(r) && !strings.ContainsRune(joiners, r)
}

// units splits a paragraph into units, attaching closing punctuation to the
// unit before it and opening punctuation to the unit after it.
func units(rs []rune, w Width) []unit {
	var us []unit
	// runOf marks the characters of runs kept on one line where they fit
	// (a name, a number's unit) with the run's number; runStart is the run
	// of the unit being built.
	runOf := make([]int, len(rs)+1)
	nextRun, runStart := 0, 0
	pendingOpen := []rune(nil)
	glue := false // the last unit ends with a joiner
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == ' ':
			glue = false
			j := i
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			if pendingOpen != nil {
				// An opening mark before spaces stays with what precedes.
				us = append(us, unit{runes: pendingOpen})
				pendingOpen = nil
			}
			us = append(us, unit{runes: rs[i:j], space: true})
			i = j
		case strings.ContainsRune(joiners, r) && len(us) > 0 && !us[len(us)-1].space && pendingOpen == nil:
			us[len(us)-1].runes = append(us[len(us)-1].runes, r)
			glue = true
			i++
		case IsOpening(r):
			pendingOpen = append(pendingOpen, r)
			i++
		case IsClosing(r) && pendingOpen == nil && len(us) > 0 && !us[len(us)-1].space:
			us[len(us)-1].runes = append(us[len(us)-1].runes, r)
			i++
		default:
			j := i + 1
			if isWordRune(r) {
				for j < len(rs) && isWordRune(rs[j]) {
					j++
				}
				if j < len(rs) && hasDigit(rs[i:j]) && strings.ContainsRune(measureUnits, rs[j]) {
					// A number keeps its unit: 40人.
					nextRun++
					runOf[j] = nextRun
					runStart = nextRun
				}
			} else if n := shortHanRun(rs, i); n > 0 {
				// A name is not split: 张雷磊.
				nextRun++
				for k := i; k < i+n; k++ {
					runOf[k] = nextRun
				}
			}
			if runOf[i] != 0 {
				runStart = runOf[i]
			}
			u := unit{runes: append(append([]rune(nil), pendingOpen...), rs[i:j]...), run: runStart}
			runStart = 0
			pendingOpen = nil
			if glue {
				us[len(us)-1].runes = append(us[len(us)-1].runes, u.runes...)
			} else {
				us = append(us, u)
			}
			glue = false
			i = j
		}
	}
	if pendingOpen != nil {
		us = append(us, unit{runes: pendingOpen})
	}
	for k := range us {
		us[k].runes = append([]rune(nil), us[k].runes...)
		for _, r := range us[k].runes {
			us[k].width += w(r)
		}
	}
	return us
}

func paragraph(rs []rune, width float64, w Width) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	var lines []string
	var cur []rune
	var curW float64
	var curUnits []unit // the units of cur, for moving a run's start down
	flush := func() {
		lines = append(lines, strings.TrimRight(string(cur), " "))
		cur, curW, curUnits = nil, 0, nil
	}
	for _, u := range units(rs, w) {
		if u.space {
			if len(cur) > 0 {
				cur = append(cur, u.runes...)
				curW += u.width
				curUnits = append(curUnits, u)
			}
			continue
		}
		if curW+u.width <= width+1e-9 {
			cur = append(cur, u.runes...)
			curW += u.width
			curUnits = append(curUnits, u)
			continue
		}
		if len(cur) > 0 {
			// The start of u's run moves down with it when the whole run
			// fits on the next line and something stays on this one.
			var carry []unit
			if u.run != 0 {
				k := len(curUnits)
				carryW, carryN := u.width, 0
				for k > 0 && curUnits[k-1].run == u.run {
					k--
					carryW += curUnits[k].width
					carryN += len(curUnits[k].runes)
				}
				if k > 0 && k < len(curUnits) && carryW <= width+1e-9 {
					carry = curUnits[k:]
					cur = cur[:len(cur)-carryN]
				}
			}
			flush()
			for _, c := range carry {
				cur = append(cur, c.runes...)
				curW += c.width
				curUnits = append(curUnits, c)
			}
			if curW+u.width <= width+1e-9 {
				cur = append(cur, u.runes...)
				curW += u.width
				curUnits = append(curUnits, u)
				continue
			}
		}
		if u.width <= width+1e-9 {
			cur = append(cur, u.runes...)
			curW = u.width
			curUnits = append(curUnits, u)
			continue
		}
		// The unit alone is wider than a line: break it where it overflows,
		// avoiding a closing mark at the start of a piece where the mark and
		// the character before it fit on a line together.
		for _, r := range u.runes {
			rw := w(r)
			if curW+rw > width+1e-9 && len(cur) > 0 {
				if IsClosing(r) && len(cur) > 1 && !IsClosing(cur[len(cur)-1]) &&
					w(cur[len(cur)-1])+rw <= width+1e-9 {
					last := cur[len(cur)-1]
					cur = cur[:len(cur)-1]
					flush()
					cur = []rune{last}
					curW = w(last)
				} else {
					flush()
				}
			}
			cur = append(cur, r)
			curW += rw
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

func trimmedWidth(s string, w Width) float64 {
	var t float64
	for _, r := range s {
		t += w(r)
	}
	return t
}
