package forms

import "fmt"

// CongressHeld decides whether the congress counts as held for the edition:
// on or after Edition.CongressSinceDate under the "since" rule, within the
// twelve months up to the filing date under the "within_year" rule; a
// planned congress, or one dated after the filing date, is not held. It
// returns nil when the date (or the filing date) is unknown, and the reason.
func CongressHeld(f *Filing, ed *Edition) (*bool, string) {
	c := f.Congress
	if c.Date.IsZero() {
		return nil, "未填学生代表大会召开日期"
	}
	no := func(why string) (*bool, string) { return BoolPtr(false), why }
	if c.Planned {
		return no("学生代表大会拟于" + c.Date.Chinese() + "召开，尚未召开")
	}
	if !f.FilingDate.IsZero() && f.FilingDate.Before(c.Date) {
		return no("学生代表大会日期" + c.Date.Chinese() + "晚于填报日期" + f.FilingDate.Chinese() + "，尚未召开")
	}
	switch ed.CongressRule {
	case CongressSince:
		since := DateOf(ed.CongressSinceDate())
		if c.Date.Before(since) {
			return no("学生代表大会于" + c.Date.Chinese() + "召开，早于" + since.Chinese())
		}
		return BoolPtr(true), "学生代表大会于" + c.Date.Chinese() + "召开，在" + since.Chinese() + "以来"
	case CongressWithinYear:
		if f.FilingDate.IsZero() {
			return nil, "未填填报日期，无法判断学生代表大会是否在12个月内召开"
		}
		from := DateOf(f.FilingDate.Time().AddDate(-1, 0, 0))
		if c.Date.Before(from) {
			return no("学生代表大会于" + c.Date.Chinese() + "召开，不在填报日期" + f.FilingDate.Chinese() + "前12个月内（" + from.Chinese() + "以来）")
		}
		return BoolPtr(true), "学生代表大会于" + c.Date.Chinese() + "召开，在填报日期前12个月内"
	}
	return BoolPtr(true), "学生代表大会于" + c.Date.Chinese() + "召开"
}

// decideCongressHeld: 按期召开学生（研究生）代表大会. Under the 2021 rule
// (按期规范召开) the delegate shares are part of a regular congress: 代表
// 名额不低于所联系学生人数的1%，非学生会骨干代表不低于60%.
func decideCongressHeld(in *factInput) (*bool, string) {
	held, why := CongressHeld(in.f, in.ed)
	if held == nil || !*held || in.ed.CongressRule != CongressWithinYear {
		return held, why
	}
	if r := in.d.DelegateShare; r != nil && r.Den > 0 && !r.AtLeast(in.lim.DelegatePercent) {
		return BoolPtr(false), fmt.Sprintf("代表%d人，占学生%d人的%s，低于%d%%", r.Num, r.Den, percentBelow(*r, in.lim.DelegatePercent), in.lim.DelegatePercent)
	}
	if r := in.d.NonCadreShare; r != nil && r.Den > 0 && !r.AtLeast(in.lim.NonCadrePercent) {
		return BoolPtr(false), fmt.Sprintf("非学生会骨干代表%d人，占代表%d人的%s，低于%d%%", r.Num, r.Den, percentBelow(*r, in.lim.NonCadrePercent), in.lim.NonCadrePercent)
	}
	return held, why
}
