package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"sureform/forms"
)

// TestReviewReport reads the 审核报告 of each example back: the three
// groups in order with their counts, every finding's message once with the
// item or roster row it concerns, and none of it in the official report.
func TestReviewReport(t *testing.T) {
	for _, name := range exampleNames {
		t.Run(name, func(t *testing.T) {
			f, ed := example(t, name)
			rep := forms.Validate(f, ed)
			var buf bytes.Buffer
			res, err := RenderReview(&buf, f, ed, &rep, Options{Created: fixedTime})
			if err != nil {
				t.Fatal(err)
			}
			pages := pagesOf(t, buf.Bytes())
			if len(pages) != res.Pages {
				t.Errorf("%d pages, Render says %d", len(pages), res.Pages)
			}
			all := strings.Join(pages, "")
			if !strings.HasPrefix(all, ReviewTitle) {
				t.Errorf("does not start with %s: %q", ReviewTitle, prefix(all, 20))
			}
			at := 0
			for _, sev := range forms.Severities() {
				h := squeeze(sev.Chinese()) + "（" + strconv.Itoa(rep.Count(sev)) + "）"
				i := strings.Index(all[at:], h)
				if i < 0 {
					t.Errorf("group %q missing or out of order", h)
					continue
				}
				at += i
				for _, fd := range rep.Of(sev) {
					if !strings.Contains(all[at:], squeeze(fd.Message)) {
						t.Errorf("%s finding %q missing", sev.Chinese(), fd.Message)
					}
					if c := concerns(ed, fd); c != "" && !strings.Contains(all, squeeze(c)) {
						t.Errorf("finding %q: %q missing", fd.Message, c)
					}
				}
			}
			official, _ := renderFixed(t, f, ed)
			text := strings.Join(pagesOf(t, official), "")
			for _, fd := range rep.Findings {
				if m := squeeze(fd.Message); len([]rune(m)) > 12 && strings.Contains(text, m) {
					t.Errorf("the official report prints the finding %q", fd.Message)
				}
			}
		})
	}
}

func TestConcernsAndUnanswered(t *testing.T) {
	tests := []struct {
		fd   forms.Finding
		want string
	}{
		{forms.Finding{Path: "members[3].rank", Items: []string{"6"}}, "第6项；" + forms.PathLabel("members[3].rank")},
		{forms.Finding{Path: "answers[3.1]", Items: []string{"3.1"}}, "第3.1项"},
		{forms.Finding{Path: "congress.delegates"}, forms.PathLabel("congress.delegates")},
		{forms.Finding{Items: []string{"6", "c4"}}, "第6项；二级第4项"},
		{forms.Finding{Path: "members", Items: []string{"4"}, Members: []int{0, 2, 4}}, "第4项；名单第1、3、5人"},
	}
	_, ed21 := example(t, "yangquan-2021.json")
	for _, tt := range tests {
		if got := concerns(ed21, tt.fd); got != tt.want {
			t.Errorf("concerns(%+v) = %q, want %q", tt.fd, got, tt.want)
		}
	}
	f, ed := example(t, "changji-2020.json")
	if got := Unanswered(f, ed); len(got) != 0 {
		t.Errorf("changji: unanswered %v", got)
	}
	delete(f.Answers, "16")
	f.Answers["3.2"] = forms.Answer{}
	if got := strings.Join(Unanswered(f, ed), ","); got != "3.2,16" {
		t.Errorf("unanswered = %q, want 3.2,16", got)
	}
}
