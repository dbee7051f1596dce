// Package linebreak wraps Chinese (and mixed Chinese and Latin) text into
// lines of a given width, following the Chinese typesetting rules for
// punctuation (禁则): no line starts with closing punctuation such as
// ，。、；：？！）」』》〉”’, and no line ends with opening punctuation such as
// （「『《〈“‘. Latin words and numbers are kept whole when they fit on a line.
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
			}
			u := unit{runes: append(append([]rune(nil), pendingOpen...), rs[i:j]...)}
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
	flush := func() {
		lines = append(lines, strings.TrimRight(string(cur), " "))
		cur, curW = nil, 0
	}
	for _, u := range units(rs, w) {
		if u.space {
			if len(cur) > 0 {
				cur = append(cur, u.runes...)
				curW += u.width
			}
			continue
		}
		if curW+u.width <= width+1e-9 {
			cur = append(cur, u.runes...)
			curW += u.width
			continue
		}
		if len(cur) > 0 {
			flush()
		}
		if u.width <= width+1e-9 {
			cur = append(cur, u.runes...)
			curW = u.width
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
