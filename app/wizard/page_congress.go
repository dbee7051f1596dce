package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// congressPage is 学生代表大会: when it was held, its delegates and the
// presidium election, with the ratios computed from the counts.
type congressPage struct {
	w      *Window
	root   fyne.CanvasObject
	ratios *widget.Label
	seats  *fyne.Container
}

func newCongressPage(w *Window) *congressPage { return &congressPage{w: w} }

func (p *congressPage) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	w, c := p.w, &p.w.doc.filing.Congress
	fm := newForm()
	fm.add("届次", w.textField("congress.session", "如：第一次学生代表大会", false,
		func() string { return c.Session }, func(s string) { c.Session = s }))
	fm.add("召开日期", w.dateField("congress.date", func() forms.Date { return c.Date }, func(d forms.Date) { c.Date = d }))
	fm.add("", w.checkField("congress.planned", "尚未召开，上面是拟定日期", func() bool { return c.Planned }, func(v bool) { c.Planned = v }))
	fm.add("地点", w.textField("congress.place", "", false, func() string { return c.Place }, func(s string) { c.Place = s }))
	fm.add("正式代表人数", w.intField("congress.delegates", func() *int { return c.Delegates }, func(v *int) { c.Delegates = v }))
	fm.add("非骨干代表人数", w.intField("congress.non_cadre_delegates", func() *int { return c.NonCadreDelegates }, func(v *int) { c.NonCadreDelegates = v }))
	fm.add("实到代表人数", w.intField("congress.present", func() *int { return c.Present }, func(v *int) { c.Present = v }))
	fm.add("材料所写代表比例（%）", w.percentField("congress.stated_delegate_percent",
		func() *float64 { return c.StatedDelegatePercent }, func(v *float64) { c.StatedDelegatePercent = v }))
	fm.add("材料所写非骨干比例（%）", w.percentField("congress.stated_non_cadre_percent",
		func() *float64 { return c.StatedNonCadrePercent }, func(v *float64) { c.StatedNonCadrePercent = v }))
	el := newForm()
	el.add("选举方式", w.boolField("congress.contested", "差额", "等额", func() *bool { return c.Contested }, func(v *bool) { c.Contested = v }))
	el.add("主席团成员职数", w.intField("congress.presidium_seats", func() *int { return c.PresidiumSeats }, func(v *int) { c.PresidiumSeats = v }))
	el.add("主席团候选人数", w.intField("congress.presidium_candidates", func() *int { return c.PresidiumCandidates }, func(v *int) { c.PresidiumCandidates = v }))
	el.add("代表候选人数", w.intField("congress.delegate_candidates", func() *int { return c.DelegateCandidates }, func(v *int) { c.DelegateCandidates = v }))
	p.ratios = widget.NewLabel("")
	p.seats = container.NewVBox()
	p.buildSeats()
	add := widget.NewButton("添加院系名额", func() {
		c.SeatsByCollege = append(c.SeatsByCollege, forms.CollegeSeats{})
		w.edited()
		p.buildSeats()
	})
	// the list as a whole is a field: the checks of the seats' share-out
	// are shown under it
	seats := w.register(newField("congress.seats_by_college", container.NewVBox(p.seats, container.NewHBox(add)), nil))
	p.root = container.NewVScroll(container.NewVBox(
		breakChinese(note("填写最近一次校级学生（研究生）代表大会的情况。比例均由人数计算，不需手算。")),
		fm.grid, heading("主席团选举"), el.grid,
		heading("根据人数计算"), p.ratios,
		heading("各院系代表名额（选填）"), seats.cell()))
	return p.root
}

// buildSeats lays out the seats-by-college rows.
func (p *congressPage) buildSeats() {
	w, c := p.w, &p.w.doc.filing.Congress
	p.seats.Objects = nil
	for i := range c.SeatsByCollege {
		i := i
		name := w.textField("", "院系名称", false, func() string { return c.SeatsByCollege[i].College },
			func(s string) { c.SeatsByCollege[i].College = s })
		seats := w.intField("", func() *int { v := c.SeatsByCollege[i].Seats; return &v },
			func(v *int) {
				if v == nil {
					c.SeatsByCollege[i].Seats = 0
				} else {
					c.SeatsByCollege[i].Seats = *v
				}
			})
		del := widget.NewButton("删除", func() {
			c.SeatsByCollege = append(c.SeatsByCollege[:i:i], c.SeatsByCollege[i+1:]...)
			w.edited()
			p.buildSeats()
		})
		p.seats.Add(container.NewBorder(nil, nil, nil, container.NewHBox(container.NewGridWrap(fyne.NewSize(100, seats.input.MinSize().Height), seats.cell()), del), name.cell()))
	}
	p.seats.Refresh()
	if p.root != nil {
		p.root.Refresh() // the page around the list re-lays out for its new height
	}
}

func (p *congressPage) refresh() {
	d := &p.w.report.Derived
	text := "代表占学生人数比例：" + ratioText(d.DelegateShare, "需填写学生人数和代表人数") +
		"\n非骨干代表占代表比例：" + ratioText(d.NonCadreShare, "需填写代表人数和非骨干代表人数") +
		"\n主席团候选人与职数之比：" + ratioText(d.CandidateRatio, "需填写职数和候选人数") +
		"\n到会率：" + ratioText(d.Quorum, "需填写代表人数和实到人数")
	if n := forms.CongressNote(p.w.doc.filing.Congress); n != "" {
		text += "\n自评表备注：" + n
	}
	p.ratios.SetText(text)
}
