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
	"fmt"
	"sort"

	"sureform/export/pdf/fontsubset"
)

// ErrNoUnicodeCmap is returned for a font without a format 4 or 12 Unicode
// character map, which this package cannot read.
var ErrNoUnicodeCmap = errors.New("font has no Windows Unicode cmap (format 4 or 12)")

// Runes returns the characters the TrueType font ttf maps to a glyph other
// than glyph 0 (the missing-character box), in cmap order.
func Runes(ttf []byte) ([]rune, error) {
	tables, err := readTables(ttf)
	if err != nil {
		return nil, err
	}
	var out []rune
	err = mapRunes(tables["cmap"], func(r rune, g int) {
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
	tables, err := readTables(ttf)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf, cmap := tables["head"], tables["maxp"], tables["loca"], tables["glyf"], tables["cmap"]
	if head == nil || maxp == nil || loca == nil || glyf == nil || cmap == nil || len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("not a TrueType-outline font (missing head, maxp, loca, glyf or cmap)")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	offsets, err := readLoca(loca, numGlyphs, longLoca, len(glyf))
	if err != nil {
		return nil, err
	}
	kept := make([]bool, numGlyphs)
	kept[0] = true
	hasRune := make([]bool, numGlyphs)
	var mapped []runeGlyph
	if err := mapRunes(cmap, func(r rune, g int) {
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
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment, recomputed below
	tables["glyf"], tables["loca"], tables["head"] = newGlyf, newLoca, newHead
	tables["cmap"] = cmap12(mapped)
	if post := tables["post"]; len(post) >= 32 {
		// version 3: the same header, no glyph names (a parser keeps one
		// string per glyph, 29,000 of them in the bundled font)
		newPost := append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(newPost, 0x00030000)
		tables["post"] = newPost
	}
	out := writeTables(ttf[:4], tables)
	adj := 0xB1B0AFBA - checksum(out)
	binary.BigEndian.PutUint32(out[headOffset(out)+8:], adj)
	return out, nil
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

func readTables(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, errors.New("font file too short")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, errors.New("font table directory truncated")
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(ttf)) {
			return nil, fmt.Errorf("font table %q extends past the end of the file", tag)
		}
		tables[tag] = ttf[off : off+length]
	}
	return tables, nil
}

func readLoca(loca []byte, numGlyphs int, long bool, glyfLen int) ([]int, error) {
	offsets := make([]int, numGlyphs+1)
	for g := 0; g <= numGlyphs; g++ {
		var o int
		if long {
			if len(loca) < 4*(g+1) {
				return nil, errors.New("loca table truncated")
			}
			o = int(binary.BigEndian.Uint32(loca[4*g:]))
		} else {
			if len(loca) < 2*(g+1) {
				return nil, errors.New("loca table truncated")
			}
			o = 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
		}
		if o > glyfLen || (g > 0 && o < offsets[g-1]) {
			return nil, fmt.Errorf("loca entry %d out of range", g)
		}
		offsets[g] = o
	}
	return offsets, nil
}

// mapRunes calls fn for every rune of the font's Unicode cmap.
func mapRunes(cmap []byte, fn func(rune, int)) error {
	if len(cmap) < 4 {
		return ErrNoUnicodeCmap
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	var f4, f12 []byte
	for i := 0; i < n && len(cmap) >= 4+8*(i+1); i++ {
		rec := cmap[4+8*i:]
		pid, eid, off := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:]), binary.BigEndian.Uint32(rec[4:])
		if int(off)+2 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		switch format := binary.BigEndian.Uint16(sub); {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0):
			f12 = sub
		case format == 4 && (pid == 3 && eid == 1 || pid == 0):
			f4 = sub
		}
	}
	switch {
	case len(f12) >= 16:
		groups := int(binary.BigEndian.Uint32(f12[12:]))
		for i := 0; i < groups && len(f12) >= 16+12*(i+1); i++ {
			g := f12[16+12*i:]
			start, end, gid := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:]), binary.BigEndian.Uint32(g[8:])
			if end < start || end > 0x10FFFF {
				continue
			}
			for r := start; r <= end; r++ {
				fn(rune(r), int(gid+r-start))
			}
		}
		return nil
	case len(f4) >= 14:
		segs := int(binary.BigEndian.Uint16(f4[6:])) / 2
		if len(f4) < 16+8*segs {
			return errors.New("cmap format 4 truncated")
		}
		ends, starts, deltas, ranges := f4[14:], f4[16+2*segs:], f4[16+4*segs:], f4[16+6*segs:]
		for s := 0; s < segs; s++ {
			end, start := binary.BigEndian.Uint16(ends[2*s:]), binary.BigEndian.Uint16(starts[2*s:])
			delta, ro := binary.BigEndian.Uint16(deltas[2*s:]), int(binary.BigEndian.Uint16(ranges[2*s:]))
			for c := uint32(start); c <= uint32(end) && c != 0xFFFF; c++ {
				gid := uint16(c) + delta
				if ro != 0 {
					at := 16 + 6*segs + 2*s + ro + 2*int(c-uint32(start))
					if at+2 > len(f4) {
						continue
					}
					gid = binary.BigEndian.Uint16(f4[at:])
					if gid != 0 {
						gid += delta
					}
				}
				fn(rune(c), int(gid))
			}
		}
		return nil
	}
	return ErrNoUnicodeCmap
}

// components returns the glyphs a composite glyph is made of; a simple
// glyph, or a damaged composite, has none.
func components(g []byte) []int {
	comps, _, err := fontsubset.Components(g)
	if err != nil {
		return nil
	}
	out := make([]int, len(comps))
	for i, c := range comps {
		out[i] = c.Glyph
	}
	return out
}

func writeTables(version []byte, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for t, d := range tables {
		tags = append(tags, t)
		size += (len(d) + 3) &^ 3
	}
	sort.Strings(tags)
	out := make([]byte, 12+16*len(tags), size)
	copy(out, version)
	n := len(tags)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<es))
	for i, t := range tags {
		d := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(d))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(d)))
		out = append(out, d...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func headOffset(ttf []byte) int {
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == "head" {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	return 0
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
