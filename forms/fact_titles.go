package forms

// factTitles says in Chinese what each fact decides, for the people who
// choose an item's fact (the edition proposal in the GUI and the
// command line). TestFactTitles checks that every fact has one.
var factTitles = map[string]string{
	FactNone:                  "无（由学校自己作答）",
	FactStructure:             "“主席团+工作部门”架构，无“中心”等常设层级",
	FactStaffLimit:            "校级工作人员人数上限",
	FactPresidiumLimit:        "校级主席团人数上限",
	FactDepartmentLimit:       "校级工作部门个数上限",
	FactTitles:                "只设允许的职务",
	FactPoliticalStatus:       "工作人员为党员或团员",
	FactAcademicRecord:        "学习成绩排名和不及格情况",
	FactCongressHeld:          "按期召开学生代表大会",
	FactGuidance:              "团委专职副书记指导、秘书长",
	FactSatisfactionUnion:     "对学生会组织的满意率",
	FactSatisfactionStaff:     "对工作人员的满意率",
	FactCollegeStaffLimit:     "二级组织工作人员人数上限",
	FactCollegePresidiumLimit: "二级组织主席团人数上限",
	// The college facts decided on each college union's own data.
	FactCollegeStructure:        "二级组织“主席团+工作部门”架构",
	FactCollegeTitles:           "二级组织只设允许的职务",
	FactCollegePoliticalStatus:  "二级组织工作人员为党员或团员",
	FactCollegeAcademicRecord:   "二级组织工作人员学习成绩和不及格情况",
	FactCollegePresidiumElected: "二级组织主席团由学生代表大会或全体学生大会选举产生",
	FactCollegeCongressHeld:     "二级组织按期召开学生代表大会或全体学生大会",
	FactCollegeGuidance:         "二级组织由团组织负责人指导、秘书长为团委老师",
}

// FactTitle says in Chinese what a fact decides; an unknown fact is
// returned as it is.
func FactTitle(fact string) string {
	if t, ok := factTitles[fact]; ok {
		return t
	}
	return fact
}

// FactChoices lists the facts an item can be decided by, none first, in
// the order of the forms.
func FactChoices() []string {
	return []string{FactNone, FactStructure, FactStaffLimit, FactPresidiumLimit, FactDepartmentLimit,
		FactTitles, FactPoliticalStatus, FactAcademicRecord, FactCongressHeld, FactGuidance,
		FactSatisfactionUnion, FactSatisfactionStaff, FactCollegeStructure, FactCollegeStaffLimit, FactCollegePresidiumLimit,
		FactCollegeTitles, FactCollegePoliticalStatus, FactCollegeAcademicRecord, FactCollegePresidiumElected,
		FactCollegeCongressHeld, FactCollegeGuidance}
}

// noteTitles says in Chinese what each note kind writes in an item's 备注.
// TestFactTitles checks that every note kind has one.
var noteTitles = map[string]string{
	NoteNone:              "无",
	NoteStaffCount:        "工作人员实有人数（实有N人）",
	NotePresidiumCount:    "主席团实有人数（实有N人）",
	NoteDepartmentCount:   "工作部门实有个数（实有N个）",
	NoteCongressDate:      "学生代表大会召开日期（召开日期为：…）",
	NoteSecretaryGeneral:  "秘书长姓名",
	NoteSatisfactionUnion: "对学生会组织的满意率（满意率为N%）",
	NoteSatisfactionStaff: "对工作人员的满意率（满意率为N%）",
	NoteFree:              "学校自己填写",
}

// NoteTitle says in Chinese what a note kind writes; an unknown kind is
// returned as it is.
func NoteTitle(kind string) string {
	if t, ok := noteTitles[kind]; ok {
		return t
	}
	return kind
}
