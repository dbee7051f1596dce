//go:build ignore

// gen_outlines builds assets/fonts/fallback-outlines.bin, the outline table
// of the characters that the main font (LXGW WenKai) lacks:
//
//   - every CJK ideograph of Extensions A to F (and the compatibility
//     ideographs) that Unihan gives both a Chinese source (kIRG_GSource) and
//     a Mandarin reading (kMandarin): the characters a Chinese name may use;
//   - the punctuation and symbols of U+2000–U+2BFF, U+3000–U+33FF,
//     U+FE30–U+FE4F and U+FF00–U+FFEF (check marks, circled numbers, ...).
//
// The outlines are taken from Hanazono Mincho A and B (HanaMinA.ttf,
// HanaMinB.ttf, SIL OFL 1.1; Debian package fonts-hanazono) and the Unihan
// data from the Debian package unicode-data. Run with
//
//	go run gen_outlines.go
//
// from this directory; flags name other locations.
package main

import (
	"bufio"
	"compress/bzip2"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/image/font/sfnt"

	"sureform/assets"
	"sureform/export/pdf/glyph"
)

func main() {
	hanazono := flag.String("hanazono", "/usr/share/fonts/truetype/hanazono", "folder with HanaMinA.ttf and HanaMinB.ttf")
	unihan := flag.String("unihan", "/usr/share/unicode", "folder with Unihan_*.txt.bz2")
	out := flag.String("out", "../../../assets/fonts/fallback-outlines.bin", "output file")
	units := flag.Int("units", 256, "outline precision in units per em")
	flag.Parse()

	main, err := sfnt.Parse(assets.FontRegular)
	if err != nil {
		log.Fatal(err)
	}
	var sources []*glyph.FontSource
	for _, n := range []string{"HanaMinA.ttf", "HanaMinB.ttf"} {
		data, err := os.ReadFile(filepath.Join(*hanazono, n))
		if err != nil {
			log.Fatal(err)
		}
		s, err := glyph.NewFontSource(data)
		if err != nil {
			log.Fatalf("%s: %v", n, err)
		}
		sources = append(sources, s)
	}
	gsource := unihanField(filepath.Join(*unihan, "Unihan_IRGSources.txt.bz2"), "kIRG_GSource")
	mandarin := unihanField(filepath.Join(*unihan, "Unihan_Readings.txt.bz2"), "kMandarin")

	var buf sfnt.Buffer
	mainHas := func(r rune) bool {
		g, err := main.GlyphIndex(&buf, r)
		return err == nil && g != 0
	}
	var entries []glyph.Entry
	add := func(r rune) {
		if mainHas(r) {
			return
		}
		for _, s := range sources {
			if o, ok := s.Outline(r); ok {
				entries = append(entries, glyph.Entry{Rune: r, Outline: o})
				return
			}
		}
	}
	ideographs := [][2]rune{{0x3400, 0x4DBF}, {0xF900, 0xFAFF}, {0x20000, 0x2A6DF}, {0x2A700, 0x2EBEF}, {0x2F800, 0x2FA1F}}
	for _, rg := range ideographs {
		for r := rg[0]; r <= rg[1]; r++ {
			if gsource[r] && mandarin[r] {
				add(r)
			}
		}
	}
	symbols := [][2]rune{{0x2000, 0x2BFF}, {0x3000, 0x33FF}, {0xFE30, 0xFE4F}, {0xFF00, 0xFFEF}}
	for _, rg := range symbols {
		for r := rg[0]; r <= rg[1]; r++ {
			add(r)
		}
	}
	data, err := glyph.EncodeTable(entries, *units)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d characters, %d bytes\n", len(entries), len(data))
}

// unihanField returns the characters that have the given field in a
// bzip2-compressed Unihan file.
func unihanField(path, field string) map[rune]bool {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	out := map[rune]bool{}
	sc := bufio.NewScanner(bzip2.NewReader(f))
	for sc.Scan() {
		p := strings.SplitN(sc.Text(), "\t", 3)
		if len(p) < 3 || p[1] != field || !strings.HasPrefix(p[0], "U+") {
			continue
		}
		v, err := strconv.ParseUint(p[0][2:], 16, 32)
		if err != nil {
			log.Fatalf("%s: %v", path, err)
		}
		out[rune(v)] = true
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}
