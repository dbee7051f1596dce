// Package fontprune makes smaller TrueType fonts for the GUI: it keeps the
// outlines of chosen characters and empties every other glyph, and maps only
// the chosen characters, so that a renderer falls back to another font for
// the others; glyph ids, metrics and layout tables stay as they are (only the
// glyph names of the post table go). Fyne parses a font once per text style and keeps
// every outline in memory (about 54 MB for the bundled Chinese font), so
// the GUI uses a copy pruned to the characters it can show.
package fontprune

import (
	"encoding/binary"
	"errors"
	"sort"

	"sureform/assets/fontfile"
)

// ErrNoUnicodeCmap is returned for a font without a format 4 or 12 Unicode
// character map, which this package cannot read.
var ErrNoUnicodeCmap = fontfile.ErrNoUnicodeCmap

// Runes returns the characters the TrueType font ttf maps to a glyph other
// than glyph 0 (the missing-character box), in cmap order.
func Runes(ttf []byte) ([]rune, error) {
	t, err := fontfile.ReadTables(ttf)
	if err != nil {
		return nil, err
	}
	var out []rune
	err = fontfile.MapRunes(t.ByTag["cmap"], func(r rune, g int) {
		if g != 0 {
			out = append(out, r)
		}
	})
	return out, err
}

// Prune returns a copy of the TrueType font ttf in which only the glyphs of
// the runes for which keep returns true (and glyph 0, the glyphs no rune
// maps to, which glyph substitution may use, and the components of kept
// composite glyphs) have outlines. The copy's character map (one
// format 12 subtable) holds only those runes, and it has no glyph names
// (post table version 3), which text rendering does not use.
func Prune(ttf []byte, keep func(rune) bool) ([]byte, error) {
	t, err := fontfile.ReadTables(ttf)
	if err != nil {
		return nil, err
	}
	tables := t.ByTag
	head, maxp, loca, glyf, cmap := tables["head"], tables["maxp"], tables["loca"], tables["glyf"], tables["cmap"]
	if head == nil || maxp == nil || loca == nil || glyf == nil || cmap == nil || len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("not a TrueType-outline font (missing head, maxp, loca, glyf or cmap)")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	offsets, err := fontfile.Loca(loca, numGlyphs, longLoca, len(glyf))
	if err != nil {
		return nil, err
	}
	kept := make([]bool, numGlyphs)
	kept[0] = true
	hasRune := make([]bool, numGlyphs)
	var mapped []runeGlyph
	if err := fontfile.MapRunes(cmap, func(r rune, g int) {
		if g <= 0 || g >= numGlyphs {
			return
		}
		hasRune[g] = true
		if keep(r) {
			kept[g] = true
			mapped = append(mapped, runeGlyph{r, g})
		}
	}); err != nil {
		return nil, err
	}
	// Glyphs no character maps to are reached through the font's glyph
	// substitutions (GSUB): the colon the font puts between digits in
	// 08:44, ligatures, vertical forms. Keep them all, or shaping would
	// substitute an empty glyph for a kept character.
	for g := range hasRune {
		if !hasRune[g] {
			kept[g] = true
		}
	}
	// keep the components of kept composite glyphs
	for changed := true; changed; {
		changed = false
		for g := 0; g < numGlyphs; g++ {
			if !kept[g] {
				continue
			}
			for _, c := range components(glyf[offsets[g]:offsets[g+1]]) {
				if c < numGlyphs && !kept[c] {
					kept[c] = true
					changed = true
				}
			}
		}
	}
	newGlyf := make([]byte, 0, len(glyf)/4)
	newLoca := make([]byte, 4*(numGlyphs+1))
	for g := 0; g < numGlyphs; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if kept[g] {
			newGlyf = append(newGlyf, glyf[offsets[g]:offsets[g+1]]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(newHead[50:], 1)
	tables["glyf"], tables["loca"], tables["head"] = newGlyf, newLoca, newHead
	tables["cmap"] = cmap12(mapped)
	if post := tables["post"]; len(post) >= 32 {
		// version 3: the same header, no glyph names (a parser keeps one
		// string per glyph, 29,000 of them in the bundled font)
		newPost := append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(newPost, 0x00030000)
		tables["post"] = newPost
	}
	return fontfile.Assemble(t.Version, tables), nil
}

type runeGlyph struct {
	r rune
	g int
}

// cmap12 is a character map of the given runes: one format 12 subtable,
// for Unicode (0, 4) and Windows full Unicode (3, 10).
func cmap12(mapped []runeGlyph) []byte {
	sort.Slice(mapped, func(i, j int) bool { return mapped[i].r < mapped[j].r })
	var groups [][3]uint32 // first rune, last rune, first glyph
	for i, m := range mapped {
		if i > 0 && m.r == mapped[i-1].r {
			continue // a font that maps a rune twice: the first mapping wins
		}
		if n := len(groups); n > 0 {
			last := &groups[n-1]
			if uint32(m.r) == last[1]+1 && uint32(m.g) == last[2]+last[1]-last[0]+1 {
				last[1]++
				continue
			}
		}
		groups = append(groups, [3]uint32{uint32(m.r), uint32(m.r), uint32(m.g)})
	}
	const header = 4 + 2*8
	out := make([]byte, header+16+12*len(groups))
	binary.BigEndian.PutUint16(out[2:], 2) // version 0, two encoding records
	for i, rec := range [][2]uint16{{0, 4}, {3, 10}} {
		binary.BigEndian.PutUint16(out[4+8*i:], rec[0])
		binary.BigEndian.PutUint16(out[6+8*i:], rec[1])
		binary.BigEndian.PutUint32(out[8+8*i:], header)
	}
	sub := out[header:]
	binary.BigEndian.PutUint16(sub, 12)
	binary.BigEndian.PutUint32(sub[4:], uint32(len(sub)))
	binary.BigEndian.PutUint32(sub[12:], uint32(len(groups)))
	for i, g := range groups {
		binary.BigEndian.PutUint32(sub[16+12*i:], g[0])
		binary.BigEndian.PutUint32(sub[20+12*i:], g[1])
		binary.BigEndian.PutUint32(sub[24+12*i:], g[2])
	}
	return out
}

// components returns the glyphs a composite glyph is made of; a simple
// glyph, or a damaged composite, has none.
func components(g []byte) []int {
	comps, _, err := fontfile.Components(g)
	if err != nil {
		return nil
	}
	out := make([]int, len(comps))
	for i, c := range comps {
		out[i] = c.Glyph
	}
	return out
}
