// Package fontsubset cuts a TrueType font down to the glyphs of a given set
// of characters. The PDF report embeds only the glyphs it prints; cutting the
// 15 MB Chinese font before handing it to the PDF writer keeps both the file
// and the time to write it small.
//
// The subset keeps the tables a PDF TrueType font needs (head, hhea, maxp,
// OS/2, name, post, cmap, hmtx, loca, glyf and the hinting tables) and maps
// the characters of the Basic Multilingual Plane only, through a format 4
// cmap: that is what the PDF writer reads.
package fontsubset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"

	"golang.org/x/image/font/sfnt"

	"sureform/assets/fontfile"
)

// Font is a parsed TrueType font that can be asked for coverage and subsets.
// It is safe for concurrent use.
type Font struct {
	data   []byte
	tables map[string][]byte
	sf     *sfnt.Font

	// scaled caches rescaled glyph data by scaledKey, so that a process
	// writing many reports rescales each glyph once.
	scaled sync.Map

	numGlyphs    int
	numHMetrics  int
	longLoca     bool
	unitsPerEm   int
	tableOrderIn []string
}

// scaledKey names a glyph rescaled to a grid.
type scaledKey struct{ glyph, unitsPerEm int }

// ErrNotTrueType is returned for font data without TrueType outlines (a glyf
// table), such as CFF-based OpenType fonts, which the PDF writer cannot
// embed.
var ErrNotTrueType = errors.New("not a TrueType-outline font")

// Parse reads a TrueType font. data must not be modified afterwards.
func Parse(data []byte) (*Font, error) {
	t, err := fontfile.ReadTables(data)
	if err != nil {
		return nil, err
	}
	return parse(data, t, -1)
}

// IsCollection reports whether data is a TrueType collection (.ttc).
func IsCollection(data []byte) bool { return fontfile.IsCollection(data) }

// NumFaces is the number of fonts in data: the collection's count for a
// TrueType collection, 1 otherwise.
func NumFaces(data []byte) int { return fontfile.NumFaces(data) }

// ParseFace reads font index (from 0) of a TrueType collection (.ttc), or
// the font itself when data is a single font and index is 0.
func ParseFace(data []byte, index int) (*Font, error) {
	t, err := fontfile.ReadFaceTables(data, index)
	if err != nil {
		return nil, err
	}
	if !fontfile.IsCollection(data) {
		index = -1
	}
	return parse(data, t, index)
}

// parse checks a font's tables; index is its place in a collection, or -1
// for a single font.
func parse(data []byte, t *fontfile.Tables, index int) (*Font, error) {
	f := &Font{data: data, tables: t.ByTag, tableOrderIn: t.Order}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "cmap", "name", "post"} {
		if _, ok := f.tables[t]; !ok {
			return nil, fmt.Errorf("font lacks the %q table", t)
		}
	}
	if _, ok := f.tables["glyf"]; !ok {
		return nil, ErrNotTrueType
	}
	head, hhea, maxp := f.tables["head"], f.tables["hhea"], f.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("font head, hhea or maxp table truncated")
	}
	f.unitsPerEm = int(binary.BigEndian.Uint16(head[18:]))
	f.longLoca = binary.BigEndian.Uint16(head[50:]) == 1
	f.numHMetrics = int(binary.BigEndian.Uint16(hhea[34:]))
	f.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	if f.numHMetrics == 0 || f.numHMetrics > f.numGlyphs || len(f.tables["hmtx"]) < 4*f.numHMetrics+2*(f.numGlyphs-f.numHMetrics) {
		return nil, errors.New("font hmtx table inconsistent")
	}
	locaEntry := 2
	if f.longLoca {
		locaEntry = 4
	}
	if len(f.tables["loca"]) < locaEntry*(f.numGlyphs+1) {
		return nil, errors.New("font loca table truncated")
	}
	var sf *sfnt.Font
	var err error
	if index < 0 {
		sf, err = sfnt.Parse(data)
	} else {
		var c *sfnt.Collection
		if c, err = sfnt.ParseCollection(data); err == nil {
			sf, err = c.Font(index)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("reading font: %w", err)
	}
	f.sf = sf
	return f, nil
}

// UnitsPerEm is the font's design units per em.
func (f *Font) UnitsPerEm() int { return f.unitsPerEm }

// Sfnt returns the font as parsed by golang.org/x/image/font/sfnt, for
// reading glyph outlines.
func (f *Font) Sfnt() *sfnt.Font { return f.sf }

// GlyphIndex returns the glyph of r, or 0 when the font lacks it.
func (f *Font) GlyphIndex(buf *sfnt.Buffer, r rune) int {
	g, err := f.sf.GlyphIndex(buf, r)
	if err != nil {
		return 0
	}
	return int(g)
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(buf *sfnt.Buffer, r rune) bool { return f.GlyphIndex(buf, r) != 0 }

// Advance returns the advance width of glyph g in font units.
func (f *Font) Advance(g int) int {
	hmtx := f.tables["hmtx"]
	if g >= f.numHMetrics {
		g = f.numHMetrics - 1
	}
	if g < 0 || 4*g+2 > len(hmtx) {
		return 0
	}
	return int(binary.BigEndian.Uint16(hmtx[4*g:]))
}

func (f *Font) glyphData(g int) ([]byte, error) {
	loca := f.tables["loca"]
	size := 2
	if f.longLoca {
		size = 4
	}
	if g < 0 || size*(g+2) > len(loca) {
		return nil, fmt.Errorf("glyph %d has no loca entry", g)
	}
	var start, end int
	if f.longLoca {
		start = int(binary.BigEndian.Uint32(loca[4*g:]))
		end = int(binary.BigEndian.Uint32(loca[4*g+4:]))
	} else {
		start = 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
		end = 2 * int(binary.BigEndian.Uint16(loca[2*g+2:]))
	}
	glyf := f.tables["glyf"]
	if start > end || end > len(glyf) {
		return nil, fmt.Errorf("glyph %d out of bounds", g)
	}
	return glyf[start:end], nil
}

func (f *Font) metrics(g int) (adv, lsb uint16) {
	hmtx := f.tables["hmtx"]
	if g < f.numHMetrics {
		return binary.BigEndian.Uint16(hmtx[4*g:]), binary.BigEndian.Uint16(hmtx[4*g+2:])
	}
	adv = binary.BigEndian.Uint16(hmtx[4*(f.numHMetrics-1):])
	lsb = binary.BigEndian.Uint16(hmtx[4*f.numHMetrics+2*(g-f.numHMetrics):])
	return adv, lsb
}

// Component is one component record of a composite glyph.
type Component = fontfile.Component

// ErrCompositeTruncated is returned for a composite glyph whose records
// run past its data.
var ErrCompositeTruncated = fontfile.ErrCompositeTruncated

// Components lists the component records of a composite glyph (glyf
// table data of one glyph) and where the last one ends; see
// fontfile.Components.
func Components(data []byte) ([]Component, int, error) { return fontfile.Components(data) }

// components returns the offsets (within data) of the glyph indexes of a
// composite glyph's components.
func components(data []byte) ([]int, error) {
	comps, _, err := Components(data)
	if err != nil {
		return nil, err
	}
	offs := make([]int, len(comps))
	for i, c := range comps {
		offs[i] = c.Offset + 2
	}
	return offs, nil
}

// Subset returns a TrueType font holding the glyphs of runes (and .notdef),
// mapped by a format 4 cmap. Runes outside the Basic Multilingual Plane and
// runes the font lacks are left out; Has tells which those are.
func (f *Font) Subset(runes []rune) ([]byte, error) { return f.SubsetScaled(runes, 0) }

// SubsetScaled is Subset with the outlines and metrics rescaled to
// unitsPerEm design units per em (0 keeps the font's own). A coarser grid
// makes the outlines' coordinate deltas fit in fewer bytes: at 500 units per
// em a point moves by at most 1/1000 em, a hundredth of a millimetre at text
// sizes, well below what a printer resolves.
func (f *Font) SubsetScaled(runes []rune, unitsPerEm int) ([]byte, error) {
	if unitsPerEm < 0 || unitsPerEm > 16384 {
		return nil, fmt.Errorf("units per em %d out of range", unitsPerEm)
	}
	scale := 1.0
	if unitsPerEm > 0 && unitsPerEm != f.unitsPerEm {
		scale = float64(unitsPerEm) / float64(f.unitsPerEm)
	}
	var buf sfnt.Buffer
	rs := make([]rune, 0, len(runes))
	seen := map[rune]bool{}
	for _, r := range runes {
		if r <= 0 || r >= 0xFFFF || seen[r] {
			continue
		}
		seen[r] = true
		if f.Has(&buf, r) {
			rs = append(rs, r)
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })

	// New glyph ids: .notdef, then one per rune in rune order (so that runs
	// of consecutive runes get consecutive glyphs and few cmap segments),
	// then the components of composite glyphs.
	oldOf := []int{0}
	newOf := map[int]int{0: 0}
	runeGlyph := make([]int, len(rs))
	for i, r := range rs {
		g := f.GlyphIndex(&buf, r)
		if ng, ok := newOf[g]; ok {
			runeGlyph[i] = ng
			continue
		}
		newOf[g] = len(oldOf)
		runeGlyph[i] = len(oldOf)
		oldOf = append(oldOf, g)
	}
	for i := 0; i < len(oldOf); i++ {
		data, err := f.glyphData(oldOf[i])
		if err != nil {
			return nil, err
		}
		offs, err := components(data)
		if err != nil {
			return nil, fmt.Errorf("glyph %d: %w", oldOf[i], err)
		}
		for _, o := range offs {
			c := int(binary.BigEndian.Uint16(data[o:]))
			if c >= f.numGlyphs {
				return nil, fmt.Errorf("glyph %d: component %d out of range", oldOf[i], c)
			}
			if _, ok := newOf[c]; !ok {
				newOf[c] = len(oldOf)
				oldOf = append(oldOf, c)
			}
		}
	}
	if len(oldOf) > 0xFFFF {
		return nil, errors.New("too many glyphs for one font")
	}

	var glyf, loca, hmtx []byte
	for _, g := range oldOf {
		data, _ := f.glyphData(g)
		offs, _ := components(data)
		if scale != 1 {
			key := scaledKey{g, unitsPerEm}
			if v, ok := f.scaled.Load(key); ok {
				data = v.([]byte)
			} else {
				var err error
				if data, err = scaleGlyph(data, scale); err != nil {
					return nil, fmt.Errorf("glyph %d: %w", g, err)
				}
				f.scaled.Store(key, data)
			}
		}
		if len(offs) > 0 {
			data = append([]byte(nil), data...) // the cache and the font stay as they are
			for _, o := range offs {
				c := int(binary.BigEndian.Uint16(data[o:]))
				binary.BigEndian.PutUint16(data[o:], uint16(newOf[c]))
			}
		}
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, data...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		adv, lsb := f.metrics(g)
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(scaleU(adv, scale)))
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(scaleS(lsb, scale)))
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))

	cmap, err := cmapFormat4(rs, runeGlyph)
	if err != nil {
		return nil, err
	}

	head := append([]byte(nil), f.tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1)
	hhea := append([]byte(nil), f.tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(oldOf)))
	maxp := append([]byte(nil), f.tables["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(oldOf)))
	post := append([]byte(nil), f.tables["post"]...)
	if len(post) > 32 {
		post = post[:32]
	}
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names

	if scale != 1 {
		binary.BigEndian.PutUint16(head[18:], uint16(unitsPerEm))
		scaleFields(head, scale, 36, 38, 40, 42)
		scaleFields(hhea, scale, 4, 6, 8, 10, 12, 14, 16, 22)
		scaleFields(post, scale, 8, 10)
	}
	os2 := f.tables["OS/2"]
	if os2 != nil && scale != 1 {
		os2 = append([]byte(nil), os2...)
		fields := []int{2, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 68, 70, 72, 74, 76, 86, 88}
		for _, o := range fields {
			if o+2 <= len(os2) && !(o >= 86 && binary.BigEndian.Uint16(os2) < 2) {
				scaleFields(os2, scale, o)
			}
		}
	}
	out := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "post": post,
		"cmap": cmap, "hmtx": hmtx, "loca": loca, "glyf": glyf,
		"name": f.tables["name"],
	}
	if os2 != nil {
		out["OS/2"] = os2
	}
	if scale == 1 {
		// Hinting programs work in the font's own units.
		for _, t := range []string{"cvt ", "fpgm", "prep"} {
			if d, ok := f.tables[t]; ok {
				out[t] = d
			}
		}
	}
	if d, ok := f.tables["gasp"]; ok {
		out["gasp"] = d
	}
	return fontfile.Assemble(0x00010000, out), nil
}

// cmapFormat4 builds a cmap table with one (3,1) format 4 subtable mapping
// the sorted runes rs to glyphs gs.
func cmapFormat4(rs []rune, gs []int) ([]byte, error) {
	type seg struct{ start, end, delta int }
	var segs []seg
	for i, r := range rs {
		d := gs[i] - int(r)
		if n := len(segs); n > 0 && segs[n-1].end == int(r)-1 && segs[n-1].delta == d {
			segs[n-1].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), d})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil, fmt.Errorf("too many characters (%d ranges) for one font subset", n)
	}
	var sub []byte
	u16 := func(v int) { sub = binary.BigEndian.AppendUint16(sub, uint16(v)) }
	searchRange, entrySelector := 2, 0
	for searchRange*2 <= 2*n {
		searchRange *= 2
		entrySelector++
	}
	u16(4)
	u16(length)
	u16(0) // language
	u16(2 * n)
	u16(searchRange)
	u16(entrySelector)
	u16(2*n - searchRange)
	for _, s := range segs {
		u16(s.end)
	}
	u16(0) // reservedPad
	for _, s := range segs {
		u16(s.start)
	}
	for _, s := range segs {
		u16(s.delta & 0xFFFF)
	}
	for range segs {
		u16(0) // idRangeOffset
	}
	var t []byte
	t = binary.BigEndian.AppendUint16(t, 0) // version
	t = binary.BigEndian.AppendUint16(t, 1) // one subtable
	t = binary.BigEndian.AppendUint16(t, 3) // Windows
	t = binary.BigEndian.AppendUint16(t, 1) // Unicode BMP
	t = binary.BigEndian.AppendUint32(t, 12)
	return append(t, sub...), nil
}
