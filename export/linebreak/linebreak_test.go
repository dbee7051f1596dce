package linebreak

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// cjkWidth counts a CJK character or full-width mark as 1 and anything else
// as 0.5, like a monospaced Chinese font.
func cjkWidth(r rune) float64 {
	if r >= 0x2E80 || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·' {
		return 1
	}
	return 0.5
}

func TestLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "学生会", 5, []string{"学生会"}},
		{"plain wrap", "一二三四五六七", 3, []string{"一二三", "四五六", "七"}},
		{"comma pulls previous char down", "一二三，四五", 3, []string{"一二", "三，四", "五"}},
		{"full stop and closing quote", "他说“好的。”再见", 4, []string{"他说“好", "的。”再", "见"}},
		{"closing quote not alone", "他说“好的。”再见", 5, []string{"他说“好", "的。”再见"}},
		{"opening bracket never ends a line", "一二（三四）五", 3, []string{"一二", "（三", "四）五"}},
		{"opening quote moves down", "一二“三”", 3, []string{"一二", "“三”"}},
		{"book title marks", "学习《章程》内容", 3, []string{"学习", "《章", "程》内", "容"}},
		{"enumeration comma", "甲乙丙、丁", 3, []string{"甲乙", "丙、丁"}},
		{"latin word kept whole", "访问 https://example.cn/a 查看", 11, []string{"访问", "https://example.cn/a", "查看"}},
		{"space inside a line kept", "共 3 页", 10, []string{"共 3 页"}},
		{"number kept whole", "共有3143名学生", 3.5, []string{"共有", "3143名", "学生"}},
		{"percent follows number", "比例为60%以上", 4, []string{"比例为", "60%以上"}},
		{"newlines kept", "第一段\n\n第二段", 10, []string{"第一段", "", "第二段"}},
		{"crlf", "甲\r\n乙", 10, []string{"甲", "乙"}},
		{"long unbreakable word", strings.Repeat("a", 10), 2, []string{"aaaa", "aaaa", "aa"}},
		{"ellipsis does not start a line", "等等……", 3, []string{"等", "等……"}},
		{"name with middle dot", "阿米娜姆·萨吾提", 5, []string{"阿米娜", "姆·萨吾提"}},
		{"empty", "", 5, nil},
		{"name not split", "主席：张雷磊", 5, []string{"主席：", "张雷磊"}},
		{"name wider than a line", "张雷磊", 2, []string{"张雷", "磊"}},
		{"name after a colon moves whole", "秘书长：张雷磊", 6, []string{"秘书长：", "张雷磊"}},
		{"names in a list", "赵瑜、欧阳明月", 5, []string{"赵瑜、", "欧阳明月"}},
		{"transliterated name not split", "成员：阿米娜姆·萨吾提", 9, []string{"成员：", "阿米娜姆·萨吾提"}},
		{"transliterated names in a list", "苏力坦沙·克、阿米娜姆·萨吾提", 9, []string{"苏力坦沙·克、", "阿米娜姆·萨吾提"}},
		{"number keeps its unit", "工作人员共计40人", 7.5, []string{"工作人员共计", "40人"}},
		{"date parts", "召开于2021年6月", 5, []string{"召开于", "2021年6月"}},
		{"long runs still break anywhere", "一二三四五六七", 3, []string{"一二三", "四五六", "七"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lines(tt.text, tt.width, cjkWidth)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Lines(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// TestKinsoku wraps a real paragraph at every width and checks the rules on
// every line.
func TestKinsoku(t *testing.T) {
	text := "第一条 本会全称为“阳泉职业技术学院学生会”（以下简称“本会”）。本会是学校党委领导、校团委指导下的学生组织，" +
		"坚持全心全意服务同学，聚焦主责主业；以“自我教育、自我管理、自我服务、自我监督”为原则：团结、引导广大同学！" +
		"主席团由学生代表大会选举产生，每届任期一年（可连任一届），工作人员不超过40人。"
	for width := 5.0; width <= 30; width++ {
		lines := Lines(text, width, cjkWidth)
		if got := strings.Join(lines, ""); got != strings.ReplaceAll(text, " ", "") && got != text {
			// Only spaces at line ends may be dropped.
			if strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
				t.Fatalf("width %v: text changed:\n%s", width, got)
			}
		}
		for i, l := range lines {
			first, _ := utf8.DecodeRuneInString(l)
			last, _ := utf8.DecodeLastRuneInString(l)
			if i > 0 && IsClosing(first) {
				t.Errorf("width %v: line %d starts with %q: %q", width, i, first, l)
			}
			if i < len(lines)-1 && IsOpening(last) {
				t.Errorf("width %v: line %d ends with %q: %q", width, i, last, l)
			}
			if w := trimmedWidth(l, cjkWidth); w > width {
				t.Errorf("width %v: line %d is %v wide: %q", width, i, w, l)
			}
		}
	}
}

// FuzzLines checks on any text that wrapping keeps every non-space
// character in order and that no line is wider than allowed unless it holds
// a single character.
func FuzzLines(f *testing.F) {
	f.Add("学生会组织“主席团+工作部门”模式，（选填）。", 4.0)
	f.Add("a b  c\n\n（", 1.0)
	f.Add("，，，，，，", 2.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width < 1 || width > 1000 {
			return
		}
		lines := Lines(text, width, cjkWidth)
		strip := func(s string) string {
			return strings.NewReplacer(" ", "", "\t", "", "\n", "", "\r", "").Replace(s)
		}
		if got, want := strip(strings.Join(lines, "")), strip(text); got != want {
			t.Fatalf("text changed: %q, want %q", got, want)
		}
		for _, l := range lines {
			if utf8.RuneCountInString(l) > 1 && trimmedWidth(l, cjkWidth) > width+1e-9 {
				t.Fatalf("line %q wider than %v", l, width)
			}
		}
	})
}
