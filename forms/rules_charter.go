package forms

import "strings"

// charterRules are the limits a union's own 章程 sets where it is stricter
// or more specific than the forms: the presidium size, the number of
// leaders per department and the congress quorum. Zero means the charter
// does not say.
type charterRules struct {
	PresidiumMax           int
	LeadersMin, LeadersMax int
	QuorumNum, QuorumDen   int
}

// parseCharter reads the limits a charter text states, in the wordings the
// published charters use: 主席团成员不超过4名 / 主席团成员4人, 设负责人2至3人 /
// 负责人1—2人, 应当有五分之四以上当选代表参加方能召开.
func parseCharter(text string) charterRules {
	var c charterRules
	if text == "" {
		return c
	}
	r := []rune(text)
	for from := 0; ; {
		i := indexRunes(r, []rune("主席团成员"), from)
		if i < 0 {
			break
		}
		from = i + 1
		if collegeClause(r, i) {
			continue
		}
		j := skipWords(r, i+len([]rune("主席团成员")), "人数", "不超过", "不多于", "为", "共", "设")
		if n, k := readNumber(r, j); n > 0 && k < len(r) && (r[k] == '名' || r[k] == '人') {
			c.PresidiumMax = n
			break
		}
	}
	for from := 0; ; {
		i := indexRunes(r, []rune("负责人"), from)
		if i < 0 {
			break
		}
		from = i + 1
		if collegeClause(r, i) {
			continue
		}
		j := skipWords(r, i+len([]rune("负责人")), "为", "一般为")
		lo, k := readNumber(r, j)
		if lo <= 0 || k >= len(r) || !strings.ContainsRune("至—-–~到－", r[k]) {
			continue
		}
		k = skipSpaces(r, k+1)
		hi, k := readNumber(r, k)
		if hi >= lo && k < len(r) && (r[k] == '人' || r[k] == '名') {
			c.LeadersMin, c.LeadersMax = lo, hi
			break
		}
	}
	for from := 0; ; {
		i := indexRunes(r, []rune("分之"), from)
		if i < 0 {
			break
		}
		from = i + 1
		if i == 0 || i+2 >= len(r) {
			continue
		}
		den, num := chineseDigit(r[i-1]), chineseDigit(r[i+2])
		if den <= 0 || num <= 0 || num >= den {
			continue
		}
		tail := string(r[i+3 : min(len(r), i+18)])
		cut := strings.IndexAny(tail, "，。；")
		if cut >= 0 {
			tail = tail[:cut]
		}
		if strings.Contains(tail, "代表") && (strings.Contains(tail, "参加") || strings.Contains(tail, "出席")) {
			c.QuorumNum, c.QuorumDen = num, den
			break
		}
	}
	return c
}

// collegeClause reports whether the clause around i (from the last 。；：
// or line break before it) is about college-level unions (院级学生会,
// 二级学生会, 院（系）学生会, 分院学生会) rather than the school's: a 章程 that
// states the college limits first must not set the school's.
func collegeClause(r []rune, i int) bool {
	start := i
	for start > 0 && !strings.ContainsRune("。；;\n：:", r[start-1]) {
		start--
	}
	clause := string(r[start:i])
	if strings.Contains(clause, "校级") {
		return false
	}
	for _, w := range []string{"院级", "二级", "院（系）", "院(系)", "院系学生会", "各学院", "分院", "系学生会"} {
		if strings.Contains(clause, w) {
			return true
		}
	}
	return false
}

func indexRunes(r, sub []rune, from int) int {
outer:
	for i := from; i+len(sub) <= len(r); i++ {
		for j := range sub {
			if r[i+j] != sub[j] {
				continue outer
			}
		}
		return i
	}
	return -1
}

func skipSpaces(r []rune, i int) int {
	for i < len(r) && (r[i] == ' ' || r[i] == '\u3000' || r[i] == '\t') {
		i++
	}
	return i
}

// skipWords skips spaces and any of the words, in any order, from i.
func skipWords(r []rune, i int, words ...string) int {
	for {
		i = skipSpaces(r, i)
		moved := false
		for _, w := range words {
			wr := []rune(w)
			if i+len(wr) <= len(r) && string(r[i:i+len(wr)]) == w {
				i += len(wr)
				moved = true
				break
			}
		}
		if !moved {
			return i
		}
	}
}

// readNumber reads a number written in digits (full- or half-width) or as a
// Chinese numeral up to 十, skipping spaces after it; it returns 0 when there
// is none.
func readNumber(r []rune, i int) (int, int) {
	i = skipSpaces(r, i)
	n, start := 0, i
	for i < len(r) {
		d := digitValue(r[i])
		if d < 0 || n > 1e6 {
			break
		}
		n = n*10 + d
		i++
	}
	if i > start {
		return n, skipSpaces(r, i)
	}
	if i < len(r) {
		if d := chineseDigit(r[i]); d > 0 {
			return d, skipSpaces(r, i+1)
		}
	}
	return 0, i
}

func digitValue(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= '０' && c <= '９':
		return int(c - '０')
	}
	return -1
}

func chineseDigit(c rune) int {
	if i := strings.IndexRune("一二三四五六七八九十", c); i >= 0 {
		return len([]rune("一二三四五六七八九十"[:i])) + 1
	}
	if c == '两' {
		return 2
	}
	return 0
}
