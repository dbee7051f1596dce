package wizard

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"sureform/forms"
)

// Step ids, in wizard order.
const (
	stepBasic        = "basic"
	stepRoster       = "roster"
	stepStructure    = "structure"
	stepCongress     = "congress"
	stepGuidance     = "guidance"
	stepColleges     = "colleges"
	stepSatisfaction = "satisfaction"
	stepAnswers      = "answers"
	stepTexts        = "texts"
	stepReview       = "review"
	stepExport       = "export"
)

// stepDef is one step of the wizard: everything the window needs to know
// about it, so that adding a step is one entry of steps.
type stepDef struct {
	id    string
	title string
	// in reports whether an edition has the step; nil for every edition.
	in func(*forms.Edition) bool
	// build makes the step's page.
	build func(*Window) stepPage
	// started reports whether the filing has any data for the step; nil
	// for steps that only show (审核, 导出与打印).
	started func(*forms.Filing) bool
	// sections are the parts of the filing (forms.PathSectionKey) whose
	// findings the step fixes: a finding's link opens this step.
	sections []string
	// alsoRules are rules whose findings are fixed on another step but
	// which this step's page also shows, so they count in its state too
	// (组织架构 lists the members who have no department).
	alsoRules []string
}

// steps are the wizard's steps in order.
var steps = []stepDef{
	{id: stepBasic, title: "基本信息", build: func(w *Window) stepPage { return newBasicPage(w) },
		started:  func(f *forms.Filing) bool { return f.School != "" || f.Students != nil },
		sections: []string{""}},
	{id: stepRoster, title: "工作人员名单", build: func(w *Window) stepPage { return newRosterPage(w) },
		started:  func(f *forms.Filing) bool { return len(f.Members) > 0 },
		sections: []string{"members"}},
	{id: stepStructure, title: "组织架构", build: func(w *Window) stepPage { return newStructurePage(w) },
		started:   func(f *forms.Filing) bool { return len(f.Members) > 0 || len(f.Departments) > 0 },
		sections:  []string{"departments"},
		alsoRules: []string{forms.RuleMemberDepartmentMissing, forms.RuleMemberPositionMissing, forms.RuleMemberPresidiumPlacement}},
	{id: stepCongress, title: "学生代表大会", build: func(w *Window) stepPage { return newCongressPage(w) },
		started: func(f *forms.Filing) bool {
			return !f.Congress.Date.IsZero() || f.Congress.Delegates != nil
		},
		sections: []string{"congress"}},
	{id: stepGuidance, title: "指导责任人", build: func(w *Window) stepPage { return newGuidancePage(w) },
		started: func(f *forms.Filing) bool {
			return f.Guidance.DeputySecretary.Name != "" || f.Guidance.SecretaryGeneral.Name != ""
		},
		sections: []string{"guidance"}},
	{id: stepColleges, title: "二级学生会组织", build: func(w *Window) stepPage { return newCollegesPage(w) },
		in:       func(ed *forms.Edition) bool { return ed.CollegeSection() != nil },
		started:  func(f *forms.Filing) bool { return len(f.CollegeUnions) > 0 || f.CollegeUnionCount != nil },
		sections: []string{"college"}},
	{id: stepSatisfaction, title: "满意度", build: func(w *Window) stepPage { return newSatisfactionPage(w) },
		in: func(ed *forms.Edition) bool { return ed.Satisfaction },
		started: func(f *forms.Filing) bool {
			return f.Satisfaction.Union.Sample != nil || f.Satisfaction.Staff.Sample != nil
		},
		sections: []string{"satisfaction"}},
	{id: stepAnswers, title: "改革自评表", build: func(w *Window) stepPage { return newAnswersPage(w) },
		started: func(f *forms.Filing) bool {
			for _, a := range f.Answers {
				if a.Met != nil {
					return true
				}
			}
			return false
		},
		sections: []string{"answers"}},
	{id: stepTexts, title: "文字材料", build: func(w *Window) stepPage { return newTextsPage(w) },
		started: func(f *forms.Filing) bool {
			for _, s := range forms.TextSections {
				if *s.Get(&f.Texts) != "" {
					return true
				}
			}
			return f.Opinions.UnionAccepts != nil || f.Opinions.LeagueAccepts != nil
		},
		sections: []string{"texts"}},
	{id: stepReview, title: "审核", build: func(w *Window) stepPage { return newReviewPage(w) }},
	{id: stepExport, title: "导出与打印", build: func(w *Window) stepPage { return newExportPage(w) }},
}

// stepByID finds a step of the table.
func stepByID(id string) *stepDef {
	for i := range steps {
		if steps[i].id == id {
			return &steps[i]
		}
	}
	return nil
}

// stepTitles are the steps' names in the side list, by id.
var stepTitles = func() map[string]string {
	m := map[string]string{}
	for _, s := range steps {
		m[s.id] = s.title
	}
	return m
}()

// stepOfSection is the step that fixes each part of the filing.
var stepOfSection = func() map[string]string {
	m := map[string]string{}
	for _, s := range steps {
		for _, sec := range s.sections {
			m[sec] = s.id
		}
	}
	return m
}()

// stepIDs lists the steps an edition has.
func stepIDs(ed *forms.Edition) []string {
	var ids []string
	for _, s := range steps {
		if s.in == nil || s.in(ed) {
			ids = append(ids, s.id)
		}
	}
	return ids
}

// stepOfPath names the step that edits the data at a finding's path: the
// one that claims the path's section of the filing.
func stepOfPath(path string) string {
	if id, ok := stepOfSection[forms.PathSectionKey(path)]; ok {
		return id
	}
	return stepBasic
}

// stepsShowing lists the steps whose state counts a finding: the step
// that fixes it and those that show its rule too.
func stepsShowing(f forms.Finding) []string {
	ids := []string{stepOfPath(f.Path)}
	for _, s := range steps {
		for _, r := range s.alsoRules {
			if r == f.Rule && s.id != ids[0] {
				ids = append(ids, s.id)
			}
		}
	}
	return ids
}

// memberOfPath returns the roster index and field of a members[i].field
// path; ok is false for other paths.
func memberOfPath(path string) (index int, field string, ok bool) {
	if !strings.HasPrefix(path, "members[") {
		return 0, "", false
	}
	rest := path[len("members["):]
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0, "", false
	}
	if _, err := fmt.Sscanf(rest[:end], "%d", &index); err != nil {
		return 0, "", false
	}
	field = strings.TrimPrefix(rest[end+1:], ".")
	return index, field, true
}

// stepPage is one step's screen.
type stepPage interface {
	// content builds (once) and returns the page.
	content() fyne.CanvasObject
	// refresh updates what the page shows from the data and the latest
	// report (derived values, finding hints).
	refresh()
}

// pathFocuser is a page that can bring a finding's field into view; it
// reports whether it did (false leaves it to the window's fields).
type pathFocuser interface {
	focusPath(path string) bool
}

// stepState is what the side list says about a step: its findings by
// kind and whether the user has begun it.
type stepState struct {
	// errors counts the findings that are 错误, todo among them those that
	// only say something is not filled in yet (an item not answered).
	errors, todo int
	// unmet counts 未达标项, warnings 提示.
	unmet, warnings int
	started         bool
}

// add counts a finding.
func (s *stepState) add(f forms.Finding) {
	switch f.Severity {
	case forms.SeverityError:
		s.errors++
		if isTodo(f) {
			s.todo++
		}
	case forms.SeverityUnmet:
		s.unmet++
	default:
		s.warnings++
	}
}

// findings counts every finding of the step.
func (s stepState) findings() int { return s.errors + s.unmet + s.warnings }

// label is the state as the side list shows it. Errors are always shown;
// a step the user has not started says so rather than listing what it
// lacks (审核 lists it); what is merely not filled in yet is progress, not
// an error; a step is 已完成 only when it has no findings at all.
func (s stepState) label() string {
	switch {
	case s.errors > s.todo:
		return fmt.Sprintf("%d 错误", s.errors-s.todo)
	case !s.started:
		return "未开始"
	case s.todo > 0:
		return fmt.Sprintf("%d 项未作答", s.todo)
	case s.unmet > 0:
		return fmt.Sprintf("%d 未达标", s.unmet)
	case s.warnings > 0:
		return fmt.Sprintf("%d 提示", s.warnings)
	}
	return "已完成"
}

// stepStarted reports whether the filing has any data for a step.
func stepStarted(f *forms.Filing, id string) bool {
	if s := stepByID(id); s != nil && s.started != nil {
		return s.started(f)
	}
	return false
}

// todoRules are the rules whose findings say only that something is not
// filled in yet: progress on a new filing, not a mistake. They are still
// errors for export (an unanswered item prints as an empty box).
var todoRules = map[string]bool{
	forms.RuleAnswerUnanswered:        true,
	forms.RuleCollegeItemCountMissing: true,
}

// isTodo reports whether a finding says only that something is not filled
// in yet.
func isTodo(f forms.Finding) bool { return todoRules[f.Rule] }

// isError reports whether a finding is an 错误 that is more than a gap to
// fill in.
func isError(f forms.Finding) bool { return f.Severity == forms.SeverityError && !isTodo(f) }

// findingWord is how a finding is labelled: 错误, 未达标项, 提示, or for
// what is not filled in yet 未作答 (an item) or 未填写.
func findingWord(f forms.Finding) string {
	switch {
	case f.Rule == forms.RuleAnswerUnanswered:
		return "未作答"
	case isTodo(f):
		return "未填写"
	}
	return f.Severity.Chinese()
}
