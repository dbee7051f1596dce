package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
)

// compressionLevel is the zlib level of the streams compressStreams writes.
const compressionLevel = 3

var (
	lengthRe    = regexp.MustCompile(`/Length (\d+)`)
	startxrefRe = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
	xrefHeadRe  = regexp.MustCompile(`^xref\n0 (\d+)\n`)
)

// compressStreams finishes the PDF writer's output: it deflates the page
// content streams, which the writer is told to leave uncompressed (it would
// allocate a new compressor for every page), and re-deflates the embedded
// font program (the stream with a /Length1 entry), which the writer
// compresses at level 1: the font is most of a report's size, and level 3
// takes 7 % off it for little more time (level 6 takes 9 % at three times
// the time). Then it rebuilds the cross-reference table. Other objects are
// copied as they are.
func compressStreams(pdf []byte) ([]byte, error) {
	sx := startxrefRe.FindSubmatchIndex(pdf)
	if sx == nil {
		return nil, errors.New("startxref not found")
	}
	xrefAt, _ := strconv.Atoi(string(pdf[sx[2]:sx[3]]))
	if xrefAt <= 0 || xrefAt >= len(pdf) {
		return nil, errors.New("cross-reference table not found")
	}
	hm := xrefHeadRe.FindSubmatchIndex(pdf[xrefAt:])
	if hm == nil {
		return nil, errors.New("cross-reference table malformed")
	}
	n, _ := strconv.Atoi(string(pdf[xrefAt+hm[2] : xrefAt+hm[3]]))
	entries := xrefAt + hm[1]
	if entries+20*n > len(pdf) {
		return nil, errors.New("cross-reference table truncated")
	}
	type obj struct{ num, off int }
	objs := make([]obj, 0, n)
	for i := 1; i < n; i++ {
		off, err := strconv.Atoi(string(pdf[entries+20*i : entries+20*i+10]))
		if err != nil || off <= 0 || off >= xrefAt {
			return nil, fmt.Errorf("cross-reference entry %d malformed", i)
		}
		objs = append(objs, obj{i, off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].off < objs[j].off })
	if len(objs) == 0 {
		return pdf, nil
	}

	var out bytes.Buffer
	out.Grow(len(pdf))
	out.Write(pdf[:objs[0].off])
	offsets := make([]int, n)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, compressionLevel)
	deflate := func(raw []byte) []byte {
		z.Reset()
		zw.Reset(&z)
		zw.Write(raw)
		zw.Close()
		return z.Bytes()
	}
	for k, o := range objs {
		end := xrefAt
		if k+1 < len(objs) {
			end = objs[k+1].off
		}
		offsets[o.num] = out.Len()
		body := pdf[o.off:end]
		if err := rewriteStream(&out, body, deflate); err != nil {
			return nil, fmt.Errorf("object %d: %w", o.num, err)
		}
	}
	newXref := out.Len()
	out.WriteString("xref\n")
	fmt.Fprintf(&out, "0 %d\n", n)
	out.WriteString("0000000000 65535 f \n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offsets[i])
	}
	out.Write(pdf[entries+20*n : sx[0]])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

// rewriteStream writes one object, compressing its stream if it is an
// uncompressed content stream or the font program.
func rewriteStream(out *bytes.Buffer, body []byte, deflate func([]byte) []byte) error {
	si := bytes.Index(body, []byte(">>\nstream\n"))
	if si < 0 {
		out.Write(body)
		return nil
	}
	dict := body[:si+2]
	m := lengthRe.FindSubmatchIndex(dict)
	if m == nil {
		return errors.New("stream without /Length")
	}
	length, _ := strconv.Atoi(string(dict[m[2]:m[3]]))
	dataStart := si + len(">>\nstream\n")
	if dataStart+length > len(body) {
		return errors.New("stream truncated")
	}
	data := body[dataStart : dataStart+length]
	filtered := bytes.Contains(dict, []byte("/Filter"))
	font := bytes.Contains(dict, []byte("/Length1 "))
	var packed []byte
	switch {
	case !filtered:
		packed = deflate(data)
	case font:
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("reading font stream: %w", err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			return fmt.Errorf("reading font stream: %w", err)
		}
		packed = deflate(raw)
		if len(packed) >= len(data) {
			out.Write(body)
			return nil
		}
	default:
		out.Write(body)
		return nil
	}
	out.Write(dict[:m[2]])
	out.WriteString(strconv.Itoa(len(packed)))
	if !filtered {
		out.WriteString(" /Filter /FlateDecode")
	}
	out.Write(dict[m[3]:])
	out.WriteString("\nstream\n")
	out.Write(packed)
	out.Write(body[dataStart+length:])
	return nil
}
