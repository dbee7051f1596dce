package forms

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"sureform/assets"
)

// The 备注 parsers read whatever the user typed; they must never panic and
// must only return values that are actually written in the note.

func FuzzParseNoteCount(f *testing.F) {
	for _, s := range []string{"实有28人", "实有 40 人", "实有 人", "实有５个", "", "实有99999999999999999999人", "共 3 人", "实有六个", "实有二十八人", "实有一百二十人", "百百十十"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		n, ok := parseNoteCount(note)
		if ok && n < 0 {
			t.Fatalf("parseNoteCount(%q) = %d", note, n)
		}
		if ok && !strings.ContainsAny(note, "0123456789０１２３４５６７８９零〇一二两三四五六七八九十百") {
			t.Fatalf("parseNoteCount(%q) found a number in a note without digits or numerals", note)
		}
	})
}

func FuzzParseNotePercent(f *testing.F) {
	for _, s := range []string{"满意率为 55%", "满意率为 %", "满意率为76.8％", "百分之60", "1.2.3%", "", "%%%", "9999999999%", "百分之六十", "满意率0.768", "60％"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		p, ok := parseNotePercent(note)
		if ok && (p < 0 || p > 1e6) {
			t.Fatalf("parseNotePercent(%q) = %v", note, p)
		}
	})
}

func FuzzParseNoteDate(f *testing.F) {
	for _, s := range []string{"召开日期为：2021年6月3日", "召开日期为：拟定为 2020 年 11 月 30 日", "2021-02-30", "2021.6.3", "召开日期为：", "12345年1月1日", "21年6月3日", "2020-11-7", "2020/11/27号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		d, ok := parseNoteDate(note)
		if !ok {
			return
		}
		if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 || d.Year < 0 || d.Year > 9999 {
			t.Fatalf("parseNoteDate(%q) = %+v", note, d)
		}
		if DateOf(d.Time()) != d {
			t.Fatalf("parseNoteDate(%q) = %+v is not a real date", note, d)
		}
	})
}

// FuzzReadDate: a date read from any text is a real date, and reading its
// own ISO form gives it back.
func FuzzReadDate(f *testing.F) {
	for _, s := range []string{"2020年11月27日", "2020/11/27", "2020.11.27", "2020-11-7", "21年6月3日", "２０２１年６月３日", "2021年6月", "6月3日", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ReadDate(s)
		if err != nil || d.IsZero() {
			return
		}
		if DateOf(d.Time()) != d {
			t.Fatalf("ReadDate(%q) = %+v is not a real date", s, d)
		}
		if e, err := ReadDate(d.String()); err != nil || e != d {
			t.Fatalf("ReadDate(%q) = %v, read back %v %v", s, d, e, err)
		}
	})
}

// FuzzReadPercentCount: typed percentages and counts never panic and give
// only values that can be typed.
func FuzzReadPercentCount(f *testing.F) {
	for _, s := range []string{"60", "60%", "60％", "0.6", "百分之六十", "实有六个", "二十八人", "6个", "百百", "十十十", "", "1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, ok := ReadPercent(s); ok && (p < 0 || math.IsNaN(p) || math.IsInf(p, 0)) {
			t.Fatalf("ReadPercent(%q) = %v", s, p)
		}
		if n, ok := ReadCount(s); ok && n < 0 {
			t.Fatalf("ReadCount(%q) = %d", s, n)
		}
	})
}

func FuzzParseCharter(f *testing.F) {
	for _, name := range []string{"yangquan-2021", "lanzhou-2020", "changji-2020"} {
		fl, _ := vLoadExample(f, name)
		f.Add(fl.Texts.Charter)
	}
	f.Add("主席团成员不超过")
	f.Add("负责人2至")
	f.Add("分之")
	f.Add("十分之九以上代表出席")
	f.Fuzz(func(t *testing.T, text string) {
		c := parseCharter(text)
		if c.LeadersMin > c.LeadersMax || (c.QuorumDen > 0 && (c.QuorumNum <= 0 || c.QuorumNum >= c.QuorumDen)) || c.PresidiumMax < 0 {
			t.Fatalf("parseCharter(%q) = %+v", text, c)
		}
	})
}

// FuzzValidate decodes arbitrary project files and validates whatever
// decodes: the validator must never panic, whatever the data, and every
// finding must be a catalogue rule with a path and a message. The seeds are
// whole example filings; fuzz with -fuzzminimizetime 0s, since minimising
// inputs of that size takes the workers minutes:
//
//	go test ./forms -run XXX -fuzz FuzzValidate -fuzzminimizetime 0s
func FuzzValidate(f *testing.F) {
	for _, name := range []string{"yangquan-2021", "lanzhou-2020", "changji-2020"} {
		data, err := assets.Examples.ReadFile("examples/" + name + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"schema_version":2,"edition":"2021","members":[{"rank":-1,"rank_total":0}],"congress":{"delegates":-5,"present":3},"college_unions":[{"items":{"c3":true}}],"college_item_counts":{"c1":-1}}`))
	f.Add([]byte(`{"schema_version":2,"edition":"2020","satisfaction":{"union":{"sample":0,"satisfied":5}},"answers":{"16":{"met":true,"note":"满意率为 %"}}}`))
	eds, err := BuiltinEditions()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, err := Decode(data)
		if err != nil {
			return
		}
		ed, err := eds.Get(fl.Edition)
		if err != nil {
			return
		}
		r := Validate(fl, ed)
		if r.Errors+r.Unmet+r.Warnings != len(r.Findings) {
			t.Fatalf("counts %d+%d+%d for %d findings", r.Errors, r.Unmet, r.Warnings, len(r.Findings))
		}
		for _, fd := range r.Findings {
			if _, ok := RuleByID(fd.Rule); !ok || fd.Message == "" || fd.Path == "" || !utf8.ValidString(fd.Message) {
				t.Fatalf("bad finding %+v", fd)
			}
		}
	})
}
