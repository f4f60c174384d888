package a11ytest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots saves full-page PNGs of a home, a city and a document
// page of the built-in site at 1280 px, at 320 px and in the dark scheme
// into screenshots/ at the repository root, for a person to look at.
func TestScreenshots(t *testing.T) {
	root := repoRoot(t)
	browser := startBrowser(t)
	site := buildSites(t)[0]
	dir := filepath.Join(root, "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
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
	saved := 0
	for _, v := range views {
		if err := emulate(ctx, v.view); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if err := open(ctx, site.URL+p.path); err != nil {
				t.Errorf("%s: %v", p.path, err)
				continue
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Errorf("%s at %s: %v", p.path, v.name, err)
				continue
			}
			file := filepath.Join(dir, p.name+"-"+v.name+".png")
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
			saved++
		}
	}
	t.Logf("screenshots: %d PNGs in %s", saved, dir)
}
