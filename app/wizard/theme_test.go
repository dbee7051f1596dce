package wizard

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours (1 to 21).
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// buttonCentre draws a window with one button and returns the colour at
// the button's centre, with or without the keyboard's focus.
func buttonCentre(t *testing.T, importance widget.Importance, focused bool) color.Color {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	b := widget.NewButton("下一步", nil)
	b.Importance = importance
	w := a.NewWindow("")
	w.SetContent(container.NewPadded(b))
	w.Resize(fyne.NewSize(200, 80))
	if focused {
		w.Canvas().Focus(b)
	}
	img := w.Canvas().Capture()
	p := b.Position().Add(fyne.NewPos(8, b.Size().Height/2)) // left of the text
	return img.At(int(p.X), int(p.Y))
}

// A keyboard user sees which button has the focus: its colour differs
// clearly from the same button without focus, and from the pointer's hover
// (Fyne's own focus colour, 16 % of the primary blue, gave contrasts of
// 1.24 over a grey button and 1.01 over the blue one).
func TestFocusIsVisible(t *testing.T) {
	th := NewTheme()
	hover := th.Color(theme.ColorNameHover, theme.VariantLight)
	for _, tc := range []struct {
		name       string
		importance widget.Importance
	}{
		{"a grey button", widget.MediumImportance},
		{"the blue 下一步 button", widget.HighImportance},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain := buttonCentre(t, tc.importance, false)
			focused := buttonCentre(t, tc.importance, true)
			if c := contrast(plain, focused); c < 1.3 {
				t.Errorf("focused %v against unfocused %v: contrast %.2f, want ≥ 1.3", focused, plain, c)
			}
			hovered := blend(plain, hover)
			if c := contrast(hovered, focused); c < 1.2 {
				t.Errorf("focused %v against hovered %v: contrast %.2f, want ≥ 1.2", focused, hovered, c)
			}
		})
	}
}

// blend draws the translucent colour over an opaque one.
func blend(under, over color.Color) color.Color {
	ur, ug, ub, _ := under.RGBA()
	or, og, ob, oa := over.RGBA() // premultiplied
	mix := func(u, o uint32) uint8 { return uint8((o + u*(0xffff-oa)/0xffff) >> 8) }
	return color.NRGBA{mix(ur, or), mix(ug, og), mix(ub, ob), 0xff}
}
