package a11ytest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// screenshotsEnv names a folder to keep the screenshots in, for a person
// to look at; a relative path is taken from the repository root:
//
//	RATUSZ_SCREENSHOTS=screenshots go test -count=1 -run TestScreenshots ./generator/internal/a11ytest
const screenshotsEnv = "RATUSZ_SCREENSHOTS"

// minInk is the least share of a screenshot's pixels that must differ
// from its background: the pages screenshotted have 19 to 36% of them in
// text, rules and the header; a page that failed to show has none.
const minInk = 0.05

// TestScreenshots takes full-page screenshots of a home, a city and a
// document page of the built-in site at 1280 px, at 320 px and in the
// dark scheme, and checks what a person would see at a glance: each is a
// PNG exactly as wide as its viewport (nothing sticks out sideways) and
// at least as tall, it shows a page and not a blank, and its background
// is light in the light scheme and dark in the dark one. The PNGs are
// kept in the folder $RATUSZ_SCREENSHOTS names, else thrown away with the
// test's temporary folder.
func TestScreenshots(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	if d := os.Getenv(screenshotsEnv); d != "" {
		if !filepath.IsAbs(d) {
			d = filepath.Join(root, d)
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		dir = d
	}
	browser := startBrowser(t)
	site := buildSites(t)[0]
	pages := []struct{ name, path string }{
		{"home", "/"},
		{"city", "/miasta/walbrzych/"},
		{"document", "/dokumenty/strategia-wspolpracy-wroclawia-z-ngo-2018-2022/"},
	}
	views := []struct {
		name string
		view view
	}{
		{"desktop", desktop},
		{"320", narrow},
		{"dark", dark},
	}
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	for _, v := range views {
		if err := emulate(ctx, v.view); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if err := open(ctx, site.URL+p.path); err != nil {
				t.Errorf("%s: %v", p.path, err)
				continue
			}
			data, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Errorf("%s at %s: %v", p.path, v.name, err)
				continue
			}
			file := filepath.Join(dir, p.name+"-"+v.name+".png")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := readScreenshot(data)
			if err != nil {
				t.Errorf("%s at %s: %v", p.path, v.name, err)
				continue
			}
			t.Logf("%s at %s: %d×%d px, background %v (luminance %.2f), %.1f%% ink", p.path, v.name, s.Width, s.Height, s.Background, s.Luminance, 100*s.Ink)
			for _, problem := range s.problems(v.view) {
				t.Errorf("%s at %s (%s): %s", p.path, v.name, file, problem)
			}
		}
	}
	if os.Getenv(screenshotsEnv) != "" {
		t.Logf("screenshots in %s", dir)
	}
}

// screenshot is what a person sees of a page's screenshot at a glance.
type screenshot struct {
	Width, Height int
	Background    color.NRGBA // the commonest colour
	Luminance     float64     // the background's relative luminance, 0 (black) to 1 (white)
	Ink           float64     // the share of pixels that are not the background
}

// readScreenshot decodes a PNG screenshot.
func readScreenshot(data []byte) (screenshot, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return screenshot{}, fmt.Errorf("not a PNG: %v", err)
	}
	b := img.Bounds()
	s := screenshot{Width: b.Dx(), Height: b.Dy()}
	if b.Empty() {
		return s, nil
	}
	counts := map[color.NRGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			counts[color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)]++
		}
	}
	most := 0
	for c, n := range counts {
		if n > most || n == most && lessColour(c, s.Background) {
			s.Background, most = c, n
		}
	}
	s.Luminance = luminance(s.Background)
	s.Ink = 1 - float64(most)/float64(b.Dx()*b.Dy())
	return s, nil
}

// lessColour orders colours, so that a tie for the commonest colour is
// broken the same way every time.
func lessColour(a, b color.NRGBA) bool {
	return uint32(a.R)<<24|uint32(a.G)<<16|uint32(a.B)<<8|uint32(a.A) < uint32(b.R)<<24|uint32(b.G)<<16|uint32(b.B)<<8|uint32(b.A)
}

// luminance is the relative luminance of an sRGB colour (WCAG 2.1).
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// problems says what is wrong with a screenshot of a page shown as v
// shows it.
func (s screenshot) problems(v view) []string {
	var out []string
	if s.Width != int(v.Width) {
		out = append(out, fmt.Sprintf("%d px wide, want the viewport's %d", s.Width, v.Width))
	}
	if s.Height < int(v.Height) {
		out = append(out, fmt.Sprintf("%d px tall, want at least the viewport's %d", s.Height, v.Height))
	}
	if s.Ink < minInk {
		out = append(out, fmt.Sprintf("%.2f%% of the pixels differ from the background %v, want at least %.0f%%: the page looks blank", 100*s.Ink, s.Background, 100*minInk))
	}
	switch {
	case v.Scheme == "dark" && s.Luminance > 0.2:
		out = append(out, fmt.Sprintf("background %v (luminance %.2f) is not dark in the dark scheme", s.Background, s.Luminance))
	case v.Scheme != "dark" && s.Luminance < 0.8:
		out = append(out, fmt.Sprintf("background %v (luminance %.2f) is not light in the light scheme", s.Background, s.Luminance))
	}
	return out
}

// TestScreenshotChecksCatchABadScreenshot gives the screenshot checks
// images that fail them, so that a check that cannot fail does not pass
// the real screenshots unnoticed.
func TestScreenshotChecksCatchABadScreenshot(t *testing.T) {
	white, black := color.NRGBA{255, 255, 255, 255}, color.NRGBA{0, 0, 0, 255}
	// page draws a w×h page of background bg with a block of text, in
	// colour fg, on the given share of it.
	page := func(w, h int, bg, fg color.NRGBA, ink float64) []byte {
		img := image.NewNRGBA(image.Rect(0, 0, w, h))
		inked := int(ink * float64(w*h))
		for i := 0; i < w*h; i++ {
			c := bg
			if i < inked {
				c = fg
			}
			img.SetNRGBA(i%w, i/w, c)
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	small := view{"light", 40, 30}
	for _, tt := range []struct {
		name  string
		png   []byte
		view  view
		wants int // problems found
	}{
		{"a good light page", page(40, 60, white, black, 0.1), small, 0},
		{"a good dark page", page(40, 60, black, white, 0.1), view{"dark", 40, 30}, 0},
		{"a blank page", page(40, 60, white, black, 0), small, 1},
		{"a page wider than the viewport", page(50, 60, white, black, 0.1), small, 1},
		{"a page shorter than the viewport", page(40, 20, white, black, 0.1), small, 1},
		{"a light page in the dark scheme", page(40, 60, white, black, 0.1), view{"dark", 40, 30}, 1},
		{"a dark page in the light scheme", page(40, 60, black, white, 0.1), small, 1},
	} {
		s, err := readScreenshot(tt.png)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := s.problems(tt.view); len(got) != tt.wants {
			t.Errorf("%s: %d problems %q, want %d", tt.name, len(got), got, tt.wants)
		}
	}
	if _, err := readScreenshot([]byte("\x89PNG\r\n\x1a\n")); err == nil {
		t.Errorf("a truncated PNG reads without an error")
	}
}
