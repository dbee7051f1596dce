package forms

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar date without a time of day. The zero Date means
// "unknown" and is saved as an empty string.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// ParseDate reads a date written as YYYY-MM-DD, or in any form ReadDate
// reads (2021年6月3日, 2021/6/3, 21年6月3日 …); the empty string is the zero
// Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return DateOf(t), nil
	}
	d, err := ReadDate(s)
	if err != nil || d.IsZero() {
		return Date{}, fmt.Errorf("日期“%s”无法识别，请按 年-月-日 写，如 2021-06-03 或 2021年6月3日", s)
	}
	return d, nil
}

// ReadDate reads a date as people type it: 2020年11月27日, 2020/11/27,
// 2020.11.27, 2020-11-7, 21年6月3日 (a two-digit year is 20xx), with
// full-width digits and spaces between the parts. The text must hold the
// date and nothing else; the empty text is the zero Date.
func ReadDate(s string) (Date, error) {
	r := []rune(trimSpace(s))
	if len(r) == 0 {
		return Date{}, nil
	}
	d, end, ok := scanDate(r, 0)
	if !ok || skipSpaces(r, end) != len(r) {
		return Date{}, fmt.Errorf("“%s”不是日期，请写作 2021年6月3日 或 2021-06-03", string(r))
	}
	return d, nil
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// Time returns the date at midnight UTC.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String formats the date as YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// Chinese formats the date as the forms write it: 2021年6月3日.
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// MarshalJSON writes the date as "YYYY-MM-DD" or "".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a date written by MarshalJSON.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("日期应为 \"年-月-日\" 形式的文本")
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
