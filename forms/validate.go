package forms

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Finding is one problem the validator found: which rule, how serious, a
// Chinese message that says what is wrong, where and what the limit is, the
// path of the offending data (see PathSection) and the edition items it
// concerns.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Path locates the data in the project file: JSON field names, dotted,
	// with [i] for list indexes and [id] for map keys, such as
	// members[3].rank, congress.delegates, answers[3.1].
	Path string `json:"path"`
	// Items are the ids of the edition items the finding concerns.
	Items []string `json:"items"`
	// Members are the indexes of the roster members a finding at
	// "members" lists, when one finding stands for several members that
	// share it (名单中27人未填职务和部门：张三、李四…); empty otherwise.
	Members []int `json:"members,omitempty"`
	// Core marks a 未达标项 on a core item (★ 核心指标).
	Core bool `json:"core,omitempty"`
}

// Report is the result of validating a filing: the findings, sorted errors
// first, then 未达标项, then 提示, each by section and path; the derived
// facts; and the counts of each severity.
type Report struct {
	Findings []Finding `json:"findings"`
	Derived  Derived   `json:"derived"`
	Errors   int       `json:"errors"`
	Unmet    int       `json:"unmet"`
	Warnings int       `json:"warnings"`
	// CoreUnmet counts the 未达标项 on core items (★), among Unmet.
	CoreUnmet int `json:"core_unmet"`
}

// Of returns the findings of one severity, in report order.
func (r *Report) Of(sev Severity) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Severity == sev {
			out = append(out, f)
		}
	}
	return out
}

// Count returns the number of findings of one severity.
func (r *Report) Count(sev Severity) int {
	switch sev {
	case SeverityError:
		return r.Errors
	case SeverityUnmet:
		return r.Unmet
	}
	return r.Warnings
}

// Fails reports whether the filing must not be sent as it is: it has at
// least one 错误. 未达标项 and 提示 do not make it fail.
func (r *Report) Fails() bool { return r.Errors > 0 }

// At returns the findings whose path is prefix or lies under it:
// At("members[3]") returns those of members[3].rank and members[3].name but
// not those of members[30], and the findings at "members" that list
// member 3 among others. At("") returns every finding.
func (r *Report) At(prefix string) []Finding {
	member, isMember := -1, false
	if rest, ok := strings.CutPrefix(prefix, "members["); ok && strings.HasSuffix(rest, "]") {
		if n, err := strconv.Atoi(strings.TrimSuffix(rest, "]")); err == nil {
			member, isMember = n, true
		}
	}
	var out []Finding
	for _, f := range r.Findings {
		if PathUnder(f.Path, prefix) || (isMember && slices.Contains(f.Members, member)) {
			out = append(out, f)
		}
	}
	return out
}

// ForItem returns the findings that concern an edition item.
func (r *Report) ForItem(id string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		for _, it := range f.Items {
			if it == id {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// PathUnder reports whether path equals prefix or lies under it:
// members[1].rank is under members[1] and under members, members[10].rank is
// not under members[1].
func PathUnder(path, prefix string) bool {
	if prefix == "" || path == prefix {
		return true
	}
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	c := path[len(prefix)]
	return c == '.' || c == '['
}

// pathSections are the parts of a filing, in the order findings are
// grouped: a key, the Chinese title and the first names of the paths that
// belong to it (a path whose first name no section lists is 基本信息's).
var pathSections = []struct {
	key, title string
	heads      []string
}{
	{"", "基本信息", nil},
	{"members", "工作人员名单", []string{"members"}},
	{"departments", "工作部门", []string{"departments"}},
	{"congress", "学生代表大会", []string{"congress"}},
	{"guidance", "指导责任人", []string{"guidance"}},
	{"satisfaction", "满意度调查", []string{"satisfaction"}},
	{"college", "二级学生会组织", []string{"college_unions", "college_item_counts", "college_union_count"}},
	{"answers", "自评答案", []string{"answers"}},
	{"texts", "文字材料", []string{"texts", "opinions"}},
}

func pathSectionIndex(path string) int {
	head := path
	if i := strings.IndexAny(head, ".["); i >= 0 {
		head = head[:i]
	}
	for i, s := range pathSections {
		if slices.Contains(s.heads, head) {
			return i
		}
	}
	return 0
}

// PathSection names, in Chinese, the part of a filing a path belongs to
// (工作人员名单, 学生代表大会, 自评答案, …), for grouping findings.
func PathSection(path string) string { return pathSections[pathSectionIndex(path)].title }

// PathSectionKey is the key of the part of a filing a path belongs to:
// "" (基本信息), members, departments, congress, guidance, satisfaction,
// college, answers or texts (which holds the signature blocks' opinions
// too). The GUI's steps name the sections they edit by these keys.
func PathSectionKey(path string) string { return pathSections[pathSectionIndex(path)].key }

// PathSectionKeys lists the section keys in the order findings are
// grouped.
func PathSectionKeys() []string {
	keys := make([]string, len(pathSections))
	for i, s := range pathSections {
		keys[i] = s.key
	}
	return keys
}

// Validate checks a filing against every rule of the catalogue for its
// edition and derives the answers its data supports. It never modifies the
// filing and never fails: missing data becomes a 提示, not an error.
func Validate(f *Filing, ed *Edition) Report {
	d := Derive(f, ed)
	c := newChecker(f, ed, &d)
	c.filing()
	c.inputRanges()
	c.members()
	c.school()
	c.congress()
	c.guidance()
	c.satisfaction()
	c.college()
	c.answers()
	c.gaps()
	c.markers()
	r := Report{Findings: c.out, Derived: d}
	sortFindings(r.Findings)
	for _, fd := range r.Findings {
		switch fd.Severity {
		case SeverityError:
			r.Errors++
		case SeverityUnmet:
			r.Unmet++
			if fd.Core {
				r.CoreUnmet++
			}
		default:
			r.Warnings++
		}
	}
	return r
}

// gaps tells the school's real gaps from mistakes in the filing. An error
// of a requirement rule whose items are all answered 未达标/否 becomes an
// 未达标项; an item answered 未达标/否 that the data does not show as met,
// and that no such finding already lists, gets one 未达标项 of its own with
// the data's reason or the school's note.
func (c *checker) gaps() {
	answeredNo := func(id string) bool {
		a, ok := c.f.Answers[id]
		return ok && a.Met != nil && !*a.Met
	}
	listed := map[string]bool{}
	for i := range c.out {
		fd := &c.out[i]
		if fd.Severity != SeverityError || len(fd.Items) == 0 || !ruleIndex[fd.Rule].Requirement {
			continue
		}
		all := true
		for _, id := range fd.Items {
			if !answeredNo(id) {
				all = false
				break
			}
		}
		if all {
			fd.Severity = SeverityUnmet
			for _, id := range fd.Items {
				listed[id] = true
			}
		}
	}
	for si := range c.ed.Sections {
		s := &c.ed.Sections[si]
		if s.Kind != SectionAnswers {
			continue
		}
		for _, it := range s.Answerable() {
			if !answeredNo(it.ID) || listed[it.ID] {
				continue
			}
			sug := c.d.Items[it.ID]
			if sug.Met != nil && *sug.Met {
				continue // a contradiction, reported by answers()
			}
			why := sug.Reason
			if sug.Met == nil || why == "" {
				why = "学校自评" + c.answerWord(it.ID, false)
				if n := trimSpace(c.f.Answers[it.ID].Note); n != "" {
					why += "，备注：" + n
				}
			}
			c.addItems(RuleAnswerUnmet, "answers["+it.ID+"]",
				fmt.Sprintf("%s“%s”答“%s”：%s", c.label(it.ID), shortText(it.Text, 16), c.answerWord(it.ID, false), why), []string{it.ID})
		}
	}
}

// checker carries one validation run.
type checker struct {
	f     *Filing
	ed    *Edition
	d     *Derived
	facts map[string][]string // fact → item ids
	items map[string][]string // rule id → item ids, memoised
	out   []Finding
	ch    charterRules
	lim   Limits
	// labels and words name each item and its answers for messages.
	labels map[string]string
	words  map[string][2]string
}

func newChecker(f *Filing, ed *Edition, d *Derived) *checker {
	c := &checker{f: f, ed: ed, d: d, facts: map[string][]string{}, items: map[string][]string{},
		out: make([]Finding, 0, 16+len(f.Members)/2)}
	for _, s := range ed.Sections {
		for _, it := range s.Answerable() {
			if it.Fact != FactNone {
				c.facts[it.Fact] = append(c.facts[it.Fact], it.ID)
			}
		}
	}
	c.ch = parseCharter(f.Texts.Charter)
	c.lim = ed.Limits()
	c.buildLabels()
	return c
}

// add records a finding of a catalogue rule; the items are those the rule's
// facts name in this edition.
func (c *checker) add(rule, path, msg string) {
	items, ok := c.items[rule]
	if !ok {
		r := ruleIndex[rule]
		for _, fact := range r.Facts {
			items = append(items, c.facts[fact]...)
		}
		c.items[rule] = items
	}
	c.addItems(rule, path, msg, items)
}

// addItems records a finding about the given items.
func (c *checker) addItems(rule, path, msg string, items []string) {
	r, ok := ruleIndex[rule]
	if !ok {
		panic("forms: finding of unknown rule " + rule)
	}
	if items == nil {
		items = []string{}
	}
	c.out = append(c.out, Finding{Rule: rule, Severity: r.Severity, Message: msg, Path: path, Items: items})
}

func (c *checker) addf(rule, path, format string, args ...any) {
	c.add(rule, path, fmt.Sprintf(format, args...))
}

// sortFindings orders findings by severity (errors, 未达标项, 提示), then by section, then by path
// with list indexes compared as numbers, then by rule. It sorts indexes
// with precomputed keys and moves each finding once.
func sortFindings(fs []Finding) {
	if len(fs) < 2 {
		return
	}
	type key struct {
		i, rank int
	}
	keys := make([]key, len(fs))
	for i := range fs {
		rank := pathSectionIndex(fs[i].Path) + fs[i].Severity.rank()*len(pathSections)
		keys[i] = key{i, rank}
	}
	slices.SortStableFunc(keys, func(x, y key) int {
		if x.rank != y.rank {
			return x.rank - y.rank
		}
		a, b := &fs[x.i], &fs[y.i]
		if c := comparePaths(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	sorted := make([]Finding, len(fs))
	for k, x := range keys {
		sorted[k] = fs[x.i]
	}
	copy(fs, sorted)
}

// comparePaths compares two paths, reading runs of digits as numbers so
// that members[2] sorts before members[10] and answers[3.1] before answers[10].
func comparePaths(a, b string) int {
	for a != "" && b != "" {
		da, db := isDigit(a[0]), isDigit(b[0])
		if da && db {
			na, ra := leadingNumber(a)
			nb, rb := leadingNumber(b)
			if na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
			a, b = ra, rb
			continue
		}
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func leadingNumber(s string) (int, string) {
	n, i := 0, 0
	for i < len(s) && isDigit(s[i]) {
		if n < 1<<40 {
			n = n*10 + int(s[i]-'0')
		}
		i++
	}
	return n, s[i:]
}

// memberPath is the path of a member's field.
func memberPath(i int, field string) string {
	return "members[" + itoa(i) + "]." + field
}

// memberRef names a member for a message: 名单第3人（张三）.
func (c *checker) memberRef(i int) string {
	name := trimSpace(c.f.Members[i].Name)
	if name == "" {
		name = "姓名未填"
	}
	return "名单第" + itoa(i+1) + "人（" + name + "）"
}

func itoa(n int) string { return strconv.Itoa(n) }
