package xlsx

import (
	"fmt"
	"strings"

	"sureform/export/formtext"
	"sureform/forms"
)

// Titles of the tables on the congress sheet.
const (
	congressTitle = "校级学生（研究生）代表大会召开情况"
	guidanceTitle = "校团委指导学生会主要责任人"
)

// GuidanceColumns are the header words of the 指导责任人 table.
var GuidanceColumns = []string{"类别", "姓名", "是否为专职团干", "备注"}

// Categories of the 指导责任人 table.
const (
	GuideDeputySecretary  = "分管学生会组织的校团委副书记"
	GuideSecretaryGeneral = "学生会组织秘书长"
)

var congressWidths = []float64{30, 14, 18, 30}

// count writes a count with its unit, or "" when unknown.
func count(n *int, unit string) string {
	if n == nil {
		return ""
	}
	return fmt.Sprintf("%d %s", *n, unit)
}

// share appends "，<label> X%" to a sentence when the ratio is known and
// its denominator is not zero.
func share(label string, r *forms.Ratio) string {
	if r == nil || r.Den == 0 {
		return ""
	}
	return "，" + label + " " + r.String()
}

// contest is the 差额比例 of an election: candidates beyond seats, of seats.
func contest(candidates, seats *int) *forms.Ratio {
	if candidates == nil || seats == nil || *seats == 0 {
		return nil
	}
	return &forms.Ratio{Num: *candidates - *seats, Den: *seats}
}

// congressFacts lists the congress facts as label and sentence, with the
// ratios computed from the counts.
func congressFacts(f *forms.Filing, d *forms.Derived) [][2]string {
	c := f.Congress
	date := c.Date.Chinese()
	if date != "" && c.Planned {
		date = "拟定为" + date + "（尚未召开）"
	}
	delegates := ""
	if c.Delegates != nil {
		delegates = "代表 " + count(c.Delegates, "人") + share("占在校生", d.DelegateShare)
	}
	nonCadre := ""
	if c.NonCadreDelegates != nil {
		nonCadre = "非骨干代表 " + count(c.NonCadreDelegates, "人") + share("占代表总数", d.NonCadreShare)
	}
	candidates := ""
	if c.DelegateCandidates != nil {
		candidates = "代表候选人 " + count(c.DelegateCandidates, "人") +
			share("差额比例", contest(c.DelegateCandidates, c.Delegates))
	}
	present := ""
	if c.Present != nil {
		present = "到会代表 " + count(c.Present, "人") + share("占代表总数", d.Quorum)
	}
	var presidium []string
	if c.PresidiumSeats != nil {
		presidium = append(presidium, "应选 "+count(c.PresidiumSeats, "人"))
	}
	if c.PresidiumCandidates != nil {
		presidium = append(presidium, "候选人 "+count(c.PresidiumCandidates, "人"))
	}
	if r := contest(c.PresidiumCandidates, c.PresidiumSeats); r != nil {
		presidium = append(presidium, "差额比例 "+r.String())
	}
	if c.Contested != nil {
		if *c.Contested {
			presidium = append(presidium, "差额选举")
		} else {
			presidium = append(presidium, "等额选举")
		}
	}
	var seats []string
	total := 0
	for _, cs := range c.SeatsByCollege {
		seats = append(seats, fmt.Sprintf("%s %d 人", cs.College, cs.Seats))
		total += cs.Seats
	}
	seatText := strings.Join(seats, "；")
	if len(seats) > 0 {
		seatText += fmt.Sprintf("（合计 %d 人）", total)
	}
	return [][2]string{
		{"届次", c.Session},
		{"召开日期", date},
		{"召开地点", c.Place},
		{"联系学生人数", count(f.Students, "人")},
		{"代表人数", delegates},
		{"非骨干代表", nonCadre},
		{"代表候选人", candidates},
		{"到会情况", present},
		{"主席团选举", strings.Join(presidium, "，")},
		{"各院系代表名额", seatText},
	}
}

// writeCongress writes sheet 4: the congress facts and the 指导责任人 table.
func writeCongress(b *book, f *forms.Filing, d *forms.Derived) error {
	s := b.addSheet(SheetCongress, congressWidths)
	last := len(congressWidths)

	r := s.next()
	s.put(r, 1, r, last, congressTitle, lookSubtitle)
	s.atLeast(r, 30)
	head := s.next()
	s.put(head, 1, head, 1, "项目", lookHead)
	s.put(head, 2, head, last, "情况", lookHead)
	for _, fact := range congressFacts(f, d) {
		r = s.next()
		s.put(r, 1, r, 1, fact[0], lookCenter)
		s.put(r, 2, r, last, fact[1], lookText)
	}

	s.next()
	r = s.next()
	s.put(r, 1, r, last, guidanceTitle, lookSubtitle)
	s.atLeast(r, 30)
	r = s.next()
	for i, h := range GuidanceColumns {
		s.put(r, i+1, r, i+1, h, lookHead)
	}
	for _, g := range []struct {
		category string
		guide    forms.Guide
	}{
		{GuideDeputySecretary, f.Guidance.DeputySecretary},
		{GuideSecretaryGeneral, f.Guidance.SecretaryGeneral},
	} {
		r = s.next()
		s.put(r, 1, r, 1, g.category, lookCenter)
		s.put(r, 2, r, 2, g.guide.Name, lookCenter)
		s.put(r, 3, r, 3, formtext.YesNo(g.guide.FullTime), lookCenter)
		s.put(r, 4, r, 4, g.guide.Note, lookText)
	}
	s.setupPrint(0, 0)
	return s.finish()
}
