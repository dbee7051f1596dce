package roster

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// oleFile builds a small, valid OLE compound file (version 3, 512-byte
// sectors): the header, a FAT sector and a directory sector holding the
// root and the named streams, each of the given size.
func oleFile(streams map[string]uint32) []byte {
	data := make([]byte, 512*3)
	copy(data, oleMagic)
	le := binary.LittleEndian
	le.PutUint16(data[0x18:], 0x3E)
	le.PutUint16(data[0x1A:], 3)
	le.PutUint16(data[0x1C:], 0xFFFE)
	le.PutUint16(data[0x1E:], 9)
	le.PutUint16(data[0x20:], 6)
	le.PutUint32(data[0x2C:], 1)             // one FAT sector
	le.PutUint32(data[0x30:], 1)             // directory at sector 1
	le.PutUint32(data[0x38:], 4096)          // mini stream cutoff
	le.PutUint32(data[0x3C:], oleEndOfChain) // no mini FAT
	le.PutUint32(data[0x44:], oleEndOfChain) // no DIFAT sectors
	for i := 0; i < 109; i++ {
		le.PutUint32(data[0x4C+4*i:], oleFreeSect)
	}
	le.PutUint32(data[0x4C:], 0) // the FAT is sector 0
	fat := data[512:1024]
	for i := 0; i < 128; i++ {
		le.PutUint32(fat[4*i:], oleFreeSect)
	}
	le.PutUint32(fat[0:], 0xFFFFFFFD) // FATSECT
	le.PutUint32(fat[4:], oleEndOfChain)
	dir := data[1024:]
	entry := func(i int, name string, typ byte, size uint32) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66] = typ
		le.PutUint32(e[68:], oleFreeSect) // siblings and child: none
		le.PutUint32(e[72:], oleFreeSect)
		le.PutUint32(e[76:], oleFreeSect)
		le.PutUint32(e[116:], oleEndOfChain)
		le.PutUint32(e[120:], size)
	}
	entry(0, "Root Entry", 5, 0)
	i := 1
	for name, size := range streams {
		entry(i, name, oleStream, size)
		if i == 1 {
			le.PutUint32(dir[76:], 1) // the root's child
		} else {
			le.PutUint32(dir[128*(i-1)+72:], uint32(i)) // right sibling
		}
		i++
	}
	return data
}

func TestReadOLEDirectory(t *testing.T) {
	entries, err := readOLEDirectory(oleFile(map[string]uint32{"Workbook": 0}))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.name != "" {
			names = append(names, e.name)
		}
	}
	if strings.Join(names, ",") != "Root Entry,Workbook" {
		t.Errorf("names %v", names)
	}
	entries, err = readOLEDirectory(legacyXLS(t))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		found = found || e.name == "Workbook" && e.stream
	}
	if !found {
		t.Error("no Workbook stream in legacy.xls")
	}
}

// TestHostileOLEHeaders gives sniffing compound files whose header claims
// huge counts: each must be refused with a message, at once, instead of
// making a reader allocate gigabytes.
func TestHostileOLEHeaders(t *testing.T) {
	put := func(off int, v uint32) func([]byte) {
		return func(b []byte) { binary.LittleEndian.PutUint32(b[off:], v) }
	}
	tests := []struct {
		name   string
		change func([]byte)
	}{
		{"directory sectors", put(0x28, 0xFFFFFFF0)},
		{"FAT sectors", put(0x2C, 0x7FFFFFFF)},
		{"mini FAT sectors", put(0x40, 0x10000000)},
		{"DIFAT sectors", put(0x48, 0x00FFFFFF)},
		{"directory beyond the file", put(0x30, 0x00100000)},
		{"FAT beyond the file", put(0x4C, 0x00100000)},
		{"stream larger than the file", put(1024+128+120, 0xFFFFFFF0)},
		{"version", func(b []byte) { b[0x1A] = 9 }},
		{"sector size", func(b []byte) { b[0x1E] = 30 }},
		{"directory loops", put(512+4, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := oleFile(map[string]uint32{"Workbook": 0})
			tt.change(data)
			if _, err := readOLEDirectory(data); !errors.Is(err, errOLE) {
				t.Errorf("readOLEDirectory accepted it: %v", err)
			}
			_, err := Parse(data, "名单.xls", Options{})
			if !errors.Is(err, ErrUnsupportedFormat) || !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "Excel 97-2003") {
				t.Errorf("error = %v", err)
			}
		})
	}
}

// TestOLEHeaderOf1KB is the file of the report: a 1 KB header of an
// old-Office file whose directory-sector count would make the OLE library
// allocate gigabytes.
func TestOLEHeaderOf1KB(t *testing.T) {
	data := oleFile(nil)[:1024]
	binary.LittleEndian.PutUint32(data[0x28:], 0x7FFFFFFF)
	for _, name := range []string{"名单.xls", "名单.xlsx", "名单"} {
		_, err := Parse(data, name, Options{})
		var fe *FileError
		if !errors.As(err, &fe) || !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: error = %v", name, err)
		}
	}
	_, err := Parse(data, "名单.xls", Options{})
	if err == nil || !strings.Contains(err.Error(), "旧版 Excel 97-2003 工作簿（.xls）") {
		t.Errorf("message %v", err)
	}
}

// TestEncryptedWorkbookWithLyingStreamSize: excelize decrypts a workbook
// by reading its streams through the OLE library, which allocates a
// stream's claimed size; a claim beyond the file is refused first.
func TestEncryptedWorkbookWithLyingStreamSize(t *testing.T) {
	data := encryptedXLSX(t, "secret")
	entries, err := readOLEDirectory(data)
	if err != nil {
		t.Fatal(err)
	}
	// Find the EncryptedPackage entry and make it claim 3 GB.
	idx := -1
	for i, e := range entries {
		if e.name == "EncryptedPackage" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("no EncryptedPackage stream")
	}
	u := utf16.Encode([]rune("EncryptedPackage"))
	var name []byte
	for _, c := range u {
		name = binary.LittleEndian.AppendUint16(name, c)
	}
	at := strings.Index(string(data), string(name))
	if at < 0 || at%128 != 0 {
		t.Fatal("directory entry not found")
	}
	binary.LittleEndian.PutUint32(data[at+120:], 3<<30)
	_, err = Parse(data, "名单.xlsx", Options{Password: "secret"})
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("error = %v", err)
	}
}
