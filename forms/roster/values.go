package roster

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sureform/forms"
)

// isTight reports whether a rune is written without spaces around it in
// Chinese text: Han characters, CJK and full-width punctuation and the
// middle dot of minority names. Spaces next to such a rune are copying
// artefacts (a cell wrapped in Word or a PDF), never meaningful.
func isTight(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // full-width forms
		return true
	case isMiddleDot(r):
		return true
	}
	return false
}

// isMiddleDot reports whether r is one of the dots used between the parts
// of a minority name (·, •, ・, ‧, ．, ∙, ⋅, ･).
func isMiddleDot(r rune) bool {
	switch r {
	case '·', '•', '・', '‧', '．', '∙', '⋅', '･', '¸':
		return true
	}
	return false
}

// isSpace reports whether r is white space as copying leaves it: spaces of
// every width, tabs and line breaks.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0'
}

// isInvisible reports whether r is a character that shows nothing
// (zero-width spaces and joiners, the byte order mark, soft hyphens).
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r'
}

// CleanText tidies a cell as copying leaves it: it drops invisible
// characters, removes spaces and line breaks next to Chinese characters
// (药学与医 学技术分 院 → 药学与医学技术分院), collapses other runs of white
// space to one space (keeping Latin names such as "Anna Lee" intact) and
// trims the ends.
func CleanText(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune = -1 // last rune written, -1 at the start
	pendingSpace := false
	for _, r := range s {
		switch {
		case isInvisible(r) || r == utf8.RuneError:
			continue
		case isSpace(r):
			if prev != -1 {
				pendingSpace = true
			}
			continue
		}
		if pendingSpace {
			if !isTight(prev) && !isTight(r) {
				b.WriteByte(' ')
			}
			pendingSpace = false
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// nameLabels are the labels that copying from a form leaves in front of a
// value ("姓名： 苏力坦 沙·克").
var nameLabels = []string{"学生姓名", "姓名", "名字"}

// collegeLabels are the labels a college cell may start with.
var collegeLabels = []string{"所在院系", "所在学院", "院系", "学院", "系别", "系部"}

// stripLabel removes a leading "label：" or "label:" from s.
func stripLabel(s string, labels []string) string {
	for _, l := range labels {
		if rest, ok := strings.CutPrefix(s, l); ok {
			rest = strings.TrimLeft(rest, " ")
			if r, size := utf8.DecodeRuneInString(rest); r == '：' || r == ':' {
				return strings.TrimSpace(rest[size:])
			}
		}
	}
	return s
}

// CleanName normalises a person's name: CleanText, a leading label such as
// 姓名： removed, and the middle dot of minority names unified to ·
// (阿米娜 姆·萨 吾提 → 阿米娜姆·萨吾提; 玛丽卡•杰提甫斯 → 玛丽卡·杰提甫斯).
// A full stop between two Chinese characters counts as such a dot; Latin
// names keep their spaces and full stops.
func CleanName(s string) string {
	rs := []rune(CleanText(s))
	for i, r := range rs {
		switch {
		case isMiddleDot(r):
			rs[i] = '·'
		case r == '.' && i > 0 && i < len(rs)-1 &&
			unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[i+1]):
			rs[i] = '·'
		}
	}
	s = strings.Trim(string(rs), "· ")
	for {
		// A label can hide another once the noise between them is gone
		// (姓名： 姓名： 张三): strip until none is left, so that cleaning a
		// cleaned name changes nothing.
		t := strings.Trim(stripLabel(s, nameLabels), "· ")
		if t == s {
			return s
		}
		s = t
	}
}

// CleanCollege normalises a college (院系) name: CleanText and a leading
// label such as 院系： removed.
func CleanCollege(s string) string {
	return stripLabel(CleanText(s), collegeLabels)
}

// narrow maps full-width ASCII forms to ASCII (３／４５ → 3/45, ％ → %) and
// drops all white space, for values that are numbers or short codes.
func narrow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～':
			r = r - '！' + '!'
		case isSpace(r) || isInvisible(r):
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isBlankMark reports whether a cell holds only a mark that means "nothing
// to fill in": -, —, /, 无, 不需填写 and the like.
func isBlankMark(s string) bool {
	switch s {
	case "", "-", "--", "—", "——", "/", "\\", "、", "无", "暂无", "空", "不需填写", "无需填写", "不用填写", "新生", "/专业", "N/A", "n/a", "NA":
		return true
	}
	return strings.Trim(s, "-—_/\\、.。 ") == ""
}

// ParsePoliticalStatus reads a 政治面貌 cell through
// forms.NormalizePoliticalStatus, the normaliser validation uses too. known
// is false for a status the reform does not accept (群众, 入党积极分子 …),
// which is returned cleaned but otherwise as written; a blank cell is
// known and empty.
func ParsePoliticalStatus(s string) (status string, known bool) {
	t := CleanText(s)
	if t == "" {
		return "", true
	}
	return forms.NormalizePoliticalStatus(t)
}

// chineseDigit returns the value of a Chinese or Arabic digit 1–9, or 0.
func chineseDigit(r rune) int {
	switch r {
	case '一', '壹':
		return 1
	case '二', '两', '贰':
		return 2
	case '三', '叁':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆':
		return 6
	case '七', '柒':
		return 7
	case '八', '捌':
		return 8
	case '九', '玖':
		return 9
	}
	if r >= '1' && r <= '9' {
		return int(r - '0')
	}
	return 0
}

// Grade is a year of study as read from a 年级 cell.
type Grade struct {
	// Year is the year of study, 1 for 大一/研一.
	Year int
	// Level is forms.LevelUndergraduate or forms.LevelGraduate; empty when
	// the cell does not say (一年级, 2023级), and the caller's default
	// applies.
	Level string
}

// ParseGrade reads a 年级 cell: 大一 … 大五, 一年级 / 1年级, 研一 / 硕二 /
// 博一, 研究生一年级, a bare 2, or an enrolment year (2023级, 23级, 2023)
// counted against startYear, the first calendar year of the filing's
// academic year (0 when unknown, which makes enrolment years unreadable).
// The error is a Chinese message for the user.
func ParseGrade(s string, startYear int) (Grade, error) {
	t := narrow(CleanText(s))
	if i := strings.IndexAny(t, "(（"); i > 0 {
		t = t[:i]
	}
	if y, level, ok := enrolmentYear(t); ok {
		return gradeOfYear(s, y, level, startYear)
	}
	for _, suf := range []string{"上学期", "下学期", "学生", "新生", "上", "下"} {
		if u, ok := strings.CutSuffix(t, suf); ok && u != "" {
			t = u
			break
		}
	}
	if t == "" {
		return Grade{}, nil
	}
	level := ""
	for _, p := range []struct{ prefix, level string }{
		{"硕士研究生", forms.LevelGraduate}, {"博士研究生", forms.LevelGraduate},
		{"研究生", forms.LevelGraduate}, {"硕士", forms.LevelGraduate}, {"博士", forms.LevelGraduate},
		{"本科", forms.LevelUndergraduate}, {"专科", forms.LevelUndergraduate},
		{"高职", forms.LevelUndergraduate}, {"大专", forms.LevelUndergraduate},
	} {
		if rest, ok := strings.CutPrefix(t, p.prefix); ok && rest != "" {
			t, level = rest, p.level
			break
		}
	}
	if rest, ok := strings.CutSuffix(t, "研究生"); ok && rest != "" {
		t, level = rest, forms.LevelGraduate
	} else if rest, ok := strings.CutSuffix(t, "本科"); ok && rest != "" {
		t, level = rest, forms.LevelUndergraduate
	}
	rs := []rune(t)
	if len(rs) == 2 && level == "" {
		switch rs[0] {
		case '大', '本', '专':
			level = forms.LevelUndergraduate
		case '研', '硕', '博':
			level = forms.LevelGraduate
		}
		if level != "" {
			if d := chineseDigit(rs[1]); d > 0 && d <= 8 {
				return Grade{Year: d, Level: level}, nil
			}
			level = ""
		}
	}
	if y, ok := strings.CutSuffix(t, "年级"); ok {
		if ry := []rune(y); len(ry) == 1 {
			if d := chineseDigit(ry[0]); d > 0 && d <= 8 {
				return Grade{Year: d, Level: level}, nil
			}
		}
		return Grade{}, gradeError(s)
	}
	digits := strings.TrimSuffix(t, "级")
	if n, err := strconv.Atoi(digits); err == nil && n >= 0 {
		switch {
		case n >= 1 && n <= 8 && digits == t:
			return Grade{Year: n, Level: level}, nil
		case n >= 1950 && n <= 2100, n >= 10 && n <= 99 && len(digits) == 2 && digits != t:
			if n < 100 {
				n += 2000
			}
			return gradeOfYear(s, n, level, startYear)
		case n >= excelSerialMin && n <= excelSerialMax && digits == t:
			// 入学时间 as an Excel date serial (44075 is 2020-09-01).
			d := excelEpoch.AddDate(0, 0, n)
			return gradeOfYear(s, academicYearOf(d.Year(), int(d.Month())), level, startYear)
		}
	}
	return Grade{}, gradeError(s)
}

// Excel date serials of 1990 to 2100, read as dates of enrolment.
const (
	excelSerialMin = 32874
	excelSerialMax = 73415
)

// excelEpoch is day 0 of Excel's date serials (1900 system, after the
// 1900 leap-year bug).
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// academicYearOf is the first calendar year of the 学年 a month falls in.
func academicYearOf(year, month int) int {
	if month < 9 {
		return year - 1
	}
	return year
}

// gradeOfYear turns an enrolment year into a grade of the filing's 学年.
func gradeOfYear(s string, enrolled int, level string, startYear int) (Grade, error) {
	if startYear == 0 {
		return Grade{}, fmt.Errorf("年级「%s」是入学年份，但填报文件未设学年，无法换算成年级；请先填写学年，或直接写 大一、二年级 等", CleanText(s))
	}
	year := startYear - enrolled + 1
	if year < 1 || year > 8 {
		return Grade{}, fmt.Errorf("年级「%s」与学年 %d—%d 不符（换算为第 %d 年），请核对入学年份", CleanText(s), startYear, startYear+1, year)
	}
	return Grade{Year: year, Level: level}, nil
}

// enrolmentYear reads the enrolment year of the ways offices write a
// grade with its class or level: 2020级护理1班, 20级护理, 2020级硕士, 护理2201班
// (a class code whose first two digits are the year), 入学时间 as a date
// (2020-09-01, 2020年9月, 2020.9). ok is false for anything else.
func enrolmentYear(t string) (year int, level string, ok bool) {
	graduate := func(rest string) string {
		for _, w := range []string{"硕士", "博士", "研究生", "研"} {
			if strings.Contains(rest, w) {
				return forms.LevelGraduate
			}
		}
		for _, w := range []string{"本科", "专科", "高职", "大专"} {
			if strings.Contains(rest, w) {
				return forms.LevelUndergraduate
			}
		}
		return ""
	}
	if m := yearClassRe.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		if y < 100 {
			y += 2000
		}
		if m[2] == "" {
			return 0, "", false // 2020级 alone: read as before
		}
		return y, graduate(m[2]), true
	}
	if m := classCodeRe.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[2])
		return 2000 + y, graduate(m[1]), true
	}
	if m := enrolDateRe.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo >= 1 && mo <= 12 && y >= 1950 && y <= 2100 {
			return academicYearOf(y, mo), "", true
		}
	}
	return 0, "", false
}

var (
	// 2020级护理1班, 20级护理学, 2020级硕士.
	yearClassRe = regexp.MustCompile(`^((?:19|20)\d{2}|\d{2})级(.*)$`)
	// 护理2201班, 计科2102班: letters, then two digits of the year and two of
	// the class, then 班.
	classCodeRe = regexp.MustCompile(`^(\D+?)(\d{2})\d{2}班$`)
	// 2020-09-01, 2020/9/1, 2020.9, 2020年9月, 2020年9月1日.
	enrolDateRe = regexp.MustCompile(`^((?:19|20)\d{2})[-/.年](\d{1,2})(?:[-/.月](?:\d{1,2}日?)?|月(?:\d{1,2}日)?)?$`)
)

func gradeError(s string) error {
	return fmt.Errorf("无法识别年级「%s」，请填写如 大一、二年级、研一 或 2023级", CleanText(s))
}

// StartYear returns the first calendar year of an academic year written as
// "2021—2022学年", "2021-2022" or "2021"; 0 when there is none.
func StartYear(academicYear string) int {
	t := narrow(academicYear)
	if len(t) < 4 {
		return 0
	}
	n, err := strconv.Atoi(t[:4])
	if err != nil || n < 1950 || n > 2100 {
		return 0
	}
	return n
}

// Rank is a 学习成绩排名 as read from a cell; every part may be unknown.
type Rank struct {
	Rank    *int
	Total   *int
	Percent *float64
}

// IsBlank reports whether the rank says nothing.
func (r Rank) IsBlank() bool { return r.Rank == nil && r.Total == nil && r.Percent == nil }

// rankNoise are words around the numbers of a rank that carry no value.
var rankNoise = strings.NewReplacer("第", "", "名", "", "共", "", "人", "", "专业", "", "年级", "",
	"班级", "", "排名", "", "位", "", "次", "", "综合", "", "总", "")

// ParseRank reads a rank: 3/45, ３／４５, 3 / 45, 第3名/共45人, 20/专业
// (size of the major unknown), a bare 6, 6.0, 前10%, 10%. Blank cells and
// marks such as -, / or 不需填写 (first-years) give a blank Rank. The error
// is a Chinese message for the user; a *GuessError comes with a value read
// by a guess (3月12日, the date Excel made of 3/12).
func ParseRank(s string) (Rank, error) {
	t := narrow(CleanText(s))
	if m := rankInParensRe.FindStringSubmatch(t); m != nil {
		// 第12名（共40人）, 12（40）, 12(共40名).
		rank, _ := strconv.Atoi(m[1])
		total, _ := strconv.Atoi(m[2])
		if rank < 1 || total < 1 {
			return Rank{}, rankError(s)
		}
		if rank > total {
			return Rank{}, fmt.Errorf("排名「%s」中名次大于专业人数，请核对", CleanText(s))
		}
		return Rank{Rank: &rank, Total: &total}, nil
	}
	if i := strings.IndexAny(t, "(（"); i > 0 {
		t = t[:i]
	}
	if isBlankMark(t) {
		return Rank{}, nil
	}
	if p, ok := strings.CutSuffix(t, "%"); ok {
		p = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(p, "前"), "top"), "TOP")
		p = rankNoise.Replace(p)
		v, err := strconv.ParseFloat(p, 64)
		if err != nil || v <= 0 || v > 100 {
			return Rank{}, rankError(s)
		}
		return Rank{Percent: &v}, nil
	}
	if m, d, ok := monthDay(t); ok {
		// Excel turns 3/12 typed into a cell into the date 3月12日.
		return Rank{Rank: &m, Total: &d}, &GuessError{Msg: fmt.Sprintf(
			"成绩排名「%s」像是 Excel 把 %d/%d 自动转换成了日期，已按 %d/%d 读取，请核对（在 Excel 中先把该列设为“文本”格式再填写可避免）",
			CleanText(s), m, d, m, d)}
	}
	t = rankNoise.Replace(t)
	a, b, found := cutAny(t, "/:：\\")
	rank, err := wholeNumber(a)
	if err != nil || rank < 1 {
		return Rank{}, rankError(s)
	}
	out := Rank{Rank: &rank}
	if found && b != "" {
		total, err := wholeNumber(b)
		if err != nil || total < 1 {
			return Rank{}, rankError(s)
		}
		if rank > total {
			return Rank{}, fmt.Errorf("排名「%s」中名次大于专业人数，请核对", CleanText(s))
		}
		out.Total = &total
	}
	return out, nil
}

// rankInParensRe matches a rank with the major's size in parentheses:
// 第12名(共40人), 12(40), 12(共40名) (full-width forms already narrowed).
var rankInParensRe = regexp.MustCompile(`^第?(\d{1,6})名?\((?:共|/)?(\d{1,6})(?:人|名)?\)$`)

// GuessError is returned with a value that was read by a guess: the value
// is set, and the message asks the user to check it.
type GuessError struct{ Msg string }

func (e *GuessError) Error() string { return e.Msg }

// monthDay reads "3月12日", what Excel shows for 3/12 typed into a cell.
func monthDay(t string) (month, day int, ok bool) {
	a, rest, ok1 := strings.Cut(t, "月")
	b, tail, ok2 := strings.Cut(rest, "日")
	if !ok1 || !ok2 || tail != "" {
		return 0, 0, false
	}
	m, err1 := strconv.Atoi(a)
	d, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > 31 || m > d {
		return 0, 0, false
	}
	return m, d, true
}

func rankError(s string) error {
	return fmt.Errorf("无法识别成绩排名「%s」，请填写如 3/45（名次/专业人数）、6 或 前10%%", CleanText(s))
}

// cutAny cuts s around the first of the given separator runes.
func cutAny(s, seps string) (before, after string, found bool) {
	if i := strings.IndexAny(s, seps); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		return s[:i], s[i+size:], true
	}
	return s, "", false
}

// wholeNumber reads a positive whole number, accepting 6.0 as Excel
// formats numbers.
func wholeNumber(s string) (int, error) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != float64(int(f)) || f > 1e9 {
		return 0, fmt.Errorf("not a whole number: %q", s)
	}
	return int(f), nil
}

// ParseFailed reads a 是否存在课业不及格情况 cell: 否/无/没有/0/0门 mean no
// failed course, 是/有/存在/N门 (N > 0) mean some. Blank cells and marks
// such as - give nil.
func ParseFailed(s string) (*bool, error) {
	t := narrow(CleanText(s))
	if i := strings.IndexAny(t, "(（"); i > 0 {
		t = t[:i]
	}
	t = strings.TrimSuffix(strings.TrimSuffix(t, "情况"), "不及格")
	switch t {
	case "", "-", "--", "—", "——", "/", "不需填写", "无需填写":
		return nil, nil
	case "否", "无", "没有", "不存在", "不是", "未", "N", "n", "No", "NO", "no", "×", "✗", "✘", "F", "FALSE", "false":
		return forms.BoolPtr(false), nil
	case "是", "有", "存在", "Y", "y", "Yes", "YES", "yes", "√", "✓", "✔", "T", "TRUE", "true":
		return forms.BoolPtr(true), nil
	}
	n := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(t, "有"), "是"), "门"), "科")
	n = strings.TrimPrefix(strings.TrimPrefix(n, ","), "，")
	if v, err := wholeNumber(n); err == nil && v >= 0 {
		return forms.BoolPtr(v > 0), nil
	}
	return nil, fmt.Errorf("无法识别是否存在不及格情况「%s」，请填写 否 或 是（或不及格门数）", CleanText(s))
}

// ParseYesNo reads a 是/否 cell such as 是否来自二级学生会; blank gives nil.
func ParseYesNo(s string) (*bool, error) {
	t := narrow(CleanText(s))
	switch t {
	case "", "-", "/":
		return nil, nil
	case "是", "有", "Y", "y", "√", "✓", "✔", "TRUE", "true":
		return forms.BoolPtr(true), nil
	case "否", "无", "不是", "N", "n", "×", "✗", "FALSE", "false":
		return forms.BoolPtr(false), nil
	}
	return nil, fmt.Errorf("无法识别「%s」，请填写 是 或 否", CleanText(s))
}

// Position is a 学生会职务 as read from a cell.
type Position struct {
	// Title is one of forms.Positions, or empty when only the department
	// is known (主席团成员).
	Title string
	// Department is forms.PresidiumDepartment for presidium titles, the
	// department named with the title (文体部部长 → 文体部), or empty.
	Department string
	// Note is a Chinese remark for the user about a guess that was made;
	// empty when the cell was unambiguous.
	Note string
}

// unionPrefixes are the words that may precede a title in a cell
// (学生会执行主席, 校学生会文体部部长).
var unionPrefixes = []string{"校级学生会", "校学生会", "学生会", "研究生会", "校级", "校"}

// titleAliases maps ways of writing a title to the title.
var titleAliases = map[string]string{
	"主席": forms.PositionPresident, "副主席": forms.PositionVicePresident,
	"执行主席": forms.PositionExecutivePresident, "轮值主席": forms.PositionExecutivePresident,
	"轮值执行主席": forms.PositionExecutivePresident, "执行主席轮值": forms.PositionExecutivePresident,
	"部长": forms.PositionHead, "副部长": forms.PositionDeputyHead,
	"干事": forms.PositionStaff, "部员": forms.PositionStaff, "工作人员": forms.PositionStaff,
}

// ParsePosition reads a 学生会职务 cell: a title (主席, 副主席, 执行主席,
// 部长, 副部长, 干事, with 轮值主席 → 执行主席 and 部员 → 干事), optionally
// with 学生会 before it or a department (文体部部长 → 部长 of 文体部), or
// 主席团成员 (presidium, title unknown). Anything else is an error whose
// message names the allowed titles.
func ParsePosition(s string) (Position, error) {
	t := strings.ReplaceAll(CleanText(s), " ", "")
	if t == "" {
		return Position{}, nil
	}
	if p, ok := positionOf(t); ok {
		return p, nil
	}
	return Position{}, fmt.Errorf("职务「%s」不是规定的职务（%s），请核对", CleanText(s), strings.Join(forms.Positions, "、"))
}

// positionOf reads a title, with or without a union prefix or a
// department, from a cell without spaces.
func positionOf(t string) (Position, bool) {
	for _, p := range unionPrefixes {
		if rest, ok := strings.CutPrefix(t, p); ok && rest != "" {
			t = rest
			break
		}
	}
	if i := strings.IndexAny(t, "(（"); i > 0 && (strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）")) {
		// 执行主席（轮值）, 副部长（主持工作）: the words in parentheses
		// describe the title, they do not change it.
		note := strings.Trim(t[i:], "()（）")
		if p, ok := positionOf(t[:i]); ok {
			if note == "轮值" && p.Title == forms.PositionPresident {
				p.Title = forms.PositionExecutivePresident
			}
			return p, true
		}
	}
	if t == "主席团成员" || t == "主席团" || t == "主席团委员" {
		return Position{Title: forms.PositionPresidiumMember, Department: forms.PresidiumDepartment,
			Note: "只写了“主席团成员”，已计入主席团；请写明是主席、副主席还是执行主席"}, true
	}
	if title, ok := titleAliases[t]; ok {
		p := Position{Title: title}
		if forms.IsPresidiumPosition(title) {
			p.Department = forms.PresidiumDepartment
		}
		return p, true
	}
	for _, suffix := range []string{"副部长", "部长", "干事", "部员"} {
		dept, ok := strings.CutSuffix(t, suffix)
		if !ok || dept == "" || strings.HasSuffix(dept, "副") {
			continue
		}
		// Any department name: 文体部部长, 秘书处部长, 办公室干事; not a
		// class, branch or college role (班长, 团支部, 院学生会).
		dept = strings.TrimSuffix(dept, "的")
		if strings.ContainsAny(dept, "班院") || strings.Contains(dept, "团支") || strings.Contains(dept, "学生会") || strings.Contains(dept, "年级") {
			continue
		}
		if n := utf8.RuneCountInString(dept); n < 2 || n > 10 {
			continue
		}
		return Position{Title: titleAliases[suffix], Department: dept}, true
	}
	if dept, ok := strings.CutPrefix(t, "主席团"); ok {
		if title, ok := titleAliases[dept]; ok && forms.IsPresidiumPosition(title) {
			return Position{Title: title, Department: forms.PresidiumDepartment}, true
		}
	}
	return Position{}, false
}

// InferPosition looks for a school-level union title in a work-experience
// text (院系、班级学生工作经历): 学生会执行主席 → 执行主席 of 主席团,
// 文体部部长 → 部长 of 文体部, 主席团成员 → 主席团. Titles of class and
// college roles (班长, 团支书, 学生主席) are not taken; neither is a bare
// 主席 or 部长 without 学生会 or a department before it. ok is false when
// nothing was found.
func InferPosition(experience string) (Position, bool) {
	t := CleanText(experience)
	for _, seg := range strings.FieldsFunc(t, func(r rune) bool {
		return strings.ContainsRune("、，,;；/|\n ", r)
	}) {
		p, ok := positionOf(seg)
		if !ok {
			continue
		}
		// A bare title such as 主席 or 部长 may be a class or college
		// role: take it only with 学生会 or a department in front.
		if _, bare := titleAliases[seg]; bare && seg != "执行主席" && seg != "轮值主席" {
			continue
		}
		if p.Note == "" {
			what := p.Title
			if p.Department != "" && p.Department != forms.PresidiumDepartment {
				what = p.Department + p.Title
			}
			p.Note = fmt.Sprintf("职务由工作经历「%s」推断为“%s”，确认后才计入，请核对", seg, what)
		}
		return p, true
	}
	return Position{}, false
}

// CleanDepartment normalises a 所在部门 cell.
func CleanDepartment(s string) string {
	t := strings.ReplaceAll(CleanText(s), " ", "")
	for _, p := range unionPrefixes {
		if rest, ok := strings.CutPrefix(t, p); ok && rest != "" {
			return rest
		}
	}
	return t
}
