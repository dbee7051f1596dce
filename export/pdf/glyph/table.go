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

// The outline table format. Glyphs are stored in deflate-compressed blocks
// of blockSize glyphs, in rune order, so that printing one rare character
// decompresses a few kilobytes rather than the whole table:
//
//	magic "SFGL", version byte 2, units per em (uint16), count (uint32),
//	    block count (uint32), compressed index length (uint32)
//	the index, deflate-compressed: count entries sorted by rune: rune
//	    (uint32), advance (uint16), block (uint16), offset of the glyph in
//	    its decompressed block (uint32)
//	the block table: per block, its offset after the block table and its
//	    compressed length (uint32 each)
//	the blocks: per glyph, the number of segments (uvarint), then per
//	    segment its op (byte) and its points as zigzag varint deltas from
//	    the previous point, in table units, y up.
const (
	tableMagic   = "SFGL"
	tableVersion = 2
	headerLen    = 4 + 1 + 2 + 4 + 4 + 4
	indexLen     = 4 + 2 + 2 + 4
	blockSize    = 64
)

// Entry is one character of an outline table being built.
type Entry struct {
	Rune    rune
	Outline Outline
}

func deflate(data []byte) ([]byte, error) {
	var out bytes.Buffer
	w, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// EncodeTable writes entries as an outline table with unitsPerEm units per
// em; coordinates are rounded to those units.
func EncodeTable(entries []Entry, unitsPerEm int) ([]byte, error) {
	if unitsPerEm <= 0 || unitsPerEm > math.MaxUint16 {
		return nil, fmt.Errorf("units per em %d out of range", unitsPerEm)
	}
	es := append([]Entry(nil), entries...)
	sort.Slice(es, func(i, j int) bool { return es[i].Rune < es[j].Rune })
	q := func(v float64) int64 { return int64(math.Round(v * float64(unitsPerEm))) }
	var index, blockTable, blocks, cur []byte
	flush := func() error {
		if len(cur) == 0 {
			return nil
		}
		z, err := deflate(cur)
		if err != nil {
			return err
		}
		blockTable = binary.BigEndian.AppendUint32(blockTable, uint32(len(blocks)))
		blockTable = binary.BigEndian.AppendUint32(blockTable, uint32(len(z)))
		blocks = append(blocks, z...)
		cur = cur[:0]
		return nil
	}
	for i, e := range es {
		if i > 0 && es[i-1].Rune == e.Rune {
			return nil, fmt.Errorf("rune U+%04X twice", e.Rune)
		}
		if i > 0 && i%blockSize == 0 {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		index = binary.BigEndian.AppendUint32(index, uint32(e.Rune))
		index = binary.BigEndian.AppendUint16(index, uint16(q(e.Outline.Advance)))
		index = binary.BigEndian.AppendUint16(index, uint16(i/blockSize))
		index = binary.BigEndian.AppendUint32(index, uint32(len(cur)))
		cur = binary.AppendUvarint(cur, uint64(len(e.Outline.Segments)))
		var px, py int64
		for _, s := range e.Outline.Segments {
			cur = append(cur, byte(s.Op))
			for j := 0; j < s.Op.points(); j++ {
				x, y := q(s.Pts[j].X), q(s.Pts[j].Y)
				cur = binary.AppendVarint(cur, x-px)
				cur = binary.AppendVarint(cur, y-py)
				px, py = x, y
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	zindex, err := deflate(index)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString(tableMagic)
	out.WriteByte(tableVersion)
	binary.Write(&out, binary.BigEndian, uint16(unitsPerEm))
	binary.Write(&out, binary.BigEndian, uint32(len(es)))
	binary.Write(&out, binary.BigEndian, uint32(len(blockTable)/8))
	binary.Write(&out, binary.BigEndian, uint32(len(zindex)))
	out.Write(zindex)
	out.Write(blockTable)
	out.Write(blocks)
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
	blockTable []byte
	blocks     []byte

	mu      sync.Mutex
	decoded map[int][]byte
}

// ParseTable reads an outline table written by EncodeTable. Only the index
// is decompressed here; glyph blocks are decompressed when first needed.
func ParseTable(data []byte) (*Table, error) {
	if len(data) < headerLen || string(data[:4]) != tableMagic {
		return nil, errors.New("not an outline table")
	}
	if data[4] != tableVersion {
		return nil, fmt.Errorf("outline table version %d not supported", data[4])
	}
	t := &Table{
		unitsPerEm: float64(binary.BigEndian.Uint16(data[5:])),
		count:      int(binary.BigEndian.Uint32(data[7:])),
		decoded:    map[int][]byte{},
	}
	nblocks := int(binary.BigEndian.Uint32(data[11:]))
	zlen := int(binary.BigEndian.Uint32(data[15:]))
	if t.unitsPerEm == 0 || zlen < 0 || headerLen+zlen+8*nblocks > len(data) || nblocks < 0 {
		return nil, errors.New("outline table truncated")
	}
	index, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(data[headerLen:headerLen+zlen])), int64(t.count)*indexLen+1))
	if err != nil {
		return nil, fmt.Errorf("decompressing outline index: %w", err)
	}
	if len(index) != t.count*indexLen {
		return nil, errors.New("outline table index truncated")
	}
	t.index = index
	t.blockTable = data[headerLen+zlen : headerLen+zlen+8*nblocks]
	t.blocks = data[headerLen+zlen+8*nblocks:]
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

// block returns decompressed block b, or nil when it is damaged.
func (t *Table) block(b int) []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	if d, ok := t.decoded[b]; ok {
		return d
	}
	var d []byte
	if b >= 0 && 8*b+8 <= len(t.blockTable) {
		off := int(binary.BigEndian.Uint32(t.blockTable[8*b:]))
		n := int(binary.BigEndian.Uint32(t.blockTable[8*b+4:]))
		if off >= 0 && n >= 0 && off+n <= len(t.blocks) && off+n >= off {
			d, _ = io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(t.blocks[off:off+n])), 1<<22))
		}
	}
	t.decoded[b] = d
	return d
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
	blk := t.block(int(binary.BigEndian.Uint16(e[6:])))
	off := int(binary.BigEndian.Uint32(e[8:]))
	if off >= len(blk) {
		return Outline{}, false
	}
	return t.decode(o, blk[off:])
}

// decode reads one glyph's segments from p.
func (t *Table) decode(o Outline, p []byte) (Outline, bool) {
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
