package forms

import "strings"

// NormalizePoliticalStatus reads a 政治面貌 as rosters and forms write it and
// returns the official term: 党员, 中国共产党党员, 共产党员 → 中共党员; 预备党员,
// 中共党员（预备）, 中共预备党员 → 中共预备党员; 团员, 共青团员, 中国共产主义
// 青年团团员 → 共青团员. accepted is false for anything else (群众, 入党积极
// 分子, 非团员 …), returned without spaces but otherwise as written. Import
// and validation both read the status through it, so that a status reads
// the same everywhere.
func NormalizePoliticalStatus(s string) (status string, accepted bool) {
	switch s {
	case PartyMember, ProbationaryMember, LeagueMember:
		return s, true
	}
	t := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '\t', '\n', '\r', '\u00a0':
			return -1
		}
		return r
	}, s)
	if t == "" {
		return "", false
	}
	core, paren := t, ""
	if i := strings.IndexAny(core, "(（"); i > 0 {
		core, paren = core[:i], core[i:]
	}
	switch {
	case strings.HasPrefix(core, "非") || strings.Contains(core, "积极分子") || strings.Contains(core, "发展对象"):
		return t, false
	case strings.Contains(core, "预备") || (strings.Contains(core, "党员") && strings.Contains(paren, "预备")):
		if strings.Contains(core, "团员") && !strings.Contains(core, "党员") {
			return t, false
		}
		return ProbationaryMember, true
	case strings.Contains(core, "团员") || core == "共青团" || core == "中国共产主义青年团" || core == "团":
		return LeagueMember, true
	case strings.Contains(core, "党员") || core == "中共" || core == "中国共产党":
		return PartyMember, true
	}
	return t, false
}

// IsAcceptedPoliticalStatus reports whether a political status is one the
// reform accepts (中共党员、中共预备党员或共青团员), in any of the forms
// NormalizePoliticalStatus reads.
func IsAcceptedPoliticalStatus(s string) bool {
	_, ok := NormalizePoliticalStatus(s)
	return ok
}
