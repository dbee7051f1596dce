package forms

import (
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
// number) in a note.
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
	}
	return 0, false
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
// followed by % or ％, or 百分之 followed by a number.
func parseNotePercent(note string) (float64, bool) {
	r := []rune(note)
	for i := 0; i < len(r); i++ {
		if digitValue(r[i]) < 0 {
			continue
		}
		start := i
		var b strings.Builder
		for i < len(r) && (digitValue(r[i]) >= 0 || r[i] == '.' || r[i] == '．') {
			if r[i] == '．' {
				b.WriteByte('.')
			} else if d := digitValue(r[i]); d >= 0 {
				b.WriteByte(byte('0' + d))
			} else {
				b.WriteByte('.')
			}
			i++
		}
		j := skipSpaces(r, i)
		percent := j < len(r) && (r[j] == '%' || r[j] == '％')
		if !percent && start >= 3 && string(r[start-3:start]) == "百分之" {
			percent = true
		}
		if !percent {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimRight(b.String(), "."), 64)
		if err != nil || v > 1e6 {
			continue
		}
		return v, true
	}
	return 0, false
}

// parseNoteDate returns the first date written in a note as 2021年6月3日,
// 2021-06-03, 2021.6.3 or 2021/6/3 (spaces allowed between the parts).
func parseNoteDate(note string) (Date, bool) {
	r := []rune(note)
	for i := 0; i < len(r); i++ {
		if digitValue(r[i]) < 0 || (i > 0 && digitValue(r[i-1]) >= 0) {
			continue
		}
		y, j, _ := readDigits(r, i)
		if j-i != 4 {
			continue
		}
		var parts [2]int
		ok := true
		for k := range parts {
			j = skipSpaces(r, j)
			if j >= len(r) || !strings.ContainsRune("年月-.．/／", r[j]) {
				ok = false
				break
			}
			j = skipSpaces(r, j+1)
			n, e, _ := readDigits(r, j)
			if e == j || e-j > 2 {
				ok = false
				break
			}
			parts[k], j = n, e
		}
		if !ok {
			continue
		}
		m, d := parts[0], parts[1]
		if m < 1 || m > 12 || d < 1 || d > 31 {
			continue
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			continue
		}
		return DateOf(t), true
	}
	return Date{}, false
}
