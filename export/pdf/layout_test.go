package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sureform/assets"
	"sureform/export/formtext"
	"sureform/forms"
)

// pagesOf is the extracted text of each page, white space removed.
func pagesOf(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	folio := regexp.MustCompile(`第\d+页共\d+页`)
	for _, p := range strings.Split(strings.TrimSuffix(pdftotext(t, pdf), "\f"), "\f") {
		out = append(out, folio.ReplaceAllString(squeeze(p), ""))
	}
	return out
}

// pageAt is the number (from 1) of the page holding byte i of the pages
// joined.
func pageAt(pages []string, i int) int {
	n := 0
	for p, text := range pages {
		n += len(text)
		if i < n {
			return p + 1
		}
	}
	return 0
}

// pageOf is the number (from 1) of the first page holding s, or 0.
func pageOf(pages []string, s string) int {
	s = squeeze(s)
	for i, p := range pages {
		if strings.Contains(p, s) {
			return i + 1
		}
	}
	return 0
}

// lastFormRow finds the last answered or counted row of the form in the
// report's text: its text and where it is.
func lastFormRow(ed *forms.Edition, f *forms.Filing, all string) (string, int) {
	text, at := "", -1
	for _, sec := range ed.Sections {
		switch sec.Kind {
		case forms.SectionAnswers:
			if items := sec.Answerable(); len(items) > 0 {
				text = formtext.ItemLabel(items[len(items)-1])
				at = strings.Index(all, squeeze(text))
			}
		case forms.SectionCounts:
			if n := len(f.CollegeUnions); n > 0 {
				text = f.CollegeUnions[n-1].Name
				from := strings.Index(all, squeeze(sec.MatrixTitle))
				if from >= 0 {
					if i := strings.Index(all[from:], squeeze(text)); i >= 0 {
						at = from + i
					}
				}
			}
		}
	}
	return text, at
}

// TestFormLayout reads every example back page by page: the form comes
// first with nothing the official form lacks; the optional rows follow the
// last item and the signature blocks follow the last optional row, on the
// page of the last form rows, each block whole; the attachments follow in
// the disclosures' order, each heading once, with the official column
// headings and an organisation chart without checker text.
func TestFormLayout(t *testing.T) {
	for _, name := range exampleNames {
		t.Run(name, func(t *testing.T) {
			f, ed := example(t, name)
			pdf, _ := renderFixed(t, f, ed)
			pages := pagesOf(t, pdf)
			all := strings.Join(pages, "")

			// Page 1: the title, the header fields, no internal label,
			// no 学年 line, no numbered heading.
			p1 := pages[0]
			if !strings.HasPrefix(p1, squeeze(ed.Title)) {
				t.Errorf("page 1 does not start with the title: %q", prefix(p1, 40))
			}
			for _, removed := range []string{squeeze(ed.Name), "学年：", "填报日期：", "一、", "评估备案表一", "评估意见与签章"} {
				if strings.Contains(p1, removed) {
					t.Errorf("page 1 holds %q, which the official form lacks", removed)
				}
			}
			if f.AcademicYear != "" && strings.Contains(p1, squeeze(f.AcademicYear)) {
				t.Errorf("page 1 names the 学年 %q", f.AcademicYear)
			}

			// The tail: optional rows in order after the last form row,
			// then each signature block whole, all on one page with the
			// last form rows.
			last, cursor := lastFormRow(ed, f, all)
			if cursor < 0 {
				t.Fatalf("last form row %q missing", last)
			}
			lastPage := pageAt(pages, cursor)
			for _, title := range ed.OptionalRows {
				i := strings.Index(all[cursor:], squeeze(title))
				if i < 0 {
					t.Errorf("optional row %q missing or out of order", title)
					continue
				}
				cursor += i
			}
			sigPage := 0
			for _, sig := range ed.Signatures {
				i := strings.Index(all[cursor:], squeeze(sig.Title))
				if i < 0 {
					t.Errorf("signature block %q missing or out of order", sig.Title)
					continue
				}
				cursor += i
				page := pageAt(pages, cursor)
				if sigPage == 0 {
					sigPage = page
				}
				if pageAt(pages, cursor+strings.Index(all[cursor:], "年月日")) != page {
					t.Errorf("signature block %q split: its date is not on page %d", sig.Title, page)
				}
			}
			if len(ed.OptionalRows) > 0 {
				lo := squeeze(ed.OptionalRows[len(ed.OptionalRows)-1])
				if p := pageAt(pages, strings.LastIndex(all, lo)); p != sigPage {
					t.Errorf("signature blocks on page %d, the last optional row %q on page %d", sigPage, lo, p)
				}
			}
			if lastPage != sigPage {
				// The last form row may sit one page before only when the
				// optional rows fill the page between.
				if sigPage-lastPage > 1 {
					t.Errorf("signature blocks on page %d, last form row on page %d", sigPage, lastPage)
				}
			}

			// Attachments in the disclosures' order, each heading once.
			order := []string{formtext.TitleChart, formtext.TitleRoster, formtext.TitleCongress, formtext.TitleGuidance}
			if strings.TrimSpace(f.Texts.Charter) != "" {
				order = append([]string{"学生会组织章程"}, order...)
			}
			at := 0
			for _, h := range order {
				i := strings.Index(all[at:], squeeze(h))
				if i < 0 {
					t.Errorf("heading %q missing or out of order", h)
					continue
				}
				at += i
			}
			for _, h := range []string{formtext.TitleCongress, formtext.TitleChart, formtext.TitleRoster, formtext.TitleGuidance} {
				if n := regexp.MustCompile(`[一二三四五六七八九十]+、`+regexp.QuoteMeta(squeeze(h))).FindAllStringIndex(all, -1); len(n) != 1 {
					t.Errorf("heading %q appears %d times", h, len(n))
				}
			}

			// Official column headings.
			for _, h := range append(append([]string{}, formtext.RosterColumns...), formtext.GuidanceColumns...) {
				if !strings.Contains(all, squeeze(h)) {
					t.Errorf("column heading %q missing", h)
				}
			}

			// The chart: no checker text, no zero head count.
			chart := all[strings.Index(all, squeeze(formtext.TitleChart)):strings.Index(all, squeeze(formtext.TitleRoster))]
			for _, checker := range []string{"未填部门", "按名单统计", "名单中没有"} {
				if strings.Contains(chart, checker) {
					t.Errorf("chart prints %q", checker)
				}
			}
			if regexp.MustCompile(`(^|[^0-9])0人`).MatchString(chart) {
				t.Errorf("chart prints a head count of 0: %q", chart)
			}
		})
	}
}

// TestSignaturesMoveWithLastRows fills the optional rows so that the blocks
// no longer fit below them: the last rows move to the next page with the
// blocks instead of leaving them alone there.
func TestSignaturesMoveWithLastRows(t *testing.T) {
	f, ed := example(t, "changji-2020.json")
	for n := 0; n < 12; n++ {
		f.Texts.Problems = strings.Repeat("问题不足之处在于部分工作人员对改革要求理解不深。", n*3)
		pdf, _ := renderFixed(t, f, ed)
		pages := pagesOf(t, pdf)
		improve := pageOf(pages, "改进建议（选填）")
		for _, sig := range ed.Signatures {
			if p := pageOf(pages, sig.Title); p != improve {
				t.Errorf("%d sentences: block %q on page %d, 改进建议 on page %d", n*3, sig.Title, p, improve)
			}
		}
		// The page of the blocks holds form rows above them.
		page := pages[improve-1]
		if !strings.Contains(page, squeeze("改进建议")) || strings.Index(page, squeeze(ed.Signatures[0].Title)) < strings.Index(page, squeeze("改进建议")) {
			t.Errorf("%d sentences: blocks not below 改进建议 on page %d", n*3, improve)
		}
	}
	// A very long last optional text still leaves lines of it above the
	// blocks.
	f.Texts.Problems = ""
	f.Texts.Improvements = strings.Repeat("建议进一步健全工作人员评议制度，定期听取同学意见。", 300)
	pdf, _ := renderFixed(t, f, ed)
	pages := pagesOf(t, pdf)
	sig := pageOf(pages, ed.Signatures[0].Title)
	if !strings.Contains(pages[sig-1], "定期听取同学意见") {
		t.Errorf("blocks on page %d stand without the text they follow", sig)
	}
	for _, s := range ed.Signatures {
		if p := pageOf(pages, s.Title); p != sig {
			t.Errorf("block %q on page %d, first block on page %d", s.Title, p, sig)
		}
	}
}

// TestInstalledSongFace sets the report in a Song face installed in the
// office's font folder: a folder made in the test holding a copy of the
// bundled Song face under the name of Windows' 宋体, so that the test
// depends on none of the machine's fonts.
func TestInstalledSongFace(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "simsun.ttf"), assets.FontSong, 0o600); err != nil {
		t.Fatal(err)
	}
	f, ed := example(t, "changji-2020.json")
	var buf bytes.Buffer
	res, err := Render(&buf, f, ed, Options{Created: fixedTime, FontDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Face.Path != filepath.Join(dir, "simsun.ttf") {
		t.Fatalf("face %v is not the installed one", res.Face)
	}
	fi := embeddedFont(t, buf.Bytes())
	if !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(fi.baseFont) {
		t.Errorf("embedded font %q", fi.baseFont)
	}
	if strings.Contains(fi.baseFont, "WenKai") {
		t.Errorf("embedded font %q is the 楷体, not a Song face", fi.baseFont)
	}
}
