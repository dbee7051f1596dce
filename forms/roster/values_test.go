package roster

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"sureform/forms"
)

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"阿米娜 姆·萨 吾提", "阿米娜姆·萨吾提"}, // 002, copied from a wrapped cell
		{"姓名： 苏力坦 沙·克", "苏力坦沙·克"},  // 002, with the label
		{"苏比努 尔·安 外尔", "苏比努尔·安外尔"},
		{"肯巴\n提·萨\n依饶", "肯巴提·萨依饶"},
		{"玛丽卡•杰提甫斯", "玛丽卡·杰提甫斯"},
		{"玛丽卡・杰提甫斯", "玛丽卡·杰提甫斯"},
		{"玛丽卡‧杰提甫斯", "玛丽卡·杰提甫斯"},
		{"玛丽卡．杰提甫斯", "玛丽卡·杰提甫斯"},
		{"玛丽卡.杰提甫斯", "玛丽卡·杰提甫斯"},
		{" 王\u3000维国\u00a0", "王维国"},
		{"张\u200b三", "张三"},
		{"姓名:李四", "李四"},
		{"Anna  Lee", "Anna Lee"},
		{"J. R. Smith", "J. R. Smith"},
		{"王 Anna", "王Anna"},
		{"", ""},
		{"·", ""},
	}
	for _, tt := range tests {
		if got := CleanName(tt.in); got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanCollege(t *testing.T) {
	tests := []struct{ in, want string }{
		{"药学与医 学技术分 院", "药学与医学技术分院"},
		{"能源动力\n工程分院", "能源动力工程分院"},
		{"院系：护理分院", "护理分院"},
		{"School of Nursing", "School of Nursing"},
	}
	for _, tt := range tests {
		if got := CleanCollege(tt.in); got != tt.want {
			t.Errorf("CleanCollege(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParsePoliticalStatus(t *testing.T) {
	tests := []struct {
		in, want string
		known    bool
	}{
		{"团员", forms.LeagueMember, true},
		{"共青团员", forms.LeagueMember, true},
		{"中国共产主义青年团团员", forms.LeagueMember, true},
		{" 团 员 ", forms.LeagueMember, true},
		{"党员", forms.PartyMember, true},
		{"中共党员", forms.PartyMember, true},
		{"中国共产党党员", forms.PartyMember, true},
		{"预备党员", forms.ProbationaryMember, true},
		{"中共预备党员", forms.ProbationaryMember, true},
		{"共青团员（入党积极分子）", forms.LeagueMember, true},
		{"群众", "群众", false},
		{"入党积极分子", "入党积极分子", false},
		{"非党员", "非党员", false},
		{"", "", true},
	}
	for _, tt := range tests {
		got, known := ParsePoliticalStatus(tt.in)
		if got != tt.want || known != tt.known {
			t.Errorf("ParsePoliticalStatus(%q) = %q %v, want %q %v", tt.in, got, known, tt.want, tt.known)
		}
	}
}

func TestParseGrade(t *testing.T) {
	const ug, gr = forms.LevelUndergraduate, forms.LevelGraduate
	tests := []struct {
		in    string
		start int
		year  int
		level string
		err   bool
	}{
		{"大一", 0, 1, ug, false},
		{"大二", 0, 2, ug, false},
		{"大 三", 0, 3, ug, false},
		{"一年级", 0, 1, "", false},
		{"二年级", 0, 2, "", false},
		{"1年级", 0, 1, "", false},
		{"３年级", 0, 3, "", false},
		{"研一", 0, 1, gr, false},
		{"研二", 0, 2, gr, false},
		{"硕一", 0, 1, gr, false},
		{"博一", 0, 1, gr, false},
		{"研究生一年级", 0, 1, gr, false},
		{"硕士二年级", 0, 2, gr, false},
		{"本科三年级", 0, 3, ug, false},
		{"大一新生", 0, 1, ug, false},
		{"大二上", 0, 2, ug, false},
		{"2", 0, 2, "", false},
		{"2024级", 2024, 1, "", false},
		{"2022级", 2024, 3, "", false},
		{"23级", 2024, 2, "", false},
		{"2023", 2024, 2, "", false},
		{"2023级研究生", 2024, 2, gr, false},
		{"", 0, 0, "", false},
		{"2024级", 0, 0, "", true},    // academic year unknown
		{"2030级", 2024, 0, "", true}, // after the academic year
		{"纪检 委员", 2020, 0, "", true},
		{"大五十", 0, 0, "", true},
		{"十年级", 0, 0, "", true},
		{"9", 0, 0, "", true},
	}
	for _, tt := range tests {
		g, err := ParseGrade(tt.in, tt.start)
		if (err != nil) != tt.err || g.Year != tt.year || g.Level != tt.level {
			t.Errorf("ParseGrade(%q, %d) = %+v, %v; want %d %q err=%v", tt.in, tt.start, g, err, tt.year, tt.level, tt.err)
		}
		if err != nil && !strings.Contains(err.Error(), CleanText(tt.in)) {
			t.Errorf("ParseGrade(%q): message %q does not quote the text", tt.in, err)
		}
	}
}

func TestStartYear(t *testing.T) {
	for in, want := range map[string]int{"2021—2022学年": 2021, "2024-2025": 2024, "２０２３": 2023, "": 0, "学年": 0} {
		if got := StartYear(in); got != want {
			t.Errorf("StartYear(%q) = %d, want %d", in, got, want)
		}
	}
}

func rankString(r Rank) string {
	s := ptrText(r.Rank) + "/" + ptrText(r.Total)
	if r.Percent != nil {
		s += fmt.Sprintf(" %g%%", *r.Percent)
	}
	return s
}

func TestParseRank(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"3/45", "3/45", false},
		{"３／４５", "3/45", false},
		{"3 / 45", "3/45", false},
		{"20/专业", "20/nil", false},
		{"6", "6/nil", false},
		{"6.0", "6/nil", false},
		{"第3名/共45人", "3/45", false},
		{"专业第3名", "3/nil", false},
		{"3/45（前6.7%）", "3/45", false},
		{"前10%", "nil/nil 10%", false},
		{"10％", "nil/nil 10%", false},
		{"", "nil/nil", false},
		{"-", "nil/nil", false},
		{"/", "nil/nil", false},
		{"——", "nil/nil", false},
		{"不需填写", "nil/nil", false},
		{"3月12日", "3/12", false},
		{"45/3", "", true},
		{"0", "", true},
		{"前0%", "", true},
		{"前120%", "", true},
		{"优秀", "", true},
		{"3/四十五", "", true},
	}
	for _, tt := range tests {
		r, err := ParseRank(tt.in)
		var guess *GuessError
		if errors.As(err, &guess) {
			err = nil
		}
		if (err != nil) != tt.err || (!tt.err && rankString(r) != tt.want) {
			t.Errorf("ParseRank(%q) = %s, %v; want %s err=%v", tt.in, rankString(r), err, tt.want, tt.err)
		}
	}
}

func TestParseFailed(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"否", "false", false}, {"无", "false", false}, {"没有", "false", false}, {"0", "false", false},
		{"0门", "false", false}, {"无不及格", "false", false}, {"不存在", "false", false},
		{"是", "true", false}, {"有", "true", false}, {"1门", "true", false}, {"有2门", "true", false},
		{"是，1门", "true", false}, {"2", "true", false}, {"存在", "true", false},
		{"", "nil", false}, {"-", "nil", false},
		{"两门", "", true}, {"良好", "", true},
	}
	for _, tt := range tests {
		f, err := ParseFailed(tt.in)
		if (err != nil) != tt.err || (!tt.err && boolPtrText(f) != tt.want) {
			t.Errorf("ParseFailed(%q) = %s, %v; want %s err=%v", tt.in, boolPtrText(f), err, tt.want, tt.err)
		}
	}
}

func TestParsePosition(t *testing.T) {
	tests := []struct {
		in, title, dept string
		note, err       bool
	}{
		{"主席", "主席", "主席团", false, false},
		{"学生会执行主席", "执行主席", "主席团", false, false},
		{"轮值主席", "执行主席", "主席团", false, false},
		{"副主席", "副主席", "主席团", false, false},
		{"部长", "部长", "", false, false},
		{"文体部部长", "部长", "文体部", false, false},
		{"文体部 副部长", "副部长", "文体部", false, false},
		{"实践外联部副部长", "副部长", "实践外联部", false, false},
		{"校学生会学习部干事", "干事", "学习部", false, false},
		{"部员", "干事", "", false, false},
		{"主席团成员", "主席团成员", "主席团", true, false},
		{"执行主席（轮值）", "执行主席", "主席团", false, false},
		{"轮值主席", "执行主席", "主席团", false, false},
		{"轮值执行主席", "执行主席", "主席团", false, false},
		{"主席（轮值）", "执行主席", "主席团", false, false},
		{"副部长（主持工作）", "副部长", "", false, false},
		{"秘书处部长", "部长", "秘书处", false, false},
		{"办公室副部长", "副部长", "办公室", false, false},
		{"秘书处 干事", "干事", "秘书处", false, false},
		{"班级团支部部长", "", "", false, true},
		{"院学生会部长", "", "", false, true},
		{"", "", "", false, false},
		{"秘书长", "", "", false, true},
		{"班长", "", "", false, true},
	}
	for _, tt := range tests {
		p, err := ParsePosition(tt.in)
		if (err != nil) != tt.err || p.Title != tt.title || p.Department != tt.dept || (p.Note != "") != tt.note {
			t.Errorf("ParsePosition(%q) = %+v, %v", tt.in, p, err)
		}
	}
}

func TestInferPosition(t *testing.T) {
	tests := []struct {
		in, title, dept string
		ok              bool
	}{
		{"班长、学生会执行主席", "执行主席", "主席团", true},
		{"团支部书记、主席团成员", "主席团成员", "主席团", true},
		{"文体部部长", "部长", "文体部", true},
		{"实践外联部副部长", "副部长", "实践外联部", true},
		{"安全部 干事", "干事", "安全部", true},
		{"学生会主席", "主席", "主席团", true},
		{"学生主 席", "", "", false}, // a class or college role
		{"副班长 学习部 文秘", "", "", false},
		{"班长", "", "", false},
		{"主席", "", "", false},
		{"无", "", "", false},
	}
	for _, tt := range tests {
		p, ok := InferPosition(tt.in)
		if ok != tt.ok || p.Title != tt.title || p.Department != tt.dept || (ok && p.Note == "") {
			t.Errorf("InferPosition(%q) = %+v %v", tt.in, p, ok)
		}
	}
}

func TestClassifyHeader(t *testing.T) {
	tests := map[string]Field{
		"序号": FieldSerial, "姓 名": FieldName, "名字": FieldName, "学生姓名": FieldName,
		"政治\n\n面貌": FieldPoliticalStatus, "院系": FieldCollege, "学院": FieldCollege, "系别": FieldCollege,
		"所在院系": FieldCollege, "年级": FieldGrade, "学习成绩排名*": FieldRank, "成绩排名": FieldRank,
		"最近1个学期/最近1学年/入学以来学习成绩综合排名（一年级新生、研究生不需填写）": FieldRank,
		"是否存在课业不及格情况": FieldFailed, "不及格门数": FieldFailed, "是否存在不及格情况": FieldFailed,
		"院系、班级学生工作经历": FieldExperience, "任职经历": FieldExperience, "学生会职务": FieldPosition,
		"职务": FieldPosition, "所在部门": FieldDepartment, "部门": FieldDepartment, "专业": FieldMajor,
		"是否来自二级学生会": FieldFromCollegeUnion, "学号": "", "性别": "", "联系电话": "", "备注": "", "班级": "",
	}
	for in, want := range tests {
		if got := ClassifyHeader(in); got != want {
			t.Errorf("ClassifyHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectHeader(t *testing.T) {
	rows := [][]string{
		{"某某学院学生会校级组织工作人员名单"},
		{"填报单位：校团委", "", "", "", "日期：2024年10月"},
		{"序号", "学号", "院系", "姓名", "政治面貌", "年级", "最近1学年学习成绩综合排名（一年级", "任职经历"},
		{"", "", "", "", "", "", "新生不需填写）", ""},
		{"1", "2022001", "机电系", "张三", "团员", "大二", "3/45", "班长"},
	}
	h, ok := DetectHeader(rows)
	if !ok || h.Row != 2 || h.Rows != 2 || h.Window != forms.WindowLatestYear {
		t.Fatalf("header %+v %v", h, ok)
	}
	want := Mapping{FieldSerial: 0, FieldCollege: 2, FieldName: 3, FieldPoliticalStatus: 4, FieldGrade: 5,
		FieldRank: 6, FieldExperience: 7}
	if fmt.Sprint(h.Mapping) != fmt.Sprint(want) {
		t.Errorf("mapping %v, want %v", h.Mapping, want)
	}
	// The row after a one-row header is data, not a continuation.
	h, ok = DetectHeader(rows[2:3:3])
	if !ok || h.Rows != 1 {
		t.Errorf("one row: %+v", h)
	}
	h, ok = DetectHeader(append(rows[2:3:3], rows[4]))
	if !ok || h.Rows != 1 {
		t.Errorf("header then data: %+v", h)
	}
	if _, ok := DetectHeader([][]string{{"姓名", "电话"}, {"张三", "1"}}); ok {
		t.Error("a name and a phone column is not a roster")
	}
}

func TestColumnLetter(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := columnLetter(i); got != want {
			t.Errorf("columnLetter(%d) = %q, want %q", i, got, want)
		}
	}
}

// The fuzz tests check the parsers' promises on any input: no panic,
// results within their ranges, and cleaning that is idempotent. Their seed
// corpora are the seeds' own values, so plain go test runs them.

var valueSeeds = []string{"阿米娜 姆·萨 吾提", "姓名： 苏力坦 沙·克", "药学与医 学技术分 院", "纪检 委员", "20/专业",
	"３／４５", "前10%", "大一", "2024级", "研一", "二年级", "否", "1门", "团员", "文体部部长", "学生会执行主席",
	"", " ", "\xff\xfe", "·", "姓名：", "3/0", "-1", "1e309", "第/名", "前%",
	"第12名（共40人）", "12（40）", "12/40名", "12(0)", "2020级护理1班", "护理2201班", "20级", "2020级硕士", "博一",
	"2020-09-01", "2020年9月", "44075", "99999999", "执行主席（轮值）", "副部长（主持工作）", "秘书处部长", "（）", "主席（"}

func FuzzCleanName(f *testing.F) {
	for _, s := range valueSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := CleanName(s)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if again := CleanName(got); again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
		if strings.TrimSpace(got) != got {
			t.Fatalf("untrimmed %q", got)
		}
		for _, r := range got {
			if isMiddleDot(r) && r != '·' {
				t.Fatalf("dot %q left in %q", r, got)
			}
		}
	})
}

func FuzzCleanText(f *testing.F) {
	for _, s := range valueSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := CleanText(s)
		if again := CleanText(got); again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
		if strings.Contains(got, "  ") || strings.ContainsAny(got, "\n\t\r") {
			t.Fatalf("white space left in %q", got)
		}
	})
}

func FuzzParsePoliticalStatus(f *testing.F) {
	for _, s := range valueSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, known := ParsePoliticalStatus(s)
		official := got == "" || got == forms.PartyMember || got == forms.ProbationaryMember || got == forms.LeagueMember
		if known && !official {
			t.Fatalf("known status %q is not official", got)
		}
	})
}

func FuzzParseGrade(f *testing.F) {
	for _, s := range valueSeeds {
		f.Add(s, 2024)
	}
	f.Fuzz(func(t *testing.T, s string, start int) {
		g, err := ParseGrade(s, start)
		if err != nil {
			if g != (Grade{}) || err.Error() == "" {
				t.Fatalf("error with a value: %+v %v", g, err)
			}
			return
		}
		if g.Year < 0 || g.Year > 8 {
			t.Fatalf("year %d from %q", g.Year, s)
		}
		if g.Level != "" && g.Level != forms.LevelGraduate && g.Level != forms.LevelUndergraduate {
			t.Fatalf("level %q", g.Level)
		}
	})
}

func FuzzParseRank(f *testing.F) {
	for _, s := range valueSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRank(s)
		var guess *GuessError
		if err != nil && !errors.As(err, &guess) {
			if !r.IsBlank() {
				t.Fatalf("error with a value: %v", err)
			}
			return
		}
		if r.Rank != nil && *r.Rank < 1 {
			t.Fatalf("rank %d from %q", *r.Rank, s)
		}
		if r.Rank != nil && r.Total != nil && *r.Rank > *r.Total {
			t.Fatalf("rank %d > total %d from %q", *r.Rank, *r.Total, s)
		}
		if r.Percent != nil && (*r.Percent <= 0 || *r.Percent > 100) {
			t.Fatalf("percent %v from %q", *r.Percent, s)
		}
	})
}

func FuzzParseFailed(f *testing.F) {
	for _, s := range valueSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseFailed(s)
		if err != nil && v != nil {
			t.Fatalf("error with a value for %q", s)
		}
	})
}

func FuzzParsePosition(f *testing.F) {
	for _, s := range valueSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePosition(s)
		if err != nil {
			return
		}
		if p.Title != "" {
			allowed := false
			for _, a := range forms.Positions {
				allowed = allowed || a == p.Title
			}
			if !allowed {
				t.Fatalf("title %q from %q", p.Title, s)
			}
			if forms.IsPresidiumPosition(p.Title) && p.Department != forms.PresidiumDepartment {
				t.Fatalf("presidium title %q outside 主席团", p.Title)
			}
		}
		ip, ok := InferPosition(s)
		if ok && ip.Title == "" && ip.Department == "" {
			t.Fatalf("empty inference from %q", s)
		}
	})
}

func FuzzDetectHeader(f *testing.F) {
	f.Add("序号\t姓名\t政治面貌\t院系\t年级\n1\t张三\t团员\t机电系\t大二")
	f.Add("名单\n序号\t姓 名\t政治\n\n面貌\t院系\t年级\t学习成绩排名*\t是否存在不及格情况\n1\t邢利峰\t团员\t医学护理系\t二年级\t6\t否")
	f.Add("序号\t姓名\t政治面貌\t院系\t年级\t最近1个学期/最近1学年/入学以来学习成绩综合排名（一年级\n----\t----\n\n\t\t\t\t\t新生、研究生 不需填写)\n1\t冯雅春\t团员\t护理分院\t大一\t20/专业")
	f.Add("姓名\t姓名\t姓名\n\t\t\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		var rows [][]string
		for _, line := range strings.Split(s, "\n") {
			rows = append(rows, strings.Split(line, "\t"))
		}
		h, ok := DetectHeader(rows)
		if !ok {
			return
		}
		if _, has := h.Mapping[FieldName]; !has {
			t.Fatal("header without a name column")
		}
		if h.Row < 0 || h.Rows < 1 || h.Row+h.Rows > len(rows) {
			t.Fatalf("header rows %d+%d of %d", h.Row, h.Rows, len(rows))
		}
		seen := map[int]bool{}
		for _, c := range h.Mapping {
			if c < 0 || c >= len(h.Titles) || seen[c] {
				t.Fatalf("column %d in %v", c, h.Mapping)
			}
			seen[c] = true
		}
		// Parsing the same rows as text never fails without a FileError.
		p, err := ParseText(s, Options{})
		if err == nil && len(p.Members) == 0 {
			t.Fatal("preview without members")
		}
	})
}
