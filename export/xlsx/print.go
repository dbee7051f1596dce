package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Page setup shared by every sheet: A4 portrait, one page wide, centred
// horizontally, with the page number in the footer.
const (
	paperA4       = 9
	marginSideIn  = 0.6
	marginTopIn   = 0.75
	marginBotIn   = 0.75
	marginHeadIn  = 0.3
	marginFootIn  = 0.35
	footerPageNum = "&C&\"宋体,常规\"&10第 &P 页 共 &N 页"
)

// printable is the width of the printable area of an A4 page in column
// units, which the sheets' column widths add up to at most.
const printable = (8.27 - 2*marginSideIn) * 72 / colUnitPt

// setupPrint applies the page setup to a sheet. titleFirst and titleLast
// are the rows repeated at the top of every printed page (0 for none).
func (s *sheet) setupPrint(titleFirst, titleLast int) {
	if s.err != nil {
		return
	}
	s.titleFirst, s.titleLast = titleFirst, titleLast
	x, name := s.b.x, s.name
	wrap := func(what string, err error) error {
		return fmt.Errorf("设置工作表“%s”的%s：%w", name, what, err)
	}
	yes := true
	if err := x.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		s.fail(wrap("打印缩放", err))
		return
	}
	size, orient, one, zero := paperA4, "portrait", 1, 0
	if err := x.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		s.fail(wrap("页面设置", err))
		return
	}
	l, r, t, b, h, f := marginSideIn, marginSideIn, marginTopIn, marginBotIn, marginHeadIn, marginFootIn
	if err := x.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &l, Right: &r, Top: &t, Bottom: &b, Header: &h, Footer: &f, Horizontally: &yes,
	}); err != nil {
		s.fail(wrap("页边距", err))
		return
	}
	if err := x.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: footerPageNum}); err != nil {
		s.fail(wrap("页脚", err))
		return
	}
	if titleFirst > 0 {
		if err := x.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, titleFirst, titleLast),
			Scope:    name,
		}); err != nil {
			s.fail(wrap("打印标题行", err))
			return
		}
	}
	no := false
	if err := x.SetSheetView(name, 0, &excelize.ViewOptions{ShowGridLines: &no}); err != nil {
		s.fail(wrap("显示方式", err))
	}
}
