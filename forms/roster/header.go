package roster

import (
	"strings"

	"sureform/forms"
)

// Field is a column of a roster that import understands.
type Field string

// The columns import understands. Their values are the field names of
// forms.Member in a project file, so that a problem's path reads
// members[3].rank.
const (
	FieldSerial           Field = "serial"
	FieldName             Field = "name"
	FieldPoliticalStatus  Field = "political_status"
	FieldCollege          Field = "college"
	FieldMajor            Field = "major"
	FieldGrade            Field = "grade"
	FieldRank             Field = "rank"
	FieldFailed           Field = "failed"
	FieldExperience       Field = "experience"
	FieldPosition         Field = "position"
	FieldDepartment       Field = "department"
	FieldFromCollegeUnion Field = "from_college_union"
	// FieldRankTotal is the size of the major (专业人数, 专业总人数, 班级人数)
	// in a column of its own beside a 名次 column.
	FieldRankTotal Field = "rank_total"
)

// Fields lists the columns in the order of the official roster, followed by
// the ones sureform adds.
var Fields = []Field{FieldSerial, FieldName, FieldPoliticalStatus, FieldCollege, FieldGrade,
	FieldRank, FieldFailed, FieldExperience, FieldPosition, FieldDepartment, FieldMajor,
	FieldFromCollegeUnion, FieldRankTotal}

// fieldTitles are the Chinese titles of the fields, as the template writes
// them.
var fieldTitles = map[Field]string{
	FieldSerial:           "序号",
	FieldName:             "姓名",
	FieldPoliticalStatus:  "政治面貌",
	FieldCollege:          "院系",
	FieldMajor:            "专业",
	FieldGrade:            "年级",
	FieldRank:             "最近1个学期/最近1学年/入学以来学习成绩综合排名（一年级新生、研究生不需填写）",
	FieldFailed:           "是否存在课业不及格情况",
	FieldExperience:       "院系、班级学生工作经历",
	FieldPosition:         "学生会职务",
	FieldDepartment:       "所在部门",
	FieldFromCollegeUnion: "是否来自二级学生会",
	FieldRankTotal:        "专业人数",
}

// Label returns the field's short Chinese name for messages (姓名, 成绩排名).
func (f Field) Label() string {
	switch f {
	case FieldRank:
		return "成绩排名"
	case FieldFailed:
		return "不及格情况"
	case FieldExperience:
		return "工作经历"
	}
	if t, ok := fieldTitles[f]; ok {
		return t
	}
	return string(f)
}

// Title returns the field's full column title as the official form and the
// template write it.
func (f Field) Title() string { return fieldTitles[f] }

// headerKey normalises a header cell for matching: no white space, no
// asterisks or colons, full-width forms narrowed.
func headerKey(s string) string {
	t := narrow(CleanText(s))
	return strings.Map(func(r rune) rune {
		switch r {
		case '*', ':', '※', '★', '"', '\'':
			return -1
		}
		return r
	}, t)
}

// ClassifyHeader says which field a header cell names, or "" when it names
// none that import reads (学号, 性别, 联系电话, 备注 …). The wording varies
// from roster to roster: 姓名/名字; 院系/学院/系别/所在院系; the long
// 最近1个学期/…综合排名 or just 成绩排名; 是否存在课业不及格情况/不及格门数;
// 院系、班级学生工作经历/任职经历; 学生会职务/职务; 所在部门/部门.
func ClassifyHeader(s string) Field {
	k := headerKey(s)
	if k == "" || len(k) > 400 {
		return ""
	}
	has := func(subs ...string) bool {
		for _, sub := range subs {
			if strings.Contains(k, sub) {
				return true
			}
		}
		return false
	}
	switch {
	case k == "序号" || k == "编号" || k == "No." || k == "NO" || k == "No" || k == "序":
		return FieldSerial
	case has("二级学生会", "二级学院学生会", "来自二级", "院级学生会", "院系学生会", "院(系)学生会", "学院学生会", "来自院"):
		return FieldFromCollegeUnion
	case has("专业人数", "专业总人数", "班级人数", "班级总人数", "年级人数", "年级总人数", "参评人数", "排名人数", "总人数"):
		// The size of the major beside a 名次 column; never 专业.
		return FieldRankTotal
	case has("经历", "履历", "曾任", "任职情况", "班级职务", "班委"):
		return FieldExperience
	case has("排名", "名次", "排序", "成绩排"):
		return FieldRank
	case has("不及格", "挂科", "补考"):
		return FieldFailed
	case has("职务", "职位", "岗位", "担任"):
		return FieldPosition
	case has("部门", "所在部", "所属部"):
		return FieldDepartment
	case has("政治面貌", "政治身份", "政治") || k == "面貌":
		return FieldPoliticalStatus
	case has("年级", "入学年份", "入学时间") || k == "级别":
		return FieldGrade
	case has("院系", "学院", "系别", "系部", "分院", "所在系", "院(系)", "院（系）") || k == "院" || k == "系":
		return FieldCollege
	case has("专业") && !has("人数"):
		return FieldMajor
	case has("姓名", "名字") || k == "姓" || k == "名":
		return FieldName
	}
	return ""
}

// Header is a roster's header as DetectHeader found it.
type Header struct {
	// Row is the 0-based index of the header's first row; Rows is the
	// number of rows it takes: 1, or up to 4 for a header continued in a
	// second row after rule or blank lines.
	Row, Rows int
	// Mapping gives the 0-based column of each field found.
	Mapping Mapping
	// Titles holds the header text of every column (both rows joined).
	Titles []string
	// Window is the period the rank column names, when it names exactly
	// one (forms.RankWindows); empty otherwise.
	Window string
	// Duplicates lists columns whose field another column already has,
	// as field → 0-based columns ignored.
	Duplicates map[Field][]int
}

// Mapping gives the 0-based column of each field of a roster.
type Mapping map[Field]int

// headerScanRows is how far down a sheet the header is looked for.
const headerScanRows = 30

// maxHeaderColumns is how many columns a header may have.
const maxHeaderColumns = 200

// DetectHeader finds a roster header among the first rows of a sheet: the
// row (or pair of rows, when a header continues into a second row or has
// merged group cells) whose cells name the most fields, with at least the
// name column and two others. Title rows above are skipped; columns may be
// in any order; columns that name nothing are ignored. ok is false when no
// row looks like a roster header.
func DetectHeader(rows [][]string) (h Header, ok bool) {
	best := 0
	limit := min(len(rows), headerScanRows)
	for r := 0; r < limit; r++ {
		single := mapHeader(rows[r], nil)
		score := scoreMapping(single.Mapping)
		cand := single
		cand.Rows = 1
		if score > 0 {
			// The second header row may come after a rule line or a blank
			// line that copying a table out of a document leaves.
			next := r + 1
			for next < len(rows) && next <= r+3 && (blankRow(rows[next]) || ruleRow(rows[next])) {
				next++
			}
			if next < len(rows) && next <= r+3 && continuesHeader(rows[next], single.Mapping) {
				double := mapHeader(rows[r], rows[next])
				if s := scoreMapping(double.Mapping); s >= score {
					cand, score = double, s
					cand.Rows = next - r + 1
				}
			}
		}
		if score > best {
			best = score
			cand.Row = r
			h = cand
		}
	}
	if best == 0 {
		return Header{}, false
	}
	return h, true
}

// ruleRow reports whether a row holds only rule characters (----, ====,
// |), as a table copied out of a document may have under its header.
func ruleRow(row []string) bool {
	found := false
	for _, c := range row {
		t := strings.TrimSpace(c)
		if t == "" {
			continue
		}
		if strings.Trim(t, "-—=_|+:~ ") != "" {
			return false
		}
		found = true
	}
	return found
}

// scoreMapping is the number of fields a header names, or 0 when it lacks
// the name column or names fewer than three fields in all.
func scoreMapping(m Mapping) int {
	if _, ok := m[FieldName]; !ok {
		return 0
	}
	n := len(m)
	if _, ok := m[FieldSerial]; ok {
		n--
	}
	if n < 3 {
		return 0
	}
	return n
}

// continuesHeader reports whether next looks like the second row of a
// header rather than a row of data: its cell in the name column is empty
// or itself a header word, and none of its cells reads as a political
// status or a rank.
func continuesHeader(next []string, m Mapping) bool {
	nameCol, hasName := m[FieldName]
	nonEmpty := 0
	for i, c := range next {
		if i >= maxHeaderColumns {
			break
		}
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		nonEmpty++
		if hasName && i == nameCol && ClassifyHeader(c) == "" {
			return false
		}
		if st, known := ParsePoliticalStatus(c); known && st != "" {
			return false
		}
		if r, err := ParseRank(c); err == nil && !r.IsBlank() {
			return false
		}
	}
	return nonEmpty > 0
}

// mapHeader maps the cells of a header row, joined with the cells of a
// second row when there is one, to fields.
func mapHeader(top, second []string) Header {
	width := min(max(len(top), len(second)), maxHeaderColumns)
	h := Header{Mapping: Mapping{}, Titles: make([]string, width)}
	for i := 0; i < width; i++ {
		var t string
		if i < len(top) {
			t = CleanText(top[i])
		}
		if i < len(second) {
			if s := CleanText(second[i]); s != "" && s != t {
				t += s
			}
		}
		h.Titles[i] = t
		f := ClassifyHeader(t)
		if f == "" {
			continue
		}
		if _, taken := h.Mapping[f]; taken {
			if h.Duplicates == nil {
				h.Duplicates = map[Field][]int{}
			}
			h.Duplicates[f] = append(h.Duplicates[f], i)
			continue
		}
		h.Mapping[f] = i
		if f == FieldRank {
			h.Window = rankWindow(t)
		}
	}
	return h
}

// rankWindow returns the one period a rank header names, or "".
func rankWindow(title string) string {
	k := headerKey(title)
	found := ""
	for _, w := range forms.RankWindows {
		if strings.Contains(k, w) || (w == forms.WindowLatestSemester && strings.Contains(k, "最近一个学期")) ||
			(w == forms.WindowLatestYear && strings.Contains(k, "最近一学年")) {
			if found != "" {
				return ""
			}
			found = w
		}
	}
	return found
}

// columnLetter returns the spreadsheet letter of a 0-based column (0 → A,
// 26 → AA).
func columnLetter(i int) string {
	if i < 0 {
		return ""
	}
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}
