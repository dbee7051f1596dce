package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"

	"sureform/assets"
	"sureform/export/pdf/fontsubset"
	"sureform/export/pdf/glyph"
)

// subsetUnitsPerEm is the design grid of the embedded subset (see
// fontsubset.SubsetScaled): 1/250 em is 0.015 mm at 10.5 pt and 0.024 mm
// at the 17 pt title, below a 1200 dpi printer's dot, and it makes the
// font, most of a report, about a fifth smaller.
const subsetUnitsPerEm = 250

// Face is the typeface a report is set in.
type Face struct {
	// Name is the face's family name as the font names it (SimSun, AR PL
	// SungtiL GB).
	Name string
	// Path is the installed font file the face was read from, "" for the
	// face bundled with sureform.
	Path string
}

// Faces says in Chinese which faces a report was set in: the body face
// and, when titles have their own, the title face.
func (r Result) Faces() string {
	if r.TitleFace.Name == "" {
		return r.Face.String()
	}
	return r.Face.String() + "，标题用 " + r.TitleFace.String()
}

// String says in Chinese which face was used, for the export's message.
func (f Face) String() string {
	if f.Path == "" {
		return "内置宋体 " + f.Name
	}
	return f.Name + "（" + f.Path + "）"
}

// songFiles are the file names, lower case, of the Song (宋体) and Fangsong
// (仿宋) faces looked for among the installed fonts, in order of preference:
// the Windows office faces, the macOS ones, then Linux Song faces.
var songFiles = []string{
	"simsun.ttc", "simsun.ttf", "simsunb.ttf", "simfang.ttf", "fangsong.ttf",
	"songti.ttc", "stsong.ttf", "stsong.ttc", "stfangsong.ttf", "stfangso.ttf", "fangsong.ttc",
	"gbsn00lp.ttf", "uming.ttc", "ukai.ttc",
}

// heiFiles are the file names, lower case, of the 黑体 (sans-serif) faces
// looked for to set titles in, in order of preference.
var heiFiles = []string{
	"simhei.ttf", "stheiti medium.ttc", "stheiti light.ttc", "stheiti.ttc", "msyh.ttc", "msyh.ttf",
	"wqy-zenhei.ttc", "wqy-microhei.ttc",
}

// coverageSample are characters every face the report is set in must have:
// the form's own words.
const coverageSample = "高校学生会组织深化改革评估备案表项目达标未备注意见盖章年月日是否认可通过签字"

// SystemFontDirs are the folders where this computer's installed fonts
// live: the Windows fonts folders, the macOS font libraries or the Linux
// font directories. Pass them as Options.FontDirs to set reports in an
// installed office Song face.
func SystemFontDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
	case "darwin":
		dirs = append(dirs, "/System/Library/Fonts", "/System/Library/Fonts/Supplemental", "/Library/Fonts")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
	default:
		dirs = append(dirs, "/usr/share/fonts", "/usr/local/share/fonts")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
		}
	}
	return dirs
}

// installedFace is a parsed installed font, cached by path, size and
// modification time.
type installedFace struct {
	font *fontsubset.Font
	name string
	ok   bool
}

var (
	installedMu sync.Mutex
	installed   = map[string]installedFace{}
)

// fontFiles lists the font files under dirs by lower-case name, the first
// found for each name.
func fontFiles(dirs []string) map[string]string {
	found := map[string]string{}
	for _, dir := range dirs {
		walkFonts(dir, 0, found)
	}
	return found
}

// findFace returns the first usable face among the files named in names.
func findFace(found map[string]string, names []string) (*fontsubset.Font, Face, bool) {
	for _, name := range names {
		path, ok := found[name]
		if !ok {
			continue
		}
		if f, fname, ok := loadInstalled(path); ok {
			return f, Face{Name: fname, Path: path}, true
		}
	}
	return nil, Face{}, false
}

// walkFonts records the font files under dir by lower-case name.
func walkFonts(dir string, depth int, found map[string]string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if e.IsDir() {
			if depth < 3 {
				walkFonts(path, depth+1, found)
			}
			continue
		}
		name := strings.ToLower(e.Name())
		if _, seen := found[name]; !seen {
			found[name] = path
		}
	}
}

// loadInstalled parses an installed font file once per process (again
// when the file changes) and picks its regular face.
func loadInstalled(path string) (*fontsubset.Font, string, bool) {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() > 64<<20 {
		return nil, "", false
	}
	key := fmt.Sprintf("%s|%d|%d", path, st.Size(), st.ModTime().UnixNano())
	installedMu.Lock()
	defer installedMu.Unlock()
	if f, ok := installed[key]; ok {
		return f.font, f.name, f.ok
	}
	var face installedFace
	if data, err := os.ReadFile(path); err == nil {
		face.font, face.name, face.ok = pickFace(data)
	}
	installed[key] = face
	return face.font, face.name, face.ok
}

// pickFace returns the first face of a font file (a collection has
// several: SimSun and NSimSun, the weights of Songti) that has TrueType
// outlines, a regular style and the form's characters.
func pickFace(data []byte) (*fontsubset.Font, string, bool) {
	var buf sfnt.Buffer
	var fallback *fontsubset.Font
	fallbackName := ""
	for i := 0; i < fontsubset.NumFaces(data) && i < 32; i++ {
		f, err := fontsubset.ParseFace(data, i)
		if err != nil {
			continue // CFF outlines or a damaged face: not usable
		}
		covers := true
		for _, r := range coverageSample {
			if !f.Has(&buf, r) {
				covers = false
				break
			}
		}
		if !covers {
			continue
		}
		name, _ := f.Sfnt().Name(&buf, sfnt.NameIDFamily)
		style, _ := f.Sfnt().Name(&buf, sfnt.NameIDSubfamily)
		if strings.TrimSpace(name) == "" {
			name = "宋体"
		}
		if strings.EqualFold(strings.TrimSpace(style), "Regular") || style == "" {
			return f, name, true
		}
		if fallback == nil {
			fallback, fallbackName = f, name
		}
	}
	return fallback, fallbackName, fallback != nil
}

var (
	bundledOnce sync.Once
	bundledSong *fontsubset.Font
	bundledKai  glyph.Source
	bundledErr  error
)

// loadBundled parses the bundled Song face and the bundled LXGW WenKai,
// which supplies the characters the Song face lacks (once per process).
func loadBundled() error {
	bundledOnce.Do(func() {
		bundledSong, bundledErr = fontsubset.Parse(assets.FontSong)
		if bundledErr != nil {
			bundledErr = fmt.Errorf("内置宋体字体无法读取：%w", bundledErr)
			return
		}
		kai, err := glyph.NewFontSource(assets.FontRegular)
		if err != nil {
			bundledErr = fmt.Errorf("内置楷体字体无法读取：%w", err)
			return
		}
		bundledKai = kai
	})
	return bundledErr
}

// fonts are the fonts a report draws with.
type fonts struct {
	main *fontsubset.Font
	face Face
	// mainOutlines draws the main font's characters outside the Basic
	// Multilingual Plane, which the PDF text machinery cannot print.
	mainOutlines glyph.Source
	// fallback has the characters the main font lacks, tried one by one:
	// the caller's fonts, LXGW WenKai, then the bundled outline table.
	fallback glyph.Source
	// title is the installed 黑体 face titles are drawn in, nil for none;
	// titleFace names it.
	title     glyph.Source
	titleFace Face
}

// loadFonts picks the report's face, an installed Song face found in
// fontDirs or else the bundled one, and sets up the fallbacks.
func loadFonts(fontDirs []string, extra [][]byte) (*fonts, error) {
	if err := loadBundled(); err != nil {
		return nil, err
	}
	found := fontFiles(fontDirs)
	main, face, ok := findFace(found, songFiles)
	var title glyph.Source
	var titleFace Face
	if ok {
		// Titles in the office's 黑体 only with its Song face: without
		// installed office fonts the report is the same everywhere.
		if hei, hf, ok := findFace(found, heiFiles); ok {
			title, titleFace = glyph.FontSourceOf(hei.Sfnt()), hf
		}
	} else {
		main = bundledSong
		name, _ := main.Sfnt().Name(&sfnt.Buffer{}, sfnt.NameIDFamily)
		face = Face{Name: name}
	}
	var fb glyph.Sources
	for i, data := range extra {
		s, err := glyph.NewFontSource(data)
		if err != nil {
			return nil, fmt.Errorf("第 %d 个备用字体无法读取：%w", i+1, err)
		}
		fb = append(fb, s)
	}
	fb = append(fb, bundledKai, bundledSource{})
	return &fonts{main: main, face: face, mainOutlines: glyph.FontSourceOf(main.Sfnt()), fallback: fb,
		title: title, titleFace: titleFace}, nil
}

// bundledSource is the bundled outline table, decoded only when a report
// needs a character from it.
type bundledSource struct{}

func (bundledSource) Outline(r rune) (glyph.Outline, bool) {
	t, err := glyph.Bundled()
	if err != nil {
		return glyph.Outline{}, false
	}
	return t.Outline(r)
}

// document is the PDF being written.
type document struct {
	pdf     *gofpdf.Fpdf
	subset  []byte
	created time.Time
	// family is the name the PDF writer registers the font under;
	// baseName is the font's PostScript name, which finish gives the
	// subset.
	family, baseName string
}

// metadata is the document information of a report.
type metadata struct {
	title, subject, author, keywords string
}

// postScriptName is the font's PostScript name reduced to the characters a
// PDF font name may hold, or "SongTi".
func postScriptName(f *fontsubset.Font) string {
	name, _ := f.Sfnt().Name(&sfnt.Buffer{}, sfnt.NameIDPostScript)
	var b strings.Builder
	for _, r := range name {
		if r < 0x80 && (r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || b.Len() > 40 {
		return "SongTi"
	}
	return b.String()
}

// newDocument starts an A4 document that embeds the glyphs of runes.
func newDocument(fs *fonts, runes []rune, md metadata, created time.Time) (*document, error) {
	sub, err := fs.main.SubsetScaled(runes, subsetUnitsPerEm)
	if err != nil {
		return nil, fmt.Errorf("字体子集：%w", err)
	}
	// The writer names the font "utf8" + family; finish renames it to the
	// subset's proper name (six-letter tag + "+" + PostScript name), which
	// must be exactly as long so that the file's offsets stay valid.
	base := postScriptName(fs.main)
	family := "sf" + strings.Repeat("x", 1+len(base))
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	// compressStreams deflates the pages with one reused compressor.
	p.SetCompression(false)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.AddUTF8FontFromBytes(family, "", sub)
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("嵌入字体：%w", err)
	}
	p.SetFont(family, "", 10)
	p.SetTitle(md.title, true)
	p.SetSubject(md.subject, true)
	p.SetAuthor(md.author, true)
	p.SetKeywords(md.keywords, true)
	p.SetCreator("sureform", true)
	p.SetProducer("sureform", true)
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	return &document{pdf: p, subset: sub, created: created, family: family, baseName: base}, nil
}

// finish writes the document out and gives the embedded font its subset
// name.
func (d *document) finish() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	old := []byte("/utf8" + d.family)
	name := []byte("/" + subsetTag(d.subset) + "+" + d.baseName)
	if len(old) != len(name) {
		return nil, fmt.Errorf("font name lengths differ: %q, %q", old, name)
	}
	data = bytes.ReplaceAll(data, old, name)
	// Marked content with /ActualText, which makes drawn characters
	// extractable, is a PDF 1.5 feature; the writer declares 1.3.
	if bytes.HasPrefix(data, []byte("%PDF-1.3")) {
		data[7] = '5'
	}
	return compressStreams(data)
}

// subsetTag derives the six capital letters that mark a font subset from the
// subset's bytes, so that equal subsets get equal names.
func subsetTag(sub []byte) string {
	h := sha256.Sum256(sub)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + h[i]%26
	}
	return string(tag)
}

// sortedRunes returns the keys of a rune set in order.
func sortedRunes(set map[rune]bool) []rune {
	out := make([]rune, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
