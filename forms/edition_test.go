package forms

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func builtin(t testing.TB) *Editions {
	t.Helper()
	eds, err := BuiltinEditions()
	if err != nil {
		t.Fatalf("built-in editions: %v", err)
	}
	return eds
}

func TestBuiltinEditionsItemCounts(t *testing.T) {
	eds := builtin(t)
	tests := []struct {
		id                string
		schoolItems       int
		schoolRows        int
		collegeItems      int
		answers           string
		congressRule      string
		satisfaction      bool
		headerCollegeSize bool
	}{
		{"2020", 17, 19, 0, "达标/未达标", CongressSince, true, false},
		{"2021", 17, 17, 13, "是/否", CongressWithinYear, false, true},
		{"2021-2022", 17, 17, 13, "是/否", CongressWithinYear, false, false},
		{"2022-2023", 17, 17, 13, "是/否", CongressWithinYear, false, false},
		{"2023-2024", 17, 17, 13, "是/否", CongressWithinYear, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			ed, err := eds.Get(tc.id)
			if err != nil {
				t.Fatal(err)
			}
			school := ed.Section("school")
			if school == nil {
				t.Fatal("no school section")
			}
			if got := len(school.Items); got != tc.schoolItems {
				t.Errorf("school items = %d, want %d", got, tc.schoolItems)
			}
			if got := len(school.Answerable()); got != tc.schoolRows {
				t.Errorf("school rows = %d, want %d", got, tc.schoolRows)
			}
			got := 0
			if c := ed.CollegeSection(); c != nil {
				got = len(c.Items)
			}
			if got != tc.collegeItems {
				t.Errorf("college items = %d, want %d", got, tc.collegeItems)
			}
			if w := strings.Join(school.Answers, "/"); w != tc.answers {
				t.Errorf("answer words = %s, want %s", w, tc.answers)
			}
			if ed.CongressRule != tc.congressRule || ed.Satisfaction != tc.satisfaction {
				t.Errorf("rule %q satisfaction %v", ed.CongressRule, ed.Satisfaction)
			}
			if ed.HasHeader(HeaderCollegeCount) != tc.headerCollegeSize {
				t.Errorf("header college count = %v", !tc.headerCollegeSize)
			}
			for i, it := range school.Items {
				if want := strconv.Itoa(i + 1); it.Number != want {
					t.Errorf("item %d numbered %q", i+1, it.Number)
				}
			}
		})
	}
}

// TestEditionTextsVerbatim pins texts that the seeds give, character for
// character, including the official forms' own quirks.
func TestEditionTextsVerbatim(t *testing.T) {
	eds := builtin(t)
	tests := []struct{ edition, item, text string }{
		{"2020", "3.1", "校级学生会组织工作人员不超过40人，学生人数较多、分校区较多的高校不超过60人。"},
		{"2020", "9", "2019年10月以来召开了校级学生（研究生）代表大会。"},
		{"2020", "11", "学生会组织认真学习贯彻全国学联二十七大会会议精神有实质性举措，学生会工作人员普遍知晓习近平总书记贺信和党中央致词精神，了解全国学联大会报告和章程修正案基本内容，了解团中央、教育部有关工作要求。"},
		{"2020", "17", "学生对学生会组织工作人员的满意度(取样本对满意度调查问卷第14题选项为“满意”和“基本满意”比例之和。达标标准同16项)"},
		{"2021", "1", "坚持全心全意服务同学，聚焦主责主业开展工作。未承担宿舍管理、校园文明纠察、安全保卫等行政职能。"},
		{"2021", "4", "主席团成员不超过5人。"},
		{"2021", "11", "按期规范召开学生（研究生）代表大会。"},
		{"2021", "c13", "明确1名团组织负责人指导院级学生会组织；聘任团委老师担任院级学生会组织秘书长。"},
		{"2021-2022", "1", "坚持全心全意服务同学，聚焦主责主业开展工作。未承担宿舍管理、校园文明纠察、安全保卫等行政职能。"},
		{"2021-2022", "6", "除主席、副主席（轮值执行主席）、部长、副部长、干事外未设其他职务。"},
		{"2021-2022", "11", "按期规范召开学生（研究生）代表大会。"},
		{"2022-2023", "8", "工作人员中除一年级新生外的本专科生最近1个学期/最近1学年/入学以来三者取其一，学习成绩综合排名在本专业前30%以内，且无课业不及格情况；研究生无课业不及格情况。"},
		{"2022-2023", "10", "主席团由学生代表大会（非其委员会、常务委员会、常任代表会议等）选举产生。"},
		{"2023-2024", "6", "除学生会主席团成员（含轮值执行主席）和工作部门成员，均不设置其他任何职务。"},
		{"2023-2024", "8", "工作人员中除一年级新生外的本专科生最近1学期/最近1学年/入学以来三者取其一，学习成绩综合排名在本专业前30%以内，且无课业不及格情况；研究生无课业不及格情况。"},
		{"2023-2024", "3", "工作人员不超过40人，学生人数较多、分校区较多的高校不超过60人。"},
	}
	for _, tc := range tests {
		ed, _ := eds.Get(tc.edition)
		it, _, ok := ed.Item(tc.item)
		if !ok {
			t.Errorf("%s item %s missing", tc.edition, tc.item)
			continue
		}
		if it.Text != tc.text {
			t.Errorf("%s item %s:\n got %s\nwant %s", tc.edition, tc.item, it.Text, tc.text)
		}
	}
	ed, _ := eds.Get("2020")
	group := ed.Section("school").Items[2]
	if group.Text != "机构和人员规模" || len(group.Parts) != 3 {
		t.Errorf("2020 item 3 = %q with %d parts", group.Text, len(group.Parts))
	}
}

func TestParseEditionErrors(t *testing.T) {
	const good = `
id = "x"
title = "表"
[[sections]]
id = "school"
kind = "answers"
columns = ["项目", "结论", "备注"]
answers = ["是", "否"]
  [[sections.items]]
  id = "1"
  number = "1"
  text = "条目"
`
	if _, err := ParseEdition("good.toml", []byte(good)); err != nil {
		t.Fatalf("good definition: %v", err)
	}
	tests := []struct{ name, edit, want string }{
		{"unknown key", strings.Replace(good, `text = "条目"`, "text = \"条目\"\n  txet = \"x\"", 1), "无法识别的字段"},
		{"syntax", strings.Replace(good, `id = "x"`, `id = "x`, 1), "第 2 行"},
		{"no id", strings.Replace(good, `id = "x"`, ``, 1), "缺少 id"},
		{"duplicate item", strings.Replace(good, "  text = \"条目\"\n", "  text = \"条目\"\n  [[sections.items]]\n  id = \"1\"\n  text = \"又一条\"\n", 1), "重复"},
		{"bad note", strings.Replace(good, `text = "条目"`, "text = \"条目\"\n  note = \"count\"", 1), "note"},
		{"bad fact", strings.Replace(good, `text = "条目"`, "text = \"条目\"\n  fact = \"magic\"", 1), "fact"},
		{"bad marker", strings.Replace(good, `text = "条目"`, "text = \"条目\"\n  marker = \"*\"", 1), "marker"},
		{"bad kind", strings.Replace(good, `kind = "answers"`, `kind = "grid"`, 1), "kind"},
		{"one answer word", strings.Replace(good, `answers = ["是", "否"]`, `answers = ["是"]`, 1), "answers"},
		{"empty text", strings.Replace(good, `text = "条目"`, `text = " "`, 1), "缺少 text"},
		{"bad congress rule", "congress_rule = \"sometimes\"\n" + good, "congress_rule"},
		{"bad since date", "congress_rule = \"since\"\ncongress_since = \"2019/10\"\n" + good, "congress_since"},
		{"bad header", "header_fields = [\"校长\"]\n" + good, "表头字段"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseEdition("e.toml", []byte(tc.edit))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "e.toml") {
				t.Errorf("error %q should name the file and contain %q", err, tc.want)
			}
		})
	}
}

func TestEditionsAddDuplicate(t *testing.T) {
	eds := builtin(t)
	ed, _ := eds.Get("2021")
	if err := eds.Add(ed); err == nil {
		t.Error("adding an existing id should fail")
	}
	if _, err := eds.Get("1999"); err == nil || !strings.Contains(err.Error(), "1999") {
		t.Errorf("unknown edition error = %v", err)
	}
	all := eds.All()
	if len(all) < 5 || all[0].ID != "2020" || all[1].ID != "2021" || all[2].ID != "2021-2022" || all[4].ID != "2023-2024" {
		t.Errorf("All() order: %v", all)
	}
}

func TestEditionTOMLErrorsInChinese(t *testing.T) {
	base := "id = \"x\"\ntitle = \"t\"\n"
	tests := []struct {
		toml, want string
	}{
		{base + "year = \n", "第 3 行第"},
		{base + "title = \"again\"\n", "重复"},
		{base + "name = \"unterminated\n", "引号"},
		{base + "year = 20x1\n", "第 3 行"},
		{base + "year = \"2021\"\n", "year 的值应为整数，实为带引号的文本"},
		{base + "org_types = \"学生会\"\n", "org_types 的值应为列表"},
		{base + "[[sections]]\nid = 1\n", "id 的值应为带引号的文本，实为整数"},
		{base + "year = 2021 2022\n", "一行只能写一项"},
	}
	for _, tt := range tests {
		_, err := ParseEdition("next.toml", []byte(tt.toml))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "next.toml") {
			t.Errorf("%q: error %v should contain %q", tt.toml, err, tt.want)
			continue
		}
		for _, english := range []string{"toml:", "expected", "unexpected", "incompatible", "[]", "int64"} {
			if strings.Contains(err.Error(), english) {
				t.Errorf("%q: error has parser text %q: %v", tt.toml, english, err)
			}
		}
	}
}

// TestLaterEditionsMarkersAndLegends pins the 学年 editions' markers,
// legends, 学年, columns and which items stay unconfirmed.
func TestLaterEditionsMarkersAndLegends(t *testing.T) {
	eds := builtin(t)
	tests := []struct {
		id, year, legend, schoolTitle string
		core, observed, unconfirmed   []string
	}{
		{"2021-2022", "2021—2022学年", "标注“★”为核心指标；标注“▲”为观测指标，2021—2022学年暂不作硬性要求。", "校级学生会组织改革自评表",
			[]string{"1", "11"}, nil, []string{"12", "13", "14", "15", "16", "17"}},
		{"2022-2023", "2022—2023学年", "标注“★”为核心指标；标注“▲”为观测指标，2022—2023学年暂不作硬性要求。", "校级学生会组织改革自评表",
			[]string{"1", "11"}, nil, []string{"12", "13", "14", "15", "16", "17"}},
		{"2023-2024", "2023—2024学年", "标注“★”为核心指标。", "校级学生会组织改革自评",
			[]string{"11"}, nil, []string{"8", "9", "11", "12", "13", "14", "15", "16", "17"}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			ed, err := eds.Get(tc.id)
			if err != nil {
				t.Fatal(err)
			}
			if ed.AcademicYear != tc.year || ed.Legend != tc.legend || ed.Title != "改革自评表" {
				t.Errorf("学年 %q legend %q title %q", ed.AcademicYear, ed.Legend, ed.Title)
			}
			school := ed.Section("school")
			if school.Title != tc.schoolTitle || strings.Join(school.Columns, "|") != "指标|结论|备注" {
				t.Errorf("school section %q %v", school.Title, school.Columns)
			}
			var core, observed, unconfirmed []string
			for _, it := range school.Items {
				if it.IsCore() {
					core = append(core, it.ID)
				}
				if it.IsObserved() {
					observed = append(observed, it.ID)
				}
				if it.Unconfirmed {
					unconfirmed = append(unconfirmed, it.ID)
				}
			}
			if strings.Join(core, ",") != strings.Join(tc.core, ",") {
				t.Errorf("core items %v, want %v", core, tc.core)
			}
			if strings.Join(observed, ",") != strings.Join(tc.observed, ",") {
				t.Errorf("observed items %v, want %v", observed, tc.observed)
			}
			if strings.Join(unconfirmed, ",") != strings.Join(tc.unconfirmed, ",") {
				t.Errorf("unconfirmed items %v, want %v", unconfirmed, tc.unconfirmed)
			}
			for _, it := range ed.CollegeSection().Items {
				if !it.Unconfirmed {
					t.Errorf("college item %s is not in any publication found, yet not marked unconfirmed", it.ID)
				}
			}
			for id, note := range map[string]string{"3": NoteStaffCount, "4": NotePresidiumCount, "5": NoteDepartmentCount, "11": NoteCongressDate} {
				if it, _, _ := ed.Item(id); it.Note != note {
					t.Errorf("item %s note %q, want %q", id, it.Note, note)
				}
			}
		})
	}
	if n := eds.Newest(); n == nil || n.ID != "2023-2024" {
		t.Errorf("newest edition = %v, want 2023-2024", n)
	}
}

// TestEncodeEditionRoundTrip writes every built-in edition as TOML and reads
// it back unchanged.
func TestEncodeEditionRoundTrip(t *testing.T) {
	for _, ed := range builtin(t).All() {
		data := EncodeEdition(ed, "由测试写出\n第二行")
		back, err := ParseEdition(ed.ID+".toml", data)
		if err != nil {
			t.Fatalf("%s: %v\n%s", ed.ID, err, data)
		}
		if !reflect.DeepEqual(back, ed) {
			t.Errorf("%s: read back differs:\n%s", ed.ID, data)
		}
	}
	if got := tomlString("a\"b\\c\n\x01"); got != `"a\"b\\c\n\u0001"` {
		t.Errorf("tomlString = %s", got)
	}
}
