package wizard

import (
	"fmt"
	"image/color"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// Sort orders of the roster table; sorting changes the view only, never the
// order of the roster that is exported.
var rosterSorts = []string{"按名单顺序", "按姓名", "按院系", "按职务", "按部门", "问题多的在前"}

// rosterPage is 工作人员名单: the school-level roster as an editable table,
// with import, filter and sort.
type rosterPage struct {
	w     *Window
	root  fyne.CanvasObject
	table *widget.Table
	// rows maps view rows to roster indexes.
	rows     []int
	findings map[int][]forms.Finding
	// local holds, per roster index, text the user typed that could not be
	// read (a rank that is not a rank).
	local      map[int]string
	onlyIssues *widget.Check
	sortBy     *widget.Select
	count      *widget.Label
	// general shows the findings about the roster as a whole (its size).
	general *widget.Label
	top     *fyne.Container
	// topHeight is the bar's height when the page was last laid out.
	topHeight float32
	detail    *widget.Label
	undo      *widget.Button
	// confirm accepts the titles inferred from work experience; it is in
	// top only while some member has one.
	confirm *widget.Button
}

func newRosterPage(w *Window) *rosterPage {
	return &rosterPage{w: w, findings: map[int][]forms.Finding{}, local: map[int]string{}}
}

func (p *rosterPage) filing() *forms.Filing { return p.w.doc.filing }

// newTable makes the roster's table.
func (p *rosterPage) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(p.rows), len(rosterColumns) },
		func() fyne.CanvasObject { return newRosterCell() },
		p.updateCell)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("来自院级学生会") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(rosterColumns[id.Col].title)
			o.(*widget.Label).TextStyle.Bold = true
		}
	}
	for i, c := range rosterColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(p.rows) {
			p.showDetail(p.rows[id.Row])
		}
	}
	return t
}

func (p *rosterPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	p.table = p.newTable()
	p.onlyIssues = widget.NewCheck("只看有问题的", func(bool) { p.refresh() })
	p.sortBy = widget.NewSelect(rosterSorts, func(string) { p.refresh() })
	p.sortBy.Selected = rosterSorts[0]
	p.count = widget.NewLabel("")
	p.general = note("")
	p.general.Hide()
	p.detail = note("")
	add := widget.NewButtonWithIcon("添加成员", theme.ContentAddIcon(), p.addMember)
	imp := widget.NewButtonWithIcon("导入名单…", theme.UploadIcon(), p.w.ImportRoster)
	imp.Importance = widget.HighImportance
	p.undo = widget.NewButtonWithIcon("撤销导入", theme.ContentUndoIcon(), p.w.undoImport)
	tmpl := widget.NewButton("保存空白名单模板…", p.w.saveTemplate)
	tmpl.Importance = widget.LowImportance
	// two rows, so that the page fits a 1024-pixel-wide screen beside the
	// step list (one row made the window wider than such a screen)
	tools := container.NewHBox(imp, p.undo, add, tmpl)
	view := container.NewHBox(p.onlyIssues, p.sortBy, p.count)
	p.top = container.NewVBox(tools, view, breakChinese(p.general))
	top := p.top
	top.Add(note("可以把 Excel（.xlsx）或 CSV 名单文件直接拖到窗口上导入。"))
	p.root = container.NewBorder(top, breakChinese(p.detail), nil, nil, p.table)
	return p.root
}

// rosterCell is one cell of the table; it shows the kind of input its
// column needs.
type rosterCell struct {
	widget.BaseWidget
	bg    *canvas.Rectangle
	label *widget.Label
	entry *fieldEntry
	sel   *widget.Select
	del   *widget.Button
	// member and col are the roster index and column the cell shows.
	member, col int
}

func newRosterCell() *rosterCell {
	bg := canvas.NewRectangle(color.Transparent)
	bg.StrokeWidth = 2
	bg.CornerRadius = 4
	bg.StrokeColor = color.Transparent
	c := &rosterCell{bg: bg, label: widget.NewLabel(""),
		entry: newFieldEntry(false), sel: widget.NewSelect(nil, nil),
		del: widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)}
	c.label.Truncation = fyne.TextTruncateEllipsis
	// no scroller of its own, so that the wheel over a cell scrolls the
	// table
	c.entry.Wrapping, c.entry.Scroll = fyne.TextWrapOff, fyne.ScrollNone
	c.del.Importance = widget.LowImportance
	c.ExtendBaseWidget(c)
	return c
}

func (c *rosterCell) CreateRenderer() fyne.WidgetRenderer {
	// the tint is drawn over the input (it takes no clicks), so that a
	// field with a problem is marked even where the input is opaque
	return widget.NewSimpleRenderer(container.NewStack(c.label, c.entry, c.sel, c.del, c.bg))
}

var (
	errorTint   = color.NRGBA{R: 0xf4, G: 0x43, B: 0x36, A: 0xff}
	warningTint = color.NRGBA{R: 0xff, G: 0x98, B: 0x00, A: 0xff}
)

func (p *rosterPage) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*rosterCell)
	if id.Row >= len(p.rows) {
		return
	}
	f := p.filing()
	mi := p.rows[id.Row]
	if mi >= len(f.Members) {
		return
	}
	m := &f.Members[mi]
	col := rosterColumns[id.Col]
	c.member, c.col = mi, id.Col
	tint := color.Color(color.Transparent)
	if col.field != "" {
		for _, fd := range p.findings[mi] {
			_, field, _ := memberOfPath(fd.Path)
			if columnOfField(field) == id.Col {
				if isError(fd) {
					tint = errorTint
					break
				}
				tint = warningTint
			}
		}
	}
	if c.bg.StrokeColor != tint {
		c.bg.StrokeColor = tint
		c.bg.Refresh()
	}
	// Only what changed is updated: a table refresh after every edit must
	// not re-shape the text of every visible cell.
	setVisible(c.label, col.kind == cellLabel)
	setVisible(c.entry, col.kind == cellEntry)
	setVisible(c.sel, col.kind == cellSelect)
	setVisible(c.del, col.kind == cellAction)
	switch col.kind {
	case cellLabel:
		text, imp := strconv.Itoa(mi+1), widget.MediumImportance
		if id.Col == 0 {
			// the row number carries a mark when the row has problems,
			// since the 问题 column may be scrolled out of view
			if msg, isErr := p.problemText(mi); msg != "" {
				text += " ●"
				imp = widget.WarningImportance
				if isErr {
					imp = widget.DangerImportance
				}
			}
		} else {
			var isErr bool
			text, isErr = p.problemText(mi)
			imp = widget.WarningImportance
			if isErr {
				imp = widget.DangerImportance
			}
		}
		if c.label.Text != text || c.label.Importance != imp {
			c.label.Importance = imp
			c.label.SetText(text)
		}
	case cellEntry:
		c.entry.OnChanged = nil
		if v := col.get(m); c.entry.Text != v {
			c.entry.SetText(v)
		}
		c.entry.OnChanged = func(s string) { p.setCell(c.member, c.col, s) }
		c.entry.onLeave = p.w.validateNow
		c.entry.onEnter = func() { p.showDetail(c.member) }
	case cellSelect:
		c.sel.OnChanged = nil
		opts := col.options
		if col.optionsFn != nil {
			opts = col.optionsFn(f)
		}
		if v := col.get(m); c.sel.Selected != v || !sameStrings(c.sel.Options, opts) {
			c.sel.Options = opts
			c.sel.Selected = v
			c.sel.PlaceHolder = " "
			c.sel.Refresh()
		}
		c.sel.OnChanged = func(s string) {
			p.setCell(c.member, c.col, s)
			p.w.validateNow()
		}
	case cellAction:
		c.del.OnTapped = func() { p.deleteMember(c.member) }
	}
}

func setVisible(o fyne.CanvasObject, v bool) {
	if o.Visible() != v {
		if v {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// setCell stores what the user typed or chose in a member's field.
func (p *rosterPage) setCell(member, col int, s string) {
	f := p.filing()
	if member >= len(f.Members) {
		return
	}
	if err := rosterColumns[col].set(&f.Members[member], s); err != nil {
		p.local[member] = fmt.Sprintf("%s：%s", rosterColumns[col].title, err.Error())
	} else {
		delete(p.local, member)
	}
	p.w.edited()
}

// problemText is a member's problems, one line.
func (p *rosterPage) problemText(mi int) (string, bool) {
	var msgs []string
	isErr := false
	if l := p.local[mi]; l != "" {
		msgs = append(msgs, l)
		isErr = true
	}
	for _, f := range p.findings[mi] {
		msgs = append(msgs, f.Message)
		isErr = isErr || isError(f)
	}
	return strings.Join(msgs, "；"), isErr
}

// say shows a message about the roster as a whole (an import done or
// undone) in the line under the table.
func (p *rosterPage) say(msg string) {
	if p.detail == nil {
		return
	}
	p.detail.Importance = widget.SuccessImportance
	p.detail.SetText(msg)
}

// showDetail shows a member's problems in full under the table.
func (p *rosterPage) showDetail(mi int) {
	f := p.filing()
	if mi >= len(f.Members) {
		return
	}
	text, isErr := p.problemText(mi)
	who := fmt.Sprintf("第 %d 行 %s", mi+1, f.Members[mi].Name)
	if text == "" {
		p.detail.Importance = widget.MediumImportance
		p.detail.SetText(who + "：没有发现问题。")
		return
	}
	p.detail.Importance = widget.WarningImportance
	if isErr {
		p.detail.Importance = widget.DangerImportance
	}
	p.detail.SetText(who + "：" + text)
}

func (p *rosterPage) refresh() {
	if p.table == nil {
		return
	}
	f := p.filing()
	p.showConfirm(f)
	for k := range p.findings {
		delete(p.findings, k)
	}
	issues := 0
	var general []string
	generalErr := false
	for _, fd := range p.w.report.Findings {
		if fd.Path == "members" {
			general = append(general, findingWord(fd)+"："+shorten(fd.Message, maxGeneralRunes))
			generalErr = generalErr || isError(fd)
			// A finding that stands for several members is each one's too.
			for _, i := range fd.Members {
				if i < len(f.Members) {
					if len(p.findings[i]) == 0 {
						issues++
					}
					p.findings[i] = append(p.findings[i], fd)
				}
			}
			continue
		}
		if i, _, ok := memberOfPath(fd.Path); ok && i < len(f.Members) {
			if len(p.findings[i]) == 0 {
				issues++
			}
			p.findings[i] = append(p.findings[i], fd)
		}
	}
	for i := range p.local {
		if i >= len(f.Members) {
			delete(p.local, i)
		} else if len(p.findings[i]) == 0 {
			issues++
		}
	}
	if len(general) > maxGeneralLines {
		n := len(general) - maxGeneralLines + 1
		general = append(general[:maxGeneralLines-1], fmt.Sprintf("另有 %d 条关于整个名单的问题，见“审核”。", n))
	}
	if len(general) > 0 {
		p.general.Importance = widget.WarningImportance
		if generalErr {
			p.general.Importance = widget.DangerImportance
		}
		p.general.SetText(strings.Join(general, "\n"))
		p.general.Show()
	} else {
		p.general.Hide()
	}
	p.rows = p.rows[:0]
	for i := range f.Members {
		if !p.onlyIssues.Checked || len(p.findings[i]) > 0 || p.local[i] != "" {
			p.rows = append(p.rows, i)
		}
	}
	p.sortRows()
	d := &p.w.report.Derived
	p.count.SetText(fmt.Sprintf("共 %d 人（主席团 %d 人，工作部门 %d 个）；%d 人有问题。", len(f.Members), d.Presidium, d.Departments, issues))
	if p.undo != nil {
		if p.w.doc.rosterUndo != nil {
			p.undo.Enable()
		} else {
			p.undo.Disable()
		}
	}
	p.layoutTop()
	p.table.Refresh()
}

// The findings about the roster as a whole are shown above the table in
// at most maxGeneralLines lines of at most maxGeneralRunes characters (a
// finding that lists hundreds of names would push the table off the
// page); 审核 shows them in full.
const (
	maxGeneralLines = 4
	maxGeneralRunes = 90
)

// shorten cuts s to n characters, ending it with … when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// layoutTop lays the page out again when the bar above the table changed
// height (the roster's own findings shown or hidden), so that the table
// moves instead of being drawn under it.
func (p *rosterPage) layoutTop() {
	root := p.root.(*fyne.Container)
	if h := p.top.MinSize().Height; h != p.topHeight {
		p.topHeight = h
		root.Layout.Layout(root.Objects, root.Size())
	}
	p.top.Refresh()
}

// rosterReplaced shows a roster that changed as a whole (an import, or
// its undoing) from its first row, with no row selected: a table left
// scrolled down a long roster showed no rows at all once the roster was
// short again.
func (p *rosterPage) rosterReplaced() {
	p.local = map[int]string{}
	if p.table == nil {
		return
	}
	p.table.UnselectAll()
	p.refresh()
	p.table.ScrollToTop()
	p.table.ScrollToLeading()
}

func (p *rosterPage) sortRows() {
	f := p.filing()
	key := func(i int) string { return "" }
	switch p.sortBy.Selected {
	case rosterSorts[1]:
		key = func(i int) string { return f.Members[i].Name }
	case rosterSorts[2]:
		key = func(i int) string { return f.Members[i].College }
	case rosterSorts[3]:
		key = func(i int) string {
			for k, pos := range forms.Positions {
				if pos == f.Members[i].Position {
					return strconv.Itoa(k)
				}
			}
			return "9"
		}
	case rosterSorts[4]:
		key = func(i int) string {
			if f.Members[i].InPresidium() {
				return ""
			}
			return "1" + f.Members[i].Department
		}
	case rosterSorts[5]:
		sort.SliceStable(p.rows, func(a, b int) bool {
			return len(p.findings[p.rows[a]]) > len(p.findings[p.rows[b]])
		})
		return
	default:
		return
	}
	sort.SliceStable(p.rows, func(a, b int) bool { return key(p.rows[a]) < key(p.rows[b]) })
}

func (p *rosterPage) addMember() {
	f := p.filing()
	f.Members = append(f.Members, forms.Member{Level: forms.LevelUndergraduate})
	p.onlyIssues.SetChecked(false)
	p.w.edited()
	p.w.validateNow()
	p.table.ScrollToBottom()
}

func (p *rosterPage) deleteMember(mi int) {
	f := p.filing()
	if mi >= len(f.Members) {
		return
	}
	name := f.Members[mi].Name
	if name == "" {
		name = "（未填姓名）"
	}
	dialog.ShowConfirm("删除成员", fmt.Sprintf("从名单中删除第 %d 行 %s？", mi+1, name), func(ok bool) {
		if !ok {
			return
		}
		p.removeMember(mi)
	}, p.w.win)
}

// removeMember deletes a member without asking.
func (p *rosterPage) removeMember(mi int) {
	f := p.filing()
	f.Members = append(f.Members[:mi:mi], f.Members[mi+1:]...)
	local := map[int]string{}
	for i, s := range p.local {
		switch {
		case i < mi:
			local[i] = s
		case i > mi:
			local[i-1] = s
		}
	}
	p.local = local
	p.w.edited()
	p.w.validateNow()
}

// focusPath scrolls to a member's row and selects the field's cell.
func (p *rosterPage) focusPath(path string) bool {
	if path == "members" {
		// the roster as a whole: its findings are above the table
		p.table.ScrollToTop()
		return p.general.Visible()
	}
	mi, field, ok := memberOfPath(path)
	if !ok {
		return false
	}
	row := p.viewRow(mi)
	if row < 0 && p.onlyIssues.Checked {
		p.onlyIssues.SetChecked(false)
		row = p.viewRow(mi)
	}
	if row < 0 {
		return false
	}
	col := columnOfField(field)
	if col < 0 {
		col = 1
	}
	id := widget.TableCellID{Row: row, Col: col}
	// from the leading edge, so that the row's name stays in view as long
	// as the field's column fits beside it; the selection marks the row
	p.table.ScrollToLeading()
	p.table.ScrollTo(id)
	p.table.Select(id)
	p.showDetail(mi)
	return true
}

func (p *rosterPage) viewRow(mi int) int {
	for r, i := range p.rows {
		if i == mi {
			return r
		}
	}
	return -1
}

// showConfirm offers, while some members have a title inferred from their
// work experience, to take those titles as theirs: until then nothing is
// counted from them.
func (p *rosterPage) showConfirm(f *forms.Filing) {
	n := 0
	for i := range f.Members {
		if f.Members[i].SuggestedPosition != "" || f.Members[i].SuggestedDepartment != "" {
			n++
		}
	}
	if p.confirm == nil {
		p.confirm = widget.NewButton("", p.confirmSuggestions)
	}
	shown := false
	for _, o := range p.top.Objects {
		shown = shown || o == p.confirm
	}
	switch {
	case n > 0:
		p.confirm.SetText(fmt.Sprintf("确认从工作经历推断的职务（%d 人）", n))
		if !shown {
			p.top.Add(p.confirm)
		}
	case shown:
		p.top.Remove(p.confirm)
	}
}

// confirmSuggestions makes every inferred title the member's own.
func (p *rosterPage) confirmSuggestions() {
	f := p.filing()
	changed := false
	for i := range f.Members {
		changed = f.Members[i].ConfirmSuggestion() || changed
	}
	if changed {
		p.w.edited()
		p.w.validateNow()
		p.refresh()
		p.table.Refresh()
	}
}
