package a11ytest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// brokenPage fails every browser check on purpose: no lang, text that
// lacks contrast in the dark scheme only, a box too wide for 320 px, no
// skip link and a link whose focus outline is taken away.
const brokenPage = `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Broken on purpose</title>
<style>
body { color: #000; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #333; background: #000; } }
.wide { width: 600px; }
.bare:focus { outline: none; }
</style>
</head>
<body>
<main id="tresc">
<h1>Broken on purpose</h1>
<p>Text that is dark grey on black in the dark scheme.</p>
<div class="wide">A box 600 px wide.</div>
<a class="bare" href="/elsewhere">A link without a focus outline</a>
</main>
</body>
</html>
`

// TestChecksCatchABrokenPage runs the browser checks on brokenPage and
// expects each to fail, so that a check that cannot fail — a colour
// scheme that is not emulated, a viewport that stays wide, a script that
// finds nothing — fails here instead of passing the real sites.
func TestChecksCatchABrokenPage(t *testing.T) {
	root := repoRoot(t)
	axeSource, err := os.ReadFile(npmFile(t, root, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	browser := startBrowser(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(brokenPage), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	page := srv.URL + "/"
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()

	found, err := runAxe(ctx, page, axeSource)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(scheme string) []string {
		var ids []string
		for _, v := range found[scheme].Violations {
			ids = append(ids, v.ID)
		}
		return ids
	}
	if got := ids("light"); !slices.Contains(got, "html-has-lang") || slices.Contains(got, "color-contrast") {
		t.Errorf("axe in the light scheme found %v, want html-has-lang and no color-contrast", got)
	}
	if got := ids("dark"); !slices.Contains(got, "color-contrast") {
		t.Errorf("axe in the dark scheme found %v, want color-contrast", got)
	}

	if err := emulate(ctx, narrow); err != nil {
		t.Fatal(err)
	}
	r, err := measureReflow(ctx, page)
	if err != nil {
		t.Fatal(err)
	}
	if r.ScrollWidth <= r.ClientWidth || !strings.Contains(describeWide(r.Wide), "div.wide") {
		t.Errorf("at 320 px: scrollWidth %d, clientWidth %d, too wide:\n%s; want div.wide named", r.ScrollWidth, r.ClientWidth, describeWide(r.Wide))
	}

	problems, _, err := tabThrough(ctx, page)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{"not the skip link", "no visible focus on main#tresc > a.bare"} {
		if !strings.Contains(all, want) {
			t.Errorf("keyboard problems:\n%s\nwant one saying %q", all, want)
		}
	}
}
