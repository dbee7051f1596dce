package xlsx

import (
	"strconv"

	"sureform/export/formtext"
	"sureform/forms"
)

// RosterColumns are the header words of the roster sheet, in the official
// column order of 校级组织工作人员名单 followed by 学生会职务 and 所在部门. The
// header is the single row below the sheet's title.
var RosterColumns = []string{
	"序号", "姓名", "政治面貌", "院系", "年级",
	"最近1个学期/最近1学年/入学以来学习成绩综合排名",
	"是否存在课业不及格情况", "院系、班级学生工作经历", "学生会职务", "所在部门",
}

// RosterHeaderRow is the row of the roster sheet that holds RosterColumns;
// members follow from the next row on.
const RosterHeaderRow = 2

var rosterWidths = []float64{4.5, 8, 9.5, 13.5, 7.5, 11, 7, 16, 9, 10}

// chineseDigits spells the years of study.
// writeRoster writes sheet 3, 校级组织工作人员名单.
func writeRoster(b *book, f *forms.Filing) error {
	s := b.addSheet(SheetRoster, rosterWidths)
	last := len(rosterWidths)
	r := s.next()
	s.put(r, 1, r, last, SheetRoster, lookSubtitle)
	s.atLeast(r, 30)
	r = s.next() // RosterHeaderRow
	head := lookHead
	head.size = 10
	for i, h := range RosterColumns {
		s.put(r, i+1, r, i+1, h, head)
	}
	for i := range f.Members {
		m := &f.Members[i]
		r = s.next()
		dept := m.Department
		if dept == "" && m.InPresidium() {
			dept = forms.PresidiumDepartment
		}
		row := []string{
			strconv.Itoa(i + 1), m.Name, m.PoliticalStatus, m.College, formtext.Grade(m),
			formtext.Rank(m), formtext.YesNo(m.Failed), m.Experience, m.Position, dept,
		}
		for c, v := range row {
			l := lookCenter
			if c == 7 {
				l = lookText
			}
			s.put(r, c+1, r, c+1, v, l)
		}
	}
	s.setupPrint(RosterHeaderRow, RosterHeaderRow)
	return s.finish()
}
