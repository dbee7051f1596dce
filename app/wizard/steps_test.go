package wizard

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"sureform/forms"
)

func TestStepStateLabel(t *testing.T) {
	for _, tc := range []struct {
		st   stepState
		want string
	}{
		{stepState{}, "未开始"},
		{stepState{started: true}, "已完成"},
		{stepState{errors: 2, started: false}, "2 错误"},
		{stepState{errors: 17, todo: 17, started: false}, "未开始"},
		{stepState{errors: 16, todo: 16, started: true}, "16 项未作答"},
		{stepState{errors: 3, todo: 2, warnings: 4, started: true}, "1 错误"},
		{stepState{unmet: 1, warnings: 2, started: true}, "1 未达标"},
		{stepState{warnings: 2, started: true}, "2 提示"},
		{stepState{warnings: 2}, "未开始"},
	} {
		if got := tc.st.label(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.st, got, tc.want)
		}
	}
}

// A new filing shows what is not answered yet as progress, not as
// errors; answering items counts down; a step with findings is never
// 已完成, and 组织架构 counts the members it asks to place.
func TestStepStatesOfANewFiling(t *testing.T) {
	for _, edID := range []string{"2020", "2021"} {
		t.Run(edID, func(t *testing.T) {
			w := newTestWindow(t, allBackends())
			ed := edition(t, w, edID)
			w.createFiling(ed, "测试职业技术学院", forms.OrgStudentUnion)
			for _, id := range w.ids {
				st := w.states[id]
				if id == stepReview {
					st = w.totalState()
				}
				if st.errors > st.todo {
					t.Errorf("%s: %d red errors on a new filing: %v", stepTitles[id], st.errors-st.todo, w.report.Findings)
				}
			}
			items := w.states[stepAnswers].todo
			if items == 0 || w.states[stepAnswers].label() != "未开始" {
				t.Fatalf("answers of a new filing: %+v %q", w.states[stepAnswers], w.states[stepAnswers].label())
			}
			w.ShowStepByTitle("改革自评表")
			p := w.pages[stepAnswers].(*answersPage)
			r := p.items[p.order[0]]
			r.answer.SetSelected(r.section.Answers[0])
			if got, want := w.states[stepAnswers].label(), strconv.Itoa(items-1)+" 项未作答"; got != want {
				t.Errorf("after one answer: %q, want %q", got, want)
			}
			if s := reviewSummary(w.totalState()); strings.Contains(s, "错误") || !strings.Contains(s, "未作答") {
				t.Errorf("审核 of a new filing: %q", s)
			}
			for _, id := range w.ids {
				if st := w.states[id]; st.findings() > 0 && st.label() == "已完成" {
					t.Errorf("%s: 已完成 with %d findings", stepTitles[id], st.findings())
				}
			}
		})
	}
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	for i := range w.doc.filing.Members[:5] {
		w.doc.filing.Members[i].Department, w.doc.filing.Members[i].Position = "", "干事"
	}
	w.validateNow()
	if st := w.states[stepStructure]; st.findings() == 0 || st.label() == "已完成" {
		t.Errorf("组织架构 with 5 members to place: %+v %q", st, st.label())
	}
}

// Each part of the filing that findings are grouped by (forms'
// PathSectionKeys) is fixed on exactly one step, and every step that
// edits data claims a part: forms' sections and the wizard's steps agree
// by construction.
func TestStepsClaimEveryPathSection(t *testing.T) {
	claimed := map[string]string{}
	for _, s := range steps {
		for _, sec := range s.sections {
			if other, dup := claimed[sec]; dup {
				t.Errorf("section %q claimed by %s and %s", sec, other, s.id)
			}
			claimed[sec] = s.id
		}
		if s.started != nil && len(s.sections) == 0 {
			t.Errorf("step %s edits data but claims no section", s.id)
		}
		if s.build == nil || s.title == "" {
			t.Errorf("step %s lacks its page or title", s.id)
		}
	}
	for _, key := range forms.PathSectionKeys() {
		if _, ok := claimed[key]; !ok {
			t.Errorf("no step fixes the findings of section %q (%s)", key, forms.PathSection(key))
		}
	}
	for path, want := range map[string]string{"opinions.union_accepts": stepTexts, "texts.problems": stepTexts,
		"college_item_counts[c3]": stepColleges, "public_url": stepBasic, "members[3].rank": stepRoster} {
		if got := stepOfPath(path); got != want {
			t.Errorf("stepOfPath(%q) = %s, want %s", path, got, want)
		}
	}
}

// With no input focused, Esc cancels the open dialog and Enter confirms
// it: 有未保存的修改 keeps the work on Esc and saves on Enter.
func TestDialogKeys(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.chooser = &fakeChooser{path: t.TempDir() + "/按回车保存"}
	w.OpenExample("yangquan-2021.json")
	w.doc.filing.School = "改过的学校"
	w.edited()
	w.NewFiling()
	w.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.win.Canvas().Overlays().Top() != nil || w.doc.filing.School != "改过的学校" {
		t.Fatalf("Esc: dialog %q, school %q", overlayText(w), w.doc.filing.School)
	}
	w.NewFiling()
	w.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.doc.dirty || !strings.HasSuffix(w.doc.path, "按回车保存.json") {
		t.Fatalf("Enter did not save: dirty %v, path %q", w.doc.dirty, w.doc.path)
	}
	// the 新建填报 form that follows takes Enter in its school field
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no 新建填报 after saving")
	}
	school := w.win.Canvas().Focused().(*dialogEntry)
	school.SetText("回车学院")
	school.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.doc.filing.School != "回车学院" {
		t.Errorf("Enter in 新建填报: school %q", w.doc.filing.School)
	}
}

// Date fields read the forms people type, through the checker's parser.
func TestDateFieldsReadTypedDates(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.createFiling(edition(t, w, "2021"), "测试学院", forms.OrgStudentUnion)
	e := w.fields["filing_date"].focus.(*fieldEntry)
	for _, typed := range []string{"2020年11月27日", "2020/11/27", "２０２０-11-27", "2020.11.27"} {
		e.SetText(typed)
		if got := w.doc.filing.FilingDate.String(); got != "2020-11-27" || w.fields["filing_date"].local != "" {
			t.Errorf("%q: date %s, problem %q", typed, got, w.fields["filing_date"].local)
		}
	}
	e.SetText("2020-11-7")
	if got := w.doc.filing.FilingDate.String(); got != "2020-11-07" {
		t.Errorf("2020-11-7: %s", got)
	}
	e.SetText("十一月")
	if w.fields["filing_date"].local == "" || w.doc.filing.FilingDate.String() != "2020-11-07" {
		t.Errorf("unreadable date: problem %q, date %s", w.fields["filing_date"].local, w.doc.filing.FilingDate)
	}
}

// A field whose problem is fixed keeps the line its message took, so the
// fields below do not jump while the user is still there.
func TestFixedFieldKeepsItsLine(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	students := w.fields["students"].focus.(*fieldEntry)
	below := w.fields["large_school"].input
	students.SetText("三千")
	relayout(w.pages[stepBasic].content())
	abs := func() fyne.Position { return fyne.CurrentApp().Driver().AbsolutePositionForObject(below) }
	at := abs()
	students.SetText("3143")
	relayout(w.pages[stepBasic].content())
	if got := abs(); got != at {
		t.Errorf("the field below moved from %v to %v when the problem was fixed", at, got)
	}
}

// Errors give advice in the window's terms, not the command line's.
func TestErrorsSpeakGUITerms(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.showError(errors.New("没有找到名单表头。请检查表头，或使用 sureform template 生成的模板"))
	if msg := overlayText(w); strings.Contains(msg, "sureform") || !strings.Contains(msg, "保存空白名单模板…") {
		t.Errorf("message %q", msg)
	}
	w.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc does not close the error")
	}
}

// Every step fits a 1024×600 screen beside the step list: no page is
// wider than what the window has for it there.
func TestEveryStepFitsA1024Screen(t *testing.T) {
	w := newTestWindow(t, allBackends())
	for _, ex := range []string{"yangquan-2021.json", "changji-2020.json"} {
		w.OpenExample(ex)
		for _, id := range w.ids {
			w.ShowStepByTitle(stepTitles[id])
			if min := w.win.Content().MinSize(); min.Width > 1000 {
				t.Errorf("%s %s: the window needs %v wide", ex, stepTitles[id], min.Width)
			}
		}
	}
}
