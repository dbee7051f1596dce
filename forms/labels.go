package forms

import (
	"regexp"
	"strconv"
	"strings"
)

// fieldLabels are the Chinese labels of a filing's fields, keyed by their
// path with list indexes and map keys removed (members[].rank).
var fieldLabels = map[string]string{
	"edition":             "表格版本",
	"school":              "学校名称",
	"org_type":            "组织类型",
	"academic_year":       "学年",
	"filing_date":         "填报日期",
	"students":            "全日制在校学生人数",
	"large_school":        "学生人数较多、分校区较多",
	"college_union_count": "二级学生会组织数量",
	"provincial_review":   "是否已由省级团委、学联核查（复评）",
	"public_url":          "自评公开链接",

	"members":                    "校级组织工作人员名单",
	"members[].name":             "姓名",
	"members[].political_status": "政治面貌",
	"members[].college":          "院系",
	"members[].major":            "专业",

	"members[].grade":                "年级",
	"members[].grade_text":           "年级",
	"members[].level":                "本专科/研究生",
	"members[].rank":                 "学习成绩综合排名",
	"members[].rank_total":           "专业人数",
	"members[].rank_percent":         "排名百分比",
	"members[].rank_window":          "排名统计区间",
	"members[].failed":               "是否存在课业不及格情况",
	"members[].experience":           "院系、班级学生工作经历",
	"members[].position":             "学生会职务",
	"members[].department":           "所在部门",
	"members[].from_college_union":   "是否来自二级学生会组织",
	"members[].suggested_position":   "推断的职务（待确认）",
	"members[].suggested_department": "推断的部门（待确认）",

	"departments":        "工作部门",
	"departments[].name": "部门名称",

	"congress":                            "学生代表大会",
	"congress.session":                    "届次",
	"congress.date":                       "召开日期",
	"congress.planned":                    "尚未召开（拟召开）",
	"congress.place":                      "地点",
	"congress.delegates":                  "代表人数",
	"congress.non_cadre_delegates":        "非校、院级学生会组织骨干代表人数",
	"congress.present":                    "到会代表人数",
	"congress.stated_delegate_percent":    "材料所写代表占学生比例",
	"congress.stated_non_cadre_percent":   "材料所写非骨干代表比例",
	"congress.presidium_seats":            "主席团应选名额",
	"congress.presidium_candidates":       "主席团候选人数",
	"congress.contested":                  "差额选举",
	"congress.delegate_candidates":        "代表候选人数",
	"congress.seats_by_college":           "各院系代表名额",
	"congress.seats_by_college[].college": "院系",
	"congress.seats_by_college[].seats":   "名额",

	"guidance":                             "校团委指导学生会主要责任人",
	"guidance.deputy_secretary":            "分管学生会组织的校团委副书记",
	"guidance.deputy_secretary.name":       "分管副书记姓名",
	"guidance.deputy_secretary.full_time":  "分管副书记是否为专职团干部",
	"guidance.deputy_secretary.note":       "分管副书记备注",
	"guidance.secretary_general":           "学生会组织秘书长",
	"guidance.secretary_general.name":      "秘书长姓名",
	"guidance.secretary_general.full_time": "秘书长是否为专职团干部",
	"guidance.secretary_general.note":      "秘书长备注",

	"college_unions":             "二级学生会组织",
	"college_unions[].name":      "二级学生会组织名称",
	"college_unions[].staff":     "工作人员数",
	"college_unions[].presidium": "主席团成员数",
	"college_unions[].items":     "符合标准情况",
	"college_unions[].items[]":   "符合标准情况",
	"college_item_counts":        "符合标准学生会组织数量",
	"college_item_counts[]":      "符合标准学生会组织数量",

	"satisfaction":                           "满意度调查",
	"satisfaction.union":                     "对学生会组织整体工作的满意度（问卷第7题）",
	"satisfaction.staff":                     "对学生会组织工作人员的满意度（问卷第14题）",
	"satisfaction.union.sample":              "样本数",
	"satisfaction.union.satisfied":           "“满意”人数",
	"satisfaction.union.basically_satisfied": "“基本满意”人数",
	"satisfaction.union.stated_percent":      "材料所写满意率",
	"satisfaction.staff.sample":              "样本数",
	"satisfaction.staff.satisfied":           "“满意”人数",
	"satisfaction.staff.basically_satisfied": "“基本满意”人数",
	"satisfaction.staff.stated_percent":      "材料所写满意率",

	"answers":                 "自评答案",
	"answers[].met":           "结论",
	"answers[].note":          "备注",
	"opinions":                "签章栏意见",
	"opinions.union_accepts":  "学生会组织是否认可评估意见",
	"opinions.league_accepts": "高校团委是否认可评估意见",
	"texts":                   "文字材料",
}

func init() {
	for _, ts := range TextSections {
		fieldLabels["texts."+ts.Key] = ts.Title
	}
}

var pathIndex = regexp.MustCompile(`\[[^\]]*\]`)

// FieldLabel is the Chinese label of the field a path names, for display:
// FieldLabel("members[3].rank") is 学习成绩综合排名. A path the model does
// not have gives "".
func FieldLabel(path string) string {
	return fieldLabels[pathIndex.ReplaceAllString(path, "[]")]
}

// JSONFieldLabel is the Chinese label of a field named as encoding/json
// names it in a decoding error, without list indexes (members.rank,
// congress.seats_by_college.seats), or "" when the model has no such field.
func JSONFieldLabel(field string) string {
	if l := FieldLabel(field); l != "" {
		return l
	}
	parts := strings.Split(field, ".")
	// Try each way of marking the parts as lists: members.rank is
	// members[].rank.
	for mask := 1; mask < 1<<min(len(parts), 4); mask++ {
		var b strings.Builder
		for i, p := range parts {
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(p)
			if i < 4 && mask&(1<<i) != 0 && i < len(parts)-1 {
				b.WriteString("[]")
			}
		}
		if l := FieldLabel(b.String()); l != "" {
			return l
		}
	}
	return ""
}

// PathLabel names a path's place for a person: the roster member and the
// field, the item and its part, or the field's label.
// PathLabel("members[3].rank") is 名单第4人“学习成绩综合排名”.
func PathLabel(path string) string {
	label := FieldLabel(path)
	if i, ok := firstIndex(path, "members["); ok {
		if label == "" || !strings.Contains(path, "].") {
			return "名单第" + strconv.Itoa(i+1) + "人"
		}
		return "名单第" + strconv.Itoa(i+1) + "人“" + label + "”"
	}
	if id, ok := strings.CutPrefix(path, "answers["); ok {
		id, _, _ = strings.Cut(id, "]")
		return "自评表第" + id + "项"
	}
	return label
}

// firstIndex reads the number after prefix at the start of path.
func firstIndex(path, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(path, prefix)
	if !ok {
		return 0, false
	}
	n, _, _ := strings.Cut(rest, "]")
	i, err := strconv.Atoi(n)
	return i, err == nil
}
