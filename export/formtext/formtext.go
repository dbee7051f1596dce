// Package formtext holds the texts that both exports print for a filing:
// check boxes, item labels, header lines, the optional rows and the roster
// cells. The Excel workbook and the PDF report take them from here, so the
// two always show the same form.
package formtext

import (
	"strconv"
	"strings"

	"sureform/forms"
)

// Check boxes as the forms print them.
const (
	BoxTicked = "☑"
	BoxEmpty  = "□"
)

// Box is a check box followed by its word, ticked when on.
func Box(on bool, word string) string {
	if on {
		return BoxTicked + word
	}
	return BoxEmpty + word
}

// Choice is a pair of check boxes, the first ticked when v is true, the
// second when false, neither when v is nil: ☑达标 □未达标.
func Choice(v *bool, yes, no, sep string) string {
	return Box(v != nil && *v, yes) + sep + Box(v != nil && !*v, no)
}

// ItemLabel is an item's text as the form prints it: the number with the
// item's marker beside it, then the verbatim text (11★. 按期规范召开…), as
// the published 改革自评表 print it. It never carries our own notes: an
// unconfirmed item's note goes beside the form (see UnconfirmedItems), not
// into the wording the document publishes.
func ItemLabel(it forms.Item) string {
	var b strings.Builder
	if it.Number != "" {
		b.WriteString(it.Number)
		b.WriteString(it.Marker)
		b.WriteString(". ")
	} else {
		b.WriteString(it.Marker)
	}
	b.WriteString(it.Text)
	return b.String()
}

// ItemNumber is how the documents refer to an item: its number on the
// form, or its id for a part that has no number of its own (3.1).
func ItemNumber(it forms.Item) string {
	if it.Number != "" {
		return it.Number
	}
	return it.ID
}

// Title is the form's title as the documents print it: the edition's title,
// preceded by the 学年 the edition is filled for when it names one and the
// title does not already (2023—2024学年改革自评表).
func Title(ed *forms.Edition) string {
	title := strings.TrimSpace(ed.Title)
	year := strings.TrimSpace(ed.AcademicYear)
	if year == "" || strings.Contains(title, year) {
		return title
	}
	return year + title
}

// UnconfirmedRef is one item whose wording could not be confirmed: where
// it stands on the form and what it says.
type UnconfirmedRef struct {
	// Section is the caption of the item's section (校级学生会组织改革自评).
	Section string
	// Number is the item's number on the form (8), or a part's id (3.1).
	Number string
	// Label is the item as the form prints it (ItemLabel).
	Label string
}

// UnconfirmedItems lists, in form order, the items (and parts) of ed whose
// wording or marker could not be confirmed against two publications. The
// documents show forms.UnconfirmedNote beside them, outside the verbatim
// item text: in the review report and in the college workbook's notes.
func UnconfirmedItems(ed *forms.Edition) []UnconfirmedRef {
	var out []UnconfirmedRef
	for si := range ed.Sections {
		sec := &ed.Sections[si]
		for _, it := range sec.Items {
			if it.Unconfirmed {
				out = append(out, UnconfirmedRef{Section: sec.Title, Number: ItemNumber(it), Label: ItemLabel(it)})
			}
			for _, p := range it.Parts {
				if p.Unconfirmed && !it.Unconfirmed {
					out = append(out, UnconfirmedRef{Section: sec.Title, Number: ItemNumber(p), Label: ItemLabel(p)})
				}
			}
		}
	}
	return out
}

// UnconfirmedNumbers joins the numbers of the unconfirmed items of one
// section, in form order, a run of three or more consecutive numbers
// written as a range: 8、9、11—17.
func UnconfirmedNumbers(refs []UnconfirmedRef, section string) string {
	var nums []string
	for _, r := range refs {
		if r.Section == section {
			nums = append(nums, r.Number)
		}
	}
	var out []string
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && consecutive(nums[j], nums[j+1]) {
			j++
		}
		if j-i >= 2 {
			out = append(out, nums[i]+"—"+nums[j])
		} else {
			out = append(out, nums[i:j+1]...)
		}
		i = j + 1
	}
	return strings.Join(out, "、")
}

// consecutive reports whether b is the whole number after a.
func consecutive(a, b string) bool {
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	return err1 == nil && err2 == nil && y == x+1
}

// OrgName is the organisation's name: the school followed by its type,
// unless the school's name already ends with it.
func OrgName(f *forms.Filing) string {
	school := strings.TrimSpace(f.School)
	org := f.OrgType
	if org == "" {
		org = forms.OrgStudentUnion
	}
	if school == "" || strings.HasSuffix(school, org) {
		return school
	}
	return school + org
}

// HeaderField is the text of one header line of the form.
func HeaderField(f *forms.Filing, field string) string {
	switch field {
	case forms.HeaderOrgName:
		return "组织名称：" + OrgName(f) + "　　" +
			Box(f.OrgType != forms.OrgGraduateUnion, forms.OrgStudentUnion) + "/" +
			Box(f.OrgType == forms.OrgGraduateUnion, forms.OrgGraduateUnion)
	case forms.HeaderCollegeCount:
		n := ""
		switch {
		case f.CollegeUnionCount != nil:
			n = strconv.Itoa(*f.CollegeUnionCount)
		case len(f.CollegeUnions) > 0:
			n = strconv.Itoa(len(f.CollegeUnions))
		}
		return "二级学生会组织（含二级院系、书院、分校区等学生会、研究生会）数量：" + n
	case forms.HeaderProvincialReview:
		return "是否已由省级团委、学联核查（复评）：" + Choice(f.ProvincialReview, "是", "否", "/")
	case forms.HeaderPublicURL:
		return "自评公开链接：" + strings.TrimSpace(f.PublicURL)
	}
	return field + "："
}

// PublicURLKey is the key OptionalKey gives the 自评公开链接 row.
const PublicURLKey = "public_url"

// OptionalKey finds what an optional row of the form shows, matched by the
// row's title without its （选填）: the key of a forms.TextSections entry,
// PublicURLKey, or "" for a row the filing holds no text for.
func OptionalKey(title string) string {
	base := strings.TrimSpace(title)
	for _, suffix := range []string{"（选填）", "(选填)"} {
		base = strings.TrimSpace(strings.TrimSuffix(base, suffix))
	}
	if base == forms.HeaderPublicURL {
		return PublicURLKey
	}
	for _, ts := range forms.TextSections {
		if ts.Title == base {
			return ts.Key
		}
	}
	return ""
}

// OptionalValue is the filing's text for an optional row's key.
func OptionalValue(f *forms.Filing, key string) string {
	if key == PublicURLKey {
		return strings.TrimSpace(f.PublicURL)
	}
	for _, ts := range forms.TextSections {
		if ts.Key == key {
			return strings.TrimSpace(*ts.Get(&f.Texts))
		}
	}
	return ""
}

var chineseDigits = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Grade is a member's year of study as a roster writes it: 一年级, 二年级
// for undergraduates, 研一, 研二 for graduate students, or the original
// text of a grade that could not be read.
func Grade(m *forms.Member) string {
	if m.Grade <= 0 || m.Grade >= len(chineseDigits) {
		if m.Grade > 0 {
			return strconv.Itoa(m.Grade) + "年级"
		}
		return m.GradeText
	}
	if m.Level == forms.LevelGraduate {
		return "研" + chineseDigits[m.Grade]
	}
	return chineseDigits[m.Grade] + "年级"
}

// Rank is a member's rank as a roster writes it: "3/45" (rank of the
// major's size), "20" when the size is unknown, "前10%" for a rank stated
// as a share, "" when unknown (first-year students and graduate students
// need not give one, as the official column heading says).
func Rank(m *forms.Member) string {
	switch {
	case m.Rank != nil && m.RankTotal != nil:
		return strconv.Itoa(*m.Rank) + "/" + strconv.Itoa(*m.RankTotal)
	case m.Rank != nil:
		return strconv.Itoa(*m.Rank)
	case m.RankPercent != nil:
		return "前" + forms.FormatPercent(*m.RankPercent)
	}
	return ""
}

// YesNo writes a known flag as 是/否 and an unknown one as "".
func YesNo(v *bool) string {
	switch {
	case v == nil:
		return ""
	case *v:
		return "是"
	}
	return "否"
}
