// Package assets holds the files sureform embeds in its binary: the form
// editions, the example filings built from published disclosures, the
// bundled Chinese font and the application icon. It exposes plain bytes and
// file systems only, so that every package can use them without a GUI.
package assets

import "embed"

// Editions holds one TOML definition file per form edition, under editions/.
//
//go:embed editions/*.toml
var Editions embed.FS

// Examples holds the example filings, one JSON project file each, under
// examples/.
//
//go:embed examples/*.json
var Examples embed.FS

// FontRegular is LXGW WenKai Regular (霞鹜文楷, SIL Open Font License 1.1,
// see fonts/OFL.txt), a TrueType-outline font that covers all of
// U+4E00–U+9FFF. Both the PDF report and the GUI theme use it, so that
// Chinese text renders on machines without a Chinese system font.
//
//go:embed fonts/LXGWWenKai-Regular.ttf
var FontRegular []byte

// FontLicense is the licence text of the bundled font.
//
//go:embed fonts/OFL.txt
var FontLicense []byte

// FallbackOutlines is the compact outline table of the characters that
// FontRegular lacks (CJK Extensions A–F ideographs with a Chinese source
// and a Mandarin reading, and symbols such as ☑), taken from the Hanazono
// Mincho fonts (SIL Open Font License 1.1, see fonts/HanazonoLICENSE.txt).
// The PDF report draws these characters as vector outlines; the format is
// read by sureform/export/pdf/glyph, which also holds its generator.
//
//go:embed fonts/fallback-outlines.bin
var FallbackOutlines []byte

// FallbackLicense is the licence text of the fonts FallbackOutlines comes
// from.
//
//go:embed fonts/HanazonoLICENSE.txt
var FallbackLicense []byte

// Icon is the application icon, a 1024×1024 PNG drawn by
// scripts/drawicon (go run ./scripts/drawicon regenerates it). The packagers
// read the same file through FyneApp.toml; the GUI sets it as the window
// icon so that an unpackaged `go run .` shows it too.
//
//go:embed icon.png
var Icon []byte

// FontSong is AR PL SungtiL GB (文鼎ＰＬ简报宋, gbsn00lp.ttf as Debian's
// fonts-arphic-gbsn00lp ships it, Arphic Public License, see
// fonts/ARPHICPL.txt), a Song (宋体) TrueType face covering GB 2312. The PDF
// report sets its text in it when the computer has no office Song face
// installed, so that the printout looks like the official form.
//
//go:embed fonts/gbsn00lp.ttf
var FontSong []byte

// FontSongLicense is the licence text of FontSong.
//
//go:embed fonts/ARPHICPL.txt
var FontSongLicense []byte
