package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

var (
	lengthRe    = regexp.MustCompile(`/Length (\d+)`)
	startxrefRe = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
	xrefHeadRe  = regexp.MustCompile(`^xref\n0 (\d+)\n`)
)

// recompressFontFile re-deflates the embedded font program (the stream with
// a /Length1 entry) at the best compression level and fixes the file's
// cross-reference table. The PDF writer compresses for speed; the font is
// most of a report's size.
func recompressFontFile(pdf []byte) ([]byte, error) {
	at := bytes.Index(pdf, []byte("/Length1 "))
	if at < 0 {
		return pdf, nil
	}
	objStart := bytes.LastIndex(pdf[:at], []byte(" 0 obj\n"))
	objStart = bytes.LastIndexByte(pdf[:objStart], '\n') + 1
	dictEnd := bytes.Index(pdf[at:], []byte("stream\n"))
	if objStart <= 0 || dictEnd < 0 {
		return nil, errors.New("font stream not found")
	}
	dictEnd += at
	dict := pdf[objStart:dictEnd]
	m := lengthRe.FindSubmatchIndex(dict)
	if m == nil {
		return nil, errors.New("font stream length not found")
	}
	oldLen, _ := strconv.Atoi(string(dict[m[2]:m[3]]))
	dataStart := dictEnd + len("stream\n")
	if dataStart+oldLen > len(pdf) {
		return nil, errors.New("font stream truncated")
	}
	zr, err := zlib.NewReader(bytes.NewReader(pdf[dataStart : dataStart+oldLen]))
	if err != nil {
		return nil, fmt.Errorf("reading font stream: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("reading font stream: %w", err)
	}
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(raw)
	zw.Close()
	if z.Len() >= oldLen {
		return pdf, nil
	}

	var out bytes.Buffer
	out.Grow(len(pdf))
	out.Write(pdf[:objStart])
	out.Write(dict[:m[2]])
	out.WriteString(strconv.Itoa(z.Len()))
	out.Write(dict[m[3]:])
	out.WriteString("stream\n")
	out.Write(z.Bytes())
	rest := pdf[dataStart+oldLen:]
	delta := (out.Len() + len(rest)) - len(pdf)
	out.Write(rest)
	res := out.Bytes()

	// Shift the offsets of the objects after the font stream.
	sx := startxrefRe.FindSubmatchIndex(res)
	if sx == nil {
		return nil, errors.New("startxref not found")
	}
	xrefAt, _ := strconv.Atoi(string(res[sx[2]:sx[3]]))
	xrefAt += delta
	if xrefAt < 0 || xrefAt >= len(res) {
		return nil, errors.New("cross-reference table not found")
	}
	hm := xrefHeadRe.FindSubmatchIndex(res[xrefAt:])
	if hm == nil {
		return nil, errors.New("cross-reference table malformed")
	}
	n, _ := strconv.Atoi(string(res[xrefAt+hm[2] : xrefAt+hm[3]]))
	entries := xrefAt + hm[1]
	if entries+20*n > len(res) {
		return nil, errors.New("cross-reference table truncated")
	}
	for i := 1; i < n; i++ {
		e := res[entries+20*i : entries+20*i+10]
		off, err := strconv.Atoi(string(e))
		if err != nil {
			return nil, fmt.Errorf("cross-reference entry %d: %w", i, err)
		}
		if off > objStart {
			copy(e, fmt.Sprintf("%010d", off+delta))
		}
	}
	tail := []byte(fmt.Sprintf("startxref\n%d\n%%%%EOF\n", xrefAt))
	return append(res[:sx[0]], tail...), nil
}
