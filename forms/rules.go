package forms

// Severity is how serious a finding is: 错误 (the filing must not go out
// like this), 未达标项 (a real gap of the school that the filing honestly
// states) or 提示 (something to check).
type Severity string

const (
	// SeverityError (错误) means the filing must not be sent like this:
	// data that contradicts an answer, invalid or impossible input, an
	// unanswered item, or a requirement the filing claims to meet but
	// does not.
	SeverityError Severity = "error"
	// SeverityUnmet (未达标项) means a requirement the school does not meet
	// and the filing honestly answers 未达标/否: a gap of the school, not a
	// mistake in the filing. It does not make validation fail.
	SeverityUnmet Severity = "unmet"
	// SeverityWarning (提示) means something is suspicious or cannot be
	// verified from the data; the user should look and may explain.
	SeverityWarning Severity = "warning"
)

// Severities lists the severities in the order reports group them: errors,
// then unmet items, then warnings.
func Severities() []Severity {
	return []Severity{SeverityError, SeverityUnmet, SeverityWarning}
}

// Chinese is the severity as the user reads it: 错误, 未达标项 or 提示.
func (s Severity) Chinese() string {
	switch s {
	case SeverityError:
		return "错误"
	case SeverityUnmet:
		return "未达标项"
	}
	return "提示"
}

// rank orders severities for sorting: errors 0, unmet 1, warnings 2.
func (s Severity) rank() int {
	switch s {
	case SeverityError:
		return 0
	case SeverityUnmet:
		return 1
	}
	return 2
}

// Rule is one check of the catalogue: a stable id (used in reports, tests
// and the GUI), its severity, what it checks in Chinese with the limit, the
// facts of the edition items it supports, and where the requirement comes
// from.
type Rule struct {
	ID       string
	Severity Severity
	// Title says in Chinese what the rule checks and the limit.
	Title string
	// Facts are the Fact constants of the items the rule's findings concern;
	// empty for rules about answers, which concern the answered item itself.
	Facts []string
	// Source names the document the requirement comes from.
	Source string
	// Requirement marks a rule that checks a requirement of the reform
	// itself (at most 40 staff, a congress held on time) rather than the
	// filing's consistency or input. Its error becomes an 未达标项
	// (SeverityUnmet) when every item it concerns is answered 未达标/否.
	Requirement bool
}

// Rule ids. They are stable: reports, tests and saved GUI state use them.
const (
	RuleFilingSchool  = "filing.school"
	RuleFilingOrgType = "filing.org_type"
	RuleFilingHeader  = "filing.header"

	RuleMemberRosterEmpty        = "member.roster_empty"
	RuleMemberName               = "member.name"
	RuleMemberDuplicate          = "member.duplicate"
	RuleMemberMaybeDuplicate     = "member.maybe_duplicate"
	RuleMemberPresidiumTitle     = "member.presidium_title"
	RuleMemberPolitical          = "member.political_status"
	RuleMemberPoliticalMissing   = "member.political_status_missing"
	RuleMemberPosition           = "member.position"
	RuleMemberPositionMissing    = "member.position_missing"
	RuleMemberDepartmentMissing  = "member.department_missing"
	RuleMemberPresidiumPlacement = "member.presidium_placement"
	RuleMemberGrade              = "member.grade"
	RuleMemberRank               = "member.rank"
	RuleMemberRankInvalid        = "member.rank_invalid"
	RuleMemberRankUnverified     = "member.rank_unverified"
	RuleMemberRankMissing        = "member.rank_missing"
	RuleMemberRankWindow         = "member.rank_window"
	RuleMemberFailed             = "member.failed"
	RuleMemberFailedMissing      = "member.failed_missing"

	RuleSchoolStaff            = "school.staff_limit"
	RuleSchoolPresidium        = "school.presidium_limit"
	RuleSchoolPresidiumCharter = "school.presidium_charter"
	RuleSchoolPresidiumMissing = "school.presidium_missing"
	RuleSchoolDepartments      = "school.department_limit"
	RuleSchoolLayer            = "school.department_layer"
	RuleSchoolUndeclared       = "school.department_undeclared"
	RuleSchoolDepartmentSize   = "school.department_size"
	RuleSchoolLeaders          = "school.department_leaders"
	RuleSchoolFromCollege      = "school.from_college"

	RuleCongressHeld               = "congress.held"
	RuleCongressDateMissing        = "congress.date_missing"
	RuleCongressDateInvalid        = "congress.date_invalid"
	RuleInputRange                 = "input.range"
	RuleSchoolPresidiumMix         = "school.presidium_mix"
	RuleCongressDelegates          = "congress.delegates"
	RuleCongressDelegatesUnknown   = "congress.delegates_unverified"
	RuleCongressNonCadre           = "congress.non_cadre"
	RuleCongressNonCadreUnknown    = "congress.non_cadre_unverified"
	RuleCongressCounts             = "congress.counts"
	RuleCongressCandidates         = "congress.candidates"
	RuleCongressCandidatesUnknown  = "congress.candidates_unverified"
	RuleCongressQuorum             = "congress.quorum"
	RuleCongressSeatsColleges      = "congress.seats_colleges"
	RuleCongressSeatsSum           = "congress.seats_sum"
	RuleStatedPercent              = "percent.stated"
	RuleGuidanceDeputy             = "guidance.deputy_secretary"
	RuleGuidanceSecretary          = "guidance.secretary_general"
	RuleGuidanceUnknown            = "guidance.unverified"
	RuleSatisfactionRate           = "satisfaction.rate"
	RuleSatisfactionCounts         = "satisfaction.counts"
	RuleSatisfactionMissing        = "satisfaction.missing"
	RuleCollegeCount               = "college.count"
	RuleCollegeStaff               = "college.staff_limit"
	RuleCollegePresidium           = "college.presidium_limit"
	RuleCollegeSizeMissing         = "college.size_missing"
	RuleCollegeMatrixMissing       = "college.matrix_missing"
	RuleCollegeMatrixContradiction = "college.matrix_contradiction"
	RuleCollegeItemCount           = "college.item_count"
	RuleCollegeItemCountMissing    = "college.item_count_missing"

	RuleAnswerUnanswered    = "answer.unanswered"
	RuleAnswerSuggested     = "answer.suggested"
	RuleAnswerContradiction = "answer.contradiction"
	RuleAnswerUnmet         = "answer.unmet"
	RuleAnswerUnexplained   = "answer.unexplained"
	RuleAnswerUnknownItem   = "answer.unknown_item"
	RuleNoteCount           = "note.count"
	RuleNoteCountUnverified = "note.count_unverified"
	RuleNoteBlank           = "note.blank"
	RuleNoteDate            = "note.congress_date"
	RuleNotePercent         = "note.percent"
	RuleNoteSecretary       = "note.secretary_general"
)

const (
	srcItems    = "评估备案表条目"
	srcOpinions = "《关于推动高校学生会（研究生会）深化改革的若干意见》"
	srcCharter  = "各校学生会章程（常见规定，非表格条目）"
	srcForm     = "评估备案表填写要求"
)

var catalogue = []Rule{
	{RuleFilingSchool, SeverityError, "表头须填写学校（组织）名称", nil, srcForm, false},
	{RuleFilingOrgType, SeverityError, "组织类型须为本版表格可选的学生会或研究生会", nil, srcForm, false},
	{RuleInputRange, SeverityError, "人数不能为负数，百分比须在0%到100%之间，部分不能多于整体（主席团人数不超过工作人员人数）", nil, srcForm, false},
	{RuleFilingHeader, SeverityWarning, "表头字段（填报日期、省级核查、自评公开链接）应填写完整", nil, srcForm, false},

	{RuleMemberRosterEmpty, SeverityWarning, "工作人员名单为空，人数、政治面貌、职务和成绩都无法核对", []string{FactStaffLimit, FactPresidiumLimit, FactTitles, FactPoliticalStatus, FactAcademicRecord}, srcForm, false},
	{RuleMemberName, SeverityError, "工作人员名单中每人都要有姓名", nil, srcForm, false},
	{RuleMemberDuplicate, SeverityError, "同一人（姓名、院系、年级、专业相同）不能在名单中出现两次", []string{FactStaffLimit}, srcForm, false},
	{RuleMemberMaybeDuplicate, SeverityWarning, "姓名、院系相同而年级不同或未填的两人，请核对是否为同一人", []string{FactStaffLimit}, srcForm, false},
	{RuleMemberPresidiumTitle, SeverityWarning, "职务写作“主席团成员”的，计入主席团，请写明是主席、副主席还是执行主席", []string{FactTitles}, srcItems, false},
	{RuleMemberPolitical, SeverityError, "工作人员政治面貌须为中共党员、中共预备党员或共青团员", []string{FactPoliticalStatus}, srcItems, true},
	{RuleMemberPoliticalMissing, SeverityWarning, "未填政治面貌，无法核对", []string{FactPoliticalStatus}, srcItems, false},
	{RuleMemberPosition, SeverityError, "职务只能是主席、副主席、执行主席、部长、副部长、干事", []string{FactTitles}, srcItems, true},
	{RuleMemberPositionMissing, SeverityWarning, "未填职务，无法核对职务设置和主席团人数", []string{FactTitles, FactPresidiumLimit}, srcItems, false},
	{RuleMemberDepartmentMissing, SeverityWarning, "部长、副部长、干事未填所在部门，无法核对部门人数", []string{FactDepartmentLimit}, srcCharter, false},
	{RuleMemberPresidiumPlacement, SeverityWarning, "主席团职务与所在部门不一致（主席团成员应在“主席团”，部长、副部长、干事应在工作部门）", []string{FactPresidiumLimit}, srcItems, false},
	{RuleMemberGrade, SeverityWarning, "年级未填或无法识别，无法判断是否为一年级新生（新生不要求成绩排名）", []string{FactAcademicRecord}, srcItems, false},
	{RuleMemberRank, SeverityError, "除一年级新生外的本专科生，学习成绩综合排名须在本专业前30%以内（名次 ≤ 专业人数 × 30%）", []string{FactAcademicRecord}, srcItems, true},
	{RuleMemberRankInvalid, SeverityError, "排名须为正数且不大于专业人数", []string{FactAcademicRecord}, srcForm, false},
	{RuleMemberRankUnverified, SeverityWarning, "只有名次、没有专业人数，无法核对是否在前30%以内", []string{FactAcademicRecord}, srcItems, false},
	{RuleMemberRankMissing, SeverityWarning, "除一年级新生外的本专科生未填成绩排名，无法核对", []string{FactAcademicRecord}, srcItems, false},
	{RuleMemberRankWindow, SeverityWarning, "排名统计区间须为最近1个学期、最近1学年或入学以来三者之一", []string{FactAcademicRecord}, srcItems, false},
	{RuleMemberFailed, SeverityError, "除一年级新生外的本专科生和研究生不得有课业不及格", []string{FactAcademicRecord}, srcItems, true},
	{RuleMemberFailedMissing, SeverityWarning, "未填是否有课业不及格，无法核对", []string{FactAcademicRecord}, srcItems, false},

	{RuleSchoolStaff, SeverityError, "校级学生会组织工作人员不超过40人（学生人数较多、分校区较多的高校不超过60人）", []string{FactStaffLimit}, srcItems, true},
	{RuleSchoolPresidium, SeverityError, "校级学生会组织主席团成员不超过5人", []string{FactPresidiumLimit}, srcItems, true},
	{RuleSchoolPresidiumCharter, SeverityWarning, "主席团人数超过本校章程规定的人数", []string{FactPresidiumLimit}, srcCharter, false},
	{RuleSchoolPresidiumMix, SeverityWarning, "主席团设主席、副主席，或设执行主席，二者择一（辽阳职业技术学院学生会章程第十四条）", []string{FactTitles}, srcCharter, false},
	{RuleSchoolPresidiumMissing, SeverityWarning, "名单中没有主席团成员，“主席团+工作部门”架构无法核对", []string{FactStructure}, srcItems, false},
	{RuleSchoolDepartments, SeverityError, "校级学生会组织工作部门不超过6个", []string{FactDepartmentLimit}, srcItems, true},
	{RuleSchoolLayer, SeverityError, "不得在工作部门以上或以下设置“中心”“项目办公室”等常设层级", []string{FactStructure}, srcItems, true},
	{RuleSchoolUndeclared, SeverityWarning, "名单中出现了工作部门列表中没有的部门名称", []string{FactDepartmentLimit}, srcForm, false},
	{RuleSchoolDepartmentSize, SeverityWarning, "每个工作部门的人数一般不超过6人", nil, srcCharter, false},
	{RuleSchoolLeaders, SeverityWarning, "每个工作部门设负责人（部长、副部长）2至3人（以本校章程为准）", nil, srcCharter, false},
	{RuleSchoolFromCollege, SeverityWarning, "校级学生会组织工作人员中来自院级学生会的一般不少于50%", nil, srcOpinions, false},

	{RuleCongressHeld, SeverityError, "学生（研究生）代表大会须按期召开（2020年版：2019年10月以来；2021年版起：本学年或上一学年内，每年召开一次），拟召开的不算", []string{FactCongressHeld}, srcItems, true},
	{RuleCongressDateInvalid, SeverityError, "学生代表大会日期不可能：早于2000年，或未标为拟召开却晚于填报日期", []string{FactCongressHeld}, srcForm, false},
	{RuleCongressDateMissing, SeverityWarning, "未填学生代表大会召开日期，无法核对是否按期召开", []string{FactCongressHeld}, srcItems, false},
	{RuleCongressDelegates, SeverityError, "代表名额不低于所联系学生人数的1%", []string{FactCongressHeld}, srcOpinions, true},
	{RuleCongressDelegatesUnknown, SeverityWarning, "未填代表人数或学生人数，无法核对代表名额是否不低于1%", []string{FactCongressHeld}, srcOpinions, false},
	{RuleCongressNonCadre, SeverityWarning, "非校、院级学生会组织骨干的代表一般不低于代表总数的60%", []string{FactCongressHeld}, srcOpinions, false},
	{RuleCongressNonCadreUnknown, SeverityWarning, "未填非学生会骨干代表人数，无法核对是否不低于60%", []string{FactCongressHeld}, srcOpinions, false},
	{RuleCongressCounts, SeverityError, "代表大会人数互相矛盾（部分人数大于代表总数）", []string{FactCongressHeld}, srcForm, false},
	{RuleCongressCandidates, SeverityError, "差额选举的候选人数须比应选人数多20%以上（候选人 ≥ 应选 × 120%）", []string{FactCongressHeld}, srcOpinions, true},
	{RuleCongressCandidatesUnknown, SeverityWarning, "差额选举未填候选人数，无法核对是否多于应选人数20%", []string{FactCongressHeld}, srcOpinions, false},
	{RuleCongressQuorum, SeverityWarning, "出席代表须达到应到代表的三分之二（章程另有规定的从其规定，如五分之四）", []string{FactCongressHeld}, srcCharter, false},
	{RuleCongressSeatsColleges, SeverityWarning, "代表名额分配应覆盖各学院（系）", []string{FactCongressHeld}, srcOpinions, false},
	{RuleCongressSeatsSum, SeverityWarning, "各学院（系）代表名额之和应等于代表总数", []string{FactCongressHeld}, srcForm, false},
	{RuleStatedPercent, SeverityError, "文字中写明的百分比须与人数算出的一致", nil, srcForm, false},

	{RuleGuidanceDeputy, SeverityError, "须明确1名校团委专职副书记指导校级学生会组织", []string{FactGuidance}, srcItems, true},
	{RuleGuidanceSecretary, SeverityWarning, "学生会组织秘书长聘任校团委专职副书记或干部担任；不是专职团干部的，请确认其为校团委干部", []string{FactGuidance}, srcItems, false},
	{RuleGuidanceUnknown, SeverityWarning, "未填指导责任人姓名或是否专职，无法核对", []string{FactGuidance}, srcItems, false},

	{RuleSatisfactionRate, SeverityError, "满意率（满意+基本满意）÷ 样本数须达到60%", []string{FactSatisfactionUnion, FactSatisfactionStaff}, srcItems, true},
	{RuleSatisfactionCounts, SeverityError, "满意度调查人数须能对上（满意+基本满意不超过样本数，样本数大于0）", []string{FactSatisfactionUnion, FactSatisfactionStaff}, srcForm, false},
	{RuleSatisfactionMissing, SeverityWarning, "未填满意度调查的样本数和满意人数，无法核对", []string{FactSatisfactionUnion, FactSatisfactionStaff}, srcItems, false},

	{RuleCollegeCount, SeverityError, "表头的二级学生会组织数量须与“具体情况”中列出的组织数一致", nil, srcForm, false},
	{RuleCollegeStaff, SeverityError, "二级学生会组织工作人员不超过30人", []string{FactCollegeStaffLimit}, srcItems, true},
	{RuleCollegePresidium, SeverityError, "二级学生会组织主席团成员不超过3人", []string{FactCollegePresidiumLimit}, srcItems, true},
	{RuleCollegeSizeMissing, SeverityWarning, "二级学生会组织未填工作人员或主席团人数，无法核对", []string{FactCollegeStaffLimit, FactCollegePresidiumLimit}, srcItems, false},
	{RuleCollegeMatrixMissing, SeverityWarning, "“具体情况”中有未填的是/否", nil, srcForm, false},
	{RuleCollegeMatrixContradiction, SeverityError, "“具体情况”中的是/否与该组织的人数矛盾", []string{FactCollegeStaffLimit, FactCollegePresidiumLimit}, srcForm, false},
	{RuleCollegeItemCount, SeverityError, "符合标准的组织数量须等于“具体情况”中该项填“是”的组织数", nil, srcForm, false},
	{RuleCollegeItemCountMissing, SeverityError, "二级学生会组织情况的每一项都要填符合标准的组织数量", nil, srcForm, false},

	{RuleAnswerUnanswered, SeverityError, "每一项都要作答（数据无法判定的，须由学校自评）", nil, srcForm, false},
	{RuleAnswerSuggested, SeverityWarning, "未作答的项目，数据已能判定答案", nil, srcForm, false},
	{RuleAnswerContradiction, SeverityError, "自评答案与数据矛盾", nil, srcForm, false},
	{RuleAnswerUnmet, SeverityUnmet, "答“未达标/否”、数据也不显示达标的项目是学校的实际差距（未达标项），不算填报错误", nil, srcForm, false},
	{RuleAnswerUnexplained, SeverityWarning, "答“未达标/否”的项目应在备注或“问题不足”中说明原因", nil, srcForm, false},
	{RuleAnswerUnknownItem, SeverityWarning, "答案对应的条目不在本版表格中", nil, srcForm, false},
	{RuleNoteCount, SeverityError, "备注中的“实有”人数、个数须与名单一致", nil, srcForm, false},
	{RuleNoteCountUnverified, SeverityWarning, "备注中的“实有”数无法用名单核对", nil, srcForm, false},
	{RuleNoteBlank, SeverityWarning, "备注留有未填的空（如“满意率为 %”“实有 人”）", nil, srcForm, false},
	{RuleNoteDate, SeverityError, "备注中的召开日期须与学生代表大会日期一致", []string{FactCongressHeld}, srcForm, false},
	{RuleNotePercent, SeverityError, "备注中的百分比须与人数算出的一致", nil, srcForm, false},
	{RuleNoteSecretary, SeverityError, "备注中的秘书长须与指导责任人中的秘书长一致", []string{FactGuidance}, srcForm, false},
}

var ruleIndex = func() map[string]*Rule {
	m := make(map[string]*Rule, len(catalogue))
	for i := range catalogue {
		m[catalogue[i].ID] = &catalogue[i]
	}
	return m
}()

// Rules returns the catalogue of validation rules, in the order the
// documentation lists them. The slice is a copy; changing it changes nothing.
func Rules() []Rule {
	out := make([]Rule, len(catalogue))
	copy(out, catalogue)
	return out
}

// RuleByID returns the rule with the given id.
func RuleByID(id string) (Rule, bool) {
	r, ok := ruleIndex[id]
	if !ok {
		return Rule{}, false
	}
	return *r, true
}

// ItemsFor returns the ids of the edition's answerable items whose facts a
// rule supports, in form order.
func (r Rule) ItemsFor(ed *Edition) []string {
	var out []string
	for _, s := range ed.Sections {
		for _, it := range s.Answerable() {
			for _, f := range r.Facts {
				if it.Fact == f {
					out = append(out, it.ID)
					break
				}
			}
		}
	}
	return out
}
