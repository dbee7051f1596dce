package wizard

import (
	"reflect"
	"sync"

	"fyne.io/fyne/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"sureform/app/fontprune"
)

// fontSubset is a font pruned (fontprune.Prune) to the characters the
// interface needs so far. Add grows the set; Resource prunes the font again
// when the set has grown since the last time (about 20 ms).
type fontSubset struct {
	ttf  []byte
	base func() []rune

	mu      sync.Mutex
	ready   bool
	inFont  runeSet // characters the font has
	kept    runeSet // characters the subset keeps
	res     fyne.Resource
	stale   bool // kept has grown since res was made
	version int
}

func newFontSubset(ttf []byte, base func() []rune) *fontSubset {
	return &fontSubset{ttf: ttf, base: base}
}

// init reads the font's characters and the base set, once.
func (s *fontSubset) init() {
	if s.ready {
		return
	}
	s.ready = true
	s.inFont, s.kept = newRuneSet(), newRuneSet()
	runes, err := fontprune.Runes(s.ttf)
	if err != nil {
		fyne.LogError("reading the bundled font's characters", err)
	}
	for _, r := range runes {
		s.inFont.add(r)
	}
	for _, r := range s.base() {
		if s.inFont.has(r) {
			s.kept.add(r)
		}
	}
	s.stale = true
}

// Has reports whether the subset draws r.
func (s *fontSubset) Has(r rune) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	return s.kept.has(r)
}

// Add adds the characters of every string in vals (walking structs,
// pointers, slices, maps and interfaces) that the font has and the subset
// lacks; it reports whether there were any.
func (s *fontSubset) Add(vals ...any) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	added := false
	for _, v := range vals {
		eachString(reflect.ValueOf(v), func(str string) {
			for _, r := range str {
				if r >= 0x80 && !s.kept.has(r) && s.inFont.has(r) {
					s.kept.add(r)
					added = true
				}
			}
		})
	}
	s.stale = s.stale || added
	return added
}

// Resource returns the font pruned to the current set.
func (s *fontSubset) Resource() (fyne.Resource, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	if !s.stale {
		return s.res, nil
	}
	data, err := fontprune.Prune(s.ttf, s.kept.has)
	releasePages(s.ttf)
	if err != nil {
		return nil, err
	}
	s.version++
	s.res = fyne.NewStaticResource(fontName(s.version), data)
	s.stale = false
	return s.res, nil
}

// eachString calls fn with every string held in v.
func eachString(v reflect.Value, fn func(string)) {
	switch v.Kind() {
	case reflect.String:
		fn(v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(v.Elem(), fn)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			eachString(v.Field(i), fn)
		}
	case reflect.Slice, reflect.Array:
		if k := v.Type().Elem().Kind(); k != reflect.String && k != reflect.Struct && k != reflect.Pointer &&
			k != reflect.Interface && k != reflect.Slice && k != reflect.Array && k != reflect.Map {
			return // numbers, bytes
		}
		for i := 0; i < v.Len(); i++ {
			eachString(v.Index(i), fn)
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			eachString(it.Key(), fn)
			eachString(it.Value(), fn)
		}
	}
}

// runeSet is a set of Unicode characters, one bit each.
type runeSet []uint64

func newRuneSet() runeSet { return make(runeSet, (0x10FFFF+64)/64) }

func (s runeSet) add(r rune) {
	if r >= 0 && r <= 0x10FFFF {
		s[r/64] |= 1 << (r % 64)
	}
}

func (s runeSet) has(r rune) bool {
	return r >= 0 && r <= 0x10FFFF && s[r/64]&(1<<(r%64)) != 0
}

// gb2312 returns the symbols of GB 2312 (rows 1–9) and its 3,755 common
// hanzi (level 1, rows 16–55). Level 2's 3,008 rarer hanzi come in with the
// data that uses them: each costs the interface font's two parsed faces
// (regular and bold) about 2 KB.
func gb2312() []rune {
	buf := make([]byte, 0, 2*94*55)
	for hi := 0xA1; hi <= 0xD7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			buf = append(buf, byte(hi), byte(lo))
		}
	}
	s, err := simplifiedchinese.GBK.NewDecoder().Bytes(buf)
	if err != nil {
		return nil
	}
	var out []rune
	for _, r := range string(s) {
		if r != 0xFFFD && r >= 0x80 {
			out = append(out, r)
		}
	}
	return out
}
