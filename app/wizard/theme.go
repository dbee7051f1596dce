package wizard

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/encoding/simplifiedchinese"

	"sureform/app/fontprune"
	"sureform/assets"
)

// fontResource is the bundled Chinese font, wrapped once. Fyne parses a
// theme font once per text style and keeps every outline (about 52 MB for
// this font), so only plain text, which shows the user's data, uses it.
var fontResource = fyne.NewStaticResource("LXGWWenKai-Regular.ttf", assets.FontRegular)

// styledFont is the font for bold, italic, monospace and underlined text,
// which show only the interface's own words (headings, dialog titles): the
// bundled font pruned to the 3,755 common characters of GB 2312 (level 1),
// Latin and punctuation, which costs Fyne about 7 MB instead of 52 MB.
var styledFont = sync.OnceValue(func() fyne.Resource {
	common := gb2312()
	data, err := fontprune.Prune(assets.FontRegular, func(r rune) bool {
		return r < 0x0250 || (r >= 0x2000 && r <= 0x27BF) || (r >= 0x3000 && r <= 0x303F) ||
			(r >= 0xFF00 && r <= 0xFFEF) || common[r]
	})
	if err != nil {
		fyne.LogError("pruning the bundled font; using it whole", err)
		return fontResource
	}
	return fyne.NewStaticResource("LXGWWenKai-Regular-GB2312.ttf", data)
})

// gb2312 returns the 3,755 level-1 characters of GB 2312 (rows 16–55).
func gb2312() map[rune]bool {
	dec := simplifiedchinese.GBK.NewDecoder()
	set := make(map[rune]bool, 7000)
	buf := make([]byte, 0, 2*94*40)
	for hi := 0xB0; hi <= 0xD7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			buf = append(buf, byte(hi), byte(lo))
		}
	}
	s, err := dec.Bytes(buf)
	if err != nil {
		return set
	}
	for _, r := range string(s) {
		if r >= 0x4E00 {
			set[r] = true
		}
	}
	return set
}

// formTheme is the default Fyne theme in its light variant, with the
// bundled Chinese font for every text style, so that Chinese renders on a
// machine without a Chinese system font.
type formTheme struct{}

// NewTheme returns sureform's theme.
func NewTheme() fyne.Theme { return formTheme{} }

func (formTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (formTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Bold || s.Italic || s.Monospace || s.Underline:
		return styledFont()
	}
	return fontResource
}

func (formTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (formTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
