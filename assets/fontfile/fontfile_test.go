package fontfile

import (
	"bytes"
	"encoding/binary"
	"testing"

	"sureform/assets"
)

// collection wraps single fonts as a TrueType collection.
func collection(fonts ...[]byte) []byte {
	head := 12 + 4*len(fonts)
	out := []byte("ttcf")
	out = binary.BigEndian.AppendUint32(out, 0x00010000)
	out = binary.BigEndian.AppendUint32(out, uint32(len(fonts)))
	var body []byte
	for _, f := range fonts {
		at := head + len(body)
		out = binary.BigEndian.AppendUint32(out, uint32(at))
		f = bytes.Clone(f)
		n := int(binary.BigEndian.Uint16(f[4:]))
		for i := 0; i < n; i++ {
			rec := f[12+16*i:]
			binary.BigEndian.PutUint32(rec[8:], binary.BigEndian.Uint32(rec[8:])+uint32(at))
		}
		body = append(body, f...)
	}
	return append(out, body...)
}

func TestReadAndAssemble(t *testing.T) {
	for _, tt := range []struct {
		name string
		font []byte
	}{{"LXGW WenKai", assets.FontRegular}, {"AR PL SungtiL GB", assets.FontSong}} {
		t.Run(tt.name, func(t *testing.T) {
			single, err := ReadTables(tt.font)
			if err != nil {
				t.Fatal(err)
			}
			ttc := collection(tt.font, tt.font)
			if NumFaces(ttc) != 2 || !IsCollection(ttc) || IsCollection(tt.font) || NumFaces(tt.font) != 1 {
				t.Fatal("collection not recognised")
			}
			if _, err := ReadTables(ttc); err == nil {
				t.Error("ReadTables accepted a collection")
			}
			face, err := ReadFaceTables(ttc, 1)
			if err != nil {
				t.Fatal(err)
			}
			for _, tag := range single.Order {
				if !bytes.Equal(single.ByTag[tag], face.ByTag[tag]) {
					t.Errorf("table %q of the collection's face differs", tag)
				}
			}
			if _, err := ReadFaceTables(ttc, 2); err == nil {
				t.Error("face 2 of 2 read")
			}

			// Writing the tables back gives a font that reads the same
			// and whose checksum adjustment is right.
			out := Assemble(single.Version, single.ByTag)
			again, err := ReadTables(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, tag := range single.Order {
				a, b := single.ByTag[tag], again.ByTag[tag]
				if tag == "head" {
					a, b = a[12:], b[12:]
				}
				if !bytes.Equal(a, b) {
					t.Errorf("table %q changed", tag)
				}
			}
			if Checksum(out) != 0xB1B0AFBA {
				t.Errorf("whole-font checksum %#x, want 0xB1B0AFBA", Checksum(out))
			}

			// Character map and glyph locations.
			n := 0
			hasXue := false
			if err := MapRunes(single.ByTag["cmap"], func(r rune, g int) {
				n++
				hasXue = hasXue || (r == '学' && g > 0)
			}); err != nil {
				t.Fatal(err)
			}
			if n < 6000 || !hasXue {
				t.Errorf("cmap maps %d runes, 学 %v", n, hasXue)
			}
			head, maxp := single.ByTag["head"], single.ByTag["maxp"]
			glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
			offs, err := Loca(single.ByTag["loca"], glyphs, binary.BigEndian.Uint16(head[50:]) == 1, len(single.ByTag["glyf"]))
			if err != nil || len(offs) != glyphs+1 {
				t.Fatalf("loca: %d offsets, %v", len(offs), err)
			}
			if _, err := Loca(single.ByTag["loca"][:8], glyphs, true, 1); err == nil {
				t.Error("truncated loca accepted")
			}
		})
	}
}

func TestComponents(t *testing.T) {
	// A composite of two components: glyph 7 with word arguments and a
	// scale, then glyph 9 with byte arguments.
	g := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0}
	g = append(g, 0, FlagArgWords|FlagHaveScale|FlagMoreComps, 0, 7, 0, 1, 0, 2, 0x40, 0)
	g = append(g, 0, 0, 0, 9, 1, 2)
	comps, end, err := Components(g)
	if err != nil || len(comps) != 2 || comps[0].Glyph != 7 || comps[1].Glyph != 9 || end != len(g) {
		t.Fatalf("Components = %+v, %d, %v", comps, end, err)
	}
	if _, _, err := Components(g[:22]); err != ErrCompositeTruncated {
		t.Errorf("truncated composite: %v", err)
	}
	if comps, _, err := Components([]byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 0}); comps != nil || err != nil {
		t.Errorf("simple glyph: %v %v", comps, err)
	}
}

// FuzzReadFace reads font files as found among installed fonts: any
// bytes must give an error or tables, never a panic.
func FuzzReadFace(f *testing.F) {
	f.Add(assets.FontSong[:4096], 0)
	f.Add(collection(assets.FontSong[:2048]), 0)
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x05"), 3)
	f.Fuzz(func(t *testing.T, data []byte, index int) {
		tb, err := ReadFaceTables(data, index%4)
		if err != nil {
			return
		}
		_ = MapRunes(tb.ByTag["cmap"], func(rune, int) {})
		if maxp := tb.ByTag["maxp"]; len(maxp) >= 6 {
			_, _ = Loca(tb.ByTag["loca"], int(binary.BigEndian.Uint16(maxp[4:])), true, len(tb.ByTag["glyf"]))
		}
		_, _, _ = Components(tb.ByTag["glyf"])
	})
}
