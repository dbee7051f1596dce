package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"

	"sureform/export/formtext"
	"sureform/export/linebreak"
	"sureform/export/pdf/fontsubset"
	"sureform/forms"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// renderFixed writes a report with the fixed creation date.
func renderFixed(t testing.TB, f *forms.Filing, ed *forms.Edition) ([]byte, Result) {
	t.Helper()
	var buf bytes.Buffer
	res, err := Render(&buf, f, ed, Options{Created: fixedTime})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes(), res
}

// lookTool returns the path of a poppler-utils program. Without it the
// test is skipped on a developer's machine, but fails under CI=true: CI
// installs poppler-utils (.ci/run, the README's first command), and a
// check of the PDF's text must not silently not run there.
func lookTool(t testing.TB, name string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s (poppler-utils) is not installed, and CI=true requires it: apt-get install poppler-utils", name)
		}
		t.Skipf("%s (poppler-utils) is not installed", name)
	}
	return bin
}

// pdftotext extracts the text of a PDF in content order (-raw); pages are
// separated by form feeds.
func pdftotext(t testing.TB, pdf []byte) string {
	t.Helper()
	bin := lookTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// squeeze removes all white space, so that text wrapped over lines can be
// searched for as a whole.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestExamplesText checks, for each example filing, that the extracted text
// holds every item of the form in order with its ticks and 备注, every member
// name exactly, and a page number on every page.
func TestExamplesText(t *testing.T) {
	for _, name := range exampleNames {
		t.Run(name, func(t *testing.T) {
			f, ed := example(t, name)
			pdf, res := renderFixed(t, f, ed)
			text := pdftotext(t, pdf)
			all := squeeze(text)
			d := forms.Derive(f, ed)

			cursor := 0
			for _, sec := range ed.Sections {
				for _, it := range sec.Items {
					rows := []forms.Item{it}
					if len(it.Parts) > 0 {
						rows = it.Parts
						if !strings.Contains(all, squeeze(formtext.ItemLabel(it))) {
							t.Errorf("group label %q missing", formtext.ItemLabel(it))
						}
					}
					for _, row := range rows {
						label := squeeze(formtext.ItemLabel(row))
						i := strings.Index(all[cursor:], label)
						if i < 0 {
							t.Errorf("item %s %q missing or out of order", row.ID, formtext.ItemLabel(row))
							continue
						}
						cursor += i + len(label)
						var want string
						if sec.Kind == forms.SectionAnswers {
							want = squeeze(formtext.Choice(f.Answers[row.ID].Met, sec.Answers[0], sec.Answers[1], " ") + d.NoteFor(f, row.ID))
						} else {
							n, ok := f.CollegeItemCounts[row.ID]
							if !ok {
								n = d.CollegeCounts[row.ID]
							}
							want = strconv.Itoa(n) + squeeze(d.NoteFor(f, row.ID))
						}
						if !strings.HasPrefix(all[cursor:], want) {
							t.Errorf("item %s: after the text comes %q, want %q", row.ID, prefix(all[cursor:], 30), want)
						}
					}
				}
			}
			for i, sig := range ed.Signatures {
				want := squeeze(sig.Title)
				if sig.Kind == forms.SignatureOpinion {
					accepts := f.Opinions.UnionAccepts
					if i > 0 {
						accepts = f.Opinions.LeagueAccepts
					}
					want += squeeze("对评估意见是否认可：" + formtext.Choice(accepts, "认可", "不认可", "　") + "盖章：年月日")
				} else {
					want += squeeze(formtext.Choice(nil, "通过", "未通过", "") + "工作组：负责人签字：年月日")
				}
				if !strings.Contains(all, want) {
					t.Errorf("signature block %q: %q not in the text", sig.Title, want)
				}
			}
			for i, m := range f.Members {
				if !strings.Contains(all, squeeze(m.Name)) {
					t.Errorf("member %d name %q missing", i+1, m.Name)
				}
			}
			pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
			if len(pages) != res.Pages {
				t.Errorf("text has %d pages, Render says %d", len(pages), res.Pages)
			}
			for i, p := range pages {
				if want := fmt.Sprintf("第%d页共%d页", i+1, res.Pages); !strings.Contains(squeeze(p), want) {
					t.Errorf("page %d lacks %q", i+1, want)
				}
			}
			checkKinsoku(t, text)
		})
	}
}

func prefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// checkKinsoku checks that no extracted line starts with closing
// punctuation or ends with opening punctuation.
func checkKinsoku(t *testing.T, text string) {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(line)
		last, _ := utf8.DecodeLastRuneInString(line)
		if linebreak.IsClosing(first) && first != '%' {
			t.Errorf("line starts with %q: %q", first, line)
		}
		if linebreak.IsOpening(last) {
			t.Errorf("line ends with %q: %q", last, line)
		}
	}
}

// golden is what the tests pin down for each example.
type golden struct {
	Pages int `json:"pages"`
	// Glyphs is the number of glyphs in the embedded font subset.
	Glyphs int `json:"glyphs"`
	// Headings are the numbered section headings, in order.
	Headings []string `json:"headings"`
}

// TestExamplesGolden compares page counts, subset sizes and the section
// headings of the examples with testdata/golden.json (-update rewrites it).
func TestExamplesGolden(t *testing.T) {
	got := map[string]golden{}
	for _, name := range exampleNames {
		f, ed := example(t, name)
		var buf bytes.Buffer
		res, rep, err := render(&buf, f, ed, nil, Options{Created: fixedTime})
		if err != nil {
			t.Fatal(err)
		}
		font := embeddedFont(t, buf.Bytes())
		g := golden{Pages: res.Pages, Glyphs: font.numGlyphs, Headings: rep.headings}
		text := squeeze(pdftotext(t, buf.Bytes()))
		for _, h := range rep.headings {
			if !strings.Contains(text, squeeze(h)) {
				t.Errorf("%s: heading %q not in the text", name, h)
			}
		}
		got[name] = g
	}
	path := filepath.Join("testdata", "golden.json")
	if *update {
		data, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var want map[string]golden
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	for _, name := range exampleNames {
		g, w := got[name], want[name]
		if g.Pages != w.Pages {
			t.Errorf("%s: %d pages, want %d", name, g.Pages, w.Pages)
		}
		if g.Glyphs != w.Glyphs {
			t.Errorf("%s: %d glyphs embedded, want %d", name, g.Glyphs, w.Glyphs)
		}
		if strings.Join(g.Headings, "|") != strings.Join(w.Headings, "|") {
			t.Errorf("%s: headings\n%q\nwant\n%q", name, g.Headings, w.Headings)
		}
	}
}

// fontInfo is what the test reads back about the embedded font.
type fontInfo struct {
	baseFont   string
	compressed int
	numGlyphs  int
	font       *fontsubset.Font
}

var (
	baseFontRe = regexp.MustCompile(`/BaseFont /([A-Za-z0-9+]+)`)
	fontFileRe = regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)\n>>\nstream\n`)
)

// embeddedFont finds the report's embedded font program and parses it.
func embeddedFont(t testing.TB, pdf []byte) fontInfo {
	t.Helper()
	if n := bytes.Count(pdf, []byte("/FontFile2 ")); n != 1 {
		t.Fatalf("%d embedded TrueType fonts, want 1", n)
	}
	m := fontFileRe.FindSubmatchIndex(pdf)
	if m == nil {
		t.Fatal("font program stream not found")
	}
	n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
	zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	font, err := fontsubset.Parse(raw)
	if err != nil {
		t.Fatalf("embedded font does not parse: %v", err)
	}
	bf := baseFontRe.FindSubmatch(pdf)
	if bf == nil {
		t.Fatal("no /BaseFont")
	}
	return fontInfo{baseFont: string(bf[1]), compressed: n, numGlyphs: font.Sfnt().NumGlyphs(), font: font}
}

// TestFontEmbeddedSubset checks that the font is embedded as a subset: a
// tagged name, far fewer glyphs and bytes than the 15 MB font, and exactly
// the characters printed.
func TestFontEmbeddedSubset(t *testing.T) {
	f, ed := example(t, "yangquan-2021.json")
	pdf, _ := renderFixed(t, f, ed)
	fi := embeddedFont(t, pdf)
	if !regexp.MustCompile(`^[A-Z]{6}\+BousungEG`).MatchString(fi.baseFont) {
		t.Errorf("font name %q is not a subset name of the bundled Song face (ABCDEF+BousungEG…)", fi.baseFont)
	}
	if fi.compressed > 400_000 {
		t.Errorf("embedded font is %d bytes; a subset should be far below the 15 MB font", fi.compressed)
	}
	if fi.numGlyphs > 2000 || fi.numGlyphs < 300 {
		t.Errorf("embedded font has %d glyphs", fi.numGlyphs)
	}
	var buf sfnt.Buffer
	for _, r := range "阳泉职业技术学院邢利峰第页共" {
		if !fi.font.Has(&buf, r) {
			t.Errorf("embedded font lacks %q", r)
		}
	}
	for _, r := range "☑□" {
		if fi.font.Has(&buf, r) {
			t.Errorf("embedded font has %q: check boxes must be drawn as vector marks", r)
		}
	}
	if fi.font.Has(&buf, '丁') {
		t.Error("embedded font has 丁, which the report does not print")
	}
	if bytes.Contains(pdf, []byte("/utf8sfx")) {
		t.Error("the PDF writer's font name is left in the file")
	}
}

// TestReproducibleAndPrivate checks that a fixed creation date gives
// byte-identical files, that the metadata is set, and that nothing about the
// machine is in the file.
func TestReproducibleAndPrivate(t *testing.T) {
	f, ed := example(t, "changji-2020.json")
	a, _ := renderFixed(t, f, ed)
	b, _ := renderFixed(t, f, ed)
	if !bytes.Equal(a, b) {
		t.Fatal("two reports with the same creation date differ")
	}
	var c bytes.Buffer
	if err := Write(&c, f, ed, Options{Created: fixedTime.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, c.Bytes()) {
		t.Error("the creation date is not in the file")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-1.5")) {
		t.Errorf("header %q, want %%PDF-1.5 (ActualText)", a[:8])
	}
	for _, want := range []string{"/CreationDate (D:20211130090000", "/Creator (", "/Title (", "/Subject (", "/Author ("} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("metadata %q missing", want)
		}
	}
	host, _ := os.Hostname()
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	for _, leak := range []string{host, wd, home, os.Getenv("USER"), os.TempDir()} {
		if len(leak) > 2 && bytes.Contains(a, []byte(leak)) {
			t.Errorf("the PDF contains %q from this machine", leak)
		}
	}
	text := pdfinfo(t, a)
	for _, want := range []string{"Title:           昌吉职业技术学院学生会 高校学生会组织深化改革评估备案表", "Creator:         sureform", "Author:          昌吉职业技术学院"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, text)
		}
	}
}

func pdfinfo(t testing.TB, pdf []byte) string {
	t.Helper()
	bin := lookTool(t, "pdfinfo")
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(out)
}
