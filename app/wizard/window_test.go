package wizard

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

func edition(t testing.TB, w *Window, id string) *forms.Edition {
	t.Helper()
	ed, err := w.editions.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return ed
}

func stepTitlesOf(w *Window) []string {
	var out []string
	for _, id := range w.ids {
		out = append(out, stepTitles[id])
	}
	return out
}

func TestCreateFiling(t *testing.T) {
	for _, tc := range []struct {
		edition    string
		has, hasNo string
	}{
		{"2021", "二级学生会组织", "满意度"},
		{"2020", "满意度", "二级学生会组织"},
	} {
		t.Run(tc.edition, func(t *testing.T) {
			w := newTestWindow(t, allBackends())
			w.NewFiling()
			if w.win.Canvas().Overlays().Top() == nil {
				t.Fatal("新建 shows no dialog")
			}
			w.win.Canvas().Overlays().Top().Hide()
			w.createFiling(edition(t, w, tc.edition), "测试职业技术学院", forms.OrgGraduateUnion)
			f := w.doc.filing
			if f.School != "测试职业技术学院" || f.OrgType != forms.OrgGraduateUnion || f.Edition != tc.edition {
				t.Errorf("filing = %q %q %q", f.School, f.OrgType, f.Edition)
			}
			steps := strings.Join(stepTitlesOf(w), " ")
			if !strings.Contains(steps, tc.has) || strings.Contains(steps, tc.hasNo) {
				t.Errorf("steps %s: want %s, not %s", steps, tc.has, tc.hasNo)
			}
			if got := w.win.Title(); got != "测试职业技术学院 — 未命名 * — 学生会改革自评填报" {
				t.Errorf("title = %q", got)
			}
			if w.pageTitle.Text != "基本信息" {
				t.Errorf("first page = %q", w.pageTitle.Text)
			}
			if st := w.states[stepRoster].label(); st != "未开始" {
				t.Errorf("roster state = %q, want 未开始", st)
			}
		})
	}
}

func TestEditMemberFindingAppearsAndDisappears(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	if w.doc.dirty {
		t.Fatal("a freshly opened example is dirty")
	}
	w.ShowStepByTitle("工作人员名单")
	p := w.pages[stepRoster].(*rosterPage)
	before := w.states[stepRoster]
	if before.errors != 0 || before.warnings == 0 {
		t.Fatalf("the example's roster: %+v, want warnings only", before)
	}
	// 政治面貌 chosen in the table: 群众 is not accepted
	p.setCell(2, columnOfField("political_status"), "群众")
	w.validateNow()
	if st := w.states[stepRoster]; st.errors != 1 || st.label() != "1 错误" {
		t.Errorf("after 群众: state %+v (%s)", st, st.label())
	}
	if len(w.byPath["members[2].political_status"]) != 1 {
		t.Errorf("findings at members[2].political_status: %v", w.byPath["members[2].political_status"])
	}
	if text, isErr := p.problemText(2); !isErr || !strings.Contains(text, "“群众”") {
		t.Errorf("problem column = %q", text)
	}
	if !w.doc.dirty || !strings.Contains(w.win.Title(), "*") {
		t.Errorf("edit did not mark the filing unsaved: %q", w.win.Title())
	}
	if st := w.states[stepAnswers]; st.errors == 0 {
		t.Error("item 7 (political status) answered 是 is not flagged in 改革自评表")
	}
	p.onlyIssues.SetChecked(true)
	for _, i := range p.rows {
		if text, _ := p.problemText(i); text == "" {
			t.Errorf("只看有问题的 shows row %d, which has none", i)
		}
	}
	p.setCell(2, columnOfField("political_status"), forms.LeagueMember)
	w.validateNow()
	if st := w.states[stepRoster]; st.errors != 0 {
		t.Errorf("after fixing: %d errors", st.errors)
	}
	if text, _ := p.problemText(2); strings.Contains(text, "群众") {
		t.Errorf("fixed row still shows %q", text)
	}

	// ranks without the major's size are a 提示 about the roster (one for
	// all such members) until the size is given; a rank that cannot be
	// read is the row's problem until fixed
	p.onlyIssues.SetChecked(false)
	if !p.general.Visible() || !strings.Contains(p.general.Text, "专业人数") {
		t.Fatalf("the roster should lack majors' sizes: %q", p.general.Text)
	}
	p.setCell(0, columnOfField("rank"), "第三名")
	if text, _ := p.problemText(0); !strings.Contains(text, "成绩排名") {
		t.Errorf("unreadable rank not reported: %q", text)
	}
	p.setCell(0, columnOfField("rank"), "3/45")
	w.validateNow()
	m := w.doc.filing.Members[0]
	if text, _ := p.problemText(0); strings.Contains(text, "成绩排名") || strings.Contains(text, "专业人数") || *m.Rank != 3 || *m.RankTotal != 45 {
		t.Errorf("rank 3/45: problems %q, rank %v/%v", text, *m.Rank, m.RankTotal)
	}
}

func TestFieldShowsProblemWhenLeft(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.createFiling(edition(t, w, "2021"), "测试学院", forms.OrgStudentUnion)
	school := w.fields["school"]
	entry := school.focus.(*fieldEntry)
	w.win.Canvas().Focus(entry)
	entry.SetText("")
	w.win.Canvas().Unfocus() // leaving the field validates at once
	if !school.hint.Visible() || !strings.Contains(school.hint.Text, "学校名称") {
		t.Errorf("hint after leaving an empty school: visible=%v %q", school.hint.Visible(), school.hint.Text)
	}
	w.win.Canvas().Focus(entry)
	test.Type(entry, "阳泉职业技术学院")
	w.win.Canvas().Unfocus()
	if school.hint.Text != "" {
		t.Errorf("hint still shown: %q", school.hint.Text)
	}
	if w.doc.filing.School != "阳泉职业技术学院" {
		t.Errorf("school = %q", w.doc.filing.School)
	}
	students := w.fields["students"]
	students.focus.(*fieldEntry).SetText("三千")
	if !strings.Contains(students.hint.Text, "不是人数") || w.doc.filing.Students != nil {
		t.Errorf("bad count: hint %q, students %v", students.hint.Text, w.doc.filing.Students)
	}
	students.focus.(*fieldEntry).SetText("３１４３")
	if w.doc.filing.Students == nil || *w.doc.filing.Students != 3143 || students.hint.Text != "" {
		t.Errorf("full-width digits: students %v, hint %q", w.doc.filing.Students, students.hint.Text)
	}
}

func TestNavigateSteps(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("changji-2020.json")
	if !w.backBtn.Disabled() {
		t.Error("上一步 enabled on the first step")
	}
	var seen []string
	for {
		seen = append(seen, w.pageTitle.Text)
		if w.nextBtn.Disabled() {
			break
		}
		test.Tap(w.nextBtn)
	}
	want := "基本信息 工作人员名单 组织架构 学生代表大会 指导责任人 满意度 改革自评表 文字材料 审核 导出与打印"
	if got := strings.Join(seen, " "); got != want {
		t.Errorf("Next walks\n %s\nwant\n %s", got, want)
	}
	test.Tap(w.backBtn)
	if w.pageTitle.Text != "审核" {
		t.Errorf("Back from the last step opens %q", w.pageTitle.Text)
	}
	w.stepList.Select(3)
	if w.pageTitle.Text != "学生代表大会" {
		t.Errorf("side list opens %q", w.pageTitle.Text)
	}
	// a finding's path opens its step and focuses its field
	w.ShowStepByTitle("审核")
	w.openPath("guidance.secretary_general.name")
	if w.pageTitle.Text != "指导责任人" {
		t.Errorf("guidance path opens %q", w.pageTitle.Text)
	}
	if w.win.Canvas().Focused() != w.fields["guidance.secretary_general.name"].focus {
		t.Error("the field of the path is not focused")
	}
	w.openPath("members[7].political_status")
	p := w.pages[stepRoster].(*rosterPage)
	if w.pageTitle.Text != "工作人员名单" || !strings.HasPrefix(p.detail.Text, "第 8 行") {
		t.Errorf("member path opens %q, detail %q", w.pageTitle.Text, p.detail.Text)
	}
}

func TestReviewListsFindingsErrorsFirst(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("changji-2020.json")
	w.doc.filing.Members[4].Name = ""
	w.doc.filing.Members[5].Name = ""
	w.validateNow()
	w.ShowStepByTitle("审核")
	p := w.pages[stepReview].(*reviewPage)
	errs, warns := 0, 0
	for _, f := range w.report.Findings {
		switch f.Severity {
		case forms.SeverityError:
			errs++
		case forms.SeverityWarning:
			warns++
		}
	}
	if errs < 1 || warns == 0 || !strings.Contains(p.summary.Text, fmt.Sprintf("共 %d 个错误，", errs)) || !strings.Contains(p.summary.Text, fmt.Sprintf("%d 个提示。", warns)) {
		t.Errorf("summary %q for %d errors, %d warnings", p.summary.Text, errs, warns)
	}
	var links []*widget.Hyperlink
	for _, o := range test.LaidOutObjects(p.list) {
		if l, ok := o.(*widget.Hyperlink); ok {
			links = append(links, l)
		}
	}
	if len(links) != min(len(w.report.Findings), maxReviewRows) {
		t.Fatalf("%d links for %d findings", len(links), len(w.report.Findings))
	}
	for i, l := range links {
		if isErr := strings.HasPrefix(l.Text, "【错误】"); isErr != (i < errs) {
			t.Fatalf("link %d %q out of order (errors first)", i, l.Text)
		}
	}
	var students *widget.Hyperlink
	for _, l := range links {
		if strings.Contains(l.Text, "学生人数") && strings.HasPrefix(l.Text, "【提示】基本信息") {
			students = l
		}
	}
	if students == nil {
		t.Fatal("no link for the missing student count")
	}
	test.TapAt(students, fyne.NewPos(30, students.Size().Height/2))
	if w.pageTitle.Text != "基本信息" || w.win.Canvas().Focused() != w.fields["students"].focus {
		t.Errorf("link opened %q", w.pageTitle.Text)
	}
}

func TestWithoutExportersExportSaysSo(t *testing.T) {
	w := newTestWindow(t, Backends{})
	w.OpenExample("yangquan-2021.json")
	if _, ok := w.opts.Backends.Roster.(FormsRoster); !ok {
		t.Errorf("the roster importer defaults to %T", w.opts.Backends.Roster)
	}
	w.ShowStepByTitle("导出与打印")
	p := w.pages[stepExport].(*exportPage)
	if !p.button.Disabled() || !p.xlsx.Disabled() {
		t.Error("export enabled without exporters")
	}
}

func TestImportRosterIntoTable(t *testing.T) {
	imp := &fakeImporter{}
	b := allBackends()
	b.Roster = imp
	w := newTestWindow(t, b)
	w.OpenExample("yangquan-2021.json")
	before := len(w.doc.filing.Members)
	src := filepath.Join(t.TempDir(), "名单.csv")
	os.WriteFile(src, []byte("张三,共青团员,学习部\n李四,群众,体育部\n"), 0o600)

	w.importRosterFile(src)
	waitFor(t, w, "the preview", func() bool {
		top := w.win.Canvas().Overlays().Top()
		if top == nil {
			return false
		}
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && b.Text == "替换现有名单" {
				return true
			}
		}
		return false
	})
	if w.pageTitle.Text != "工作人员名单" {
		t.Errorf("import shows %q", w.pageTitle.Text)
	}
	test.Tap(button(t, w, "替换现有名单"))
	f := w.doc.filing
	if len(f.Members) != 2 || f.Members[0].Name != "张三" || f.Members[1].PoliticalStatus != "群众" {
		t.Fatalf("members after replace: %+v", f.Members)
	}
	p := w.pages[stepRoster].(*rosterPage)
	if len(p.rows) != 2 || p.table.Length != nil && false {
		t.Errorf("table rows %v", p.rows)
	}
	if rows, _ := p.table.Length(); rows != 2 {
		t.Errorf("table shows %d rows", rows)
	}
	if len(w.byPath["members[1].political_status"]) == 0 {
		t.Error("the imported 群众 is not reported")
	}
	if p.undo.Disabled() {
		t.Fatal("撤销导入 disabled after an import")
	}
	test.Tap(p.undo)
	if len(f.Members) != before || w.doc.rosterUndo != nil {
		t.Errorf("undo: %d members, want %d", len(f.Members), before)
	}

	// merge keeps the roster and adds to it
	pv, err := imp.Preview(RosterRequest{Path: src}, f)
	if err != nil {
		t.Fatal(err)
	}
	w.applyImport(imp, pv, true)
	if len(f.Members) != before+2 {
		t.Errorf("merge: %d members, want %d", len(f.Members), before+2)
	}

	// a file the importer cannot read changes nothing and says why
	n := len(f.Members)
	w.importRosterFile(filepath.Join(t.TempDir(), "missing.csv"))
	w.pending.Wait()
	if len(f.Members) != n {
		t.Error("a failed import changed the roster")
	}
}

func TestImportMappingChangeRepreviews(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.createFiling(edition(t, w, "2021"), "测试学院", forms.OrgStudentUnion)
	src := filepath.Join(t.TempDir(), "名单.csv")
	os.WriteFile(src, []byte("共青团员,张三\n"), 0o600)
	pv, _ := w.opts.Backends.Roster.Preview(RosterRequest{Path: src}, w.doc.filing)
	pv.Request = RosterRequest{Path: src}
	w.showImportPreview(pv)
	// map 姓名 to the second column, on the tab 列的对应
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if tabs, ok := o.(*container.AppTabs); ok {
			tabs.SelectIndex(2)
		}
	}
	var sels []*widget.Select
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if s, ok := o.(*widget.Select); ok {
			sels = append(sels, s)
		}
	}
	if len(sels) < 1 {
		t.Fatal("no column selects in the preview")
	}
	first := w.win.Canvas().Overlays().Top()
	sels[0].SetSelected("第2列：政治面貌")
	waitFor(t, w, "the new preview", func() bool {
		top := w.win.Canvas().Overlays().Top()
		if top == nil || top == first {
			return false
		}
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && b.Text == "导入" {
				return true
			}
		}
		return false
	})
	test.Tap(button(t, w, "导入"))
	if got := w.doc.filing.Members; len(got) != 1 || got[0].Name != "张三" {
		t.Errorf("members %+v", got)
	}
}

func TestUnsavedChangesPrompt(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	w.doc.filing.School = "改过的学校"
	w.edited()
	w.OpenExample("changji-2020.json")
	if w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no prompt before discarding changes")
	}
	test.Tap(button(t, w, "取消"))
	if w.doc.filing.School != "改过的学校" {
		t.Fatal("取消 discarded the filing")
	}
	w.OpenExample("changji-2020.json")
	test.Tap(button(t, w, "不保存"))
	if w.doc.filing.School != "昌吉职业技术学院" || w.doc.dirty {
		t.Errorf("不保存: school %q dirty %v", w.doc.filing.School, w.doc.dirty)
	}

	// 保存 saves, then goes on
	path := filepath.Join(t.TempDir(), "昌吉.json")
	w.saveTo(path, nil)
	w.doc.filing.Students = forms.IntPtr(5000)
	w.edited()
	w.OpenExample("lanzhou-2020.json")
	test.Tap(button(t, w, "保存"))
	if w.doc.filing.School != "兰州科技职业学院" {
		t.Errorf("保存 did not go on to open: %q", w.doc.filing.School)
	}
	saved, err := forms.Load(path)
	if err != nil || saved.Students == nil || *saved.Students != 5000 {
		t.Errorf("saved file: %v %v", err, saved)
	}
	if got := w.recentFiles(); len(got) != 1 || got[0] != path {
		t.Errorf("recent files %v", got)
	}
}

func TestOpenBrokenFileKeepsFiling(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	bad := filepath.Join(t.TempDir(), "坏.json")
	os.WriteFile(bad, []byte(`{"schema_version": 2, "edition": "2021", "school": `), 0o600)
	w.OpenPath(bad)
	if w.doc.filing.School != "阳泉职业技术学院" {
		t.Errorf("a broken file replaced the filing")
	}
	var msg string
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "坏.json") {
			msg = l.Text
		}
	}
	if !strings.Contains(msg, "不完整") && !strings.Contains(msg, "格式错误") {
		t.Errorf("error shown: %q", msg)
	}
}

func TestRestoreFromRecoveryFile(t *testing.T) {
	dir := t.TempDir()
	w := newTestWindow(t, allBackends())
	w.opts.RecoveryDir = dir
	w.OpenExample("yangquan-2021.json")
	if err := w.Autosave(); err != nil || fileExists(w.recoveryPath()) {
		t.Fatalf("autosave of an unchanged filing: %v, file %v", err, fileExists(w.recoveryPath()))
	}
	w.doc.filing.Members[0].Name = "恢复测试"
	w.edited()
	if err := w.Autosave(); err != nil {
		t.Fatal(err)
	}
	// the program "crashes": a new window starts with the same storage
	w2 := newTestWindow(t, allBackends())
	w2.opts.RecoveryDir = dir
	w2.OfferRecovery()
	if w2.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no offer to restore")
	}
	test.Tap(button(t, w2, "恢复"))
	if w2.doc == nil || w2.doc.filing.Members[0].Name != "恢复测试" || !w2.doc.dirty {
		t.Fatalf("restored filing: %+v", w2.doc)
	}
	// saving removes the recovery file
	w2.saveTo(filepath.Join(t.TempDir(), "x.json"), nil)
	if fileExists(w2.recoveryPath()) {
		t.Error("recovery file left after saving")
	}
	w3 := newTestWindow(t, allBackends())
	w3.opts.RecoveryDir = dir
	w3.OfferRecovery()
	if w3.win.Canvas().Overlays().Top() != nil {
		t.Error("offered to restore after the work was saved")
	}
}

func TestExportWritesChosenFiles(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	w.doc.filing.Members[4].Name = "" // an error, so that the window asks
	w.validateNow()
	w.ShowStepByTitle("导出与打印")
	p := w.pages[stepExport].(*exportPage)
	dir := t.TempDir()
	p.folder.SetText(dir)
	p.pdf.SetChecked(false)
	test.Tap(p.button)
	confirmExportIfAsked(t, w)
	xlsx := filepath.Join(dir, "阳泉职业技术学院-学生会-评估备案表.xlsx")
	w.pending.Wait()
	if !fileExists(xlsx) || !strings.Contains(p.status.Text, "已导出") {
		t.Fatalf("export: file %v, status %q", fileExists(xlsx), p.status.Text)
	}
	if fileExists(strings.TrimSuffix(xlsx, ".xlsx") + ".pdf") {
		t.Error("PDF written though not chosen")
	}
	noted := false
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "请注意") && strings.Contains(l.Text, "无法显示") {
			noted = true
		}
	}
	if !noted {
		t.Error("the exporter's notes are not shown")
	}
	// a failing exporter reports and writes nothing
	w.opts.Backends.PDF = fakeExporter{fail: true}
	p.pdf.SetChecked(true)
	p.xlsx.SetChecked(false)
	p.status.SetText("")
	test.Tap(p.button)
	confirmExportIfAsked(t, w)
	waitFor(t, w, "the error", func() bool {
		for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "磁盘已满") {
				return true
			}
		}
		return false
	})
}

// confirmExportIfAsked answers 仍然导出 when the window asks whether to
// export a filing with errors.
func confirmExportIfAsked(t *testing.T, w *Window) {
	t.Helper()
	if w.totalState().errors > 0 {
		tapOverlayButton(t, w, "仍然导出")
	}
}

// tapOverlayButton taps the button labelled text in the topmost dialog.
func tapOverlayButton(t *testing.T, w *Window, text string) {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog offers %q", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no button %q", text)
}

// TestExportAsksWhileErrors checks that exporting a filing with errors
// asks first, that 查看问题 opens 审核 and writes nothing, and that the
// review report button writes the 审核报告.
func TestExportAsksWhileErrors(t *testing.T) {
	b := allBackends()
	b.Review = fakeExporter{}
	w := newTestWindow(t, b)
	w.OpenExample("yangquan-2021.json")
	w.doc.filing.Members[4].Name = "" // an error, so that the window asks
	w.validateNow()
	w.ShowStepByTitle("导出与打印")
	p := w.pages[stepExport].(*exportPage)
	dir := t.TempDir()
	p.folder.SetText(dir)
	test.Tap(p.button)
	asked := false
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "个错误") {
			asked = true
		}
	}
	if !asked {
		t.Fatal("no question before exporting a filing with errors")
	}
	tapOverlayButton(t, w, "查看问题")
	w.pending.Wait()
	if id := w.ids[w.step]; id != stepReview {
		t.Errorf("查看问题 opened step %s, want %s", id, stepReview)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("查看问题 wrote %d files", len(entries))
	}
	w.ShowStepByTitle("导出与打印")
	test.Tap(p.review)
	w.pending.Wait()
	if !fileExists(filepath.Join(dir, defaultExportName(w.doc.filing, w.doc.edition)+"-审核报告.pdf")) {
		t.Error("the review report was not written")
	}
}

func TestStepOfPath(t *testing.T) {
	for path, want := range map[string]string{
		"members[3].rank":                      stepRoster,
		"members":                              stepRoster,
		"departments[1].name":                  stepStructure,
		"congress.delegates":                   stepCongress,
		"answers[3.1]":                         stepAnswers,
		"college_unions[2].items[c3]":          stepColleges,
		"college_item_counts[c3]":              stepColleges,
		"guidance.secretary_general.full_time": stepGuidance,
		"satisfaction.union.sample":            stepSatisfaction,
		"texts.problems":                       stepTexts,
		"students":                             stepBasic,
		"school":                               stepBasic,
	} {
		if got := stepOfPath(path); got != want {
			t.Errorf("stepOfPath(%q) = %s, want %s", path, got, want)
		}
	}
	if i, f, ok := memberOfPath("members[12].political_status"); !ok || i != 12 || f != "political_status" {
		t.Errorf("memberOfPath = %d %q %v", i, f, ok)
	}
	if _, _, ok := memberOfPath("members[x].name"); ok {
		t.Error("memberOfPath accepted a bad index")
	}
}

func TestDropFiles(t *testing.T) {
	w := newTestWindow(t, allBackends())
	dir := t.TempDir()
	project := filepath.Join(dir, "昌吉.json")
	w.OpenExample("changji-2020.json")
	w.saveTo(project, nil)
	w.OpenExample("yangquan-2021.json")

	w.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(project)})
	if w.doc.path != project {
		t.Fatalf("dropping a project file opened %q", w.doc.path)
	}
	roster := filepath.Join(dir, "名单.csv")
	os.WriteFile(roster, []byte("王五,中共党员,学习部\n"), 0o600)
	w.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(roster)})
	if w.pageTitle.Text != "工作人员名单" {
		t.Errorf("dropping a roster shows %q", w.pageTitle.Text)
	}
	waitFor(t, w, "the preview", func() bool {
		top := w.win.Canvas().Overlays().Top()
		if top == nil {
			return false
		}
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && b.Text == "合并到现有名单" {
				return true
			}
		}
		return false
	})
	test.Tap(button(t, w, "合并到现有名单"))
	if n := len(w.doc.filing.Members); n != 41 || w.doc.filing.Members[40].Name != "王五" {
		t.Errorf("after merge: %d members", n)
	}
}

func TestMenuShortcutsAndPreferences(t *testing.T) {
	w := newTestWindow(t, allBackends())
	want := map[string]string{"新建…": "CustomDesktop:Control+N", "打开…": "CustomDesktop:Control+O",
		"保存": "CustomDesktop:Control+S", "另存为…": "CustomDesktop:Shift+Control+S"}
	menu := w.buildMenu()
	if menu.Items[0].Label != "文件" || menu.Items[1].Label != "帮助" {
		t.Fatalf("menus %q %q", menu.Items[0].Label, menu.Items[1].Label)
	}
	for _, it := range menu.Items[0].Items {
		if (it.Label == "保存" || strings.HasPrefix(it.Label, "导出")) && !it.Disabled {
			t.Errorf("%s is enabled on the welcome page", it.Label)
		}
	}
	w.OpenExample("yangquan-2021.json")
	menu = w.buildMenu()
	var labels []string
	for _, it := range menu.Items[0].Items {
		labels = append(labels, it.Label)
		if sc, ok := want[it.Label]; ok {
			if it.Shortcut == nil || it.Shortcut.ShortcutName() != sc {
				t.Errorf("%s: shortcut %v, want %s", it.Label, it.Shortcut, sc)
			}
		}
	}
	if got := strings.Join(labels, " "); got != "新建… 打开… 打开示例 最近打开 恢复未保存的工作…  保存 另存为…  导入名单… 新建表格版本… 转到其他表格版本… 导出 Excel… 导出 PDF…  退出" {
		t.Errorf("文件 menu: %s", got)
	}
	for _, it := range menu.Items[0].Items {
		needsFiling := it.Label == "保存" || it.Label == "另存为…" || it.Label == "转到其他表格版本…" || strings.HasPrefix(it.Label, "导")
		if it.Disabled != (needsFiling && w.doc == nil) {
			t.Errorf("%s: disabled %v with filing %v", it.Label, it.Disabled, w.doc != nil)
		}
	}
	// quitting with nothing unsaved remembers the window size
	w.win.Resize(fyne.NewSize(1000, 700))
	w.onCloseRequested()
	if got := w.app.Preferences().Float(prefWidth); got < 900 {
		t.Errorf("width remembered as %v", got)
	}
}

func TestImportAsksPasswordAndSheet(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.createFiling(edition(t, w, "2021"), "测试学院", forms.OrgStudentUnion)
	dir := t.TempDir()
	locked := filepath.Join(dir, "名单.locked.csv")
	os.WriteFile(locked, []byte("张三,共青团员,学习部\n"), 0o600)
	overlayWith := func(what string, pred func(fyne.CanvasObject) bool) fyne.CanvasObject {
		var found fyne.CanvasObject
		waitFor(t, w, what, func() bool {
			top := w.win.Canvas().Overlays().Top()
			if top == nil {
				return false
			}
			for _, o := range test.LaidOutObjects(top) {
				if pred(o) {
					found = o
					return true
				}
			}
			return false
		})
		return found
	}
	isPassword := func(o fyne.CanvasObject) bool { e, ok := o.(*dialogEntry); return ok && e.Password }
	// Esc cancels the prompt
	w.importRosterFile(locked)
	pw := overlayWith("the password prompt", isPassword).(*dialogEntry)
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Esc left the password prompt open: %q", overlayText(w))
	}
	w.importRosterFile(locked)
	pw = overlayWith("the password prompt", isPassword).(*dialogEntry)
	pw.SetText("wrong")
	test.Tap(button(t, w, "打开"))
	pw = overlayWith("the second prompt", func(o fyne.CanvasObject) bool { return isPassword(o) && o != fyne.CanvasObject(pw) }).(*dialogEntry)
	pw.SetText("secret")
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter confirms
	overlayWith("the preview", func(o fyne.CanvasObject) bool { b, ok := o.(*widget.Button); return ok && b.Text == "导入" })
	test.Tap(button(t, w, "导入"))
	if len(w.doc.filing.Members) != 1 {
		t.Fatalf("after password: %d members", len(w.doc.filing.Members))
	}

	two := filepath.Join(dir, "名单.two.csv")
	os.WriteFile(two, []byte("李四,共青团员,体育部\n"), 0o600)
	w.importRosterFile(two)
	sel := overlayWith("the sheet choice", func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Select); return ok }).(*widget.Select)
	sel.SetSelected("名单B")
	test.Tap(button(t, w, "读取"))
	overlayWith("the preview", func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Text == "替换现有名单"
	})
	var sheet string
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "工作表“") {
			sheet = l.Text
		}
	}
	if !strings.Contains(sheet, "名单B") {
		t.Errorf("preview summary %q does not name the chosen sheet", sheet)
	}
}

func TestAnswerShowsRelatedFinding(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	f := w.doc.filing
	for len(f.Members) <= 40 {
		f.Members = append(f.Members, f.Members[0])
	}
	w.validateNow()
	w.ShowStepByTitle("改革自评表")
	p := w.pages[stepAnswers].(*answersPage)
	if r := p.items["3"]; !r.related.Visible() || !strings.Contains(r.related.Text, "超过40人") {
		t.Errorf("item 3 shows %q (visible %v)", r.related.Text, r.related.Visible())
	}
	if p.items["1"].related.Visible() {
		t.Errorf("item 1 shows %q", p.items["1"].related.Text)
	}
	w.ShowStepByTitle("工作人员名单")
	if g := w.pages[stepRoster].(*rosterPage).general; !g.Visible() || !strings.Contains(g.Text, "超过40人") {
		t.Errorf("roster page does not say the roster is too long: %q", g.Text)
	}
	// the answer 是 contradicts the roster: shown under the item's answer
	if hint := w.fields["answers[3]"].hint; !hint.Visible() || !strings.Contains(hint.Text, "数据显示应为") {
		t.Errorf("item 3's answer hint %q", hint.Text)
	}
}

func TestOpenPathScrollsToItem(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	w.openPath("answers[17]")
	p := w.pages[stepAnswers].(*answersPage)
	if w.pageTitle.Text != "改革自评表" || p.root.Offset.Y < 1000 {
		t.Errorf("answers[17] opens %q scrolled to %v", w.pageTitle.Text, p.root.Offset.Y)
	}
	if w.win.Canvas().Focused() != p.items["17"].note {
		t.Error("item 17's note is not focused")
	}
}

// The forms/roster importer behind the window, on a seed roster as copied
// out of a published disclosure.
func TestFormsRosterImportsSeedRoster(t *testing.T) {
	w := newTestWindow(t, Backends{Roster: FormsRoster{}})
	w.createFiling(edition(t, w, "2021"), "测试学院", forms.OrgStudentUnion)
	w.importRosterFile(filepath.Join("..", "..", "forms", "roster", "testdata", "seed002_roster.tsv"))
	w.pending.Wait()
	test.Tap(button(t, w, "导入"))
	f := w.doc.filing
	if len(f.Members) < 20 {
		t.Fatalf("imported %d members", len(f.Members))
	}
	for i, m := range f.Members {
		if strings.TrimSpace(m.Name) == "" || strings.ContainsAny(m.Name, " \n") {
			t.Errorf("member %d name %q", i, m.Name)
		}
	}
	if w.states[stepRoster].label() == "未开始" {
		t.Error("roster step not started after an import")
	}
	test.Tap(w.pages[stepRoster].(*rosterPage).undo)
	if len(f.Members) != 0 {
		t.Errorf("undo left %d members", len(f.Members))
	}

	// an old .xls says what to do
	w.importRosterFile(filepath.Join("..", "..", "forms", "roster", "testdata", "legacy.xls"))
	w.pending.Wait()
	msg := ""
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, ".xlsx") {
			msg = l.Text
		}
	}
	if msg == "" {
		t.Error("no advice to save the .xls as .xlsx")
	}

	// the blank template is written where asked
	tmpl := filepath.Join(t.TempDir(), "模板.xlsx")
	if err := (FormsRoster{}).WriteTemplate(tmpl, f); err != nil || !fileExists(tmpl) {
		t.Errorf("template: %v", err)
	}
}

func TestFillSuggestedAnswers(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	f := w.doc.filing
	f.Answers = map[string]forms.Answer{"3": {Met: forms.BoolPtr(false), Note: "说明"}}
	w.validateNow()
	w.ShowStepByTitle("改革自评表")
	test.Tap(button(t, w, "未作答的项按数据建议填写"))
	p := w.pages[stepAnswers].(*answersPage)
	if a := f.Answers["3"]; a.Met == nil || *a.Met || a.Note != "说明" {
		t.Errorf("an answered item was changed: %+v", a)
	}
	if a := f.Answers["4"]; a.Met == nil || !*a.Met || p.items["4"].answer.Selected != "是" {
		t.Errorf("item 4: %+v, radio %q", a, p.items["4"].answer.Selected)
	}
	if a := f.Answers["1"]; a.Met != nil {
		t.Errorf("item 1, which the data cannot decide, was answered: %+v", a)
	}
	if !w.doc.dirty {
		t.Error("filling answers did not mark the filing unsaved")
	}
}

func TestNotSavingThenCancellingKeepsWork(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	w.doc.filing.School = "改过的学校"
	w.edited()
	if err := w.Autosave(); err != nil {
		t.Fatal(err)
	}
	w.NewFiling()
	test.Tap(button(t, w, "不保存"))
	test.Tap(button(t, w, "取消")) // the 新建填报 dialog
	if w.doc.filing.School != "改过的学校" || !w.doc.dirty || !fileExists(w.recoveryPath()) {
		t.Errorf("cancelled new filing: school %q dirty %v recovery %v", w.doc.filing.School, w.doc.dirty, fileExists(w.recoveryPath()))
	}
	// quitting without saving is deliberate: nothing is offered next time
	w.onCloseRequested()
	test.Tap(button(t, w, "不保存"))
	if fileExists(w.recoveryPath()) {
		t.Error("recovery file left after quitting with 不保存")
	}
}

func TestRankText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"3/45", "3/45"}, {"３／４５", "3/45"}, {"20/专业", "20"}, {"20", "20"},
		{"前10%", "前10%"}, {"", ""},
	} {
		var m forms.Member
		if err := setRank(&m, tc.in); err != nil {
			t.Errorf("setRank(%q): %v", tc.in, err)
			continue
		}
		if got := rankText(&m); got != tc.want {
			t.Errorf("%q reads back as %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"第三", "3/0", "0/40", "前200%", "3/四十"} {
		var m forms.Member
		if err := setRank(&m, bad); err == nil {
			t.Errorf("setRank(%q) accepted", bad)
		}
	}
}

func TestRosterAddDeleteSort(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	w.ShowStepByTitle("工作人员名单")
	p := w.pages[stepRoster].(*rosterPage)
	f := w.doc.filing
	n := len(f.Members)
	test.Tap(button(t, w, "添加成员"))
	if len(f.Members) != n+1 || len(p.rows) != n+1 {
		t.Fatalf("添加成员: %d members, %d rows", len(f.Members), len(p.rows))
	}
	if len(w.byPath[fmt.Sprintf("members[%d].name", n)]) == 0 {
		t.Error("the new, empty member has no finding for its name")
	}
	p.setCell(n, columnOfField("rank"), "不知道") // a local problem on the last row
	second := f.Members[1].Name
	p.removeMember(0)
	if len(f.Members) != n || f.Members[0].Name != second {
		t.Errorf("delete: %d members, first %q", len(f.Members), f.Members[0].Name)
	}
	if p.local[n-1] == "" || p.local[n] != "" {
		t.Errorf("the row's own problem did not move with it: %v", p.local)
	}
	p.sortBy.SetSelected("按姓名")
	for i := 1; i < len(p.rows); i++ {
		if f.Members[p.rows[i-1]].Name > f.Members[p.rows[i]].Name {
			t.Fatalf("rows not sorted by name at %d", i)
		}
	}
	if f.Members[0].Name != second {
		t.Error("sorting the view reordered the roster")
	}
}

func TestCollegeUnionsAndSatisfaction(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.createFiling(edition(t, w, "2021"), "测试学院", forms.OrgStudentUnion)
	w.ShowStepByTitle("二级学生会组织")
	p := w.pages[stepColleges].(*collegesPage)
	test.Tap(button(t, w, "添加二级学生会组织"))
	test.Tap(button(t, w, "添加二级学生会组织"))
	f := w.doc.filing
	if len(f.CollegeUnions) != 2 {
		t.Fatalf("%d unions", len(f.CollegeUnions))
	}
	w.fields["college_unions[0].items[c1]"].focus.(*widget.Check).SetChecked(true)
	w.fields["college_unions[1].items[c1]"].focus.(*widget.Check).SetChecked(true)
	if got := p.sums["c1"].Text; !strings.Contains(got, "2 个") {
		t.Errorf("c1 sum %q", got)
	}
	if !f.CollegeUnions[0].Items["c1"] || f.CollegeUnions[0].Items["c2"] {
		t.Errorf("items %v", f.CollegeUnions[0].Items)
	}

	w2 := newTestWindow(t, allBackends())
	w2.createFiling(edition(t, w2, "2020"), "测试学院", forms.OrgStudentUnion)
	w2.ShowStepByTitle("满意度")
	w2.fields["satisfaction.union.sample"].focus.(*fieldEntry).SetText("200")
	w2.fields["satisfaction.union.satisfied"].focus.(*fieldEntry).SetText("100")
	w2.fields["satisfaction.union.basically_satisfied"].focus.(*fieldEntry).SetText("53")
	w2.validateNow()
	sp := w2.pages[stepSatisfaction].(*satisfactionPage)
	if got := sp.unionRate.Text; got != "76.5%（153 / 200）" {
		t.Errorf("rate %q", got)
	}
}

// TestExportNamesUnconfirmedItems opens a filing of the 2023—2024 edition:
// the export page says that the documents print the unconfirmed items
// verbatim (请与本省下发的表格核对) and names the file after the edition's
// document.
func TestExportNamesUnconfirmedItems(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	ed, err := eds.Get("2023-2024")
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := forms.CarryFiling(w.doc.filing, w.doc.edition, ed)
	if err != nil {
		t.Fatal(err)
	}
	w.doc.filing, w.doc.edition = f, ed
	w.ShowStepByTitle("导出与打印")
	p := w.pages[stepExport].(*exportPage)
	if got, want := p.name.Text, "阳泉职业技术学院-学生会-2023—2024学年改革自评表"; got != want {
		t.Errorf("file name %q, want %q", got, want)
	}
	noted := false
	for _, o := range test.LaidOutObjects(p.root) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, forms.UnconfirmedNote) {
			noted = true
		}
	}
	if !noted {
		t.Error("the export page does not say that items are unconfirmed")
	}
}
