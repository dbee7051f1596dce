// Package fontfile reads and writes the table structure of TrueType font
// files: the table directory of a font or of one face of a collection
// (.ttc), the glyph locations, the Unicode character map, composite glyph
// records, and the writing of tables back into a file with its checksums.
// The PDF report's subsetter (export/pdf/fontsubset) and the GUI's font
// pruner (app/fontprune) share it, so that neither imports the other's
// area; it depends on nothing but the standard library.
package fontfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// IsCollection reports whether data is a TrueType collection (.ttc).
func IsCollection(data []byte) bool { return len(data) >= 12 && string(data[:4]) == "ttcf" }

// NumFaces is the number of fonts in data: the collection's count for a
// TrueType collection, 1 otherwise.
func NumFaces(data []byte) int {
	if !IsCollection(data) {
		return 1
	}
	return int(binary.BigEndian.Uint32(data[8:]))
}

// Tables are the tables of one font, by tag, and their tags in the order
// of the file's table directory. The table data are slices of the file.
type Tables struct {
	ByTag map[string][]byte
	Order []string
	// Version is the font's sfnt version (0x00010000 or 'true' for
	// TrueType outlines, 'OTTO' for CFF).
	Version uint32
}

// ReadTables reads the table directory of a single font file.
func ReadTables(data []byte) (*Tables, error) {
	if IsCollection(data) {
		return nil, errors.New("font data is a collection (.ttc), not a single font")
	}
	return readAt(data, 0)
}

// ReadFaceTables reads the table directory of font index (from 0) of a
// collection, or of the font itself when data is a single font and index
// is 0. The tables' offsets in a collection count from the file's start.
func ReadFaceTables(data []byte, index int) (*Tables, error) {
	if !IsCollection(data) {
		if index != 0 {
			return nil, fmt.Errorf("font %d of a single font", index)
		}
		return readAt(data, 0)
	}
	n := NumFaces(data)
	if index < 0 || index >= n || len(data) < 12+4*n {
		return nil, fmt.Errorf("font %d of a collection of %d", index, n)
	}
	return readAt(data, int(binary.BigEndian.Uint32(data[12+4*index:])))
}

func readAt(data []byte, off int) (*Tables, error) {
	if off < 0 || len(data) < off+12 {
		return nil, errors.New("font data too short")
	}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	if len(data) < off+12+16*n {
		return nil, errors.New("font table directory truncated")
	}
	t := &Tables{ByTag: make(map[string][]byte, n), Version: binary.BigEndian.Uint32(data[off:])}
	for i := 0; i < n; i++ {
		rec := data[off+12+16*i:]
		tag := string(rec[:4])
		start, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(start)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("font table %q extends past the end of the file", tag)
		}
		t.ByTag[tag] = data[start : start+length]
		t.Order = append(t.Order, tag)
	}
	return t, nil
}

// Loca reads the glyph locations: numGlyphs+1 offsets into the glyf table
// of glyfLen bytes, from a long (32-bit) or short loca table.
func Loca(loca []byte, numGlyphs int, long bool, glyfLen int) ([]int, error) {
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

// ErrNoUnicodeCmap is returned for a font without a format 4 or 12 Unicode
// character map.
var ErrNoUnicodeCmap = errors.New("font has no Windows Unicode cmap (format 4 or 12)")

// MapRunes calls fn for every rune of the font's Unicode character map
// (cmap table) with its glyph, from the format 12 subtable when there is
// one, else from the format 4 one.
func MapRunes(cmap []byte, fn func(r rune, glyph int)) error {
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

// Composite glyph flags.
const (
	FlagArgWords     = 0x0001
	FlagHaveScale    = 0x0008
	FlagMoreComps    = 0x0020
	FlagHaveXYScale  = 0x0040
	FlagHaveTwoByTwo = 0x0080
)

// Component is one component record of a composite glyph.
type Component struct {
	// Offset is where the record starts in the glyph's data: its flags,
	// then the component's glyph index at Offset+2, then its arguments at
	// Offset+4.
	Offset int
	Flags  uint16
	Glyph  int
}

// ErrCompositeTruncated is returned for a composite glyph whose records
// run past its data.
var ErrCompositeTruncated = errors.New("composite glyph truncated")

// Components lists the component records of a composite glyph (glyf
// table data of one glyph) and where the last one ends. A simple or empty
// glyph has none.
func Components(data []byte) (comps []Component, end int, err error) {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil, 0, nil
	}
	p := 10
	for {
		if p+4 > len(data) {
			return nil, 0, ErrCompositeTruncated
		}
		flags := binary.BigEndian.Uint16(data[p:])
		comps = append(comps, Component{Offset: p, Flags: flags, Glyph: int(binary.BigEndian.Uint16(data[p+2:]))})
		p += 4
		if flags&FlagArgWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&FlagHaveScale != 0:
			p += 2
		case flags&FlagHaveXYScale != 0:
			p += 4
		case flags&FlagHaveTwoByTwo != 0:
			p += 8
		}
		if flags&FlagMoreComps == 0 {
			if p > len(data) {
				return nil, 0, ErrCompositeTruncated
			}
			return comps, p, nil
		}
	}
}

// Checksum is the TrueType checksum of a table: the sum of its 32-bit
// big-endian words, the last one padded with zeros.
func Checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// Assemble writes tables as a font file with the given sfnt version, in tag
// order, each padded to four bytes, and sets the head table's
// checkSumAdjustment.
func Assemble(version uint32, tables map[string][]byte) []byte {
	if h := tables["head"]; len(h) >= 12 {
		// The head table is summed with checkSumAdjustment zero.
		zeroed := make(map[string][]byte, len(tables))
		for t, d := range tables {
			zeroed[t] = d
		}
		h = append([]byte(nil), h...)
		binary.BigEndian.PutUint32(h[8:], 0)
		zeroed["head"] = h
		tables = zeroed
	}
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for t, d := range tables {
		tags = append(tags, t)
		size += (len(d) + 3) &^ 3
	}
	sort.Strings(tags)
	n := len(tags)
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*sr))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*(n-sr)))
	headAt := -1
	for i, t := range tags {
		d := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], Checksum(d))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(d)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, d...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 && len(tables["head"]) >= 12 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-Checksum(out))
	}
	return out
}
