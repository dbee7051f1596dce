package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/jung-kurt/gofpdf"

	"sureform/assets"
	"sureform/export/pdf/fontsubset"
	"sureform/export/pdf/glyph"
)

// fontFamily is the family name the report registers its font under. The
// PDF writer names the font "utf8" + family; finish renames it to the
// subset's proper name (six-letter tag + "+" + font name), which must be
// exactly as long so that the file's offsets stay valid.
const (
	// subsetUnitsPerEm is the design grid of the embedded subset (see
	// fontsubset.SubsetScaled): 1/250 em is 0.015 mm at 10.5 pt and
	// 0.024 mm at the 17 pt title, below a 1200 dpi printer's dot, and it
	// makes the font, most of a report, about a fifth smaller.
	subsetUnitsPerEm = 250

	fontFamily   = "sureformwenka"
	fontBaseName = "LXGWWenKai"
)

var (
	mainOnce sync.Once
	mainFont *fontsubset.Font
	mainErr  error
)

// fonts are the fonts a report draws with.
type fonts struct {
	main *fontsubset.Font
	// mainOutlines draws the main font's characters outside the Basic
	// Multilingual Plane, which the PDF text machinery cannot print.
	mainOutlines glyph.Source
	// fallback has the characters the main font lacks.
	fallback glyph.Source
}

// loadFonts parses the main font (once per process) and the caller's
// fallback fonts.
func loadFonts(extra [][]byte) (*fonts, error) {
	mainOnce.Do(func() {
		mainFont, mainErr = fontsubset.Parse(assets.FontRegular)
		if mainErr != nil {
			mainErr = fmt.Errorf("内置字体无法读取：%w", mainErr)
		}
	})
	if mainErr != nil {
		return nil, mainErr
	}
	var fb glyph.Sources
	for i, data := range extra {
		s, err := glyph.NewFontSource(data)
		if err != nil {
			return nil, fmt.Errorf("第 %d 个备用字体无法读取：%w", i+1, err)
		}
		fb = append(fb, s)
	}
	fb = append(fb, bundledSource{})
	return &fonts{main: mainFont, mainOutlines: glyph.FontSourceOf(mainFont.Sfnt()), fallback: fb}, nil
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
}

// metadata is the document information of a report.
type metadata struct {
	title, subject, author, keywords string
}

// newDocument starts an A4 document that embeds the glyphs of runes.
func newDocument(fs *fonts, runes []rune, md metadata, created time.Time) (*document, error) {
	sub, err := fs.main.SubsetScaled(runes, subsetUnitsPerEm)
	if err != nil {
		return nil, fmt.Errorf("字体子集：%w", err)
	}
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	// compressStreams deflates the pages with one reused compressor.
	p.SetCompression(false)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.AddUTF8FontFromBytes(fontFamily, "", sub)
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("嵌入字体：%w", err)
	}
	p.SetFont(fontFamily, "", 10)
	p.SetTitle(md.title, true)
	p.SetSubject(md.subject, true)
	p.SetAuthor(md.author, true)
	p.SetKeywords(md.keywords, true)
	p.SetCreator("sureform", true)
	p.SetProducer("sureform", true)
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	return &document{pdf: p, subset: sub, created: created}, nil
}

// finish writes the document out and gives the embedded font its subset
// name.
func (d *document) finish() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	old := []byte("/utf8" + fontFamily)
	name := []byte("/" + subsetTag(d.subset) + "+" + fontBaseName)
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
