package pdf

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sureform/assets"
)

// asCollection wraps a single TrueType font as a one-face collection
// (.ttc), as Windows ships simsun.ttc.
func asCollection(ttf []byte) []byte {
	const head = 16
	out := []byte("ttcf")
	out = binary.BigEndian.AppendUint32(out, 0x00010000)
	out = binary.BigEndian.AppendUint32(out, 1)
	out = binary.BigEndian.AppendUint32(out, head)
	font := bytes.Clone(ttf)
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n; i++ {
		rec := font[12+16*i:]
		binary.BigEndian.PutUint32(rec[8:], binary.BigEndian.Uint32(rec[8:])+head)
	}
	return append(out, font...)
}

// TestFaceDiscovery sets up font folders the way Windows, macOS and Linux
// have them, in temporary directories, and checks which face the report is
// set in: the office Song face where present, a collection's face, never a
// CFF or broken font, and the bundled face when nothing fits.
func TestFaceDiscovery(t *testing.T) {
	f, ed := example(t, "changji-2020.json")
	cff := append([]byte("OTTO\x00\x01\x00\x00"), make([]byte, 64)...)
	tests := []struct {
		name  string
		files map[string][]byte // path under the folder → content
		want  string            // file the face comes from, "" for bundled
		title string            // file the title face comes from, "" for none
	}{
		{"nothing installed", nil, "", ""},
		{"windows simsun.ttc", map[string][]byte{"SIMSUN.TTC": asCollection(assets.FontSong), "arial.ttf": []byte("x")}, "SIMSUN.TTC", ""},
		{"fangsong", map[string][]byte{"simfang.ttf": assets.FontSong}, "simfang.ttf", ""},
		{"linux subfolder", map[string][]byte{filepath.Join("truetype", "arphic-gbsn00lp", "gbsn00lp.ttf"): assets.FontSong}, filepath.Join("truetype", "arphic-gbsn00lp", "gbsn00lp.ttf"), ""},
		{"CFF and broken fonts skipped", map[string][]byte{"simsun.ttc": cff, "simfang.ttf": []byte("broken"), "songti.ttc": asCollection(assets.FontSong)}, "songti.ttc", ""},
		{"only unusable fonts", map[string][]byte{"simsun.ttf": cff}, "", ""},
		{"titles in the office 黑体", map[string][]byte{"simsun.ttc": asCollection(assets.FontSong), "simhei.ttf": assets.FontRegular}, "simsun.ttc", "simhei.ttf"},
		{"a 黑体 without a Song face is not used", map[string][]byte{"simhei.ttf": assets.FontRegular}, "", ""},
	}
	var bundled []byte
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tt.files {
				path := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var buf bytes.Buffer
			res, err := Render(&buf, f, ed, Options{Created: fixedTime, FontDirs: []string{dir, filepath.Join(dir, "missing")}})
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if tt.want != "" {
				want = filepath.Join(dir, tt.want)
			}
			if res.Face.Path != want {
				t.Errorf("face from %q, want %q", res.Face.Path, want)
			}
			wantTitle := ""
			if tt.title != "" {
				wantTitle = filepath.Join(dir, tt.title)
			}
			if res.TitleFace.Path != wantTitle {
				t.Errorf("title face from %q, want %q", res.TitleFace.Path, wantTitle)
			}
			if tt.title != "" {
				// Titles drawn in the 黑体 face still extract as text.
				pages := pagesOf(t, buf.Bytes())
				if !strings.HasPrefix(pages[0], squeeze(ed.Title)) {
					t.Errorf("page 1 starts %q, want the title", prefix(pages[0], 20))
				}
			}
			if !strings.Contains(res.Face.Name, "AR PL") && !strings.Contains(res.Face.Name, "SungtiL") {
				t.Errorf("face name %q", res.Face.Name)
			}
			if tt.want == "" {
				// The bundled face gives the same bytes whatever the
				// folders hold: the Windows build under Wine and the
				// Linux build agree.
				if bundled == nil {
					bundled = buf.Bytes()
				} else if !bytes.Equal(bundled, buf.Bytes()) {
					t.Error("the bundled face gave different bytes")
				}
				if !strings.HasPrefix(res.Face.String(), "内置宋体") {
					t.Errorf("face described as %q", res.Face.String())
				}
			}
		})
	}
}
