package forms

import (
	"fmt"
	"reflect"
	"unicode"
	"unicode/utf8"
)

// Limits on an edition definition the user adds. The official forms have
// two sections of under twenty items each; these bounds are far above any
// form and far below what would slow the program or flood its pages.
const (
	maxEditionFileSize = 512 << 10
	maxEditionSections = 20
	maxSectionItems    = 200
	maxEditionItems    = 1000
	maxItemParts       = 50
	maxEditionListLen  = 20 // columns, answers, org types, header fields, signatures …
	maxEditionText     = 2000
	maxIdentifier      = 64
)

// checkUserEdition checks the limits of an edition the user adds: its
// counts, the length of its texts, its ids being plain identifiers (used in
// file names and saved filings) and its texts holding no control or
// bidirectional-override characters (which could make a form display other
// than it reads).
func checkUserEdition(e *Edition) error {
	if err := checkIdentifier("id", e.ID); err != nil {
		return err
	}
	if e.Year != 0 && (e.Year < 2000 || e.Year > 2200) {
		return fmt.Errorf("year %d 不是可能的年份", e.Year)
	}
	if len(e.Sections) > maxEditionSections {
		return fmt.Errorf("有 %d 个 sections，超过上限 %d", len(e.Sections), maxEditionSections)
	}
	items := 0
	for _, s := range e.Sections {
		if err := checkIdentifier("section id", s.ID); err != nil {
			return err
		}
		if len(s.Items) > maxSectionItems {
			return fmt.Errorf("section %q 有 %d 个条目，超过上限 %d", s.ID, len(s.Items), maxSectionItems)
		}
		for _, it := range s.Items {
			if len(it.Parts) > maxItemParts {
				return fmt.Errorf("条目 %s 有 %d 个分项，超过上限 %d", it.ID, len(it.Parts), maxItemParts)
			}
			items += 1 + len(it.Parts)
			if err := checkIdentifier("条目 id", it.ID); err != nil {
				return err
			}
			for _, p := range it.Parts {
				if err := checkIdentifier("条目 id", p.ID); err != nil {
					return err
				}
			}
		}
	}
	if items > maxEditionItems {
		return fmt.Errorf("共有 %d 个条目，超过上限 %d", items, maxEditionItems)
	}
	return checkTexts(reflect.ValueOf(e).Elem(), "")
}

// checkIdentifier checks that an id is a plain identifier: 1 to
// maxIdentifier letters (any script), digits, '-', '_' or '.', with no
// "..".
func checkIdentifier(what, id string) error {
	bad := func(why string) error {
		return fmt.Errorf("%s %q 不可用：%s（只能用字母、汉字、数字和 - _ .）", what, id, why)
	}
	if id == "" {
		return bad("为空")
	}
	if utf8.RuneCountInString(id) > maxIdentifier {
		return bad(fmt.Sprintf("超过 %d 个字符", maxIdentifier))
	}
	prev := rune(0)
	for _, r := range id {
		switch {
		case r == '.' && prev == '.':
			return bad("含有“..”")
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '_', r == '.':
		case r == '/' || r == '\\':
			return bad("含有斜杠")
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || unicode.Is(unicode.Cf, r):
			return bad(fmt.Sprintf("含有不可见的控制字符 U+%04X", r))
		default:
			return bad(fmt.Sprintf("含有字符 %q", r))
		}
		prev = r
	}
	return nil
}

// checkTexts walks every string of an edition: none may be longer than
// maxEditionText characters or hold a control (other than line breaks and
// tabs) or bidirectional-formatting character, and no list may be longer
// than its bound.
func checkTexts(v reflect.Value, field string) error {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if utf8.RuneCountInString(s) > maxEditionText {
			return fmt.Errorf("%s 的文字超过 %d 个字符", field, maxEditionText)
		}
		for _, r := range s {
			if r == '\n' || r == '\t' || r == '\r' {
				continue
			}
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
				return fmt.Errorf("%s 的文字中有不可见的控制字符 U+%04X", field, r)
			}
		}
	case reflect.Slice:
		limit := maxEditionListLen
		switch v.Type().Elem().Kind() {
		case reflect.Struct: // sections, items, parts: bounded above
			limit = maxEditionItems
		}
		if v.Len() > limit {
			return fmt.Errorf("%s 有 %d 项，超过上限 %d", field, v.Len(), limit)
		}
		for i := 0; i < v.Len(); i++ {
			if err := checkTexts(v.Index(i), field); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := f.Tag.Get("toml")
			if name == "" {
				name = f.Name
			}
			if err := checkTexts(v.Field(i), name); err != nil {
				return err
			}
		}
	}
	return nil
}
