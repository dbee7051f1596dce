package xlsx

import (
	"strings"
	"testing"

	"sureform/export/linebreak"
)

func TestWrapLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"empty", "", 10, []string{""}},
		{"fits", "实有28人", 10, []string{"实有28人"}},
		{"CJK breaks anywhere", "一二三四五六七八九十", 4, []string{"一二三四", "五六七八", "九十"}},
		{"paragraphs", "一二\n\n三", 10, []string{"一二", "", "三"}},
		{"CRLF", "一二\r\n三", 10, []string{"一二", "三"}},
		// 。 may not start a line: it takes 三 along.
		{"closing punctuation", "一二三。四", 3, []string{"一二", "三。四"}},
		{"closing quote", "一二三”四", 3, []string{"一二", "三”四"}},
		// Latin words are not broken while they fit a line.
		{"words", "abc defg hi", 3, []string{"abc", "defg", "hi"}},
		// A word longer than a line is broken between characters.
		{"long word", "aaaaaaaaaa", 3, []string{"aaaaa", "aaaaa"}},
		{"url", "https://a.cn/x", 3, []string{"http", "s://", "a.cn/", "x"}},
		// A number stays with its unit; a name is not split.
		{"mixed", "代表99人，占3.1%", 5, []string{"代表", "99人，占", "3.1%"}},
		{"name", "秘书长：张雷磊", 5, []string{"秘书长：", "张雷磊"}},
		{"opening bracket", "典型经验（选填）", 4.5, []string{"典型经验", "（选填）"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapLines(tt.text, tt.width)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrapLines(%q, %g) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

func TestTextWidth(t *testing.T) {
	tests := []struct {
		s    string
		want float64
	}{
		{"高校学生会", 5},
		{"☑达标 □未达标", 7.35},
		{"40", 1.2},
		{"", 0},
	}
	for _, tt := range tests {
		if got := textWidth(tt.s); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("textWidth(%q) = %g, want %g", tt.s, got, tt.want)
		}
	}
}

// FuzzWrap checks the layout on any text: the lines give back the text,
// and a line is wider than the width only when it holds one character, or
// one character and the closing punctuation it carries.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{
		"", "实有28人", "1. 坚持全心全意服务同学，聚焦主责主业开展工作。", "abc defg\nhi",
		"https://tw.example.edu.cn/info/1021/3391.htm", "一二三。。。四", "\t\x00\r\n", "☑是/□否",
	} {
		f.Add(s, 4.5)
	}
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if width != width || width > 1000 || width < -1000 {
			return
		}
		s = cellText(s)
		lines := wrapLinesKeepingBreaks(s, width)
		// Joined, the lines give back the text but for the spaces that
		// end a line.
		unspaced := func(s string) string { return strings.NewReplacer(" ", "", "\t", "").Replace(s) }
		if got := strings.Join(lines, ""); unspaced(got) != unspaced(s) {
			t.Fatalf("lines %q do not give back %q", lines, s)
		}
		w := max(width, 1)
		for _, l := range lines {
			l = strings.TrimSuffix(l, "\n")
			if textWidth(strings.TrimRight(l, " ")) > w+1e-9 && len([]rune(strings.TrimRight(l, " "))) > 2 &&
				!carriesPunct(l) {
				t.Fatalf("line %q is %.2f em wide, more than %.2f", l, textWidth(l), w)
			}
		}
		if n := lineCount(s, width); n != len(lines) {
			t.Fatalf("lineCount gives %d lines, wrapLinesKeepingBreaks %d", n, len(lines))
		}
		if n := len(wrapLines(s, width)); n != len(lines) {
			t.Fatalf("wrapLines gives %d lines, wrapLinesKeepingBreaks %d", n, len(lines))
		}
	})
}

// carriesPunct reports whether a line starts with a character carried over
// together with closing punctuation, which may make it overfull.
func carriesPunct(l string) bool {
	for _, r := range l {
		if linebreak.IsClosing(r) || linebreak.IsOpening(r) {
			return true
		}
	}
	return false
}
