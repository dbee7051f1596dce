package pdf

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sureform/assets"
	"sureform/assets/fontfile"
	"sureform/forms"
)

// rareFiling is the Lanzhou example with names and texts full of characters
// the PDF text machinery cannot print with the main font.
func rareFiling(t testing.TB) (*forms.Filing, *forms.Edition) {
	f, ed := example(t, "lanzhou-2020.json")
	f.Members[0].Name = "𠮷田花子"                      // Extension B, in the main font
	f.Members[1].Name = "王𡈼"                        // Extension B, bundled outlines only
	f.Members[2].Name = "㲰小明"                       // Extension A, bundled outlines only
	f.Members[3].Name = "李\U0001F600"               // an emoji: no font has it
	f.Members[4].Name = "葛\U000E0100亮"              // an ideographic variation selector
	f.Members[5].Department = "宣传部𪚥"                // Extension B in a department
	f.Texts.Problems = "名单中“𠮷”“𡈼”等字☑已核对。\U00031350" // ☑ and an Extension H character
	return f, ed
}

// TestRareCharacters checks that a filing with characters above U+FFFF and
// characters the main font lacks exports without error, that the characters
// no font has are reported with their field, and that text extraction
// returns every name as written.
func TestRareCharacters(t *testing.T) {
	f, ed := rareFiling(t)
	var got []Warning
	var buf bytes.Buffer
	res, err := Render(&buf, f, ed, Options{Created: fixedTime, Warn: func(w Warning) { got = append(got, w) }})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	want := map[rune]string{0x1F600: "members[3].name", 0x31350: "texts.problems"}
	if len(res.Warnings) != len(want) || len(got) != len(want) {
		t.Fatalf("warnings %v (callback %v), want one for each of %v", res.Warnings, got, want)
	}
	for _, w := range res.Warnings {
		if want[w.Rune] != w.Path {
			t.Errorf("warning for U+%04X names %q, want %q", w.Rune, w.Path, want[w.Rune])
		}
		if !strings.Contains(w.Message, w.Path) || !strings.Contains(w.Message, "U+") {
			t.Errorf("warning message %q does not say where and what", w.Message)
		}
	}
	text := squeeze(pdftotext(t, buf.Bytes()))
	for _, name := range []string{"𠮷田花子", "王𡈼", "㲰小明", "李\U0001F600", "葛亮", "宣传部𪚥", "“𠮷”“𡈼”等字☑已核对。\U00031350"} {
		if !strings.Contains(text, name) {
			t.Errorf("extracted text lacks %q", name)
		}
	}
	// The embedded font must not hold the characters drawn as outlines.
	fi := embeddedFont(t, buf.Bytes())
	if n := fi.numGlyphs; n < 300 {
		t.Errorf("subset has only %d glyphs", n)
	}
	// Every page renders.
	bin := lookTool(t, "pdftoppm")
	dir := t.TempDir()
	path := filepath.Join(dir, "rare.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-r", "20", "-png", path, filepath.Join(dir, "p")).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("pdftoppm: %v %s", err, out)
	}
}

// TestCharacterKinds checks how each kind of character is printed.
func TestCharacterKinds(t *testing.T) {
	fs, err := loadFonts(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := newCanvas(fs, nil)
	for _, tt := range []struct {
		r    rune
		kind runeKind
	}{
		{'学', kindFont}, {'A', kindFont}, {'矞', kindOutline}, // 矞: not in the Song face, drawn from LXGW WenKai
		{'𠮷', kindOutline}, {'𡈼', kindOutline}, {'㲰', kindOutline},
		{'☑', kindBox}, {'□', kindBox},
		{0x1F600, kindMissing}, {0x31350, kindMissing},
		{0xFE0F, kindIgnore}, {0xE0100, kindIgnore}, {'\u200b', kindIgnore}, {'\x07', kindIgnore},
	} {
		if got := c.info(tt.r).kind; got != tt.kind {
			t.Errorf("U+%04X: kind %d, want %d", tt.r, got, tt.kind)
		}
	}
	// A caller's font is tried before the bundled outlines: a font made in
	// the test from the bundled Song face, whose only character is ⱻ (which
	// neither bundled face has), drawn with the glyph of 学.
	if k := c.info('ⱻ').kind; k != kindMissing {
		t.Errorf("ⱻ without a fallback font: kind %d, want missing", k)
	}
	fs2, err := loadFonts(nil, [][]byte{fontMapping(t, assets.FontSong, 'ⱻ', '学')})
	if err != nil {
		t.Fatal(err)
	}
	if k := newCanvas(fs2, nil).info('ⱻ').kind; k != kindOutline {
		t.Errorf("ⱻ with the caller's font as fallback: kind %d, want outline", k)
	}
}

// fontMapping returns the TrueType font ttf with a character map that maps
// the one character r to the glyph of the character like.
func fontMapping(t testing.TB, ttf []byte, r, like rune) []byte {
	t.Helper()
	tabs, err := fontfile.ReadTables(ttf)
	if err != nil {
		t.Fatal(err)
	}
	gid := -1
	if err := fontfile.MapRunes(tabs.ByTag["cmap"], func(c rune, g int) {
		if c == like {
			gid = g
		}
	}); err != nil || gid < 0 {
		t.Fatalf("no glyph for %c: %v", like, err)
	}
	// cmap: version 0, one encoding record (Windows, UCS-4) at offset 12,
	// then a format 12 subtable with one group.
	be := binary.BigEndian
	cmap := make([]byte, 12+28)
	be.PutUint16(cmap[2:], 1)
	be.PutUint16(cmap[4:], 3)
	be.PutUint16(cmap[6:], 10)
	be.PutUint32(cmap[8:], 12)
	sub := cmap[12:]
	be.PutUint16(sub[0:], 12)
	be.PutUint32(sub[4:], 28)
	be.PutUint32(sub[12:], 1)
	be.PutUint32(sub[16:], uint32(r))
	be.PutUint32(sub[20:], uint32(r))
	be.PutUint32(sub[24:], uint32(gid))
	tables := make(map[string][]byte, len(tabs.ByTag))
	for tag, d := range tabs.ByTag {
		tables[tag] = d
	}
	tables["cmap"] = cmap
	return fontfile.Assemble(tabs.Version, tables)
}

// TestBadFallbackFont checks that an unreadable fallback font is an error
// in Chinese, not a crash.
func TestBadFallbackFont(t *testing.T) {
	f, ed := example(t, "yangquan-2021.json")
	err := Write(&bytes.Buffer{}, f, ed, Options{FallbackFonts: [][]byte{[]byte("not a font")}})
	if err == nil || !strings.Contains(err.Error(), "备用字体") {
		t.Errorf("err = %v, want one about the fallback font", err)
	}
}
