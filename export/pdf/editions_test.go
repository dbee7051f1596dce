package pdf

import (
	"bytes"
	"strings"
	"testing"

	"sureform/export/formtext"
	"sureform/forms"
)

// laterEditions are the shipped 学年 editions (改革自评表).
var laterEditions = []string{"2021-2022", "2022-2023", "2023-2024"}

// carried is the 阳泉 example carried into a later edition, as a school
// that filed in 2021 does for a later 学年.
func carried(t testing.TB, id string) (*forms.Filing, *forms.Edition) {
	t.Helper()
	f, from := example(t, "yangquan-2021.json")
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	ed, err := eds.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := forms.CarryFiling(f, from, ed)
	if err != nil {
		t.Fatal(err)
	}
	return c, ed
}

// TestLaterEditionsText reads back the official report and the review
// report of a filing in each 学年 edition: the title with its 学年 first,
// the legend below the first caption and above the column headings (where
// the published 改革自评表 have it), the ★/▲ markers beside the item
// numbers, the items verbatim and in order, and no checker text: neither the
// edition's internal name nor the unconfirmed items' note, which the review
// report carries instead.
func TestLaterEditionsText(t *testing.T) {
	for _, id := range laterEditions {
		t.Run(id, func(t *testing.T) {
			f, ed := carried(t, id)
			pdf, res := renderFixed(t, f, ed)
			pages := pagesOf(t, pdf)
			if len(pages) != res.Pages {
				t.Fatalf("%d pages, Render says %d", len(pages), res.Pages)
			}
			all := strings.Join(pages, "")
			sec := ed.Sections[0]
			at := 0
			for _, want := range []string{formtext.Title(ed), formtext.HeaderField(f, forms.HeaderOrgName), sec.Title, ed.Legend, sec.Columns[0]} {
				i := strings.Index(pages[0][at:], squeeze(want))
				if i < 0 {
					t.Errorf("page 1: %q missing or out of order", want)
					continue
				}
				if at == 0 && i != 0 {
					t.Errorf("page 1 starts with %q, want the title %q", prefix(pages[0], 15), want)
				}
				at += i + len(squeeze(want))
			}
			if n := strings.Count(all, squeeze(ed.Legend)); n != 1 {
				t.Errorf("legend printed %d times", n)
			}
			cursor, markers := 0, 0
			for _, s := range ed.Sections {
				for _, it := range s.Answerable() {
					label := squeeze(formtext.ItemLabel(it))
					i := strings.Index(all[cursor:], label)
					if i < 0 {
						t.Errorf("item %s %q missing or out of order", it.ID, formtext.ItemLabel(it))
						continue
					}
					cursor += i + len(label)
					if it.Marker != "" {
						markers++
						if !strings.HasPrefix(label, it.Number+it.Marker+".") {
							t.Errorf("item %s: marker not beside the number: %q", it.ID, prefix(label, 8))
						}
					}
				}
			}
			if markers == 0 {
				t.Error("no marked item in the edition")
			}
			for _, bad := range []string{forms.UnconfirmedNote, ed.Name, "一、" + sec.Title} {
				if strings.Contains(all, squeeze(bad)) {
					t.Errorf("the official report prints %q", bad)
				}
			}

			rep := forms.Validate(f, ed)
			var buf bytes.Buffer
			if _, err := RenderReview(&buf, f, ed, &rep, Options{Created: fixedTime}); err != nil {
				t.Fatal(err)
			}
			review := strings.Join(pagesOf(t, buf.Bytes()), "")
			note := UnconfirmedSummary(ed)
			if !strings.Contains(note, forms.UnconfirmedNote) || !strings.Contains(review, squeeze(note)) {
				t.Errorf("review report lacks the unconfirmed items' note %q", note)
			}
			if strings.Contains(review, "第c") {
				t.Errorf("review report names an item by its id: %q", prefix(review[strings.Index(review, "第c"):], 10))
			}
		})
	}
}
