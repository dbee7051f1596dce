// Package formtemplate reads the form a province sends each year (an Excel
// workbook, or the text of its Word table pasted into a text file) and
// proposes an edition from it: sections, numbered items, ★/▲ markers, the
// answer words and the 备注 kinds, with each item matched by wording to
// the newest edition sureform knows so that unchanged items keep their
// deciding facts.
package formtemplate

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"sureform/forms"
)

// Status says how a proposed item relates to the reference edition.
type Status int

// Statuses of a proposed item.
const (
	// StatusNew: no item of the reference edition matches.
	StatusNew Status = iota
	// StatusSame: an item worded the same matches; its fact is kept.
	StatusSame
	// StatusChanged: an item worded differently matches; its fact is
	// proposed and should be confirmed.
	StatusChanged
)

// Chinese names the status for the user: 相同, 有改动, 新增.
func (s Status) Chinese() string {
	switch s {
	case StatusSame:
		return "相同"
	case StatusChanged:
		return "有改动"
	}
	return "新增"
}

// ProposedItem is one answerable row of the proposal with the reference
// edition's item it matches.
type ProposedItem struct {
	// Section is the id of the proposal's section that holds the item.
	Section string
	// Item is the row as proposed (its fact taken from Match when there is
	// one); the proposal's edition holds the same values.
	Item forms.Item
	// Match is the reference edition's matching row, nil when none.
	Match      *forms.Item
	Status     Status
	Similarity float64
}

// Proposal is an edition read from a template, and how each of its rows
// relates to the reference edition.
type Proposal struct {
	Edition   *forms.Edition
	Reference *forms.Edition
	Items     []ProposedItem
}

// Options set what a template cannot say.
type Options struct {
	// ID is the new edition's id; by default the template's 学年
	// (2024-2025) or 模板-<today>.
	ID string
	// Today dates a proposal whose template names no 学年.
	Today time.Time
}

// ReadFile reads a template file and proposes an edition; see Read.
func ReadFile(path string, ref *forms.Edition, opt Options) (*Proposal, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取模板 %s：%w", path, err)
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("模板 %s 有 %d 字节，超过上限 %d 字节：%w", path, info.Size(), MaxFileSize, ErrFormat)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取模板 %s：%w", path, err)
	}
	return Read(filepath.Base(path), data, ref, opt)
}

// Read proposes an edition from a template's bytes (name is the file name,
// for messages and to tell a Word document). ref is the edition the items
// are matched with, normally the newest one; it may be nil.
func Read(name string, data []byte, ref *forms.Edition, opt Options) (*Proposal, error) {
	toks, err := tokens(name, data)
	if err != nil {
		return nil, err
	}
	ed, err := parse(toks)
	if err != nil {
		return nil, fmt.Errorf("模板 %s：%w", name, err)
	}
	finish(ed, ref, opt)
	p := &Proposal{Edition: ed, Reference: ref}
	p.match()
	if _, err := forms.ParseEdition(name, forms.EncodeEdition(ed, "")); err != nil {
		return nil, fmt.Errorf("由模板得到的表格版本不完整：%w", err)
	}
	return p, nil
}

// match pairs every row with the reference's and takes over the facts (and
// the note kinds the template leaves blank) of the matched rows.
func (p *Proposal) match() {
	ed := p.Edition
	var matches []forms.ItemMatch
	if p.Reference != nil {
		matches = forms.MatchEditions(ed, p.Reference)
	}
	byID := map[string]forms.ItemMatch{}
	for _, m := range matches {
		byID[m.Item.ID] = m
	}
	for si := range ed.Sections {
		s := &ed.Sections[si]
		for ii := range s.Items {
			it := &s.Items[ii]
			rows := []*forms.Item{it}
			if len(it.Parts) > 0 {
				rows = rows[:0]
				for pi := range it.Parts {
					rows = append(rows, &it.Parts[pi])
				}
			}
			for _, r := range rows {
				pi := ProposedItem{Section: s.ID}
				if m, ok := byID[r.ID]; ok && m.Match != nil {
					pi.Match, pi.Similarity = m.Match, m.Similarity
					pi.Status = StatusChanged
					if m.Same() {
						pi.Status = StatusSame
					}
					r.Fact = m.Match.Fact
					if r.Note == forms.NoteNone {
						r.Note = m.Match.Note
					}
				}
				pi.Item = *r
				p.Items = append(p.Items, pi)
			}
		}
	}
	p.limits()
}

// limitNumber finds the numbers of 不超过40人 / 不超过6个 in an item.
var limitNumber = regexp.MustCompile(`不超过\s*(\d+)\s*[人个名]`)

// limits sets the proposal's [limits]: the reference's, with the numbers
// the template's items name (主席团成员不超过3人 → presidium = 3), and
// 主席团成员 added to the titles when the titles item allows it.
func (p *Proposal) limits() {
	l := &p.Edition.LimitSettings
	if p.Reference != nil {
		*l = p.Reference.LimitSettings
		l.Titles = append([]string(nil), l.Titles...)
	}
	for _, it := range p.Items {
		nums := limitNumber.FindAllStringSubmatch(it.Item.Text, -1)
		n := func(k int) *int {
			if k >= len(nums) {
				return nil
			}
			v, err := strconv.Atoi(nums[k][1])
			if err != nil || v < 1 {
				return nil
			}
			return &v
		}
		set := func(dst **int, v *int) {
			if v != nil {
				*dst = v
			}
		}
		switch it.Item.Fact {
		case forms.FactStaffLimit:
			set(&l.Staff, n(0))
			set(&l.LargeSchoolStaff, n(1))
		case forms.FactPresidiumLimit:
			set(&l.Presidium, n(0))
		case forms.FactDepartmentLimit:
			set(&l.Departments, n(0))
		case forms.FactCollegeStaffLimit:
			set(&l.CollegeStaff, n(0))
		case forms.FactCollegePresidiumLimit:
			set(&l.CollegePresidium, n(0))
		case forms.FactTitles:
			if strings.Contains(it.Item.Text, forms.PositionPresidiumMember) && len(l.Titles) > 0 && !slices.Contains(l.Titles, forms.PositionPresidiumMember) {
				l.Titles = append(l.Titles, forms.PositionPresidiumMember)
			}
		}
	}
	if l.Staff != nil && l.LargeSchoolStaff != nil && *l.LargeSchoolStaff < *l.Staff {
		l.LargeSchoolStaff = l.Staff
	}
}

// SetFact changes the fact that decides row i and keeps the edition in step.
func (p *Proposal) SetFact(i int, fact string) error {
	if i < 0 || i >= len(p.Items) {
		return fmt.Errorf("没有第 %d 项", i+1)
	}
	known := false
	for _, f := range forms.FactChoices() {
		known = known || f == fact
	}
	if !known {
		return fmt.Errorf("判定依据 %q 无法识别", fact)
	}
	id := p.Items[i].Item.ID
	p.Items[i].Item.Fact = fact
	defer p.limits()
	for si := range p.Edition.Sections {
		s := &p.Edition.Sections[si]
		for ii := range s.Items {
			if s.Items[ii].ID == id {
				s.Items[ii].Fact = fact
			}
			for pi := range s.Items[ii].Parts {
				if s.Items[ii].Parts[pi].ID == id {
					s.Items[ii].Parts[pi].Fact = fact
				}
			}
		}
	}
	return nil
}

// Changed lists the rows that match a reference row worded differently.
func (p *Proposal) Changed() []ProposedItem { return p.withStatus(StatusChanged) }

// New lists the rows that match no reference row.
func (p *Proposal) New() []ProposedItem { return p.withStatus(StatusNew) }

func (p *Proposal) withStatus(s Status) []ProposedItem {
	var out []ProposedItem
	for _, it := range p.Items {
		if it.Status == s {
			out = append(out, it)
		}
	}
	return out
}

// TOML is the proposal as an edition definition file, headed by a comment
// that names the template and lists the rows to check.
func (p *Proposal) TOML(source string) []byte {
	var c strings.Builder
	fmt.Fprintf(&c, "由模板 %s 生成的表格版本（sureform editions --from）。\n", source)
	if p.Reference != nil {
		fmt.Fprintf(&c, "条目按措辞与表格版本 %s 对照：相同的条目沿用其判定依据（fact）。\n", p.Reference.ID)
	}
	for _, it := range p.Items {
		if it.Status == StatusChanged {
			fmt.Fprintf(&c, "第 %s 项措辞有改动，沿用了原第 %s 项的判定依据 %q，请核对。\n", label(it.Item), label(*it.Match), it.Item.Fact)
		}
	}
	for _, it := range p.Items {
		if it.Status != StatusSame && it.Item.Fact == forms.FactTitles {
			fmt.Fprintf(&c, "第 %s 项（职务设置）措辞有改动：请核对 [limits] 中的 titles 是否为新表格允许的全部职务。\n", label(it.Item))
		}
	}
	for _, it := range p.New() {
		fmt.Fprintf(&c, "第 %s 项是新增条目，尚无判定依据，由学校自己作答；如能由数据判定，请填写 fact。\n", label(it.Item))
	}
	return forms.EncodeEdition(p.Edition, c.String())
}

func label(it forms.Item) string {
	if it.Number != "" {
		return it.Number
	}
	return it.ID
}

// finish fills what the template did not say: id, name, year, the
// defaults of a section, the title.
func finish(ed *forms.Edition, ref *forms.Edition, opt Options) {
	today := opt.Today
	if today.IsZero() {
		today = time.Now()
	}
	if ed.Title == "" && ref != nil {
		ed.Title = ref.Title
	}
	if ed.Title == "" {
		ed.Title = "改革自评表"
	}
	var y1, y2 int
	if _, err := fmt.Sscanf(ed.AcademicYear, "%d—%d学年", &y1, &y2); err == nil {
		ed.Year = y1
	} else {
		ed.Year = today.Year()
	}
	switch {
	case opt.ID != "":
		ed.ID = opt.ID
	case y1 > 0:
		ed.ID = fmt.Sprintf("%d-%d", y1, y2)
	default:
		ed.ID = "模板-" + today.Format("20060102")
	}
	var parts []string
	for _, s := range ed.Sections {
		title := "校级"
		if s.Kind == forms.SectionCounts {
			title = "二级"
		}
		parts = append(parts, fmt.Sprintf("%s%d项", title, len(s.Items)))
	}
	ed.Name = fmt.Sprintf("%s%s（由模板导入，%s）", ed.AcademicYear, ed.Title, strings.Join(parts, "、"))
	if len(ed.HeaderFields) == 0 {
		ed.HeaderFields = []string{forms.HeaderOrgName}
	}
	ed.OrgTypes = []string{forms.OrgStudentUnion, forms.OrgGraduateUnion}
	if ed.CongressRule == "" {
		ed.CongressRule = forms.CongressWithinYear
	}
	for si := range ed.Sections {
		s := &ed.Sections[si]
		var refSec *forms.Section
		if ref != nil {
			refSec = forms.PairedSection(ed, s.ID, ref)
		}
		if len(s.Columns) != 3 {
			switch {
			case refSec != nil:
				s.Columns = append([]string(nil), refSec.Columns...)
			case s.Kind == forms.SectionCounts:
				s.Columns = []string{"指标", "符合标准学生会组织数量", "备注"}
			default:
				s.Columns = []string{"指标", "结论", "备注"}
			}
		}
		if len(s.Answers) != 2 {
			if refSec != nil {
				s.Answers = append([]string(nil), refSec.Answers...)
			} else {
				s.Answers = []string{"是", "否"}
			}
		}
		if s.Kind == forms.SectionCounts && s.MatrixTitle == "" {
			s.MatrixTitle, s.MatrixColumns = "具体情况", []string{"二级学生会组织", "符合标准情况（请填写是/否）"}
			if refSec != nil && refSec.MatrixTitle != "" {
				s.MatrixTitle, s.MatrixColumns = refSec.MatrixTitle, append([]string(nil), refSec.MatrixColumns...)
			}
		}
	}
}

// errNoItems is returned for a template without a numbered item.
var errNoItems = errors.New("没有找到编号的条目（如“1. 坚持全心全意服务同学……”）；请确认读入的是表格本身，条目以数字编号开头")
