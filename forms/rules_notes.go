package forms

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// The parsers below read what users type into an item's 备注: counts
// (实有 40 人), percentages (满意率为 55%) and dates (召开日期为：2021年6月3日).
// They accept full-width digits and the stray spaces PDF extraction leaves
// ("实有 40 人", "2020 年 11 月 30 日"), and never fail: ok is false when the
// note holds no such value.

// parseNoteCount returns the number after 实有 (or, without 实有, the first
// number) in a note, in digits or Chinese numerals (实有六个, 实有二十八人).
func parseNoteCount(note string) (int, bool) {
	r := []rune(note)
	from := 0
	if i := indexRunes(r, []rune("实有"), 0); i >= 0 {
		from = i + 2
	}
	for i := from; i < len(r); i++ {
		if digitValue(r[i]) >= 0 {
			n, _, ok := readDigits(r, i)
			return n, ok
		}
		if n, e := readChineseNumber(r, i); e > i {
			return n, true
		}
	}
	return 0, false
}

// readChineseNumber reads a Chinese numeral below 1000 at i (六, 十二,
// 二十八, 一百二十, 两百); it returns the index after it, or i when there is
// none.
func readChineseNumber(r []rune, i int) (int, int) {
	n, cur, j := 0, 0, i
	for j < len(r) {
		c := r[j]
		switch {
		case c == '零' || c == '〇':
		case chineseDigit(c) > 0 && c != '十':
			cur = chineseDigit(c)
		case c == '十':
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
		case c == '百':
			if cur == 0 {
				return 0, i
			}
			n += cur * 100
			cur = 0
		default:
			return n + cur, j
		}
		j++
	}
	return n + cur, j
}

// readDigits reads the run of digits (half- or full-width) at i as an int
// and returns it with the index after the run; ok is false when the number
// is too large to be a count.
func readDigits(r []rune, i int) (int, int, bool) {
	n := 0
	for i < len(r) {
		d := digitValue(r[i])
		if d < 0 {
			break
		}
		if n > 1e8 {
			return 0, i, false
		}
		n = n*10 + d
		i++
	}
	return n, i, true
}

// parseNotePercent returns the first percentage written in a note: a number
// followed by % or ％ (60%, 60％), 百分之 followed by a number in digits or
// Chinese numerals (百分之六十), or failing those a share written as a
// decimal fraction (0.6).
func parseNotePercent(note string) (float64, bool) {
	r := []rune(note)
	fraction, haveFraction := 0.0, false
	for i := 0; i < len(r); i++ {
		if i+3 <= len(r) && string(r[i:i+3]) == "百分之" {
			if n, e := readChineseNumber(r, i+3); e > i+3 {
				return float64(n), true
			}
		}
		if digitValue(r[i]) < 0 || (i > 0 && (digitValue(r[i-1]) >= 0 || r[i-1] == '.')) {
			continue
		}
		start := i
		var b strings.Builder
		for i < len(r) && (digitValue(r[i]) >= 0 || r[i] == '.' || r[i] == '．') {
			if d := digitValue(r[i]); d >= 0 {
				b.WriteByte(byte('0' + d))
			} else {
				b.WriteByte('.')
			}
			i++
		}
		text := strings.TrimRight(b.String(), ".")
		v, err := strconv.ParseFloat(text, 64)
		j := skipSpaces(r, i)
		percent := j < len(r) && (r[j] == '%' || r[j] == '％')
		if !percent && start >= 3 && string(r[start-3:start]) == "百分之" {
			percent = true
		}
		i--
		if err != nil || v > 1e6 {
			continue
		}
		if percent {
			return v, true
		}
		if !haveFraction && strings.Contains(text, ".") && v > 0 && v <= 1 {
			fraction, haveFraction = v*100, true
		}
	}
	if haveFraction {
		return math.Round(fraction*1e6) / 1e6, true
	}
	return 0, false
}

// ReadPercent reads a percentage as people type it: 60, 60%, 60％, 76.8%,
// 0.6 (a share), 百分之六十. The text must hold the percentage and nothing
// else; ok is false otherwise.
func ReadPercent(s string) (float64, bool) {
	t := trimSpace(s)
	if t == "" {
		return 0, false
	}
	if v, err := strconv.ParseFloat(t, 64); err == nil {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) || strings.ContainsAny(t, "eEnNiI") {
			return 0, false
		}
		if v > 0 && v < 1 && strings.Contains(t, ".") {
			return math.Round(v*100*1e6) / 1e6, true
		}
		return v, true
	}
	for _, c := range t {
		if !(digitValue(c) >= 0 || c == '.' || c == '．' || c == '%' || c == '％' || c == ' ' ||
			strings.ContainsRune("百分之零〇一二两三四五六七八九十", c)) {
			return 0, false
		}
	}
	return parseNotePercent(t)
}

// ReadCount reads a count as people type it: 6, ６, 6个, 6人, 实有六个,
// 二十八人. The text must hold the count and nothing else; ok is false
// otherwise.
func ReadCount(s string) (int, bool) {
	t := trimSpace(s)
	t = strings.TrimPrefix(t, "实有")
	t = strings.TrimPrefix(t, "共")
	t = strings.TrimSpace(strings.TrimRight(t, "个人名 "))
	if t == "" {
		return 0, false
	}
	r := []rune(t)
	if n, end, ok := readDigits(r, 0); ok && end == len(r) && end > 0 {
		return n, true
	}
	if n, end := readChineseNumber(r, 0); end == len(r) {
		return n, true
	}
	return 0, false
}

// parseNoteDate returns the first date written in a note (see scanDate).
func parseNoteDate(note string) (Date, bool) {
	r := []rune(note)
	for i := 0; i < len(r); i++ {
		if i > 0 && digitValue(r[i-1]) >= 0 {
			continue
		}
		if d, _, ok := scanDate(r, i); ok {
			return d, true
		}
	}
	return Date{}, false
}

// scanDate reads a date at i in the forms people type: 2021年6月3日,
// 2021-06-03, 2021-6-3, 2021.6.3, 2021/6/3, with spaces between the parts
// and full-width digits; a two-digit year followed by 年 (21年6月3日) is
// 20xx. It returns the date and the index after it.
func scanDate(r []rune, i int) (Date, int, bool) {
	if i >= len(r) || digitValue(r[i]) < 0 {
		return Date{}, i, false
	}
	y, j, _ := readDigits(r, i)
	switch {
	case j-i == 4:
	case j-i == 2 && skipSpaces(r, j) < len(r) && r[skipSpaces(r, j)] == '年':
		y += 2000
	default:
		return Date{}, i, false
	}
	var parts [2]int
	for k := range parts {
		j = skipSpaces(r, j)
		if j >= len(r) || !strings.ContainsRune("年月-.．/／－", r[j]) {
			return Date{}, i, false
		}
		j = skipSpaces(r, j+1)
		n, e, _ := readDigits(r, j)
		if e == j || e-j > 2 {
			return Date{}, i, false
		}
		parts[k], j = n, e
	}
	if k := skipSpaces(r, j); k < len(r) && (r[k] == '日' || r[k] == '号') {
		j = k + 1
	}
	m, d := parts[0], parts[1]
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, i, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, i, false
	}
	return DateOf(t), j, true
}
