package pdf

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"sureform/export/formtext"
	"sureform/forms"
)

// Organisation chart geometry, in mm.
const (
	chartTopW     = 80.0
	chartBoxH     = 12.0
	chartGapY     = 9.0
	chartDeptGap  = 3.0
	chartPerRow   = 6 // even, so that the trunk to a further row runs between two boxes
	chartMinDeptW = 18.0
)

// chart draws the organisation chart from the filing's declared
// structure: the organisation, the presidium and one box per department,
// joined by lines. A box gives the head count the roster shows for it; when
// the roster does not say who is in which department, or names nobody in
// one, the box shows the name alone. The chart is a publication: findings
// about the roster belong in the review report, not here.
func (r *report) chart(c *canvas) {
	depts := r.f.DepartmentNames()
	rows := (len(depts) + chartPerRow - 1) / chartPerRow
	c.setSize(sizeTable)
	deptH := r.deptBoxHeight(c, depts)
	h := 2*chartBoxH + 2*chartGapY + float64(rows)*(deptH+chartGapY) + 4
	r.sectionHeading(c, formtext.TitleChart, math.Min(h, contentEnd-contentTop-20))
	c.need(h)
	c.setSize(sizeTable)
	mid := marginLeft + contentW/2
	y := c.y + 2

	name := formtext.OrgName(r.f)
	if name == "" {
		name = forms.OrgStudentUnion
	}
	c.chartBox(mid-chartTopW/2, y, chartTopW, chartBoxH, []string{name}, true)
	y += chartBoxH
	c.line(mid, y, mid, y+chartGapY)
	y += chartGapY
	presidium := forms.PresidiumDepartment
	if r.d.Presidium > 0 {
		presidium += fmt.Sprintf(" %d人", r.d.Presidium)
	}
	c.chartBox(mid-chartTopW/4, y, chartTopW/2, chartBoxH, []string{presidium}, false)
	y += chartBoxH

	for row := 0; row < rows; row++ {
		part := depts[row*chartPerRow : min(len(depts), (row+1)*chartPerRow)]
		n := float64(len(part))
		w := math.Max(chartMinDeptW, math.Min(34, (contentW-(n-1)*chartDeptGap)/n))
		total := n*w + (n-1)*chartDeptGap
		x0 := mid - total/2
		busY := y + chartGapY/2
		c.line(mid, y, mid, busY)
		first, last := x0+w/2, x0+total-w/2
		c.line(math.Min(first, mid), busY, math.Max(last, mid), busY)
		for i, d := range part {
			x := x0 + float64(i)*(w+chartDeptGap)
			c.line(x+w/2, busY, x+w/2, y+chartGapY)
			lines := c.wrap(d, w-2*padX)
			if n := len(r.f.DepartmentMembers(d)); n > 0 {
				lines = append(lines, fmt.Sprintf("%d人", n))
			}
			c.chartBox(x, y+chartGapY, w, deptH, lines, false)
		}
		y += chartGapY + deptH
		if row < rows-1 {
			// The next row hangs from the presidium too: carry the trunk
			// down beside the boxes.
			c.line(mid, y-deptH-chartGapY/2, mid, y)
		}
	}
	c.y = y + 4
}

// deptBoxHeight is the height of the department boxes: room for the
// longest name, wrapped, and the head count.
func (r *report) deptBoxHeight(c *canvas, depts []string) float64 {
	n := float64(min(len(depts), chartPerRow))
	if n == 0 {
		return chartBoxH
	}
	w := math.Max(chartMinDeptW, math.Min(34, (contentW-(n-1)*chartDeptGap)/n))
	lines := 1
	for _, d := range depts {
		lines = max(lines, len(c.wrap(d, w-2*padX)))
	}
	return math.Max(chartBoxH, float64(lines+1)*c.lineH()+2*padY)
}

// chartBox draws a framed box with centred lines of text.
func (c *canvas) chartBox(x, y, w, h float64, lines []string, shaded bool) {
	if shaded {
		c.setGray(0.92)
		c.rect(x, y, w, h, "F")
		c.setGray(0)
	}
	c.rect(x, y, w, h, "D")
	c.textLines(x+padX, y+(h-float64(len(lines))*c.lineH())/2, w-2*padX, lines, 'C')
}

// warnings lists the characters no font has, with the filing field each
// first occurs in.
func (r *report) warnings(c *canvas) []Warning {
	if len(c.missing) == 0 {
		return nil
	}
	fields := filingStrings(r)
	var out []Warning
	for _, ru := range sortedRunes(c.missing) {
		path, where := "", "表格版本文字"
		for _, fs := range fields {
			if strings.ContainsRune(fs.text, ru) {
				path, where = fs.path, "字段 "+fs.path
				break
			}
		}
		out = append(out, Warning{Path: path, Rune: ru, Message: fmt.Sprintf(
			"%s中的字符“%c”（U+%04X）在内置字体和备用字形中都没有，PDF 中以标注编码的虚线方框代替，请核对或改用常用字",
			where, ru, ru)})
	}
	return out
}

type fieldText struct{ path, text string }

// filingStrings lists the texts of the filing that the report prints, with
// their paths as the validator names them.
func filingStrings(r *report) []fieldText {
	f := r.f
	out := []fieldText{{"school", f.School}, {"org_type", f.OrgType}, {"academic_year", f.AcademicYear}, {"public_url", f.PublicURL}}
	for i, m := range f.Members {
		p := fmt.Sprintf("members[%d].", i)
		out = append(out, fieldText{p + "name", m.Name}, fieldText{p + "political_status", m.PoliticalStatus},
			fieldText{p + "college", m.College}, fieldText{p + "grade_text", m.GradeText},
			fieldText{p + "experience", m.Experience}, fieldText{p + "position", m.Position},
			fieldText{p + "department", m.Department})
	}
	for i, d := range f.Departments {
		out = append(out, fieldText{fmt.Sprintf("departments[%d].name", i), d.Name})
	}
	out = append(out, fieldText{"congress.session", f.Congress.Session}, fieldText{"congress.place", f.Congress.Place})
	for i, s := range f.Congress.SeatsByCollege {
		out = append(out, fieldText{fmt.Sprintf("congress.seats_by_college[%d].college", i), s.College})
	}
	out = append(out, fieldText{"guidance.deputy_secretary.name", f.Guidance.DeputySecretary.Name},
		fieldText{"guidance.deputy_secretary.note", f.Guidance.DeputySecretary.Note},
		fieldText{"guidance.secretary_general.name", f.Guidance.SecretaryGeneral.Name},
		fieldText{"guidance.secretary_general.note", f.Guidance.SecretaryGeneral.Note})
	for i, u := range f.CollegeUnions {
		out = append(out, fieldText{fmt.Sprintf("college_unions[%d].name", i), u.Name})
	}
	for _, ts := range forms.TextSections {
		out = append(out, fieldText{"texts." + ts.Key, *ts.Get(&f.Texts)})
	}
	for _, id := range slices.Sorted(maps.Keys(f.Answers)) {
		out = append(out, fieldText{"answers[" + id + "]", f.Answers[id].Note})
	}
	return out
}
