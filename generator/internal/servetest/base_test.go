package servetest

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ratusz/ratusz/generator"
)

// TestServeUnderABasePath: with -base-url the site is served under the
// base, and an open page under it still follows its edits, also when the
// base has letters that the browser percent-encodes in location.pathname.
func TestServeUnderABasePath(t *testing.T) {
	browser := startBrowser(t)
	for _, base := range []string{"/strategie/", "/gmina-łódź/"} {
		t.Run(base, func(t *testing.T) {
			dir := copySite(t)
			lsr := filepath.Join(dir, "content", "documents", "lsr.md")
			cfg := generator.Config{Content: filepath.Join(dir, "content"), Static: filepath.Join(dir, "static"), Now: june2021, BaseURL: base}
			srv := serve(t, cfg)
			tab, closeTab := chromedp.NewContext(browser)
			defer closeTab()
			errs := watchErrors(tab, t)
			defer func() {
				for _, e := range errs.list() {
					t.Errorf("the page threw: %s", e)
				}
			}()
			if res, err := get(srv.addr, "/dokumenty/lsr/"); err != nil || res.status != 404 {
				t.Errorf("GET /dokumenty/lsr/ outside the base %s: %d %v, want 404", base, res.status, err)
			}
			page := srv.url + base + "dokumenty/lsr/"
			if err := open(tab, page); err != nil {
				t.Fatalf("opening %s: %v", page, err)
			}
			if src, _ := evaluate[string](tab, `document.querySelector("script[data-ratusz-live]").textContent`); !strings.Contains(src, `"`+base+`__ratusz/events?since=`) {
				t.Errorf("the live script does not listen under the base %s", base)
			}
			sentence := "Strategia ma po poprawce trzy cele:"
			start := time.Now()
			edit(t, lsr, "Strategia ma trzy cele:", sentence)
			if !shows(tab, sentence) {
				path, _ := evaluate[string](tab, `location.pathname`)
				t.Fatalf("the open page %s (location.pathname %s) does not show %q %s after the write", page, path, sentence, visible)
			}
			t.Logf("edit → new text visible under %s: %s", base, time.Since(start).Round(time.Millisecond))
		})
	}
}
