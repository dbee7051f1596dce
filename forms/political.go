package forms

// IsAcceptedPoliticalStatus reports whether a political status is one the
// reform accepts, also in the short forms rosters use (党员, 预备党员, 团员).
func IsAcceptedPoliticalStatus(s string) bool {
	switch trimSpace(s) {
	case PartyMember, ProbationaryMember, LeagueMember, "共产党员", "中国共产党党员", "党员",
		"预备党员", "团员", "中国共产主义青年团团员":
		return true
	}
	return false
}
