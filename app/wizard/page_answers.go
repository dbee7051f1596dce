package wizard

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// answersPage is 改革自评表: every item of the edition with the answer the
// data suggests and why, the school's answer and the 备注.
type answersPage struct {
	w     *Window
	root  *container.Scroll
	box   *fyne.Container
	items map[string]*answerRow
	order []string
}

// answerRow is one answerable item on the page.
type answerRow struct {
	item    forms.Item
	section *forms.Section
	card    fyne.CanvasObject
	suggest *widget.Label
	// related shows findings about the item that are located elsewhere
	// (the roster's size for item 3), so that a contradiction between the
	// answer and the data is seen on the item.
	related *widget.Label
	note    *fieldEntry
	answer  *widget.RadioGroup
}

func newAnswersPage(w *Window) *answersPage {
	return &answersPage{w: w, items: map[string]*answerRow{}}
}

func (p *answersPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	ed := p.w.doc.edition
	fill := widget.NewButton("未作答的项按数据建议填写", p.fillSuggested)
	p.box = container.NewVBox(breakChinese(note("每一项都列出表格原文、根据已填数据得出的建议结论及理由。请选择本校的结论；备注留空时，导出时使用框中灰色的数据备注。")),
		container.NewHBox(fill))
	if ed.Legend != "" {
		p.box.Add(breakChinese(note(ed.Legend + "未达标的核心指标在“审核”中标为【★核心指标】；观测指标的问题只作提示。")))
	}
	for si := range ed.Sections {
		s := &ed.Sections[si]
		if s.Kind != forms.SectionAnswers {
			continue
		}
		if s.Title != "" {
			p.box.Add(heading(s.Title))
		}
		for _, it := range s.Items {
			if len(it.Parts) > 0 {
				group := widget.NewLabel(itemLabel(it))
				group.Wrapping = fyne.TextWrapWord
				group.TextStyle.Bold = true
				p.box.Add(breakChinese(group))
				for _, part := range it.Parts {
					p.box.Add(p.row(s, part))
				}
				continue
			}
			p.box.Add(p.row(s, it))
		}
	}
	p.addUnknownAnswers()
	p.root = container.NewVScroll(p.box)
	return p.root
}

// addUnknownAnswers lists the answers to items this edition does not have
// (a file from another edition), each with 删除, so that the finding about
// them can be cleared.
func (p *answersPage) addUnknownAnswers() {
	f := p.w.doc.filing
	var ids []string
	for id := range f.Answers {
		if _, _, ok := p.w.doc.edition.Item(id); !ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return
	}
	sort.Strings(ids)
	p.box.Add(heading("不在本版表格中的答案"))
	p.box.Add(note("下列答案所属的条目不在" + p.w.doc.edition.Name + "中，导出时不会出现。确认不需要后可以删除。"))
	for _, id := range ids {
		id := id
		var row *fyne.Container
		del := widget.NewButton("删除", func() {
			delete(f.Answers, id)
			p.box.Remove(row)
			p.w.edited()
			p.w.validateNow()
		})
		fd := p.w.register(newField("answers["+id+"]", widget.NewLabel("条目 "+id), del))
		row = container.NewBorder(nil, nil, nil, del, fd.cell())
		p.box.Add(row)
	}
}

// fillSuggested answers every unanswered item the data decides with the
// answer the data suggests; items already answered are left alone.
func (p *answersPage) fillSuggested() {
	f, d := p.w.doc.filing, &p.w.report.Derived
	n := 0
	p.w.loading = true
	for _, id := range p.order {
		sg := d.Items[id]
		if sg.Met == nil || f.Answers[id].Met != nil {
			continue
		}
		a := f.Answers[id]
		a.Met = forms.BoolPtr(*sg.Met)
		f.Answers[id] = a
		r := p.items[id]
		r.answer.SetSelected(r.section.Answers[map[bool]int{true: 0, false: 1}[*sg.Met]])
		n++
	}
	p.w.loading = false
	if n > 0 {
		p.w.edited()
		p.w.validateNow()
	}
}

func itemLabel(it forms.Item) string {
	s := it.Number
	if s != "" {
		s += ". "
	}
	if it.Marker != "" {
		s += it.Marker + " "
	}
	if it.Unconfirmed {
		return s + it.Text + "（" + forms.UnconfirmedNote + "）"
	}
	return s + it.Text
}

func (p *answersPage) row(s *forms.Section, it forms.Item) fyne.CanvasObject {
	w, f := p.w, p.w.doc.filing
	id := it.ID
	text := widget.NewLabel(itemLabel(it))
	text.Wrapping = fyne.TextWrapWord
	r := &answerRow{item: it, section: s, suggest: widget.NewLabel(""), related: widget.NewLabel("")}
	r.suggest.Wrapping = fyne.TextWrapWord
	r.related.Wrapping = fyne.TextWrapWord
	r.related.Hide()
	answer := w.boolField("answers["+id+"]", s.Answers[0], s.Answers[1],
		func() *bool { return f.Answers[id].Met },
		func(v *bool) { a := f.Answers[id]; a.Met = v; f.Answers[id] = a })
	noteField := w.textField("answers["+id+"].note", "", false,
		func() string { return f.Answers[id].Note },
		func(v string) { a := f.Answers[id]; a.Note = v; f.Answers[id] = a })
	r.note = noteField.input.(*fieldEntry)
	r.answer = answer.input.(*widget.RadioGroup)
	fm := newForm()
	fm.add("本校结论", answer)
	fm.add("备注", noteField)
	r.card = widget.NewCard("", "", container.NewVBox(breakChinese(text), breakChinese(r.suggest), breakChinese(r.related), fm.grid))
	p.items[id] = r
	p.order = append(p.order, id)
	return r.card
}

func (p *answersPage) refresh() {
	d := &p.w.report.Derived
	// Each finding shows once: under the first item, in form order, that it
	// concerns (a roster finding names items 3 to 8 of a fact, not six
	// copies).
	place := make(map[string]int, len(p.order))
	for i, id := range p.order {
		place[id] = i
	}
	related := map[string][]forms.Finding{}
	for _, f := range p.w.report.Findings {
		first, at := "", len(p.order)
		for _, id := range f.Items {
			if f.Path == "answers["+id+"]" || f.Path == "answers["+id+"].note" {
				first = ""
				break
			}
			if i, ok := place[id]; ok && i < at {
				first, at = id, i
			}
		}
		if first != "" {
			related[first] = append(related[first], f)
		}
	}
	for _, id := range p.order {
		r := p.items[id]
		if rel := related[id]; len(rel) > 0 {
			var lines []string
			imp := widget.WarningImportance
			for _, f := range rel {
				lines = append(lines, findingWord(f)+"："+f.Message)
				if isError(f) {
					imp = widget.DangerImportance
				}
			}
			r.related.Importance = imp
			r.related.SetText(strings.Join(lines, "\n"))
			r.related.Show()
		} else {
			r.related.Hide()
		}
		sg := d.Items[id]
		text := "数据无法判断此项，请根据实际情况选择。"
		if sg.Met != nil {
			word := r.section.Answers[1]
			if *sg.Met {
				word = r.section.Answers[0]
			}
			text = "数据建议：" + word
			if sg.Reason != "" {
				text += "。理由：" + sg.Reason
			}
			r.suggest.Importance = widget.HighImportance
		} else {
			r.suggest.Importance = widget.MediumImportance
		}
		r.suggest.SetText(text)
		if sg.Note != "" {
			r.note.SetPlaceHolder("留空则使用：" + sg.Note)
		} else {
			r.note.SetPlaceHolder("选填")
		}
	}
}

// focusPath scrolls to the item of an answers[id] path.
func (p *answersPage) focusPath(path string) bool {
	if !strings.HasPrefix(path, "answers[") {
		return false
	}
	id := path[len("answers["):]
	if i := indexByte(id, ']'); i >= 0 {
		id = id[:i]
	}
	r, ok := p.items[id]
	if !ok {
		return false
	}
	scrollTo(p.root, r.card)
	p.w.win.Canvas().Focus(r.note)
	return true
}

func indexByte(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return -1
}

// scrollTo scrolls a vertical scroller so that obj is at the top. obj is
// the scroller's content or lies inside a VBox that is. Positions are
// worked out from the minimum sizes, as the VBox lays its children out, so
// that this works before the page is first drawn.
func scrollTo(s *container.Scroll, obj fyne.CanvasObject) {
	box, ok := s.Content.(*fyne.Container)
	if !ok {
		return
	}
	pad := theme.Padding()
	y := float32(0)
	for _, o := range box.Objects {
		if o == obj || contains(o, obj) {
			s.ScrollToOffset(fyne.NewPos(0, y))
			return
		}
		if o.Visible() {
			y += o.MinSize().Height + pad
		}
	}
}

// contains reports whether obj is o or inside it.
func contains(o, obj fyne.CanvasObject) bool {
	if o == obj {
		return true
	}
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			if contains(k, obj) {
				return true
			}
		}
	case *widget.Card:
		return contains(c.Content, obj)
	}
	return false
}
