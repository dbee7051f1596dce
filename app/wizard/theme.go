package wizard

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"sureform/assets"
)

// fontResource is the bundled Chinese font, wrapped once so that Fyne parses
// and caches one face for every text style.
var fontResource = fyne.NewStaticResource("LXGWWenKai-Regular.ttf", assets.FontRegular)

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
	if s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	return fontResource
}

func (formTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (formTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
