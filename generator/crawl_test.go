package generator_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
	"github.com/ratusz/ratusz/generator"
	"golang.org/x/net/html"
)

// A site built for https://bip.gmina.pl/strategie/ (or for the path
// /strategie/) and served there answers every address it links to: pages,
// stylesheets, images, attachments, feeds, calendars, the sitemap and what
// they link to. The crawl starts at the home page, robots.txt and
// sitemap.xml, and must reach every page.
func TestCrawlUnderBasePath(t *testing.T) {
	sites := []struct {
		name string
		cfg  generator.Config
	}{
		{"test site", testConfig("testdata/site")},
		{"built-in site", generator.Config{Content: "../content", Settings: "../ratusz.toml", Static: "../static"}},
	}
	for _, base := range []string{"https://bip.gmina.pl/strategie/", "/strategie/"} {
		for _, s := range sites {
			t.Run(s.name+" at "+base, func(t *testing.T) {
				cfg := s.cfg
				cfg.BaseURL = base
				cfg.Now = june2021
				cfg.Out = filepath.Join(t.TempDir(), "public")
				if _, err := generator.Build(t.Context(), cfg); err != nil {
					t.Fatal(err)
				}
				crawl(t, cfg.Out, "/strategie/", strings.TrimSuffix(base, "/strategie/"))
			})
		}
	}
}

// crawl serves out under prefix and follows every link from the home page.
// origin is the scheme and host the site's absolute addresses use, if any.
func crawl(t *testing.T, out, prefix, origin string) {
	mux := http.NewServeMux()
	files := http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(out)))
	mux.Handle(prefix, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A folder answers only with its index.html, never a listing.
		p := strings.TrimPrefix(r.URL.Path, prefix)
		if p == "" || strings.HasSuffix(p, "/") {
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p), "index.html")); err != nil {
				http.NotFound(w, r)
				return
			}
		}
		files.ServeHTTP(w, r)
	}))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	start, _ := url.Parse(srv.URL + prefix)

	seen := map[string]bool{}
	var queue []*url.URL
	var broken []string
	visit := func(from *url.URL, link string) {
		u, err := from.Parse(strings.TrimSpace(link))
		if err != nil {
			broken = append(broken, fmt.Sprintf("%s → %q: %v", from.Path, link, err))
			return
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			return // mailto:, tel:
		}
		if origin != "" && u.Scheme+"://"+u.Host == origin {
			u.Scheme, u.Host = start.Scheme, start.Host
		}
		if u.Host != start.Host {
			return // another site
		}
		u.Fragment = ""
		if !strings.HasPrefix(u.Path, prefix) {
			broken = append(broken, fmt.Sprintf("%s → %s: outside %s", from.Path, link, prefix))
			return
		}
		if !seen[u.String()] {
			seen[u.String()] = true
			queue = append(queue, u)
		}
	}
	from := map[string]string{}
	for _, p := range []string{"", "robots.txt", "sitemap.xml"} {
		visit(start, p)
	}
	pages := map[string]bool{}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		res, err := http.Get(u.String())
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			broken = append(broken, fmt.Sprintf("%s → %s: %s", from[u.String()], u.Path, res.Status))
			continue
		}
		links := linksIn(t, u.Path, body)
		if strings.HasSuffix(u.Path, "/") {
			pages[u.Path] = true
		}
		for _, l := range links {
			before := len(queue)
			visit(u, l)
			for _, q := range queue[before:] {
				from[q.String()] = u.Path
			}
		}
	}
	// Every page is reachable: the crawl found each folder's index.html.
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.Name() != "index.html" {
			return err
		}
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte(`http-equiv="refresh"`)) {
			return nil // an alias's redirect
		}
		rel, _ := filepath.Rel(out, filepath.Dir(p))
		page := path.Join(prefix, filepath.ToSlash(rel)) + "/"
		if rel == "." {
			page = prefix
		}
		if !pages[page] {
			broken = append(broken, fmt.Sprintf("%s: no link leads to it", page))
		}
		return nil
	})
	slices.Sort(broken)
	if len(broken) > 0 {
		t.Errorf("%d broken links:\n%s", len(broken), strings.Join(broken, "\n"))
	}
	t.Logf("%d addresses answered, %d pages", len(seen), len(pages))
}

// linksIn returns the addresses a file of the site links to, read with
// the parser for its kind.
func linksIn(t *testing.T, name string, body []byte) []string {
	switch {
	case strings.HasSuffix(name, "/") || strings.HasSuffix(name, ".html"):
		return htmlLinks(t, name, body)
	case strings.HasSuffix(name, ".xml"):
		return xmlLinks(t, name, body)
	case strings.HasSuffix(name, ".ics"):
		cal, err := ical.NewDecoder(bytes.NewReader(body)).Decode()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return nil
		}
		var links []string
		for _, ev := range cal.Events() {
			if p := ev.Props.Get(ical.PropURL); p != nil {
				links = append(links, p.Value)
			}
		}
		return links
	case strings.HasSuffix(name, "robots.txt"):
		var links []string
		for _, line := range strings.Split(string(body), "\n") {
			if v, ok := strings.CutPrefix(line, "Sitemap:"); ok {
				links = append(links, strings.TrimSpace(v))
			}
		}
		return links
	}
	return nil
}

func htmlLinks(t *testing.T, name string, body []byte) []string {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return nil
	}
	var links []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		attr := map[string]string{}
		for _, a := range n.Attr {
			attr[a.Key] = a.Val
		}
		switch n.Data {
		case "a", "link", "area":
			if h, ok := attr["href"]; ok {
				links = append(links, h)
			}
		case "script", "img", "iframe", "source", "audio", "video", "track", "embed":
			if s, ok := attr["src"]; ok {
				links = append(links, s)
			}
		case "meta":
			if attr["name"] == "deklaracja-dostępności" {
				links = append(links, attr["content"])
			}
			if attr["http-equiv"] == "refresh" {
				if _, u, ok := strings.Cut(attr["content"], "url="); ok {
					links = append(links, u)
				}
			}
		}
		for _, c := range strings.Split(attr["srcset"], ",") {
			if f := strings.Fields(c); len(f) > 0 {
				links = append(links, f[0])
			}
		}
	}
	return links
}

// xmlLinks returns the href attributes and <loc> addresses of an Atom
// feed or a sitemap.
func xmlLinks(t *testing.T, name string, body []byte) []string {
	var links []string
	d := xml.NewDecoder(bytes.NewReader(body))
	inLoc := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return links
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return links
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inLoc = tok.Name.Local == "loc"
			for _, a := range tok.Attr {
				if a.Name.Local == "href" {
					links = append(links, a.Value)
				}
			}
		case xml.CharData:
			if inLoc {
				links = append(links, string(tok))
			}
		case xml.EndElement:
			inLoc = false
		}
	}
}
