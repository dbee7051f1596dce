package glyph

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"sureform/assets"
)

// The outline table format (deflate-compressed as a whole):
//
//	magic "SFGL", version byte 1, units per em (uint16), count (uint32)
//	count index entries, sorted by rune: rune (uint32), advance (uint16),
//	    offset of the glyph's data from the start of the data area (uint32)
//	data area: per glyph, the number of segments (uvarint), then per
//	    segment its op (byte) and its points as zigzag varint deltas from
//	    the previous point, in table units, y up.
const (
	tableMagic   = "SFGL"
	tableVersion = 1
	headerLen    = 4 + 1 + 2 + 4
	indexLen     = 4 + 2 + 4
)

// Entry is one character of an outline table being built.
type Entry struct {
	Rune    rune
	Outline Outline
}

// EncodeTable writes entries as a compressed outline table with unitsPerEm
// units per em; coordinates are rounded to those units.
func EncodeTable(entries []Entry, unitsPerEm int) ([]byte, error) {
	if unitsPerEm <= 0 || unitsPerEm > math.MaxUint16 {
		return nil, fmt.Errorf("units per em %d out of range", unitsPerEm)
	}
	es := append([]Entry(nil), entries...)
	sort.Slice(es, func(i, j int) bool { return es[i].Rune < es[j].Rune })
	var index, data []byte
	q := func(v float64) int64 { return int64(math.Round(v * float64(unitsPerEm))) }
	for i, e := range es {
		if i > 0 && es[i-1].Rune == e.Rune {
			return nil, fmt.Errorf("rune U+%04X twice", e.Rune)
		}
		index = binary.BigEndian.AppendUint32(index, uint32(e.Rune))
		index = binary.BigEndian.AppendUint16(index, uint16(q(e.Outline.Advance)))
		index = binary.BigEndian.AppendUint32(index, uint32(len(data)))
		data = binary.AppendUvarint(data, uint64(len(e.Outline.Segments)))
		var px, py int64
		for _, s := range e.Outline.Segments {
			data = append(data, byte(s.Op))
			for j := 0; j < s.Op.points(); j++ {
				x, y := q(s.Pts[j].X), q(s.Pts[j].Y)
				data = binary.AppendVarint(data, x-px)
				data = binary.AppendVarint(data, y-py)
				px, py = x, y
			}
		}
	}
	var raw bytes.Buffer
	raw.WriteString(tableMagic)
	raw.WriteByte(tableVersion)
	binary.Write(&raw, binary.BigEndian, uint16(unitsPerEm))
	binary.Write(&raw, binary.BigEndian, uint32(len(es)))
	raw.Write(index)
	raw.Write(data)
	var out bytes.Buffer
	w, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func (op Op) points() int {
	switch op {
	case QuadTo:
		return 2
	case CubeTo:
		return 3
	}
	return 1
}

// Table is a decoded outline table. It is safe for concurrent use.
type Table struct {
	unitsPerEm float64
	count      int
	index      []byte
	data       []byte
}

// ParseTable decodes a compressed outline table written by EncodeTable.
func ParseTable(compressed []byte) (*Table, error) {
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(compressed)))
	if err != nil {
		return nil, fmt.Errorf("decompressing outline table: %w", err)
	}
	if len(raw) < headerLen || string(raw[:4]) != tableMagic {
		return nil, errors.New("not an outline table")
	}
	if raw[4] != tableVersion {
		return nil, fmt.Errorf("outline table version %d not supported", raw[4])
	}
	t := &Table{
		unitsPerEm: float64(binary.BigEndian.Uint16(raw[5:])),
		count:      int(binary.BigEndian.Uint32(raw[7:])),
	}
	if t.unitsPerEm == 0 || t.count < 0 || len(raw) < headerLen+t.count*indexLen {
		return nil, errors.New("outline table truncated")
	}
	t.index = raw[headerLen : headerLen+t.count*indexLen]
	t.data = raw[headerLen+t.count*indexLen:]
	return t, nil
}

// Len is the number of characters in the table.
func (t *Table) Len() int { return t.count }

// Runes lists the characters of the table in order.
func (t *Table) Runes() []rune {
	out := make([]rune, t.count)
	for i := range out {
		out[i] = rune(binary.BigEndian.Uint32(t.index[i*indexLen:]))
	}
	return out
}

// Outline returns the outline of r, or false when the table lacks it or
// its data is damaged.
func (t *Table) Outline(r rune) (Outline, bool) {
	i := sort.Search(t.count, func(i int) bool {
		return rune(binary.BigEndian.Uint32(t.index[i*indexLen:])) >= r
	})
	if i == t.count {
		return Outline{}, false
	}
	e := t.index[i*indexLen:]
	if rune(binary.BigEndian.Uint32(e)) != r {
		return Outline{}, false
	}
	o := Outline{Advance: float64(binary.BigEndian.Uint16(e[4:])) / t.unitsPerEm}
	off := int(binary.BigEndian.Uint32(e[6:]))
	if off >= len(t.data) {
		return Outline{}, false
	}
	p := t.data[off:]
	n, k := binary.Uvarint(p)
	if k <= 0 || n > uint64(len(p)) {
		return Outline{}, false
	}
	p = p[k:]
	o.Segments = make([]Segment, n)
	var x, y int64
	for i := range o.Segments {
		if len(p) == 0 {
			return Outline{}, false
		}
		s := &o.Segments[i]
		s.Op = Op(p[0])
		if s.Op > CubeTo {
			return Outline{}, false
		}
		p = p[1:]
		for j := 0; j < s.Op.points(); j++ {
			dx, k1 := binary.Varint(p)
			if k1 <= 0 {
				return Outline{}, false
			}
			dy, k2 := binary.Varint(p[k1:])
			if k2 <= 0 {
				return Outline{}, false
			}
			p = p[k1+k2:]
			x += dx
			y += dy
			s.Pts[j] = Point{float64(x) / t.unitsPerEm, float64(y) / t.unitsPerEm}
		}
	}
	return o, true
}

var (
	bundledOnce  sync.Once
	bundledTable *Table
	bundledErr   error
)

// Bundled returns the outline table embedded in sureform
// (assets.FallbackOutlines), decoded on first use.
func Bundled() (*Table, error) {
	bundledOnce.Do(func() {
		bundledTable, bundledErr = ParseTable(assets.FallbackOutlines)
		if bundledErr != nil {
			bundledErr = fmt.Errorf("bundled fallback outlines: %w", bundledErr)
		}
	})
	return bundledTable, bundledErr
}
