// Package pdf writes a filing as the printable document that schools sign,
// stamp, scan and publish: first the official form (备案表) exactly as the
// edition lays it out — title, header fields, the item table with its
// section captions, then in the same table the optional rows and the
// signature and stamp blocks, kept on the page of the last form rows — and
// after it the attachments in the order of the schools' disclosures: the
// charter, the organisation chart drawn from the declared structure, the
// roster under the official column headings, the congress with ratios
// computed from counts, the 指导责任人 and the other texts, on A4 pages
// numbered 第 X 页 共 Y 页. It prints no findings; RenderReview writes those
// as a separate internal 审核报告.
//
// The text is set in a Song (宋体) face: an office face installed on the
// computer when Options.FontDirs finds one (titles then in its installed
// 黑体), else the bundled AR PL SungtiL GB, so that the document is the same
// on any machine. Only the characters used are embedded. Characters the
// PDF text machinery cannot print with that face (characters outside the
// Basic Multilingual Plane, such as 𠮷, and characters the face lacks) are
// drawn as vector outlines, taken from the face, from LXGW WenKai or from
// the bundled outline table (see package glyph); a character that no font
// has is drawn as a marked box with its code point and reported as a
// Warning. Check boxes (☑ □) are drawn as vector marks. Text extraction
// (copy and paste, pdftotext) returns the real characters, drawn ones
// included.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"sureform/export/docdate"
	"sureform/forms"
	"sureform/forms/atomicfile"
)

// Options control how a report is written.
type Options struct {
	// Created is the document's creation and modification date. The zero
	// time means now, or SOURCE_DATE_EPOCH when that is set (package
	// docdate); set it for byte-for-byte reproducible output.
	Created time.Time
	// Progress, when set, is called with the share of the work done, from
	// 0 to 1, as the report is laid out and written.
	Progress func(done float64)
	// Warn, when set, receives the report's warnings (characters that no
	// available font has). They are also returned by Render.
	Warn func(Warning)
	// FallbackFonts are extra TrueType or OpenType fonts tried, before the
	// bundled fonts, for characters the main font lacks.
	FallbackFonts [][]byte
	// FontDirs are the folders searched for an installed Song (宋体) or
	// Fangsong (仿宋) face to set the report in, such as SystemFontDirs().
	// With none found, or none given, the report uses the bundled Song
	// face, so that it is the same on every computer.
	FontDirs []string
}

// Warning is something the report could not print as given.
type Warning struct {
	// Path is the filing field the text comes from, as the validator
	// names it (members[3].name, texts.charter), or "" for text of the
	// form edition.
	Path string
	// Rune is the character concerned.
	Rune rune
	// Message says in Chinese what happened and where.
	Message string
}

func (w Warning) String() string { return w.Message }

// Result describes a written report.
type Result struct {
	Pages    int
	Warnings []Warning
	// Face is the typeface the report is set in.
	Face Face
	// TitleFace is the installed 黑体 face the titles are set in; its
	// Name is "" when titles are the body face made bold.
	TitleFace Face
}

// Write writes the report of filing f, which answers edition ed, to w.
func Write(w io.Writer, f *forms.Filing, ed *forms.Edition, opts Options) error {
	_, err := Render(w, f, ed, opts)
	return err
}

// WriteFile writes the report to path atomically: a failed export leaves
// an existing file untouched.
func WriteFile(path string, f *forms.Filing, ed *forms.Edition, opts Options) error {
	_, err := WriteFileResult(path, f, ed, opts)
	return err
}

// WriteFileResult is WriteFile that also returns the report's page count,
// warnings and face.
func WriteFileResult(path string, f *forms.Filing, ed *forms.Edition, opts Options) (Result, error) {
	var buf bytes.Buffer
	res, err := Render(&buf, f, ed, opts)
	if err != nil {
		return res, err
	}
	if err := atomicfile.Write(path, buf.Bytes()); err != nil {
		return res, fmt.Errorf("写入 PDF 报告：%w", err)
	}
	return res, nil
}

// Render writes the report like Write and returns its page count and
// warnings.
func Render(w io.Writer, f *forms.Filing, ed *forms.Edition, opts Options) (Result, error) {
	res, _, err := render(w, f, ed, nil, opts)
	return res, err
}

// renderDoc writes the official report, or with a non-nil review the review
// report.
func renderDoc(w io.Writer, f *forms.Filing, ed *forms.Edition, review *forms.Report, opts Options) (Result, error) {
	res, _, err := render(w, f, ed, review, opts)
	return res, err
}

// render is renderDoc that also returns the laid-out report, for the
// tests.
func render(w io.Writer, f *forms.Filing, ed *forms.Edition, review *forms.Report, opts Options) (Result, *report, error) {
	if f == nil || ed == nil {
		return Result{}, nil, errors.New("生成 PDF 报告：缺少填报数据或表格版本")
	}
	if f.Edition != "" && ed.ID != "" && f.Edition != ed.ID {
		return Result{}, nil, fmt.Errorf("生成 PDF 报告：填报文件使用表格版本 %q，却按版本 %q 生成", f.Edition, ed.ID)
	}
	fonts, err := loadFonts(opts.FontDirs, opts.FallbackFonts)
	if err != nil {
		return Result{}, nil, fmt.Errorf("生成 PDF 报告：%w", err)
	}
	progress := func(p float64) {
		if opts.Progress != nil {
			opts.Progress(p)
		}
	}
	created := opts.Created
	if created.IsZero() {
		created = docdate.Now()
	}
	r := &report{f: f, ed: ed, d: forms.Derive(f, ed), review: review}

	// Pass 1 lays the report out without drawing: it finds the characters
	// to embed and the number of pages.
	measure := newCanvas(fonts, nil)
	r.draw(measure, func(p float64) { progress(0.4 * p) })
	warnings := r.warnings(measure)
	for _, wn := range warnings {
		if opts.Warn != nil {
			opts.Warn(wn)
		}
	}

	doc, err := newDocument(fonts, measure.fontRunes(), r.metadata(), created)
	if err != nil {
		return Result{}, nil, fmt.Errorf("生成 PDF 报告：%w", err)
	}
	out := newCanvas(fonts, doc)
	out.totalPages = measure.page
	out.wraps = measure.wraps
	out.runes = measure.runes
	r.draw(out, func(p float64) { progress(0.4 + 0.5*p) })
	if out.page != measure.page || len(out.used) != len(measure.used) {
		// Both passes lay out the same text; a difference would print
		// characters missing from the embedded font.
		return Result{}, nil, fmt.Errorf("生成 PDF 报告：两遍排版不一致（%d 页与 %d 页，%d 与 %d 个字符）",
			measure.page, out.page, len(measure.used), len(out.used))
	}
	data, err := doc.finish()
	if err != nil {
		return Result{}, nil, fmt.Errorf("生成 PDF 报告：%w", err)
	}
	if _, err := w.Write(data); err != nil {
		return Result{}, nil, fmt.Errorf("写出 PDF 报告：%w", err)
	}
	progress(1)
	return Result{Pages: out.page, Warnings: warnings, Face: fonts.face, TitleFace: fonts.titleFace}, r, nil
}
