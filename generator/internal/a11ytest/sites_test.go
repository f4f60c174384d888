package a11ytest

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/testsite"
)

// june2021 is the day both sites are built as of, as in the generator's
// own tests.
var june2021 = time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)

// builtSite is a site built into a folder and served over HTTP.
type builtSite struct {
	Name  string   // "built-in" or "test site", for messages
	Out   string   // the output folder
	URL   string   // the site's root on the server, without the trailing slash
	Path  string   // the path the site is served under, "" at the server's root
	Pages []string // the path of every HTML page but alias redirects, as "/miasta/walbrzych/"
}

// buildSites builds the built-in site and the test site with the real
// generator and serves each from its own HTTP server on 127.0.0.1 for the
// rest of the test. The test site is built as a gmina keeps it: in a git
// repository with a history (testsite.Copy), with its ratusz.toml, which
// gives the publisher's herb, the funding marks, the record and register
// of changes, and a base_url under /strategie/, where it is served.
func buildSites(t *testing.T) []builtSite {
	t.Helper()
	root := repoRoot(t)
	test := testsite.Copy(t, filepath.Join(root, "generator", "testdata", "site"))
	sites := []builtSite{
		build(t, "built-in", generator.Config{Content: filepath.Join(root, "content"), Settings: filepath.Join(root, "ratusz.toml"), Static: filepath.Join(root, "static")}),
		// Three entries a page, so that the test site's longer lists
		// are split and the pager is checked too.
		build(t, "test site", generator.Config{Content: filepath.Join(test, "content"), Settings: filepath.Join(test, "ratusz.toml"), Static: filepath.Join(test, "static"), PageSize: 3}),
	}
	sites[1].Path = "/strategie" // the path of its base_url
	for i := range sites {
		var h http.Handler = http.FileServer(http.Dir(sites[i].Out))
		if p := sites[i].Path; p != "" {
			h = http.StripPrefix(p, h) // any other path is not found
		}
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		sites[i].URL = srv.URL + sites[i].Path
	}
	return sites
}

// redirect finds an alias page's refresh, its attribute quoted or, as
// minified, not.
var redirect = regexp.MustCompile(`(?i)<meta http-equiv="?refresh`)

func build(t *testing.T, name string, cfg generator.Config) builtSite {
	t.Helper()
	cfg.Out = filepath.Join(t.TempDir(), "public")
	cfg.Now = june2021
	cfg.Minify = true // what ratusz build publishes
	res, err := generator.Build(t.Context(), cfg)
	if err != nil {
		t.Fatalf("building the %s: %v", name, err)
	}
	for _, w := range res.Warnings {
		t.Logf("%s: warning: %s", name, w)
	}
	pages, err := htmlPages(cfg.Out)
	if err != nil {
		t.Fatalf("listing the pages of the %s: %v", name, err)
	}
	if len(pages) == 0 {
		t.Fatalf("the %s has no HTML page", name)
	}
	return builtSite{Name: name, Out: cfg.Out, Pages: pages}
}

// htmlPages lists the URL paths of the HTML files in out, leaving out the
// redirect pages written for aliases.
func htmlPages(out string) ([]string, error) {
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if redirect.Match(data) {
			return nil
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		page := "/" + filepath.ToSlash(rel)
		if strings.HasSuffix(page, "/index.html") {
			page = strings.TrimSuffix(page, "index.html")
		}
		pages = append(pages, page)
		return nil
	})
	slices.Sort(pages)
	return pages, err
}
