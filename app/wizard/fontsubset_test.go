package wizard

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"

	"sureform/app/fontprune"
	"sureform/assets"
	"sureform/forms"
)

// draws reports whether the font resource has an outline for r.
func draws(t *testing.T, res fyne.Resource, r rune) bool {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		t.Fatalf("%s does not parse: %v", res.Name(), err)
	}
	gid, ok := f.NominalGlyph(r)
	if !ok {
		return false
	}
	out, ok := f.GlyphData(gid).(font.GlyphOutline)
	return ok && len(out.Segments) > 0
}

func TestFontSubsetAdd(t *testing.T) {
	s := newFontSubset(assets.FontRegular, func() []rune { return []rune("学生会") })
	if !s.Has('学') || s.Has('矞') {
		t.Fatalf("base set wrong: 学 %v, 矞 %v", s.Has('学'), s.Has('矞'))
	}
	res, err := s.Resource()
	if err != nil {
		t.Fatal(err)
	}
	if !draws(t, res, '学') || draws(t, res, '矞') || draws(t, res, '喆') {
		t.Fatal("first subset should draw 学, not 矞 or 喆")
	}
	if again, _ := s.Resource(); again != res {
		t.Error("unchanged set pruned the font again")
	}
	f := &forms.Filing{School: "学生会", Members: []forms.Member{{Name: "王矞"}}, Texts: forms.Texts{Experience: "喆"}}
	if !s.Add(f) {
		t.Fatal("Add found nothing new in a filing with 矞 and 喆")
	}
	if s.Add(f, "学生", "\U0001F600") { // known characters; an emoji the font does not have
		t.Error("Add reports new characters where there are none the font has")
	}
	res2, err := s.Resource()
	if err != nil {
		t.Fatal(err)
	}
	if res2.Name() == res.Name() {
		t.Error("the new subset has the old one's name; Fyne's caches would mix them up")
	}
	for _, r := range "学矞喆" {
		if !draws(t, res2, r) {
			t.Errorf("new subset does not draw %q", r)
		}
	}
}

func TestEachString(t *testing.T) {
	type inner struct {
		A string
		b []string
	}
	var got []string
	v := struct {
		P  *inner
		M  map[string]any
		N  []int
		By []byte
		I  any
	}{P: &inner{A: "a", b: []string{"b"}}, M: map[string]any{"k": []string{"v"}}, N: []int{1}, By: []byte("no"), I: "i"}
	eachString(reflect.ValueOf(v), func(s string) { got = append(got, s) })
	if strings.Join(got, ",") != "a,b,k,v,i" {
		t.Errorf("strings = %v, want a,b,k,v,i", got)
	}
}

// TestRareCharacterInFiling opens filings whose names use characters
// outside GB 2312 (the example from 阳泉 has 矞) and edits one in, with
// sureform's theme: the theme's font must draw them afterwards.
func TestRareCharacterInFiling(t *testing.T) {
	// A fresh subset, as at start-up: the process-wide one has grown with
	// the filings earlier tests opened.
	saved := interfaceFont
	interfaceFont = newFontSubset(assets.FontRegular, interfaceRunes)
	t.Cleanup(func() { interfaceFont = saved })
	w := newTestWindow(t, allBackends())
	w.app.Settings().SetTheme(NewTheme())
	for _, r := range "堃喆" {
		if interfaceFont.Has(r) {
			t.Fatalf("%q is in the font before any filing has it; pick a rarer character", r)
		}
	}
	f, err := forms.Decode(mustRead(t, "../../assets/examples/yangquan-2021.json"))
	if err != nil {
		t.Fatal(err)
	}
	f.Members[0].Name = "李堃"
	path := filepath.Join(t.TempDir(), "备案.json")
	if err := forms.Save(path, f); err != nil {
		t.Fatal(err)
	}
	w.OpenExample("yangquan-2021.json")
	if !draws(t, w.app.Settings().Theme().Font(fyne.TextStyle{Bold: true}), '矞') {
		t.Error("after opening the example, the theme's font does not draw 矞")
	}
	w.openFile(path)
	if w.doc == nil || w.doc.filing.Members[0].Name != "李堃" {
		t.Fatal("filing not opened")
	}
	font := w.app.Settings().Theme().Font(fyne.TextStyle{})
	if !draws(t, font, '堃') {
		t.Error("after opening, the theme's font does not draw 堃")
	}
	w.ShowStepByTitle("工作人员名单")
	p := w.pages[stepRoster].(*rosterPage)
	p.setCell(1, columnOfField("name"), "王喆")
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Monospace: true}} {
		if !draws(t, w.app.Settings().Theme().Font(style), '喆') {
			t.Errorf("after the edit, the theme's %+v font does not draw 喆", style)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestInterfaceWordsInFont checks that every character in the program's
// own words (the string literals of its Go code outside tests, and Fyne's
// dialog words) is in the interface font from the start.
func TestInterfaceWordsInFont(t *testing.T) {
	inFont := map[rune]bool{}
	runes, err := fontprune.Runes(assets.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runes {
		inFont[r] = true
	}
	base := map[rune]bool{}
	for _, r := range interfaceRunes() {
		base[r] = true
	}
	missing := map[rune][]string{}
	check := func(where, s string) {
		for _, r := range s {
			if r >= 0x80 && inFont[r] && !base[r] {
				missing[r] = append(missing[r], where)
			}
		}
	}
	fset := token.NewFileSet()
	files := 0
	err = filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		files++
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && (lit.Kind == token.STRING || lit.Kind == token.CHAR) {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					check(fset.Position(lit.Pos()).String(), s)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read only %d Go files; is the test run from app/wizard?", files)
	}
	check("app/fyne.zh.json", string(mustRead(t, "../fyne.zh.json")))
	for r, where := range missing {
		t.Errorf("%q (%U) is not in the interface font; add it to extraInterfaceRunes (used at %s)", r, r, where[0])
	}
}

// BenchmarkInterfaceFont prunes the interface font once more (what a new
// character in the data costs) and reports the heap one parsed face of it
// holds in Fyne (it keeps two: regular and bold) beside the whole font's.
func BenchmarkInterfaceFont(b *testing.B) {
	s := newFontSubset(assets.FontRegular, interfaceRunes)
	var res fyne.Resource
	for i := 0; i < b.N; i++ {
		s.stale = true
		var err error
		if res, err = s.Resource(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	faceBytes := func(ttf []byte) float64 {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		f, err := font.ParseTTF(bytes.NewReader(ttf))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&m1)
		runtime.KeepAlive(f)
		return float64(m1.HeapAlloc) - float64(m0.HeapAlloc)
	}
	b.ReportMetric(faceBytes(res.Content())/1e6, "face-MB")
	b.ReportMetric(faceBytes(assets.FontRegular)/1e6, "wholefont-face-MB")
	b.ReportMetric(float64(len(res.Content()))/1e6, "subset-MB")
}
