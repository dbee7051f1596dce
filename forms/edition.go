package forms

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"sureform/assets"
)

// Section kinds: how the answers of a section are given.
const (
	// SectionAnswers is a section whose items are answered yes/no (达标/未达标
	// or 是/否) by the school for its school-level union.
	SectionAnswers = "answers"
	// SectionCounts is a section whose items are answered with the number of
	// college-level unions that meet them, backed by a per-union matrix.
	SectionCounts = "counts"
)

// Congress rules: when a student congress counts as held.
const (
	// CongressSince means the congress must have been held on or after a
	// fixed date (Edition.CongressSince).
	CongressSince = "since"
	// CongressWithinYear means the congress must have been held within the
	// twelve months before the filing date.
	CongressWithinYear = "within_year"
)

// Note kinds: what an item's 备注 holds; noteWriters maps each to the
// function that writes it, and the loader accepts exactly those kinds.
const (
	NoteNone              = ""
	NoteStaffCount        = "staff_count"
	NotePresidiumCount    = "presidium_count"
	NoteDepartmentCount   = "department_count"
	NoteCongressDate      = "congress_date"
	NoteSecretaryGeneral  = "secretary_general"
	NoteSatisfactionUnion = "satisfaction_union"
	NoteSatisfactionStaff = "satisfaction_staff"
	NoteFree              = "free"
)

// Facts: the derived facts an item can correspond to. The validator decides
// the suggested answer of an item from its fact; factDeciders maps each to
// its decider, and the loader accepts exactly the facts of that table.
const (
	FactNone                  = ""
	FactStructure             = "structure"
	FactStaffLimit            = "staff_limit"
	FactPresidiumLimit        = "presidium_limit"
	FactDepartmentLimit       = "department_limit"
	FactTitles                = "titles"
	FactPoliticalStatus       = "political_status"
	FactAcademicRecord        = "academic_record"
	FactCongressHeld          = "congress_held"
	FactGuidance              = "guidance"
	FactSatisfactionUnion     = "satisfaction_union"
	FactSatisfactionStaff     = "satisfaction_staff"
	FactCollegeStaffLimit     = "college_staff_limit"
	FactCollegePresidiumLimit = "college_presidium_limit"
)

// Header fields an edition can ask for above its item table.
const (
	HeaderOrgName          = "组织名称"
	HeaderCollegeCount     = "二级学生会组织数量"
	HeaderProvincialReview = "省级核查"
	HeaderPublicURL        = "自评公开链接"
)

// Signature block kinds.
const (
	// SignatureOpinion is a block with 对评估意见是否认可：□认可 □不认可, 盖章 and a date.
	SignatureOpinion = "opinion"
	// SignatureConclusion is the reviewers' block with □通过 □未通过, 工作组,
	// 负责人签字 and a date.
	SignatureConclusion = "conclusion"
)

// Edition is one year's form: its title, header fields, sections and items,
// exactly as the official form words them. Editions are data: they are read
// from TOML definition files (see assets/editions and the README).
type Edition struct {
	ID    string `toml:"id"`
	Name  string `toml:"name"`
	Title string `toml:"title"`
	Year  int    `toml:"year"`
	// AcademicYear is the 学年 the edition is filled for ("2023—2024学年"),
	// empty for the editions that were not tied to one.
	AcademicYear  string      `toml:"academic_year"`
	OrgTypes      []string    `toml:"org_types"`
	HeaderFields  []string    `toml:"header_fields"`
	CongressRule  string      `toml:"congress_rule"`
	CongressSince string      `toml:"congress_since"`
	Satisfaction  bool        `toml:"satisfaction"`
	OptionalRows  []string    `toml:"optional_rows"`
	Legend        string      `toml:"legend"`
	Signatures    []Signature `toml:"signatures"`
	Sections      []Section   `toml:"sections"`
	// LimitSettings are the edition's [limits]: the numbers and titles its
	// items name; validation reads them through Limits.
	LimitSettings LimitSettings `toml:"limits"`

	since time.Time
}

// Signature is one signature block at the foot of the form.
type Signature struct {
	Title string `toml:"title"`
	Kind  string `toml:"kind"`
}

// Section is one table of the form: the school-level items answered yes/no,
// or the college-level items answered with counts.
type Section struct {
	ID      string   `toml:"id"`
	Title   string   `toml:"title"`
	Kind    string   `toml:"kind"`
	Columns []string `toml:"columns"`
	// Answers are the two answer words, the positive first (达标/未达标, 是/否).
	Answers []string `toml:"answers"`
	// MatrixTitle and MatrixColumns describe the per-union matrix of a
	// counts section (具体情况).
	MatrixTitle   string   `toml:"matrix_title"`
	MatrixColumns []string `toml:"matrix_columns"`
	Items         []Item   `toml:"items"`
}

// Item is one numbered item of a section. An item either is answered itself
// or, like item 3 of the 2020 edition, groups parts that are answered each.
type Item struct {
	// ID is unique within the edition; answers are keyed by it.
	ID     string `toml:"id"`
	Number string `toml:"number"`
	// Text is the item's wording, character for character as on the form,
	// without its number.
	Text string `toml:"text"`
	// Marker is ★ (core) or ▲ (observed) where the edition marks the item.
	Marker string `toml:"marker"`
	// Note says what the item's 备注 holds (one of the Note constants).
	Note string `toml:"note"`
	// Fact names the derived fact that decides the item (one of the Fact
	// constants), or is empty when only the user can answer it.
	Fact string `toml:"fact"`
	// Unconfirmed marks an item whose wording or marker could not be
	// checked against two independent publications of the edition; the GUI,
	// the review report and the college workbook show UnconfirmedNote beside
	// it, while the official documents print the item verbatim.
	Unconfirmed bool   `toml:"unconfirmed"`
	Parts       []Item `toml:"parts"`
}

// Item markers.
const (
	// MarkerCore (★) marks a core item (核心指标).
	MarkerCore = "★"
	// MarkerObserved (▲) marks an observed item (观测指标), which the
	// edition does not yet require (暂不作硬性要求).
	MarkerObserved = "▲"
)

// UnconfirmedNote is what the GUI, the review report and the college
// workbook show beside an item whose wording could not be confirmed.
const UnconfirmedNote = "请与本省下发的表格核对"

// IsCore reports whether the item is a core item (★).
func (it *Item) IsCore() bool { return it.Marker == MarkerCore }

// IsObserved reports whether the item is an observed item (▲), on which a
// finding is never an error.
func (it *Item) IsObserved() bool { return it.Marker == MarkerObserved }

// Answerable lists the rows of a section that take an answer: every item
// without parts, and the parts of the items that have them, in form order.
func (s *Section) Answerable() []Item {
	var out []Item
	for _, it := range s.Items {
		if len(it.Parts) == 0 {
			out = append(out, it)
			continue
		}
		out = append(out, it.Parts...)
	}
	return out
}

// Section returns the section with the given id, or nil.
func (e *Edition) Section(id string) *Section {
	for i := range e.Sections {
		if e.Sections[i].ID == id {
			return &e.Sections[i]
		}
	}
	return nil
}

// CollegeSection returns the edition's counts section (二级学生会组织情况),
// or nil when the edition has none.
func (e *Edition) CollegeSection() *Section {
	for i := range e.Sections {
		if e.Sections[i].Kind == SectionCounts {
			return &e.Sections[i]
		}
	}
	return nil
}

// Item returns the answerable item or part with the given id, and the
// section that holds it.
func (e *Edition) Item(id string) (Item, *Section, bool) {
	for i := range e.Sections {
		for _, it := range e.Sections[i].Answerable() {
			if it.ID == id {
				return it, &e.Sections[i], true
			}
		}
	}
	return Item{}, nil, false
}

// HasHeader reports whether the edition's header asks for the named field.
func (e *Edition) HasHeader(field string) bool {
	for _, f := range e.HeaderFields {
		if f == field {
			return true
		}
	}
	return false
}

// CongressSinceDate is the earliest congress date that counts under a
// CongressSince rule.
func (e *Edition) CongressSinceDate() time.Time { return e.since }

// ItemCount is the number of answerable rows in the edition's section of the
// given kind.
func (e *Edition) ItemCount(kind string) int {
	n := 0
	for i := range e.Sections {
		if e.Sections[i].Kind == kind {
			n += len(e.Sections[i].Answerable())
		}
	}
	return n
}

var (
	knownHeaders = map[string]bool{HeaderOrgName: true, HeaderCollegeCount: true,
		HeaderProvincialReview: true, HeaderPublicURL: true}
)

// ParseEdition reads an edition definition from TOML. name is used in error
// messages (a file name). Unknown keys, missing texts, duplicate ids and
// unknown note or fact kinds are errors, so that a typo in a definition file
// is caught when it is loaded rather than when a form is printed.
func ParseEdition(name string, data []byte) (*Edition, error) {
	var e Edition
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&e)
	if err != nil {
		return nil, tomlError(name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("表格版本文件 %s：无法识别的字段 %s", name, strings.Join(keys, "、"))
	}
	if err := e.check(); err != nil {
		return nil, fmt.Errorf("表格版本文件 %s：%w", name, err)
	}
	return &e, nil
}

func (e *Edition) check() error {
	if e.ID == "" {
		return errors.New("缺少 id")
	}
	if e.Title == "" {
		return errors.New("缺少 title（表格标题）")
	}
	if e.Name == "" {
		e.Name = e.ID
	}
	if len(e.OrgTypes) == 0 {
		e.OrgTypes = []string{OrgStudentUnion, OrgGraduateUnion}
	}
	for _, h := range e.HeaderFields {
		if !knownHeaders[h] {
			return fmt.Errorf("header_fields 中的 %q 不是可用的表头字段", h)
		}
	}
	switch e.CongressRule {
	case CongressSince:
		t, err := time.Parse(time.DateOnly, e.CongressSince)
		if err != nil {
			return fmt.Errorf("congress_since 应为 YYYY-MM-DD 日期，实为 %q", e.CongressSince)
		}
		e.since = t
	case CongressWithinYear, "":
	default:
		return fmt.Errorf("congress_rule %q 无法识别（可用 since 或 within_year）", e.CongressRule)
	}
	if err := e.LimitSettings.check(); err != nil {
		return err
	}
	for _, s := range e.Signatures {
		if s.Kind != SignatureOpinion && s.Kind != SignatureConclusion {
			return fmt.Errorf("签章栏 %q 的 kind %q 无法识别（可用 opinion 或 conclusion）", s.Title, s.Kind)
		}
	}
	if len(e.Sections) == 0 {
		return errors.New("没有任何 sections")
	}
	seen := map[string]bool{}
	for si := range e.Sections {
		s := &e.Sections[si]
		if s.Kind != SectionAnswers && s.Kind != SectionCounts {
			return fmt.Errorf("第 %d 个 section 的 kind %q 无法识别（可用 answers 或 counts）", si+1, s.Kind)
		}
		if len(s.Answers) != 2 {
			return fmt.Errorf("section %q 的 answers 应有两个词（如 达标、未达标）", s.ID)
		}
		if len(s.Columns) != 3 {
			return fmt.Errorf("section %q 的 columns 应有三列（项目、结论、备注）", s.ID)
		}
		if len(s.Items) == 0 {
			return fmt.Errorf("section %q 没有条目", s.ID)
		}
		for _, it := range s.Items {
			if err := checkItem(it, seen); err != nil {
				return fmt.Errorf("section %q：%w", s.ID, err)
			}
			for _, p := range it.Parts {
				if len(p.Parts) > 0 {
					return fmt.Errorf("section %q：条目 %s 的分项不能再分", s.ID, p.ID)
				}
				if err := checkItem(p, seen); err != nil {
					return fmt.Errorf("section %q：%w", s.ID, err)
				}
			}
		}
	}
	return nil
}

func checkItem(it Item, seen map[string]bool) error {
	if it.ID == "" {
		return fmt.Errorf("条目 %q 缺少 id", it.Text)
	}
	if seen[it.ID] {
		return fmt.Errorf("条目 id %q 重复", it.ID)
	}
	seen[it.ID] = true
	if strings.TrimSpace(it.Text) == "" {
		return fmt.Errorf("条目 %s 缺少 text", it.ID)
	}
	if !knownNotes[it.Note] {
		return fmt.Errorf("条目 %s 的 note %q 无法识别", it.ID, it.Note)
	}
	if !knownFacts[it.Fact] {
		return fmt.Errorf("条目 %s 的 fact %q 无法识别", it.ID, it.Fact)
	}
	if it.Marker != "" && it.Marker != MarkerCore && it.Marker != MarkerObserved {
		return fmt.Errorf("条目 %s 的 marker 只能是 ★ 或 ▲", it.ID)
	}
	return nil
}

// Editions is a set of form editions, keyed by id.
type Editions struct {
	byID map[string]*Edition
}

// LoadEditions reads every *.toml definition in dir of fsys.
func LoadEditions(fsys fs.FS, dir string) (*Editions, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("读取表格版本目录：%w", err)
	}
	set := &Editions{byID: map[string]*Edition{}}
	for _, en := range entries {
		if en.IsDir() || path.Ext(en.Name()) != ".toml" {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, en.Name()))
		if err != nil {
			return nil, fmt.Errorf("读取表格版本文件 %s：%w", en.Name(), err)
		}
		ed, err := ParseEdition(en.Name(), data)
		if err != nil {
			return nil, err
		}
		if err := set.Add(ed); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// Add adds an edition, for example one the user loaded from a file. An id
// already present is an error.
func (s *Editions) Add(e *Edition) error {
	if _, dup := s.byID[e.ID]; dup {
		return fmt.Errorf("表格版本 %q 已存在", e.ID)
	}
	s.byID[e.ID] = e
	return nil
}

// Get returns the edition with the given id.
func (s *Editions) Get(id string) (*Edition, error) {
	e, ok := s.byID[id]
	if !ok {
		return nil, &UnknownEditionError{ID: id}
	}
	return e, nil
}

// All returns the editions ordered by year, then id.
func (s *Editions) All() []*Edition {
	out := make([]*Edition, 0, len(s.byID))
	for _, e := range s.byID {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// UnconfirmedCount is the number of answerable rows whose wording could
// not be confirmed.
func (e *Edition) UnconfirmedCount() int {
	n := 0
	for i := range e.Sections {
		for _, it := range e.Sections[i].Answerable() {
			if it.Unconfirmed {
				n++
			}
		}
	}
	return n
}

// Newest returns the newest edition: the last in the order of All. A new
// filing starts on it unless the user chooses another.
func (s *Editions) Newest() *Edition {
	all := s.All()
	if len(all) == 0 {
		return nil
	}
	return all[len(all)-1]
}

// UnknownEditionError is returned for an edition id that is not loaded.
type UnknownEditionError struct{ ID string }

func (e *UnknownEditionError) Error() string {
	return fmt.Sprintf("未知的表格版本 %q（用 sureform editions 查看可用版本）", e.ID)
}

// BuiltinEditions returns the editions embedded in the binary. They are
// checked by the tests, so an error here means a broken build.
func BuiltinEditions() (*Editions, error) {
	return LoadEditions(assets.Editions, "editions")
}
