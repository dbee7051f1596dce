package forms

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// tomlError words an error of the TOML decoder in Chinese, with the line
// and column where the decoder stopped. The decoder's own English text is
// kept only as the wrapped cause.
func tomlError(name string, err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		msg := fmt.Sprintf("表格版本文件 %s 第 %d 行第 %d 列：%s", name, perr.Position.Line, perr.Position.Col, tomlProblem(perr.Message))
		if perr.LastKey != "" {
			msg += fmt.Sprintf("（在键 %s 处）", perr.LastKey)
		}
		return &FileError{Msg: msg, Err: err}
	}
	if m := tomlTypeError.FindStringSubmatch(err.Error()); m != nil {
		where := ""
		if m[1] != "" {
			where = fmt.Sprintf(" 第 %s 行", m[1])
		}
		return &FileError{Err: err, Msg: fmt.Sprintf("表格版本文件 %s%s：%s 的值应为%s，实为%s",
			name, where, m[2], tomlTypeName(m[4]), tomlTypeName(m[3]))}
	}
	return &FileError{Err: err, Msg: fmt.Sprintf("表格版本文件 %s：内容不符合 TOML 格式，无法读取", name)}
}

// tomlTypeError matches the decoder's message for a value of the wrong
// type: toml: line 3 (last key "year"): incompatible types: TOML value has
// type string; destination has type integer.
var tomlTypeError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): incompatible types: TOML value has type (\S+); destination has type (.+)$`)

// tomlTypeName says in words what a type of the decoder's messages is.
func tomlTypeName(t string) string {
	switch {
	case strings.Contains(t, "[]") || t == "slice":
		return "列表 [ … ]"
	case strings.Contains(t, "map") || t == "table":
		return "表 { … }"
	case strings.Contains(t, "time"):
		return "日期时间"
	case strings.Contains(t, "int"):
		return "整数"
	case strings.Contains(t, "float"):
		return "小数"
	case strings.Contains(t, "bool"):
		return " true 或 false"
	case strings.Contains(t, "string"):
		return "带引号的文本"
	}
	return "其他类型"
}

// tomlProblems maps parts of the decoder's messages to what they mean, the
// first match winning.
var tomlProblems = []struct{ part, msg string }{
	{"strings cannot contain newlines", "文本缺少结束的引号（单行文本不能换行）"},
	{"newlines not allowed within inline tables", "内联表 { … } 不能换行"},
	{"control characters", "文本中有不允许的控制字符"},
	{"already been defined", "键重复定义"},
	{"already created", "键重复定义"},
	{`expected '"'`, "文本缺少结束的引号"},
	{"expected '''", "文本缺少结束的引号"},
	{"unexpected EOF", "文件在此意外结束（可能缺少引号、括号或值）"},
	{"to end with a newline", "一行只能写一项，值的后面多了内容"},
	{"table name", "表名 [ … ] 的写法不对"},
	{"is not a table", "表名 [ … ] 与已有的键冲突"},
	{"comma", "列表或表缺少逗号或结束括号"},
	{"terminator", "列表或表缺少逗号或结束括号"},
	{"escape", "文本中的转义字符写法不对"},
	{"hexadecimal", "文本中的转义字符写法不对"},
	{"UTF-8", "文本不是有效的 UTF-8 编码"},
	{"integer", "整数的写法不对"},
	{"float", "数字的写法不对"},
	{"number", "数字的写法不对"},
	{"digit", "数字的写法不对"},
	{"key", "键的写法不对（键名后应写 = 和值）"},
	{"'='", "键的写法不对（键名后应写 = 和值）"},
	{"'.'", "键的写法不对（键名后应写 = 和值）"},
	{"value", "缺少值，或值的写法不对（文本要加引号）"},
}

// tomlProblem says in Chinese what a TOML syntax error message means.
func tomlProblem(msg string) string {
	for _, p := range tomlProblems {
		if strings.Contains(msg, p.part) {
			return "TOML 格式错误，" + p.msg
		}
	}
	return "不符合 TOML 格式"
}
