// Command drawicon draws sureform's application icon: a white form sheet
// with three ticked check boxes on a Chinese-red tile, stamped with a round
// red seal bearing 学. The drawing is vector (anti-aliased paths and the 学
// outline from the bundled LXGW WenKai font), so every size is rendered
// natively rather than scaled from a bitmap.
//
// Usage, from the repository root:
//
//	go run ./scripts/drawicon                          # writes assets/icon.png, 1024×1024
//	go run ./scripts/drawicon -size 256 -o icon256.png # the size the Windows .ico holds
//	go run ./scripts/drawicon -bleed -o mac.png        # square tile filling the canvas, for the
//	                                                   # macOS packager, which applies its own mask
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"sureform/assets"
)

// The design is laid out on a 1024×1024 grid; canvas.scale maps it to the
// requested size.
const grid = 1024

var (
	red      = color.RGBA{0xC8, 0x16, 0x1D, 0xFF} // 中国红, the ink of the ticks and the seal
	redTop   = color.RGBA{0xDE, 0x2D, 0x26, 0xFF} // tile gradient, top
	redDeep  = color.RGBA{0xA3, 0x0E, 0x15, 0xFF} // tile gradient, bottom
	white    = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	shadow   = color.RGBA{0x40, 0x03, 0x06, 0x40} // premultiplied: a dark-red shadow at 25 %
	textGrey = color.RGBA{0xC9, 0xC4, 0xC4, 0xFF} // the "written" lines on the sheet
	boxPink  = color.RGBA{0xFB, 0xE9, 0xE8, 0xFF} // inside of a check box
	foldPink = color.RGBA{0xF3, 0xC9, 0xC7, 0xFF} // the turned-down corner
)

func main() {
	size := flag.Int("size", grid, "width and height of the icon in pixels")
	out := flag.String("o", "assets/icon.png", "PNG file to write")
	bleed := flag.Bool("bleed", false, "draw the tile square and filling the canvas (for packagers that mask and pad the icon themselves, as Fyne's macOS packager does)")
	flag.Parse()
	if *size < 16 || *size > 4096 {
		fmt.Fprintf(os.Stderr, "drawicon: -size %d: 图标边长须在 16 到 4096 像素之间\n", *size)
		os.Exit(2)
	}
	img, err := drawIcon(*size, *bleed)
	if err != nil {
		fmt.Fprintf(os.Stderr, "drawicon: %v\n", err)
		os.Exit(1)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		fmt.Fprintf(os.Stderr, "drawicon: encoding PNG: %v\n", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "drawicon: %v\n", err)
		os.Exit(1)
	}
}

// canvas is an RGBA image addressed in grid units: pixel = (grid - origin) × scale.
type canvas struct {
	img    *image.RGBA
	origin float32
	scale  float32
}

// fill rasterises the path that build traces (in grid units) and paints it
// with src over what is already there.
func (c *canvas) fill(src image.Image, build func(p *path)) {
	b := c.img.Bounds()
	z := vector.NewRasterizer(b.Dx(), b.Dy())
	build(&path{z: z, o: c.origin, s: c.scale})
	z.Draw(c.img, b, src, image.Point{})
}

func (c *canvas) fillColor(col color.Color, build func(p *path)) {
	c.fill(image.NewUniform(col), build)
}

// path maps grid coordinates onto a rasterizer.
type path struct {
	z    *vector.Rasterizer
	o, s float32
}

func (p *path) px(v float32) float32 { return (v - p.o) * p.s }

func (p *path) moveTo(x, y float32) { p.z.MoveTo(p.px(x), p.px(y)) }
func (p *path) lineTo(x, y float32) { p.z.LineTo(p.px(x), p.px(y)) }
func (p *path) quadTo(x1, y1, x, y float32) {
	p.z.QuadTo(p.px(x1), p.px(y1), p.px(x), p.px(y))
}
func (p *path) cubeTo(x1, y1, x2, y2, x, y float32) {
	p.z.CubeTo(p.px(x1), p.px(y1), p.px(x2), p.px(y2), p.px(x), p.px(y))
}
func (p *path) close() { p.z.ClosePath() }

// kappa places cubic Bézier control points for a quarter circle.
const kappa = 0.5522847

// roundRect traces a rectangle with corner radius r, clockwise.
func (p *path) roundRect(x0, y0, x1, y1, r float32) {
	k := r * (1 - kappa)
	p.moveTo(x0+r, y0)
	p.lineTo(x1-r, y0)
	p.cubeTo(x1-k, y0, x1, y0+k, x1, y0+r)
	p.lineTo(x1, y1-r)
	p.cubeTo(x1, y1-k, x1-k, y1, x1-r, y1)
	p.lineTo(x0+r, y1)
	p.cubeTo(x0+k, y1, x0, y1-k, x0, y1-r)
	p.lineTo(x0, y0+r)
	p.cubeTo(x0, y0+k, x0+k, y0, x0+r, y0)
	p.close()
}

// circle traces a circle; clockwise when cw, else counter-clockwise, so that
// a counter-clockwise circle inside a clockwise one cuts a ring.
func (p *path) circle(cx, cy, r float32, cw bool) {
	k := r * kappa
	if cw {
		p.moveTo(cx, cy-r)
		p.cubeTo(cx+k, cy-r, cx+r, cy-k, cx+r, cy)
		p.cubeTo(cx+r, cy+k, cx+k, cy+r, cx, cy+r)
		p.cubeTo(cx-k, cy+r, cx-r, cy+k, cx-r, cy)
		p.cubeTo(cx-r, cy-k, cx-k, cy-r, cx, cy-r)
	} else {
		p.moveTo(cx, cy-r)
		p.cubeTo(cx-k, cy-r, cx-r, cy-k, cx-r, cy)
		p.cubeTo(cx-r, cy+k, cx-k, cy+r, cx, cy+r)
		p.cubeTo(cx+k, cy+r, cx+r, cy+k, cx+r, cy)
		p.cubeTo(cx+r, cy-k, cx+k, cy-r, cx, cy-r)
	}
	p.close()
}

// strokeColor paints a thick segment from (x0,y0) to (x1,y1) with round
// caps. The body and the caps are separate fills composited over each other,
// so that overlapping shapes never cancel in the rasterizer's winding sum and
// consecutive strokes sharing an end point join roundly.
func (c *canvas) strokeColor(col color.Color, x0, y0, x1, y1, width float32) {
	r := width / 2
	dx, dy := x1-x0, y1-y0
	l := float32(math.Hypot(float64(dx), float64(dy)))
	nx, ny := -dy/l*r, dx/l*r // normal, length r
	c.fillColor(col, func(p *path) {
		p.moveTo(x0+nx, y0+ny)
		p.lineTo(x1+nx, y1+ny)
		p.lineTo(x1-nx, y1-ny)
		p.lineTo(x0-nx, y0-ny)
		p.close()
	})
	c.fillColor(col, func(p *path) { p.circle(x0, y0, r, true) })
	c.fillColor(col, func(p *path) { p.circle(x1, y1, r, true) })
}

// verticalGradient shades from top to bottom across the grid.
type verticalGradient struct {
	from, to color.RGBA
	height   int
}

func (g verticalGradient) ColorModel() color.Model { return color.RGBAModel }
func (g verticalGradient) Bounds() image.Rectangle {
	return image.Rect(-1e9, -1e9, 1e9, 1e9)
}
func (g verticalGradient) At(_, y int) color.Color {
	t := float64(y) / float64(g.height-1)
	t = math.Max(0, math.Min(1, t))
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return color.RGBA{mix(g.from.R, g.to.R), mix(g.from.G, g.to.G), mix(g.from.B, g.to.B), 0xFF}
}

// The tile's edges on the grid: a small margin, as Windows and Linux icons
// conventionally leave, but large enough to read at 16 px.
const tile0, tile1 = 56, 968

// drawIcon renders the icon at size×size pixels. With bleed, the tile is
// square and fills the canvas (the drawing is zoomed so that the tile's
// edges are the canvas's).
func drawIcon(size int, bleed bool) (*image.RGBA, error) {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, size, size)), scale: float32(size) / grid}
	if bleed {
		c.origin, c.scale = tile0, float32(size)/(tile1-tile0)
		c.fill(verticalGradient{redTop, redDeep, size}, func(p *path) {
			p.moveTo(tile0, tile0)
			p.lineTo(tile1, tile0)
			p.lineTo(tile1, tile1)
			p.lineTo(tile0, tile1)
			p.close()
		})
	} else {
		c.fill(verticalGradient{redTop, redDeep, size}, func(p *path) { p.roundRect(tile0, tile0, tile1, tile1, 196) })
	}

	// The sheet, with a soft offset shadow and a turned-down top-right corner.
	const sx0, sy0, sx1, sy1, fold = 212, 150, 732, 850, 120
	sheet := func(dx, dy float32) func(p *path) {
		return func(p *path) {
			r := float32(34)
			k := r * (1 - kappa)
			p.moveTo(sx0+r+dx, sy0+dy)
			p.lineTo(sx1-fold+dx, sy0+dy)
			p.lineTo(sx1+dx, sy0+fold+dy)
			p.lineTo(sx1+dx, sy1-r+dy)
			p.cubeTo(sx1+dx, sy1-k+dy, sx1-k+dx, sy1+dy, sx1-r+dx, sy1+dy)
			p.lineTo(sx0+r+dx, sy1+dy)
			p.cubeTo(sx0+k+dx, sy1+dy, sx0+dx, sy1-k+dy, sx0+dx, sy1-r+dy)
			p.lineTo(sx0+dx, sy0+r+dy)
			p.cubeTo(sx0+dx, sy0+k+dy, sx0+k+dx, sy0+dy, sx0+r+dx, sy0+dy)
			p.close()
		}
	}
	c.fillColor(shadow, sheet(0, 10))
	c.fillColor(white, sheet(0, 0))
	c.fillColor(foldPink, func(p *path) {
		p.moveTo(sx1-fold, sy0)
		p.lineTo(sx1-fold, sy0+fold-18)
		p.cubeTo(sx1-fold, sy0+fold-6, sx1-fold+6, sy0+fold, sx1-fold+18, sy0+fold)
		p.lineTo(sx1, sy0+fold)
		p.close()
	})

	// Three rows: a check box with a tick, and a written line.
	for i, y := range []float32{290, 470, 650} {
		const bx0, box = 272, 112
		by0 := y - box/2
		c.fillColor(red, func(p *path) {
			p.roundRect(bx0, by0, bx0+box, by0+box, 22)
		})
		c.fillColor(boxPink, func(p *path) {
			p.roundRect(bx0+14, by0+14, bx0+box-14, by0+box-14, 12)
		})
		c.strokeColor(red, bx0+28, y+2, bx0+52, y+28, 30)
		c.strokeColor(red, bx0+52, y+28, bx0+116, by0-16, 30)
		first, second := float32(670), float32(580)
		if i == 2 {
			first, second = 560, 520 // the seal covers the end of the last row
		}
		c.fillColor(textGrey, func(p *path) { p.roundRect(432, y-40, first, y-12, 14) })
		c.fillColor(textGrey, func(p *path) { p.roundRect(432, y+14, second, y+42, 14) })
	}

	// The seal: a red disc with a white rim (so that it stands off the red
	// tile), an inner ring, and 学.
	const cx, cy = 742, 752
	c.fillColor(white, func(p *path) { p.circle(cx, cy, 188, true) })
	c.fillColor(red, func(p *path) { p.circle(cx, cy, 166, true) })
	c.fillColor(white, func(p *path) {
		p.circle(cx, cy, 146, true)
		p.circle(cx, cy, 134, false)
	})
	glyph, err := glyphPath('学', 196)
	if err != nil {
		return nil, err
	}
	// WenKai's strokes are a brush's, thin for a seal: embolden by painting
	// the outline a few times around a small circle.
	const bold = 4
	for a := 0; a < 360; a += 45 {
		dx := bold * float32(math.Cos(float64(a)*math.Pi/180))
		dy := bold * float32(math.Sin(float64(a)*math.Pi/180))
		c.fillColor(white, func(p *path) { glyph(p, cx+dx, cy+dy) })
	}
	return c.img, nil
}

// glyphPath loads r from the bundled font at em size em (grid units) and
// returns a function that traces it centred on (cx, cy).
func glyphPath(r rune, em float32) (func(p *path, cx, cy float32), error) {
	f, err := sfnt.Parse(assets.FontRegular)
	if err != nil {
		return nil, fmt.Errorf("parsing the bundled font: %w", err)
	}
	var buf sfnt.Buffer
	idx, err := f.GlyphIndex(&buf, r)
	if err != nil || idx == 0 {
		return nil, fmt.Errorf("the bundled font has no glyph for %q (err %v)", r, err)
	}
	segs, err := f.LoadGlyph(&buf, idx, fixed.Int26_6(em*64), nil)
	if err != nil {
		return nil, fmt.Errorf("loading glyph %q: %w", r, err)
	}
	// Centre on the outline's own bounding box, not the em box.
	minX, minY, maxX, maxY := float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, s := range segs {
		n := map[sfnt.SegmentOp]int{sfnt.SegmentOpMoveTo: 1, sfnt.SegmentOpLineTo: 1, sfnt.SegmentOpQuadTo: 2, sfnt.SegmentOpCubeTo: 3}[s.Op]
		for _, a := range s.Args[:n] {
			x, y := float32(a.X)/64, float32(a.Y)/64
			minX, maxX = min(minX, x), max(maxX, x)
			minY, maxY = min(minY, y), max(maxY, y)
		}
	}
	ox, oy := -(minX+maxX)/2, -(minY+maxY)/2
	return func(p *path, cx, cy float32) {
		pt := func(a fixed.Point26_6) (float32, float32) {
			return float32(a.X)/64 + ox + cx, float32(a.Y)/64 + oy + cy
		}
		for i, s := range segs {
			switch s.Op {
			case sfnt.SegmentOpMoveTo:
				if i > 0 {
					p.close() // contours are implicitly closed in the font
				}
				p.moveTo(pt(s.Args[0]))
			case sfnt.SegmentOpLineTo:
				p.lineTo(pt(s.Args[0]))
			case sfnt.SegmentOpQuadTo:
				x1, y1 := pt(s.Args[0])
				x, y := pt(s.Args[1])
				p.quadTo(x1, y1, x, y)
			case sfnt.SegmentOpCubeTo:
				x1, y1 := pt(s.Args[0])
				x2, y2 := pt(s.Args[1])
				x, y := pt(s.Args[2])
				p.cubeTo(x1, y1, x2, y2, x, y)
			}
		}
		p.close()
	}, nil
}
