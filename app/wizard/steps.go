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

// stepTitles are the steps' names in the side list.
var stepTitles = map[string]string{
	stepBasic:        "基本信息",
	stepRoster:       "工作人员名单",
	stepStructure:    "组织架构",
	stepCongress:     "学生代表大会",
	stepGuidance:     "指导责任人",
	stepColleges:     "二级学生会组织",
	stepSatisfaction: "满意度",
	stepAnswers:      "改革自评表",
	stepTexts:        "文字材料",
	stepReview:       "审核",
	stepExport:       "导出与打印",
}

// stepIDs lists the steps an edition has: 二级学生会组织 only for editions
// with a counts section, 满意度 only for editions that survey satisfaction.
func stepIDs(ed *forms.Edition) []string {
	ids := []string{stepBasic, stepRoster, stepStructure, stepCongress, stepGuidance}
	if ed.CollegeSection() != nil {
		ids = append(ids, stepColleges)
	}
	if ed.Satisfaction {
		ids = append(ids, stepSatisfaction)
	}
	return append(ids, stepAnswers, stepTexts, stepReview, stepExport)
}

// stepOfPath names the step that edits the data at a finding's path.
func stepOfPath(path string) string {
	switch {
	case strings.HasPrefix(path, "members"):
		return stepRoster
	case strings.HasPrefix(path, "departments"):
		return stepStructure
	case strings.HasPrefix(path, "congress"):
		return stepCongress
	case strings.HasPrefix(path, "guidance"):
		return stepGuidance
	case strings.HasPrefix(path, "college_"):
		return stepColleges
	case strings.HasPrefix(path, "satisfaction"):
		return stepSatisfaction
	case strings.HasPrefix(path, "answers"):
		return stepAnswers
	case strings.HasPrefix(path, "texts"), strings.HasPrefix(path, "opinions"):
		return stepTexts
	}
	return stepBasic
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

// stepState is what the side list says about a step.
type stepState struct {
	errors, warnings int
	started          bool
}

// label is the state as the side list shows it. A step the user has not
// started says so rather than listing the 提示 about its missing data (the
// 审核 step lists them); errors are always shown.
func (s stepState) label() string {
	switch {
	case s.errors > 0:
		return fmt.Sprintf("%d 错误", s.errors)
	case !s.started:
		return "未开始"
	case s.warnings > 0:
		return fmt.Sprintf("%d 提示", s.warnings)
	}
	return "已完成"
}

// stepStarted reports whether the filing has any data for a step.
func stepStarted(f *forms.Filing, id string) bool {
	switch id {
	case stepBasic:
		return f.School != "" || f.Students != nil
	case stepRoster, stepStructure:
		return len(f.Members) > 0
	case stepCongress:
		return !f.Congress.Date.IsZero() || f.Congress.Delegates != nil
	case stepGuidance:
		return f.Guidance.DeputySecretary.Name != "" || f.Guidance.SecretaryGeneral.Name != ""
	case stepColleges:
		return len(f.CollegeUnions) > 0 || f.CollegeUnionCount != nil
	case stepSatisfaction:
		return f.Satisfaction.Union.Sample != nil || f.Satisfaction.Staff.Sample != nil
	case stepAnswers:
		for _, a := range f.Answers {
			if a.Met != nil {
				return true
			}
		}
	case stepTexts:
		for _, s := range forms.TextSections {
			if *s.Get(&f.Texts) != "" {
				return true
			}
		}
	}
	return false
}
