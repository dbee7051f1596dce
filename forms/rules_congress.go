package forms

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// congress checks the school-level student congress: held on schedule,
// delegate shares, the 差额 election, the quorum and the seat allocation.
// The form: 按期规范召开学生（研究生）代表大会 (2021), 2019年10月以来召开了
// 校级学生（研究生）代表大会 (2020); the 若干意见: 代表名额不低于联系学生人数
// 1%, 其中非校、院级学生会组织骨干的学生代表一般不低于60%, 主席团候选人名额要
// 多于应选名额的20%; the 章程: 学生代表大会每年召开一次，应当有三分之二以上
// 当选代表参加方能召开 (a 提示, since each 章程 sets its own).
func (c *checker) congress() {
	f := c.f
	cg := &f.Congress
	held, why := CongressHeld(f, c.ed)
	switch {
	case cg.Date.IsZero():
		c.add(RuleCongressDateMissing, "congress.date", "未填学生代表大会召开日期，无法核对是否"+c.congressRequirement())
	case congressDateError(f) != "":
		c.add(RuleCongressDateInvalid, "congress.date", congressDateError(f))
	case held != nil && !*held && cg.Planned:
		c.addf(RuleCongressHeld, "congress.planned", "%s；要求%s，拟召开的不算已召开", why, c.congressRequirement())
	case held != nil && !*held:
		c.addf(RuleCongressHeld, "congress.date", "%s；要求%s", why, c.congressRequirement())
	}

	students := f.Students
	switch {
	case cg.Delegates == nil:
		c.add(RuleCongressDelegatesUnknown, "congress.delegates", "未填学生代表大会代表人数，无法核对代表名额是否不低于所联系学生人数的1%")
	case *cg.Delegates < 0 || (students != nil && *students < 0):
		// reported by inputRanges
	case students == nil || *students == 0:
		what := "未填全日制在校学生人数"
		if students != nil {
			what = "全日制在校学生人数为0"
		}
		c.addf(RuleCongressDelegatesUnknown, "students", "%s，无法核对代表%d人是否不低于学生人数的%d%%", what, *cg.Delegates, c.lim.DelegatePercent)
	default:
		r := Ratio{*cg.Delegates, *students}
		if !r.AtLeast(c.lim.DelegatePercent) {
			c.addf(RuleCongressDelegates, "congress.delegates", "代表%d人，占学生%d人的%s，低于%d%%（至少需%d人）",
				r.Num, r.Den, percentBelow(r, c.lim.DelegatePercent), c.lim.DelegatePercent, ceilPercent(r.Den, c.lim.DelegatePercent))
		}
		c.statedPercent("congress.stated_delegate_percent", "代表占学生人数的比例", cg.StatedDelegatePercent, r)
	}

	if cg.Delegates != nil && *cg.Delegates > 0 {
		dl := *cg.Delegates
		switch {
		case cg.NonCadreDelegates != nil && *cg.NonCadreDelegates < 0:
			// reported by inputRanges
		case cg.NonCadreDelegates == nil:
			c.add(RuleCongressNonCadreUnknown, "congress.non_cadre_delegates", "未填非校、院级学生会组织骨干的代表人数，无法核对是否不低于代表总数的60%")
		case *cg.NonCadreDelegates > dl:
			c.addf(RuleCongressCounts, "congress.non_cadre_delegates", "非学生会骨干代表%d人，不可能多于代表总数%d人", *cg.NonCadreDelegates, dl)
		default:
			r := Ratio{*cg.NonCadreDelegates, dl}
			if !r.AtLeast(c.lim.NonCadrePercent) {
				c.addf(RuleCongressNonCadre, "congress.non_cadre_delegates", "非学生会骨干代表%d人，占代表%d人的%s，低于一般要求的%d%%（至少需%d人），请说明原因",
					r.Num, r.Den, percentBelow(r, c.lim.NonCadrePercent), c.lim.NonCadrePercent, ceilPercent(dl, c.lim.NonCadrePercent))
			}
			c.statedPercent("congress.stated_non_cadre_percent", "非学生会骨干代表占代表的比例", cg.StatedNonCadrePercent, r)
		}
		if cg.Present != nil && *cg.Present >= 0 {
			num, den := c.lim.QuorumNum, c.lim.QuorumDen
			if c.ch.QuorumDen > 0 {
				num, den = c.ch.QuorumNum, c.ch.QuorumDen
			}
			switch {
			case *cg.Present > dl:
				c.addf(RuleCongressCounts, "congress.present", "出席代表%d人，不可能多于代表总数%d人", *cg.Present, dl)
			case *cg.Present*den < num*dl:
				c.addf(RuleCongressQuorum, "congress.present", "出席代表%d人，不足代表%d人的%s（须至少%d人出席方能召开）",
					*cg.Present, dl, fractionText(num, den), (num*dl+den-1)/den)
			}
		}
		if cg.DelegateCandidates != nil && *cg.DelegateCandidates >= 0 && *cg.DelegateCandidates*100 < c.lim.CandidatePercent*dl {
			c.addf(RuleCongressCandidates, "congress.delegate_candidates", "代表候选人%d人，应选代表%d人，差额选举候选人须多于应选人数20%%（至少%d人）",
				*cg.DelegateCandidates, dl, ceilPercent(dl, c.lim.CandidatePercent))
		}
	}

	if cg.Contested != nil && *cg.Contested && cg.PresidiumSeats != nil && *cg.PresidiumSeats > 0 {
		seats := *cg.PresidiumSeats
		switch {
		case cg.PresidiumCandidates != nil && *cg.PresidiumCandidates < 0:
		case cg.PresidiumCandidates == nil:
			c.addf(RuleCongressCandidatesUnknown, "congress.presidium_candidates", "主席团为差额选举、应选%d人，但未填候选人数，无法核对候选人是否多于应选人数20%%（至少%d人）",
				seats, ceilPercent(seats, c.lim.CandidatePercent))
		case *cg.PresidiumCandidates*100 < c.lim.CandidatePercent*seats:
			c.addf(RuleCongressCandidates, "congress.presidium_candidates", "主席团应选%d人、候选人%d人，差额选举候选人须多于应选人数20%%（至少%d人）",
				seats, *cg.PresidiumCandidates, ceilPercent(seats, c.lim.CandidatePercent))
		}
	}
	c.congressSeats()
}

func (c *checker) congressRequirement() string {
	switch c.ed.CongressRule {
	case CongressSince:
		return DateOf(c.ed.CongressSinceDate()).Chinese() + "以来召开校级学生（研究生）代表大会"
	case CongressWithinYear:
		return "在本学年或上一学年内召开（每年召开一次，按期召开）"
	}
	return "按期召开"
}

// congressSeats checks the seat allocation per college: it should add up to
// the delegates and cover every college on the roster.
func (c *checker) congressSeats() {
	cg := &c.f.Congress
	if len(cg.SeatsByCollege) == 0 {
		return
	}
	sum := 0
	covered := make(map[string]bool, len(cg.SeatsByCollege))
	for _, s := range cg.SeatsByCollege {
		sum += s.Seats
		if s.Seats > 0 {
			covered[trimSpace(s.College)] = true
		}
	}
	if cg.Delegates != nil && sum != *cg.Delegates {
		c.addf(RuleCongressSeatsSum, "congress.seats_by_college", "各学院（系）代表名额合计%d人，与代表总数%d人不符", sum, *cg.Delegates)
	}
	var missing []string
	seen := map[string]bool{}
	for i := range c.f.Members {
		col := trimSpace(c.f.Members[i].College)
		if col == "" || covered[col] || seen[col] {
			continue
		}
		seen[col] = true
		missing = append(missing, col)
	}
	if len(missing) > 0 {
		c.addf(RuleCongressSeatsColleges, "congress.seats_by_college", "代表名额分配没有覆盖%s（名单中有这些院系的工作人员），名额分配应覆盖各学院（系）；如为院系名称写法不同，请统一",
			strings.Join(missing, "、"))
	}
}

// statedPercent reports a typed percentage that disagrees with the counts.
func (c *checker) statedPercent(path, what string, stated *float64, r Ratio) {
	if stated == nil || r.Den <= 0 || PercentMatches(*stated, r) {
		return
	}
	c.addItems(RuleStatedPercent, path, fmt.Sprintf("%s写为%s，但按人数计算为%d/%d = %s", what, FormatPercent(*stated), r.Num, r.Den, r),
		c.facts[FactCongressHeld])
}

// PercentMatches reports whether a typed percentage agrees with a ratio to
// the precision it was written with: 3.1 agrees with 99/3143 (3.15 %), 60
// agrees with 60.7 % but not with 43/56 (76.8 %).
func PercentMatches(stated float64, r Ratio) bool {
	if r.Den == 0 {
		return false
	}
	s := strconv.FormatFloat(stated, 'f', -1, 64)
	dec := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		dec = min(len(s)-i-1, 3)
	}
	unit := math.Pow(10, -float64(dec))
	return math.Abs(r.Percent()-stated) < unit
}

// ceilPercent is the smallest whole number of people that is at least pct
// percent of n.
func ceilPercent(n, pct int) int { return (n*pct + 99) / 100 }

func fractionText(num, den int) string {
	const digits = "零一二三四五六七八九十"
	d := []rune(digits)
	if den <= 10 && num <= 10 && den > 0 && num >= 0 {
		return string(d[den]) + "分之" + string(d[num])
	}
	return strconv.Itoa(num) + "/" + strconv.Itoa(den)
}
