package windowsexe

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/png" // the packager stores the icon as PNG
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/BurntSushi/toml"
)

// envExe names the variable that points the test at the executable.
const envExe = "SUREFORM_WINDOWS_EXE"

// Resource type IDs from winuser.h.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// imageDirectoryEntryResource is the index of the resource table in the
// optional header's data directories.
const imageDirectoryEntryResource = 2

// resource is one leaf of a PE resource tree.
type resource struct {
	typ, id, lang uint32
	data          []byte
}

// appMeta is what FyneApp.toml says about the app.
type appMeta struct {
	Details struct {
		Name    string
		ID      string
		Version string
		Build   int
	}
}

func TestWindowsExecutable(t *testing.T) {
	path := os.Getenv(envExe)
	if path == "" {
		t.Skipf("%s is not set; scripts/build-windows.sh builds the executable and .ci/run sets it", envExe)
	}
	var meta appMeta
	if _, err := toml.DecodeFile("../../FyneApp.toml", &meta); err != nil {
		t.Fatalf("reading FyneApp.toml: %v", err)
	}
	f, err := pe.Open(path)
	if err != nil {
		t.Fatalf("%s is not a PE executable: %v", path, err)
	}
	defer f.Close()

	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine = %#x, want x86-64 (%#x)", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("optional header is %T, want PE32+ (*pe.OptionalHeader64)", f.OptionalHeader)
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem = %d, want Windows GUI (%d): a console window would open with the app", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}

	// One file must run on a clean office PC: it may import Windows' own
	// DLLs only, not the MinGW runtime that a cross-compiler can drag in.
	libs, err := f.ImportedLibraries()
	if err != nil {
		t.Fatalf("reading imported DLLs: %v", err)
	}
	for _, lib := range libs {
		l := strings.ToLower(lib)
		if strings.HasPrefix(l, "lib") || strings.Contains(l, "mingw") || strings.Contains(l, "gcc") {
			t.Errorf("imports %s, a MinGW runtime DLL that Windows does not have", lib)
		}
	}

	res, err := readResources(f, oh)
	if err != nil {
		t.Fatalf("reading resources: %v", err)
	}
	byType := map[uint32][]resource{}
	for _, r := range res {
		byType[r.typ] = append(byType[r.typ], r)
	}
	for _, typ := range []uint32{rtIcon, rtGroupIcon, rtVersion, rtManifest} {
		if len(byType[typ]) == 0 {
			t.Errorf("no resource of type %d (%s)", typ, typeName(typ))
		}
	}
	if t.Failed() {
		t.FailNow()
	}

	wantVersion := fmt.Sprintf("%s.%d", meta.Details.Version, meta.Details.Build)
	if n := strings.Count(meta.Details.Version, "."); n != 2 {
		t.Fatalf("FyneApp.toml Version %q: want x.y.z", meta.Details.Version)
	}
	t.Run("icon", func(t *testing.T) { checkIcon(t, byType[rtGroupIcon][0].data, byType[rtIcon]) })
	t.Run("version", func(t *testing.T) { checkVersion(t, byType[rtVersion][0].data, wantVersion, meta.Details.Name) })
	t.Run("manifest", func(t *testing.T) { checkManifest(t, byType[rtManifest][0].data, meta.Details.ID, wantVersion) })
}

// checkIcon checks that the icon group lists a 256×256 image and that the
// image it points to is there and is that size.
func checkIcon(t *testing.T, group []byte, icons []resource) {
	t.Helper()
	// GRPICONDIR: reserved, type (1 = icon), count; then 14-byte entries.
	if len(group) < 6 || binary.LittleEndian.Uint16(group[2:]) != 1 {
		t.Fatalf("icon group header is not an icon directory: % x", group[:min(len(group), 6)])
	}
	count := int(binary.LittleEndian.Uint16(group[4:]))
	if count == 0 || len(group) < 6+14*count {
		t.Fatalf("icon group lists %d images in %d bytes", count, len(group))
	}
	found256 := false
	for i := range count {
		e := group[6+14*i:]
		w, h, id := int(e[0]), int(e[1]), uint32(binary.LittleEndian.Uint16(e[12:]))
		if w == 0 {
			w = 256
		}
		if h == 0 {
			h = 256
		}
		var img []byte
		for _, r := range icons {
			if r.id == id {
				img = r.data
			}
		}
		if img == nil {
			t.Errorf("icon group entry %d points at icon %d, which is missing", i, id)
			continue
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(img))
		if err != nil {
			t.Errorf("icon %d is not a PNG image: %v", id, err)
			continue
		}
		if cfg.Width != w || cfg.Height != h {
			t.Errorf("icon %d is %d×%d, its group entry says %d×%d", id, cfg.Width, cfg.Height, w, h)
		}
		found256 = found256 || (cfg.Width == 256 && cfg.Height == 256)
	}
	if !found256 {
		t.Errorf("no 256×256 image in the icon, which Explorer uses for large icons")
	}
}

// checkManifest checks the application manifest's identity: Windows
// refuses to start a program whose manifest it cannot parse ("side-by-side
// configuration is incorrect"), so the identity must be well-formed XML, the
// name the ASCII app ID and the version four numbers.
func checkManifest(t *testing.T, data []byte, id, version string) {
	t.Helper()
	var m struct {
		XMLName  xml.Name `xml:"urn:schemas-microsoft-com:asm.v1 assembly"`
		Identity struct {
			Type    string `xml:"type,attr"`
			Name    string `xml:"name,attr"`
			Version string `xml:"version,attr"`
		} `xml:"urn:schemas-microsoft-com:asm.v1 assemblyIdentity"`
		Level struct {
			Level string `xml:"level,attr"`
		} `xml:"urn:schemas-microsoft-com:asm.v3 trustInfo>security>requestedPrivileges>requestedExecutionLevel"`
	}
	if err := xml.Unmarshal(data, &m); err != nil {
		t.Fatalf("manifest is not a well-formed assembly manifest: %v\n%s", err, data)
	}
	got := m.Identity
	if got.Type != "win32" || got.Name != id || got.Version != version {
		t.Errorf("manifest identity = type %q name %q version %q, want win32 %q %q\n%s", got.Type, got.Name, got.Version, id, version, data)
	}
	if m.Level.Level != "asInvoker" {
		t.Errorf("manifest requests execution level %q, want asInvoker (never ask for administrator rights)", m.Level.Level)
	}
}

// checkVersion checks VS_FIXEDFILEINFO's file version and that the string
// table names the product.
func checkVersion(t *testing.T, data []byte, want, name string) {
	t.Helper()
	sig := []byte{0xBD, 0x04, 0xEF, 0xFE} // VS_FFI_SIGNATURE, little-endian
	i := bytes.Index(data, sig)
	if i < 0 || len(data) < i+24 {
		t.Fatalf("version resource has no VS_FIXEDFILEINFO")
	}
	ms, ls := binary.LittleEndian.Uint32(data[i+8:]), binary.LittleEndian.Uint32(data[i+12:])
	got := fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xFFFF, ls>>16, ls&0xFFFF)
	if got != want {
		t.Errorf("file version = %s, want %s (FyneApp.toml Version.Build)", got, want)
	}
	for _, s := range []string{name, want} {
		if !bytes.Contains(data, utf16le(s)) {
			t.Errorf("version strings do not contain %q (Explorer's Details tab shows them)", s)
		}
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func typeName(typ uint32) string {
	return map[uint32]string{rtIcon: "RT_ICON", rtGroupIcon: "RT_GROUP_ICON", rtVersion: "RT_VERSION", rtManifest: "RT_MANIFEST"}[typ]
}

// readResources walks the three-level resource tree (type, name, language)
// of f and returns its leaves.
func readResources(f *pe.File, oh *pe.OptionalHeader64) ([]resource, error) {
	if len(oh.DataDirectory) <= imageDirectoryEntryResource {
		return nil, errors.New("no data directory for resources")
	}
	dd := oh.DataDirectory[imageDirectoryEntryResource]
	if dd.VirtualAddress == 0 {
		return nil, errors.New("the executable has no resources")
	}
	var sec *pe.Section
	for _, s := range f.Sections {
		if dd.VirtualAddress >= s.VirtualAddress && dd.VirtualAddress < s.VirtualAddress+max(s.VirtualSize, s.Size) {
			sec = s
		}
	}
	if sec == nil {
		return nil, fmt.Errorf("no section holds the resource table at RVA %#x", dd.VirtualAddress)
	}
	raw, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("reading section %s: %w", sec.Name, err)
	}
	base := dd.VirtualAddress - sec.VirtualAddress
	if int(base) > len(raw) {
		return nil, fmt.Errorf("resource table at %#x lies beyond section %s", base, sec.Name)
	}
	w := resourceWalker{rsrc: raw[base:], sectionRVA: sec.VirtualAddress, section: raw}
	return w.walk(0, nil)
}

// resourceWalker reads a resource tree; directory offsets are relative to
// the tree's start, data entries hold RVAs.
type resourceWalker struct {
	rsrc, section []byte
	sectionRVA    uint32
}

func (w resourceWalker) u32(off uint32) (uint32, error) {
	if uint64(off)+4 > uint64(len(w.rsrc)) {
		return 0, fmt.Errorf("offset %#x outside the resource table (%d bytes)", off, len(w.rsrc))
	}
	return binary.LittleEndian.Uint32(w.rsrc[off:]), nil
}

// walk reads the directory at off; path holds the IDs of the levels above.
func (w resourceWalker) walk(off uint32, path []uint32) ([]resource, error) {
	if len(path) > 2 {
		return nil, fmt.Errorf("resource tree deeper than type/name/language at %#x", off)
	}
	counts, err := w.u32(off + 12) // NumberOfNamedEntries | NumberOfIdEntries<<16
	if err != nil {
		return nil, err
	}
	n := counts&0xFFFF + counts>>16
	var out []resource
	for i := range n {
		e := off + 16 + 8*i
		id, err := w.u32(e)
		if err != nil {
			return nil, err
		}
		child, err := w.u32(e + 4)
		if err != nil {
			return nil, err
		}
		here := append(append([]uint32(nil), path...), id)
		if child&0x80000000 != 0 {
			sub, err := w.walk(child&0x7FFFFFFF, here)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
			continue
		}
		if len(here) != 3 {
			return nil, fmt.Errorf("resource data at level %d, want 3", len(here))
		}
		rva, err := w.u32(child)
		if err != nil {
			return nil, err
		}
		size, err := w.u32(child + 4)
		if err != nil {
			return nil, err
		}
		start := uint64(rva) - uint64(w.sectionRVA)
		if rva < w.sectionRVA || start+uint64(size) > uint64(len(w.section)) {
			return nil, fmt.Errorf("resource %v data at RVA %#x (%d bytes) outside its section", here, rva, size)
		}
		out = append(out, resource{typ: here[0], id: here[1], lang: here[2], data: w.section[start : start+uint64(size)]})
	}
	return out, nil
}
