package forms

import (
	"fmt"
	"time"
)

// earliestCongress is the earliest congress date taken as real: a date
// before it is a typing error.
var earliestCongress = Date{2000, time.January, 1}

// congressDateError says what is impossible about the congress date, or ""
// when it is possible: a congress dated before 2000, or a congress not
// marked planned that is dated after the filing date.
func congressDateError(f *Filing) string {
	c := f.Congress
	switch {
	case c.Date.IsZero():
		return ""
	case c.Date.Before(earliestCongress):
		return "学生代表大会日期" + c.Date.Chinese() + "早于2000年，请核对日期"
	case !c.Planned && !f.FilingDate.IsZero() && f.FilingDate.Before(c.Date):
		return "学生代表大会日期" + c.Date.Chinese() + "晚于填报日期" + f.FilingDate.Chinese() + "，不可能已经召开；请核对日期，尚未召开的请标为拟召开"
	}
	return ""
}

// academicYearStart is 1 September of the 学年 (1 September – 31 August)
// that d falls in.
func academicYearStart(d Date) Date {
	y := d.Year
	if d.Month < time.September {
		y--
	}
	return Date{y, time.September, 1}
}

// filingYearStart is the start of the filing's 学年: from the filing date,
// or else from the 学年 it names (2021—2022学年); ok is false when neither
// is known.
func filingYearStart(f *Filing) (Date, bool) {
	if !f.FilingDate.IsZero() {
		return academicYearStart(f.FilingDate), true
	}
	r := []rune(f.AcademicYear)
	for i := 0; i+4 <= len(r); i++ {
		if y, j, _ := readDigits(r, i); j-i == 4 && y >= 2000 && y < 2100 {
			return Date{y, time.September, 1}, true
		}
	}
	return Date{}, false
}

// CongressHeld decides whether the congress counts as held for the edition.
// Under the "since" rule (2020: 2019年10月以来召开了校级学生代表大会) it must
// be on or after Edition.CongressSinceDate. Under the "within_year" rule
// (2021: 按期规范召开; the union's 章程: 每年召开一次) a congress in the
// filing's 学年 or the one before (1 September – 31 August) is on time. A
// planned congress is not held. It returns nil when the date is unknown or
// impossible (see congressDateError), and the reason.
func CongressHeld(f *Filing, ed *Edition) (*bool, string) {
	c := f.Congress
	if c.Date.IsZero() {
		return nil, "未填学生代表大会召开日期"
	}
	if msg := congressDateError(f); msg != "" {
		return nil, msg
	}
	no := func(why string) (*bool, string) { return BoolPtr(false), why }
	if c.Planned {
		return no("学生代表大会拟于" + c.Date.Chinese() + "召开，尚未召开")
	}
	switch ed.CongressRule {
	case CongressSince:
		since := DateOf(ed.CongressSinceDate())
		if c.Date.Before(since) {
			return no("学生代表大会于" + c.Date.Chinese() + "召开，早于" + since.Chinese())
		}
		return BoolPtr(true), "学生代表大会于" + c.Date.Chinese() + "召开，在" + since.Chinese() + "以来"
	case CongressWithinYear:
		start, ok := filingYearStart(f)
		if !ok {
			return nil, "未填填报日期和学年，无法判断学生代表大会是否按期召开"
		}
		from := Date{start.Year - 1, time.September, 1}
		if c.Date.Before(from) {
			return no(fmt.Sprintf("学生代表大会于%s召开，不在本学年或上一学年内（%s以来），未按每年一次按期召开", c.Date.Chinese(), from.Chinese()))
		}
		return BoolPtr(true), "学生代表大会于" + c.Date.Chinese() + "召开，在本学年或上一学年内"
	}
	return BoolPtr(true), "学生代表大会于" + c.Date.Chinese() + "召开"
}

// decideCongressHeld: 按期召开学生（研究生）代表大会. Under the 2021 rule
// (按期规范召开) the delegate share is part of a regular congress: 代表
// 名额不低于联系学生人数1%. The share of non-cadre delegates is not: the
// 若干意见 says 一般不低于60%, which leaves room, so it is a 提示 and does not
// decide the item.
func decideCongressHeld(in *factInput) (*bool, string) {
	held, why := CongressHeld(in.f, in.ed)
	if held == nil || !*held || in.ed.CongressRule != CongressWithinYear {
		return held, why
	}
	if r := in.d.DelegateShare; r != nil && r.Den > 0 && !r.AtLeast(in.lim.DelegatePercent) {
		return BoolPtr(false), fmt.Sprintf("代表%d人，占学生%d人的%s，低于%d%%", r.Num, r.Den, percentBelow(*r, in.lim.DelegatePercent), in.lim.DelegatePercent)
	}
	return held, why
}
