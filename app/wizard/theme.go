package wizard

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"sureform/assets"
)

// interfaceFont is the bundled Chinese font as the interface uses it: pruned
// to the common characters, the interface's own words and the characters of
// the data on screen (see fontSubset). Fyne parses the theme font once per
// text style (regular and bold) and keeps every outline; the whole font
// would cost about 54 MB a style, the subset about 9 MB
// (BenchmarkInterfaceFont).
var interfaceFont = newFontSubset(assets.FontRegular, interfaceRunes)

// interfaceRunes are the characters the interface font always has: Latin,
// general punctuation and symbols, CJK punctuation, kana, CJK compatibility
// and small forms, full-width forms, GB 2312's symbols and 3,755 common
// hanzi, and the characters outside these in the program's own words
// (extraInterfaceRunes).
func interfaceRunes() []rune {
	var out []rune
	for _, span := range [][2]rune{{0x20, 0x024F}, {0x2000, 0x27BF}, {0x3000, 0x30FF}, {0xFE30, 0xFE6F}, {0xFF00, 0xFFEF}} {
		for r := span[0]; r <= span[1]; r++ {
			out = append(out, r)
		}
	}
	out = append(out, gb2312()...)
	return append(out, []rune(extraInterfaceRunes)...)
}

// extraInterfaceRunes are the characters outside interfaceRunes' ranges
// and GB 2312 level 1 that the program's own text uses
// (TestInterfaceWordsInFont lists any that are missing).
const extraInterfaceRunes = "鹜"

// formTheme is the default Fyne theme in its light variant, with the
// bundled Chinese font (interfaceFont) for every text style, so that
// Chinese renders on a machine without a Chinese system font.
type formTheme struct{}

// NewTheme returns sureform's theme. Its font covers what the interface has
// shown so far; Window applies a new one when the data brings characters
// the font lacks.
func NewTheme() fyne.Theme { return formTheme{} }

func (formTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		return focusColor
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

// focusColor marks the button, check box, choice or link that has the
// keyboard's focus (a focused field has its blue border). Fyne's own is the
// primary blue at 16 % opacity, which over a grey button is barely told
// apart from the pointer's hover and over the blue 下一步 button not at all;
// a darker blue at 45 % is clear over both (TestFocusIsVisible).
var focusColor = color.NRGBA{R: 0x00, G: 0x30, B: 0x90, A: 0x73}

func (formTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	res, err := interfaceFont.Resource()
	if err != nil {
		fyne.LogError("pruning the bundled font; using it whole", err)
		return fyne.NewStaticResource("LXGWWenKai-Regular.ttf", assets.FontRegular)
	}
	return res
}

func (formTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (formTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// showCharacters makes the interface font draw every character of the
// strings in vals (strings, or structs, slices and maps holding them, such
// as the filing): when some are new and the bundled font has them, the
// font is pruned again and the theme re-applied, which redraws the window.
func (w *Window) showCharacters(vals ...any) {
	if !interfaceFont.Add(vals...) {
		return
	}
	// tests run with Fyne's test theme, which has no bundled font
	if _, ok := w.app.Settings().Theme().(formTheme); ok {
		w.app.Settings().SetTheme(NewTheme())
	}
}

// fontName names the n-th subset of the bundled font.
func fontName(n int) string { return fmt.Sprintf("LXGWWenKai-Regular-subset%d.ttf", n) }
