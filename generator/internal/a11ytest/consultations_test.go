package a11ytest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator"
)

// The days on which the built-in site's example consultation (Gmina
// Przykładowa, docs/content.md) is in each of its phases.
var consultationPhases = []struct{ phase, now string }{
	{"planned", "2026-11-20"},
	{"open", "2026-12-07"},
	{"last day", "2026-12-21"},
	{"closed", "2026-12-22"},
	{"reported", "2027-01-15"},
}

// TestConsultationPhasesAxe builds the built-in site on a day of each
// phase of its example consultation and runs axe-core, in the light and
// the dark scheme, on the pages that change with it: the home page, the
// list of consultations, the document and the consultation meeting; and
// checks that none of them scrolls sideways at 320 px.
func TestConsultationPhasesAxe(t *testing.T) {
	root := repoRoot(t)
	axeSource, err := os.ReadFile(npmFile(t, root, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	browser := startBrowser(t)
	pages := []string{"/", "/konsultacje/", "/dokumenty/przyklad-strategia-rozwoju-gminy-przykladowej/", "/spotkania/przyklad-spotkanie-konsultacyjne/"}
	var sites []builtSite
	for _, ph := range consultationPhases {
		now, err := time.Parse(time.DateOnly, ph.now)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		cfg := generator.Config{Content: filepath.Join(root, "content"), Settings: filepath.Join(root, "ratusz.toml"), Static: filepath.Join(root, "static"),
			Out: out, Now: now.Add(12 * time.Hour), Minify: true}
		if _, err := generator.Build(t.Context(), cfg); err != nil {
			t.Fatalf("building the built-in site on %s: %v", ph.now, err)
		}
		srv := httptest.NewServer(http.FileServer(http.Dir(out)))
		t.Cleanup(srv.Close)
		sites = append(sites, builtSite{Name: "built-in, " + ph.phase + " (" + ph.now + ")", Out: out, URL: srv.URL, Pages: pages})
	}
	for _, r := range eachPage(t, browser, sites, desktop, func(ctx context.Context, url string) (map[string]axeResults, error) {
		return runAxe(ctx, url, axeSource)
	}) {
		if r.Err != nil {
			t.Errorf("%s %s: %v", r.Site, r.Page, r.Err)
			continue
		}
		for _, v := range schemes {
			found := r.Result[v.Scheme]
			if n := len(found.Violations) + len(found.Advisories); n > 0 {
				t.Errorf("%s %s (%s scheme): %d axe violations:\n%s%s", r.Site, r.Page, v.Scheme, n, describeViolations(found.Violations), describeViolations(found.Advisories))
			}
		}
	}
	for _, r := range eachPage(t, browser, sites, narrow, measureReflow) {
		if r.Err != nil {
			t.Errorf("%s %s: %v", r.Site, r.Page, r.Err)
		} else if r.Result.ScrollWidth > r.Result.ClientWidth {
			t.Errorf("%s %s: scrolls sideways at %d px:\n%s", r.Site, r.Page, narrow.Width, describeWide(r.Result.Wide))
		}
	}
}
