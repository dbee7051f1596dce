package fontsubset

import (
	"encoding/binary"
	"errors"
	"math"

	"sureform/assets/fontfile"
)

// Simple glyph point flags.
const (
	onCurve   = 0x01
	xShort    = 0x02
	yShort    = 0x04
	repeat    = 0x08
	xSame     = 0x10 // with xShort: positive
	ySame     = 0x20 // with yShort: positive
	argsAreXY = 0x0002

	haveInstructions = 0x0100
)

func scaleS(v uint16, s float64) int16 { return int16(math.Round(float64(int16(v)) * s)) }
func scaleU(v uint16, s float64) int   { return int(math.Round(float64(v) * s)) }

// scaleFields scales the 16-bit design-unit fields at the given offsets of
// a table; unsigned fields stay non-negative because scaling keeps signs.
func scaleFields(t []byte, s float64, offs ...int) {
	for _, o := range offs {
		if o+2 <= len(t) {
			binary.BigEndian.PutUint16(t[o:], uint16(scaleS(binary.BigEndian.Uint16(t[o:]), s)))
		}
	}
}

// scaleGlyph returns the glyph data with its coordinates multiplied by s,
// re-encoded as compactly as TrueType allows. Hinting instructions are
// dropped: they address the original grid.
func scaleGlyph(data []byte, s float64) ([]byte, error) {
	if len(data) == 0 {
		return data, nil
	}
	if len(data) < 10 {
		return nil, errors.New("glyph header truncated")
	}
	nc := int(int16(binary.BigEndian.Uint16(data)))
	out := make([]byte, 10, len(data))
	binary.BigEndian.PutUint16(out, uint16(int16(nc)))
	scaleBox := func() {
		for o := 2; o < 10; o += 2 {
			binary.BigEndian.PutUint16(out[o:], uint16(scaleS(binary.BigEndian.Uint16(data[o:]), s)))
		}
	}
	scaleBox()
	if nc < 0 {
		return scaleComposite(append(out, data[10:]...), s)
	}
	p := 10
	if len(data) < p+2*nc+2 {
		return nil, errors.New("glyph contours truncated")
	}
	n := 0
	if nc > 0 {
		n = int(binary.BigEndian.Uint16(data[p+2*(nc-1):])) + 1
	}
	out = append(out, data[p:p+2*nc]...)
	p += 2 * nc
	il := int(binary.BigEndian.Uint16(data[p:]))
	p += 2 + il
	out = binary.BigEndian.AppendUint16(out, 0)
	if p > len(data) {
		return nil, errors.New("glyph instructions truncated")
	}
	flags := make([]byte, 0, n)
	for len(flags) < n {
		if p >= len(data) {
			return nil, errors.New("glyph flags truncated")
		}
		fl := data[p]
		p++
		flags = append(flags, fl)
		if fl&repeat != 0 {
			if p >= len(data) {
				return nil, errors.New("glyph flags truncated")
			}
			for k := 0; k < int(data[p]) && len(flags) < n; k++ {
				flags = append(flags, fl)
			}
			p++
		}
	}
	read := func(short, same byte) ([]int, error) {
		v := make([]int, n)
		cur := 0
		for i, fl := range flags {
			switch {
			case fl&short != 0:
				if p >= len(data) {
					return nil, errors.New("glyph coordinates truncated")
				}
				d := int(data[p])
				p++
				if fl&same == 0 {
					d = -d
				}
				cur += d
			case fl&same == 0:
				if p+2 > len(data) {
					return nil, errors.New("glyph coordinates truncated")
				}
				cur += int(int16(binary.BigEndian.Uint16(data[p:])))
				p += 2
			}
			v[i] = cur
		}
		return v, nil
	}
	xs, err := read(xShort, xSame)
	if err != nil {
		return nil, err
	}
	ys, err := read(yShort, ySame)
	if err != nil {
		return nil, err
	}
	newFlags := make([]byte, n)
	var xb, yb []byte
	encode := func(vals []int, i int, short, same byte, buf []byte, prev int) []byte {
		d := int(math.Round(float64(vals[i])*s)) - prev
		switch {
		case d == 0:
			newFlags[i] |= same
		case d > -256 && d < 256:
			newFlags[i] |= short
			if d > 0 {
				newFlags[i] |= same
			} else {
				d = -d
			}
			buf = append(buf, byte(d))
		default:
			buf = binary.BigEndian.AppendUint16(buf, uint16(int16(d)))
		}
		return buf
	}
	px, py := 0, 0
	for i := range flags {
		newFlags[i] = flags[i] & (onCurve | 0x40)
		xb = encode(xs, i, xShort, xSame, xb, px)
		yb = encode(ys, i, yShort, ySame, yb, py)
		px = int(math.Round(float64(xs[i]) * s))
		py = int(math.Round(float64(ys[i]) * s))
	}
	for i := 0; i < n; {
		j := i + 1
		for j < n && newFlags[j] == newFlags[i] && j-i <= 255 {
			j++
		}
		if j-i > 2 {
			out = append(out, newFlags[i]|repeat, byte(j-i-1))
		} else {
			for k := i; k < j; k++ {
				out = append(out, newFlags[k])
			}
		}
		i = j
	}
	out = append(out, xb...)
	out = append(out, yb...)
	return out, nil
}

// scaleComposite scales the offsets of a composite glyph's components and
// drops its instructions.
func scaleComposite(data []byte, s float64) ([]byte, error) {
	comps, end, err := Components(data)
	if err != nil {
		return nil, err
	}
	for _, c := range comps {
		binary.BigEndian.PutUint16(data[c.Offset:], c.Flags&^haveInstructions)
		if c.Flags&argsAreXY == 0 {
			continue
		}
		p := c.Offset + 4
		if c.Flags&fontfile.FlagArgWords != 0 {
			scaleFields(data, s, p, p+2)
		} else {
			data[p] = byte(int8(math.Round(float64(int8(data[p])) * s)))
			data[p+1] = byte(int8(math.Round(float64(int8(data[p+1])) * s)))
		}
	}
	// Instructions after the last component are dropped.
	return data[:end], nil
}
