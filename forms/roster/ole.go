package roster

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf16"
)

// An OLE compound file (Office 97–2003 documents, and the envelope of an
// encrypted .xlsx) is a small file system: a header, a sector allocation
// table (FAT) located through the DIFAT, and a directory of named streams.
// Its header carries counts that a reader allocates for before it reads
// anything; a damaged or hostile file with huge counts makes the OLE
// library (mscfb, which excelize uses to decrypt workbooks) allocate
// gigabytes and take the program down with an out-of-memory error that
// recover cannot catch. readOLEDirectory reads the directory itself and
// checks every count and every chain against the file's size, so that a
// file it accepts is safe to hand to that library.

// maxOLEEntries caps the directory entries of a compound file. An .xls has
// a dozen, an encrypted workbook six; the OLE library's cost grows with the
// square of the entries' nesting.
const maxOLEEntries = 1024

const (
	oleHeaderSize = 512
	oleEndOfChain = 0xFFFFFFFE
	oleFreeSect   = 0xFFFFFFFF
	oleStream     = 2
)

// errOLE is wrapped by every error of readOLEDirectory.
var errOLE = errors.New("damaged compound file")

// oleEntry is a directory entry of a compound file.
type oleEntry struct {
	name string
	// stream is set for a stream (as opposed to a storage or the root).
	stream bool
	size   uint64
}

// readOLEDirectory reads the directory of an OLE compound file, checking
// that its header's counts, its sector chains and its streams' sizes fit
// within the file.
func readOLEDirectory(data []byte) ([]oleEntry, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", errOLE, fmt.Sprintf(format, args...))
	}
	if len(data) < oleHeaderSize || [8]byte(data[:8]) != [8]byte(oleMagic) {
		return nil, bad("no compound file header")
	}
	u16 := func(off int) uint16 { return binary.LittleEndian.Uint16(data[off:]) }
	u32 := func(off int) uint32 { return binary.LittleEndian.Uint32(data[off:]) }
	major := u16(0x1A)
	if major != 3 && major != 4 {
		return nil, bad("version %d", major)
	}
	if u16(0x1C) != 0xFFFE {
		return nil, bad("byte order mark %#x", u16(0x1C))
	}
	shift := u16(0x1E)
	if shift != 9 && shift != 12 {
		return nil, bad("sector shift %d", shift)
	}
	size := 1 << shift
	if len(data) < size {
		return nil, bad("shorter than its header sector")
	}
	// Sector n starts at (n+1)*size: the header takes the first sector.
	sectors := uint32((len(data) - size + size - 1) / size)
	counts := []struct {
		name string
		n    uint32
	}{
		{"directory", u32(0x28)}, {"FAT", u32(0x2C)}, {"mini FAT", u32(0x40)}, {"DIFAT", u32(0x48)},
	}
	for _, c := range counts {
		if c.n > sectors {
			return nil, bad("%d %s sectors in a file of %d sectors", c.n, c.name, sectors)
		}
	}
	sector := func(n uint32) ([]byte, error) {
		if n >= sectors {
			return nil, bad("sector %d beyond the file's %d", n, sectors)
		}
		start := (int(n) + 1) * size
		end := start + size
		if end > len(data) {
			return nil, bad("sector %d cut short", n)
		}
		return data[start:end], nil
	}
	perSector := uint32(size / 4)

	// The DIFAT lists the FAT's sectors: 109 in the header, the rest in a
	// chain of DIFAT sectors, each ending with the next one's number.
	numFAT := u32(0x2C)
	difat := make([]uint32, 0, min(numFAT, 109+u32(0x48)*(perSector-1)))
	for i := 0; i < 109 && uint32(len(difat)) < numFAT; i++ {
		difat = append(difat, u32(0x4C+4*i))
	}
	seen := make([]bool, sectors)
	next := u32(0x44)
	for i := uint32(0); i < u32(0x48) && uint32(len(difat)) < numFAT; i++ {
		buf, err := sector(next)
		if err != nil {
			return nil, err
		}
		if seen[next] {
			return nil, bad("DIFAT chain loops")
		}
		seen[next] = true
		for j := uint32(0); j < perSector-1 && uint32(len(difat)) < numFAT; j++ {
			difat = append(difat, binary.LittleEndian.Uint32(buf[4*j:]))
		}
		next = binary.LittleEndian.Uint32(buf[size-4:])
	}
	if uint32(len(difat)) < numFAT {
		return nil, bad("DIFAT lists %d of %d FAT sectors", len(difat), numFAT)
	}
	fat := make([]uint32, 0, int(numFAT)*int(perSector))
	for _, s := range difat {
		buf, err := sector(s)
		if err != nil {
			return nil, err
		}
		for j := 0; j < size; j += 4 {
			fat = append(fat, binary.LittleEndian.Uint32(buf[j:]))
		}
	}

	// The directory is a chain of sectors of 128-byte entries.
	clear(seen)
	var entries []oleEntry
	for n := u32(0x30); n != oleEndOfChain; {
		if n >= sectors || n >= uint32(len(fat)) {
			return nil, bad("directory sector %d beyond the file", n)
		}
		if seen[n] {
			return nil, bad("directory chain loops")
		}
		seen[n] = true
		buf, err := sector(n)
		if err != nil {
			return nil, err
		}
		for off := 0; off < size; off += 128 {
			if len(entries) >= maxOLEEntries {
				return nil, bad("more than %d directory entries", maxOLEEntries)
			}
			e, err := oleDirEntry(buf[off:off+128], major, len(data))
			if err != nil {
				return nil, err
			}
			entries = append(entries, e)
		}
		n = fat[n]
		if n == oleFreeSect {
			return nil, bad("directory chain ends on a free sector")
		}
	}
	if len(entries) == 0 {
		return nil, bad("no directory")
	}
	return entries, nil
}

// oleDirEntry reads one 128-byte directory entry.
func oleDirEntry(b []byte, major uint16, fileSize int) (oleEntry, error) {
	var e oleEntry
	typ := b[66]
	e.stream = typ == oleStream
	if nameLen := int(binary.LittleEndian.Uint16(b[64:])); nameLen >= 4 && nameLen <= 64 && nameLen%2 == 0 {
		units := make([]uint16, nameLen/2-1)
		for i := range units {
			units[i] = binary.LittleEndian.Uint16(b[2*i:])
		}
		// A leading control character marks special streams
		// (\x05SummaryInformation); the name is what follows it.
		if !unicode.IsPrint(rune(units[0])) {
			units = units[1:]
		}
		e.name = string(utf16.Decode(units))
	}
	if major > 3 {
		e.size = binary.LittleEndian.Uint64(b[120:])
	} else {
		e.size = uint64(binary.LittleEndian.Uint32(b[120:]))
	}
	if e.stream && e.size > uint64(fileSize) {
		return e, fmt.Errorf("%w: stream %q of %d bytes in a file of %d", errOLE, e.name, e.size, fileSize)
	}
	return e, nil
}
