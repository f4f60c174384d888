package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeSite is a Build whose output the test controls. It hands the server
// the very map it keeps, so that a test can tell whether serving changed
// the built files. It keeps the changed paths of every build it was asked
// for, so that a test can wait for a build rather than sleep.
type fakeSite struct {
	mu       sync.Mutex
	files    map[string][]byte
	problems []string
	calls    atomic.Int64
	during   func(call int64) // run inside each build, if set
	builds   [][]string       // the changed paths of each build, in order
	built    chan struct{}    // has a value once a build started after the last wait
	checked  int              // the builds that rebuilds has accounted for
}

func newFakeSite(files map[string][]byte) *fakeSite {
	return &fakeSite{files: files, built: make(chan struct{}, 1)}
}

func (f *fakeSite) build(ctx context.Context, changed []string) (map[string][]byte, []string) {
	n := f.calls.Add(1)
	f.mu.Lock()
	files, problems, during := f.files, slices.Clone(f.problems), f.during
	f.builds = append(f.builds, slices.Clone(changed))
	f.mu.Unlock()
	select {
	case f.built <- struct{}{}:
	default:
	}
	if during != nil {
		during(n)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return files, nil
}

// patience is how long a test waits for something that must happen before
// it fails: long enough for a busy machine, reached only when the
// awaited thing does not come.
const patience = 10 * time.Second

// within waits for a value on ch, and fails the test if none comes
// within patience.
func within[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(patience):
		t.Fatalf("%s did not come within %s", what, patience)
	}
	var zero T
	return zero
}

// waitBuilds waits until done holds for the builds so far, each given as
// its changed paths, and returns them; it fails the test if they do not
// come within patience.
func (f *fakeSite) waitBuilds(t *testing.T, what string, done func(builds [][]string) bool) [][]string {
	t.Helper()
	deadline := time.NewTimer(patience)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		builds := slices.Clone(f.builds)
		f.mu.Unlock()
		if done(builds) {
			return builds
		}
		select {
		case <-f.built:
		case <-deadline.C:
			t.Fatalf("%s: the builds so far, by their changed paths, are %q; the one awaited did not come within %s", what, builds, patience)
		}
	}
}

// set makes the next build return files, or fail with problems.
func (f *fakeSite) set(files map[string][]byte, problems ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if files != nil {
		f.files = files
	}
	f.problems = problems
}

func page(title string) []byte {
	return []byte("<!doctype html><html lang=\"pl\"><head><title>" + title + "</title>" +
		"<link rel=\"stylesheet\" href=\"/css/ratusz.css\"></head><body><main><h1>" + title + "</h1></main></body></html>\n")
}

// testFiles is a small built site with a file of every type served.
func testFiles() map[string][]byte {
	return map[string][]byte{
		"index.html":                   page("Strona główna"),
		"miasta/index.html":            page("Miasta"),
		"miasta/walbrzych/index.html":  page("Wałbrzych"),
		"dokumenty/lsr/index.html":     page("Lokalna Strategia Rozwoju"),
		"stare/o-serwisie.html":        []byte(`<!doctype html><html><head><meta http-equiv="refresh" content="0; url=/o-serwisie/"></head><body><p>przeniesione</p></body></html>`),
		"fragment.html":                []byte("<p>no body element here</p>\n"),
		"css/ratusz.css":               []byte("body{color:#111}\n/* </body> */\n"),
		"js/menu.js":                   []byte("document.body.append('</body>');\n"),
		"img/herb.png":                 []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		"img/logo.svg":                 []byte(`<svg xmlns="http://www.w3.org/2000/svg"><title></body></title></svg>`),
		"index.xml":                    []byte("<?xml version=\"1.0\"?><feed><content type=\"html\">&lt;body&gt;x&lt;/body&gt;</content><body></body></feed>\n"),
		"sitemap.xml":                  []byte("<?xml version=\"1.0\"?><urlset></urlset>\n"),
		"dane/miasta.json":             []byte(`{"html":"<body></body>"}`),
		"pliki/lsr.pdf":                []byte("%PDF-1.4\n"),
		"spotkania/warsztaty/sala.png": []byte("\x89PNG\r\n\x1a\nsala"),
	}
}

// startServer returns a server that has built once.
func startServer(t *testing.T, base string, site *fakeSite) *Server {
	t.Helper()
	s := New(Options{Base: base, Build: site.build, Log: io.Discard})
	s.Rebuild(t.Context(), nil)
	return s
}

type response struct {
	status int
	header http.Header
	body   string
}

// do sends one request straight to the handler. target is sent as
// written, without being cleaned or escaped.
func do(t *testing.T, h http.Handler, method, target string) response {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	body, _ := io.ReadAll(res.Body)
	return response{res.StatusCode, res.Header, string(body)}
}

const scriptMark = "<script data-ratusz-live="

func TestContentTypes(t *testing.T) {
	files := testFiles()
	s := startServer(t, "/", newFakeSite(files))
	tests := []struct {
		path string
		want []string // any of these, as the start of Content-Type
	}{
		{"/", []string{"text/html; charset=utf-8"}},
		{"/miasta/walbrzych/", []string{"text/html; charset=utf-8"}},
		{"/stare/o-serwisie.html", []string{"text/html; charset=utf-8"}},
		{"/css/ratusz.css", []string{"text/css; charset=utf-8"}},
		{"/js/menu.js", []string{"text/javascript", "application/javascript"}},
		{"/img/herb.png", []string{"image/png"}},
		{"/img/logo.svg", []string{"image/svg+xml"}},
		{"/index.xml", []string{"text/xml", "application/xml"}},
		{"/sitemap.xml", []string{"text/xml", "application/xml"}},
		{"/dane/miasta.json", []string{"application/json"}},
		{"/pliki/lsr.pdf", []string{"application/pdf"}},
	}
	for _, tt := range tests {
		got := do(t, s, http.MethodGet, tt.path)
		if got.status != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200", tt.path, got.status)
			continue
		}
		ct := got.header.Get("Content-Type")
		if !slices.ContainsFunc(tt.want, func(w string) bool { return strings.HasPrefix(ct, w) }) {
			t.Errorf("GET %s: Content-Type %q, want one of %q", tt.path, ct, tt.want)
		}
		if cc := got.header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", tt.path, cc)
		}
	}
}

func TestHead(t *testing.T) {
	files := testFiles()
	s := startServer(t, "/", newFakeSite(files))
	for _, p := range []string{"/css/ratusz.css", "/miasta/walbrzych/"} {
		get := do(t, s, http.MethodGet, p)
		head := do(t, s, http.MethodHead, p)
		if head.status != http.StatusOK {
			t.Errorf("HEAD %s: status %d, want 200", p, head.status)
		}
		if head.body != "" {
			t.Errorf("HEAD %s: body %q, want none", p, head.body)
		}
		if got, want := head.header.Get("Content-Type"), get.header.Get("Content-Type"); got != want {
			t.Errorf("HEAD %s: Content-Type %q, GET says %q", p, got, want)
		}
		if got, want := head.header.Get("Content-Length"), fmt.Sprint(len(get.body)); got != want {
			t.Errorf("HEAD %s: Content-Length %s, GET sends %s bytes", p, got, want)
		}
	}
	// The recorder keeps what a handler writes for HEAD; a server drops it.
	ts := httptest.NewServer(s)
	defer ts.Close()
	res, err := ts.Client().Head(ts.URL + "/nie-ma/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound || len(body) != 0 {
		t.Errorf("HEAD /nie-ma/: status %d with %d bytes, want 404 without a body", res.StatusCode, len(body))
	}
}

func TestMethodNotAllowed(t *testing.T) {
	s := startServer(t, "/", newFakeSite(testFiles()))
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions} {
		for _, p := range []string{"/", "/css/ratusz.css", "/__ratusz/events", "/nie-ma/"} {
			got := do(t, s, m, p)
			if got.status != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d, want 405", m, p, got.status)
			}
			if allow := got.header.Get("Allow"); !strings.Contains(allow, "GET") || !strings.Contains(allow, "HEAD") {
				t.Errorf("%s %s: Allow %q, want GET and HEAD", m, p, allow)
			}
		}
	}
}

func TestNotFound(t *testing.T) {
	t.Run("site's 404 page", func(t *testing.T) {
		files := testFiles()
		files["404.html"] = []byte("<!doctype html><html><body><h1>Nie znaleziono strony gminy</h1></body></html>")
		s := startServer(t, "/", newFakeSite(files))
		for _, p := range []string{"/nie-ma/", "/nie-ma", "/miasta/nie-ma/", "/css/nie-ma.css", "/404/"} {
			got := do(t, s, http.MethodGet, p)
			if got.status != http.StatusNotFound {
				t.Errorf("GET %s: status %d, want 404", p, got.status)
			}
			if !strings.Contains(got.body, "Nie znaleziono strony gminy") {
				t.Errorf("GET %s: body is not the site's 404.html:\n%s", p, got.body)
			}
			if !strings.Contains(got.body, scriptMark) {
				t.Errorf("GET %s: the 404 page has no live-reload script", p)
			}
			if ct := got.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("GET %s: Content-Type %q, want text/html", p, ct)
			}
		}
	})
	t.Run("fallback", func(t *testing.T) {
		s := startServer(t, "/", newFakeSite(testFiles()))
		got := do(t, s, http.MethodGet, "/nie-ma/")
		if got.status != http.StatusNotFound {
			t.Errorf("GET /nie-ma/: status %d, want 404", got.status)
		}
		if !strings.Contains(got.body, "404") || !strings.Contains(got.body, "</html>") {
			t.Errorf("GET /nie-ma/: the fallback is not an HTML 404 page:\n%s", got.body)
		}
		if !strings.Contains(got.body, scriptMark) {
			t.Errorf("GET /nie-ma/: the fallback 404 page has no live-reload script")
		}
	})
}

func TestLiveScriptOnlyInServedHTML(t *testing.T) {
	files := testFiles()
	built := maps.Clone(files)
	for name, b := range files {
		built[name] = bytes.Clone(b)
	}
	s := startServer(t, "/", newFakeSite(files))
	for name, b := range built {
		p := "/" + name
		if strings.HasSuffix(p, "/index.html") {
			p = strings.TrimSuffix(p, "index.html")
		}
		got := do(t, s, http.MethodGet, p)
		if got.status != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200", p, got.status)
			continue
		}
		if !strings.HasSuffix(name, ".html") {
			if got.body != string(b) {
				t.Errorf("GET %s: a %s file was changed when served:\ngot  %q\nwant %q", p, filepath.Ext(name), got.body, b)
			}
			continue
		}
		if n := strings.Count(got.body, scriptMark); n != 1 {
			t.Errorf("GET %s: %d live-reload scripts, want 1", p, n)
			continue
		}
		i := strings.Index(got.body, scriptMark)
		if bytes.Contains(b, []byte("</body>")) {
			end := strings.LastIndex(got.body, "</body>")
			if end < i {
				t.Errorf("GET %s: the script is not before </body>:\n%s", p, got.body)
			}
			// The page is the built page with the script inserted.
			if without := got.body[:i] + got.body[end:]; without != string(b) {
				t.Errorf("GET %s: more than the script was changed:\ngot  %q\nwant %q", p, without, b)
			}
		} else if !strings.HasPrefix(got.body, string(b)) {
			t.Errorf("GET %s: a page without </body> should get the script appended:\n%s", p, got.body)
		}
		if !strings.Contains(got.body[i:], `new EventSource("/__ratusz/events?since=`) {
			t.Errorf("GET %s: the script does not listen on /__ratusz/events", p)
		}
	}
	for name, b := range built {
		if !bytes.Equal(files[name], b) {
			t.Errorf("serving changed the built file %s:\ngot  %q\nwant %q", name, files[name], b)
		}
	}
}

func TestNothingOutsideTheBuild(t *testing.T) {
	files := testFiles()
	files["b"] = []byte("b, a file of the site")
	files["etc/passwd/index.html"] = page("a page of the site called etc/passwd")
	s := startServer(t, "/", newFakeSite(files))
	secret := "root:x:0:0"
	targets := []string{
		"/../../etc/passwd",
		"/..%2f..%2fetc%2fpasswd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/./../etc/passwd",
		"/a/../../b",
		"/..",
		"/../",
		"//evil.example/x",
		"//evil.example/",
		"///evil.example/",
		"/\\evil.example/",
		"/%5cevil.example/",
		"/..\\..\\etc\\passwd",
		"/%5c..%5c..%5cetc%5cpasswd",
		"/css/..%00/etc/passwd",
		"/etc/passwd",
		"//etc/passwd",
		"/../etc/passwd/",
		"/dokumenty/lsr/../../../../etc/passwd",
	}
	isSiteFile := func(body string) bool {
		if i := strings.Index(body, scriptMark); i >= 0 {
			if j := strings.Index(body[i:], "</script>\n"); j >= 0 {
				body = body[:i] + body[i+j+len("</script>\n"):]
			}
		}
		for _, b := range files {
			if body == string(b) {
				return true
			}
		}
		return false
	}
	for _, target := range targets {
		got := do(t, s, http.MethodGet, target)
		if strings.Contains(got.body, secret) {
			t.Errorf("GET %s: served a file outside the build", target)
		}
		switch {
		case got.status == http.StatusOK:
			if !isSiteFile(got.body) {
				t.Errorf("GET %s: 200 with something that is not a file of the build:\n%s", target, got.body)
			}
		case got.status >= 300 && got.status < 400:
			loc := got.header.Get("Location")
			u, err := url.Parse(loc)
			if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(loc, "/") ||
				strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
				t.Errorf("GET %s: redirects off the site, to %q", target, loc)
			}
		case got.status == http.StatusNotFound, got.status == http.StatusBadRequest:
		default:
			t.Errorf("GET %s: status %d", target, got.status)
		}
	}
	// The cleaned path of a file of the site is that file.
	if got := do(t, s, http.MethodGet, "/a/../../b"); got.status != http.StatusOK || got.body != "b, a file of the site" {
		t.Errorf("GET /a/../../b: status %d %q, want 200 with the site's file b", got.status, got.body)
	}
}

func TestBaseURL(t *testing.T) {
	files := testFiles()
	s := startServer(t, "/strategie/", newFakeSite(files))
	tests := []struct {
		path     string
		status   int
		location string // for redirects
		body     string // the start of the body, for 200
	}{
		{"/strategie/", 200, "", "<!doctype html><html lang=\"pl\"><head><title>Strona główna"},
		{"/strategie/index.html", 200, "", "<!doctype html><html lang=\"pl\"><head><title>Strona główna"},
		{"/strategie/miasta/walbrzych/", 200, "", "<!doctype html><html lang=\"pl\"><head><title>Wałbrzych"},
		{"/strategie/css/ratusz.css", 200, "", "body{color:#111}"},
		{"/strategie", 301, "/strategie/", ""},
		{"/strategie/miasta/walbrzych", 301, "/strategie/miasta/walbrzych/", ""},
		{"/", 404, "", ""},
		{"/x/", 404, "", ""},
		{"/miasta/walbrzych/", 404, "", ""},
		{"/css/ratusz.css", 404, "", ""},
		{"/strategiex/", 404, "", ""},
		{"/strategie/../miasta/walbrzych/", 404, "", ""},
		{"/__ratusz/events", 404, "", ""},
	}
	for _, tt := range tests {
		got := do(t, s, http.MethodGet, tt.path)
		if got.status != tt.status {
			t.Errorf("GET %s: status %d, want %d", tt.path, got.status, tt.status)
			continue
		}
		if tt.location != "" {
			if loc := got.header.Get("Location"); loc != tt.location {
				t.Errorf("GET %s: Location %q, want %q", tt.path, loc, tt.location)
			}
		}
		if tt.body != "" && !strings.HasPrefix(got.body, tt.body) {
			t.Errorf("GET %s: body %.80q…, want it to start with %q", tt.path, got.body, tt.body)
		}
		if tt.status == 200 && strings.HasSuffix(tt.path, "/") && !strings.Contains(got.body, `new EventSource("/strategie/__ratusz/events?since=`) {
			t.Errorf("GET %s: the script does not listen on /strategie/__ratusz/events", tt.path)
		}
	}

	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	stream := openEvents(ctx, t, ts.URL+"/strategie/__ratusz/events")
	if ev := stream.next(t); ev.name != "change" {
		t.Errorf("the events under the base: first event %q, want change", ev.name)
	}
	cancel()
	stream.close()
}

func TestRebuildDiff(t *testing.T) {
	css := []byte("body{color:#111}")
	v1 := map[string][]byte{
		"index.html":                  page("Strona główna"),
		"miasta/x/index.html":         page("X"),
		"miasta/y/index.html":         page("Y"),
		"stare/o-serwisie.html":       page("alias"),
		"css/ratusz.css":              css,
		"img/herb.png":                []byte("png1"),
		"index.xml":                   []byte("<feed/>"),
		"pliki/spis-index.html":       page("a static page whose name ends in index.html"),
		"dokumenty/lsr/lsr-index.pdf": []byte("pdf"),
	}
	type step struct {
		name   string
		base   string
		edit   func(m map[string][]byte)
		pages  []string
		styles []string
		other  []string
	}
	steps := []step{
		{
			name:  "a page changes",
			edit:  func(m map[string][]byte) { m["miasta/x/index.html"] = page("X2") },
			pages: []string{"/miasta/x/"},
		},
		{
			name: "the home page and an alias change",
			edit: func(m map[string][]byte) {
				m["index.html"] = page("Start")
				m["stare/o-serwisie.html"] = page("alias2")
			},
			pages: []string{"/", "/stare/o-serwisie.html"},
		},
		{
			name:  "a page is added and one removed",
			edit:  func(m map[string][]byte) { m["miasta/z/index.html"] = page("Z"); delete(m, "miasta/y/index.html") },
			pages: []string{"/miasta/y/", "/miasta/z/"},
		},
		{
			name:   "only the stylesheet changes",
			edit:   func(m map[string][]byte) { m["css/ratusz.css"] = []byte("body{color:#000}") },
			styles: []string{"/css/ratusz.css"},
		},
		{
			name: "an image and the feed change, a pdf is removed",
			edit: func(m map[string][]byte) {
				m["img/herb.png"] = []byte("png2")
				m["index.xml"] = []byte("<feed></feed>")
				delete(m, "dokumenty/lsr/lsr-index.pdf")
			},
			other: []string{"/dokumenty/lsr/lsr-index.pdf", "/img/herb.png", "/index.xml"},
		},
		{
			name:  "a page whose file name ends in index.html",
			edit:  func(m map[string][]byte) { m["pliki/spis-index.html"] = page("changed") },
			pages: []string{"/pliki/spis-index.html"},
		},
		{
			name: "nothing changes",
			edit: func(m map[string][]byte) {},
		},
	}
	for _, base := range []string{"/", "/strategie/"} {
		site := newFakeSite(maps.Clone(v1))
		s := New(Options{Base: base, Build: site.build})
		first := s.Rebuild(t.Context(), nil)
		if len(first.Pages) != 5 || len(first.Styles) != 1 || len(first.Other) != 3 {
			t.Errorf("base %s: the first build changed pages %q, styles %q, other %q; want every file", base, first.Pages, first.Styles, first.Other)
		}
		version := first.Version
		for _, st := range steps {
			next := maps.Clone(site.files)
			st.edit(next)
			site.set(next)
			got := s.Rebuild(t.Context(), nil)
			at := func(addrs []string) []string {
				out := []string{}
				for _, a := range addrs {
					out = append(out, strings.TrimSuffix(base, "/")+a)
				}
				return out
			}
			check := func(what string, got, want []string) {
				if !slices.Equal(orEmpty(got), at(want)) {
					t.Errorf("base %s, %s: %s %q, want %q", base, st.name, what, got, at(want))
				}
			}
			check("Pages", got.Pages, st.pages)
			check("Styles", got.Styles, st.styles)
			check("Other", got.Other, st.other)
			if got.Version != version+1 {
				t.Errorf("base %s, %s: version %d, want %d", base, st.name, got.Version, version+1)
			}
			version = got.Version
			if len(got.Problems) != 0 {
				t.Errorf("base %s, %s: problems %q", base, st.name, got.Problems)
			}
		}
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestFailedBuildKeepsTheLastGoodSite(t *testing.T) {
	files := testFiles()
	files["404.html"] = []byte("<!doctype html><html><body><h1>Nie znaleziono</h1></body></html>")
	site := newFakeSite(files)
	var log bytes.Buffer
	s := New(Options{Base: "/", Build: site.build, Log: &log})
	s.Rebuild(t.Context(), nil)

	problems := []string{
		`content/documents/lsr.md:3: status "<script>alert(1)</script>" is not one of draft, adopted & in-force`,
		`layouts/page.html:12: template: "x" > 'y'`,
	}
	site.set(nil, problems...)
	ch := s.Rebuild(t.Context(), nil)
	if !slices.Equal(ch.Problems, problems) {
		t.Errorf("the failed build's change has problems %q, want %q", ch.Problems, problems)
	}
	if len(ch.Pages)+len(ch.Styles)+len(ch.Other) != 0 {
		t.Errorf("a failed build reported changed files: %+v", ch)
	}
	for _, p := range problems {
		if !strings.Contains(log.String(), p) {
			t.Errorf("the log does not print %q:\n%s", p, log.String())
		}
	}

	for _, p := range []string{"/", "/miasta/walbrzych/", "/stare/o-serwisie.html", "/fragment.html", "/nie-ma/"} {
		got := do(t, s, http.MethodGet, p)
		want := http.StatusOK
		if p == "/nie-ma/" {
			want = http.StatusNotFound
		}
		if got.status != want {
			t.Errorf("GET %s while the build fails: status %d, want %d (the last good site)", p, got.status, want)
		}
		if n := strings.Count(got.body, `id="ratusz-problems"`); n != 1 {
			t.Errorf("GET %s while the build fails: %d #ratusz-problems, want 1", p, n)
			continue
		}
		overlay := got.body[strings.Index(got.body, `id="ratusz-problems"`):]
		overlay = overlay[:strings.Index(overlay, "</div>")]
		for _, prob := range problems {
			if esc := htmlEscape(prob); !strings.Contains(overlay, esc) {
				t.Errorf("GET %s: the overlay does not list %q (HTML-escaped %q):\n%s", p, prob, esc, overlay)
			}
		}
		if strings.Contains(got.body, "<script>alert(1)") {
			t.Errorf("GET %s: a problem's text is not escaped:\n%s", p, overlay)
		}
		if p != "/fragment.html" && !strings.Contains(got.body[strings.Index(got.body, `id="ratusz-problems"`):], "</body>") {
			t.Errorf("GET %s: the overlay is not inside the body", p)
		}
	}
	if got := do(t, s, http.MethodGet, "/css/ratusz.css"); strings.Contains(got.body, "ratusz-problems") {
		t.Errorf("the overlay was added to a stylesheet")
	}

	fixed := maps.Clone(files)
	fixed["miasta/walbrzych/index.html"] = page("Wałbrzych po poprawce")
	site.set(fixed)
	ch = s.Rebuild(t.Context(), nil)
	if len(ch.Problems) != 0 || ch.Problems == nil {
		t.Errorf("the good build after a failed one: problems %#v, want []", ch.Problems)
	}
	if !slices.Equal(ch.Pages, []string{"/miasta/walbrzych/"}) {
		t.Errorf("the good build after a failed one: pages %q, want the one changed since the last good build", ch.Pages)
	}
	for _, p := range []string{"/", "/miasta/walbrzych/", "/nie-ma/"} {
		if got := do(t, s, http.MethodGet, p); strings.Contains(got.body, `id="ratusz-problems"`) {
			t.Errorf("GET %s after the fix: the overlay is still there", p)
		}
	}
	if got := do(t, s, http.MethodGet, "/miasta/walbrzych/"); !strings.Contains(got.body, "po poprawce") {
		t.Errorf("GET /miasta/walbrzych/ after the fix: not the new page:\n%s", got.body)
	}
}

func TestFirstBuildFails(t *testing.T) {
	site := newFakeSite(nil)
	site.set(nil, "content/_index.md:1: no front matter")
	s := New(Options{Base: "/", Build: site.build})
	s.Rebuild(t.Context(), nil)
	got := do(t, s, http.MethodGet, "/")
	if got.status != http.StatusNotFound || !strings.Contains(got.body, "content/_index.md:1: no front matter") {
		t.Errorf("GET / when the first build fails: status %d, body %s; want 404 with the problem", got.status, got.body)
	}
	site.set(testFiles())
	s.Rebuild(t.Context(), nil)
	if got := do(t, s, http.MethodGet, "/"); got.status != 200 || strings.Contains(got.body, `id="ratusz-problems"`) {
		t.Errorf("GET / after the fix: status %d, overlay %v", got.status, strings.Contains(got.body, `id="ratusz-problems"`))
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// eventStream reads Server-Sent Events.
type eventStream struct {
	body   io.Closer
	events chan sse
}

type sse struct {
	name, data string
}

func openEvents(ctx context.Context, t *testing.T, url string) *eventStream {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", url, res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Errorf("GET %s: Content-Type %q, want text/event-stream", url, ct)
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" && cc != "no-cache" {
		t.Errorf("GET %s: Cache-Control %q", url, cc)
	}
	es := &eventStream{body: res.Body, events: make(chan sse, 16)}
	go func() {
		defer close(es.events)
		sc := bufio.NewScanner(res.Body)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" || ev.data != "" {
					es.events <- ev
				}
				ev = sse{}
			case strings.HasPrefix(line, "event:"):
				ev.name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
			case strings.HasPrefix(line, "data:"):
				ev.data += strings.TrimSpace(strings.TrimPrefix(line, "data:"))
			}
		}
	}()
	return es
}

// next returns the next event, failing the test after patience.
func (es *eventStream) next(t *testing.T) sse {
	t.Helper()
	select {
	case ev, ok := <-es.events:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return ev
	case <-time.After(patience):
		t.Fatalf("no event within %s", patience)
	}
	return sse{}
}

// change decodes the next event, which must be a change.
func (es *eventStream) change(t *testing.T) Change {
	t.Helper()
	ev := es.next(t)
	if ev.name != "change" {
		t.Fatalf("event %q, want change", ev.name)
	}
	var c Change
	if err := json.Unmarshal([]byte(ev.data), &c); err != nil {
		t.Fatalf("the change %q: %v", ev.data, err)
	}
	// The page's script calls c.pages.includes(…), c.styles.length and
	// c.problems.length: each must be an array, never null.
	var fields map[string]json.RawMessage
	json.Unmarshal([]byte(ev.data), &fields)
	var null []string
	for _, key := range []string{"pages", "styles", "other", "problems"} {
		if v := fields[key]; !strings.HasPrefix(string(v), "[") {
			null = append(null, key)
		}
	}
	if v := fields["renamed"]; !strings.HasPrefix(string(v), "{") {
		null = append(null, "renamed") // the script reads Object.keys(c.renamed)
	}
	if len(null) > 0 {
		t.Errorf("the change of version %d sends %q as null, not [] (the page's script reads c.pages.includes and c.styles.length and throws on null): %s", c.Version, null, ev.data)
	}
	return c
}

func (es *eventStream) close() {
	es.body.Close()
	for range es.events {
	}
}

func TestEvents(t *testing.T) {
	files := testFiles()
	site := newFakeSite(files)
	s := startServer(t, "/", site)
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()

	stream := openEvents(ctx, t, ts.URL+"/__ratusz/events")
	if c := stream.change(t); c.Version != 1 {
		t.Errorf("on connecting: version %d, want the latest, 1", c.Version)
	}

	next := maps.Clone(files)
	next["miasta/walbrzych/index.html"] = page("Wałbrzych 2")
	next["css/ratusz.css"] = []byte("body{color:red}")
	site.set(next)
	want := s.Rebuild(ctx, nil)
	got := stream.change(t)
	if got.Version != 2 || !slices.Equal(got.Pages, []string{"/miasta/walbrzych/"}) || !slices.Equal(got.Styles, []string{"/css/ratusz.css"}) || got.Problems == nil || len(got.Problems) != 0 {
		t.Errorf("after a rebuild: got %+v, want %+v", got, want)
	}

	// Only the stylesheet changes: no page, so that the page swaps it.
	next = maps.Clone(next)
	next["css/ratusz.css"] = []byte("body{color:blue}")
	site.set(next)
	s.Rebuild(ctx, nil)
	if got := stream.change(t); got.Version != 3 || len(got.Pages) != 0 || !slices.Equal(got.Styles, []string{"/css/ratusz.css"}) {
		t.Errorf("after a stylesheet change: got %+v, want version 3 with the stylesheet only", got)
	}

	site.set(nil, "content/x.md:1: <bad>")
	s.Rebuild(ctx, nil)
	if got := stream.change(t); got.Version != 4 || !slices.Equal(got.Problems, []string{"content/x.md:1: <bad>"}) {
		t.Errorf("after a failed rebuild: got %+v, want version 4 with the problem", got)
	}

	// A page that connects after a change gets the latest at once.
	site.set(nil)
	s.Rebuild(ctx, nil)
	late := openEvents(ctx, t, ts.URL+"/__ratusz/events")
	if got := late.change(t); got.Version != 5 || len(got.Problems) != 0 {
		t.Errorf("connecting after a change: got %+v, want version 5 without problems", got)
	}
	if got := stream.change(t); got.Version != 5 {
		t.Errorf("the open stream after the fix: got %+v, want version 5", got)
	}
	cancel()
	stream.close()
	late.close()
}

// running is a Server's Run on a free loopback port.
type running struct {
	addr   string
	cancel context.CancelFunc
	done   chan error
}

// run runs s until the test ends, and returns once it answers.
func run(t *testing.T, s *Server) *running {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	r := &running{addr: ln.Addr().String(), cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- s.Run(ctx, ln) }()
	t.Cleanup(func() { r.stop(t) })
	// The socket listens already: the request waits in its queue until
	// Run serves, which it does once the folders are watched and the
	// first build is done. Its response is that moment.
	if _, err := rawGetWithin(r.addr, "/", patience); err != nil {
		t.Fatalf("the server on %s does not answer within %s: %v", r.addr, patience, err)
	}
	return r
}

// stop cancels Run and waits at most two seconds for it to return nil.
func (r *running) stop(t *testing.T) {
	t.Helper()
	if r.cancel == nil {
		return
	}
	r.cancel()
	r.cancel = nil
	select {
	case err := <-r.done:
		if err != nil {
			t.Errorf("Run returned %v, want nil", err)
		}
	case <-time.After(2 * time.Second):
		t.Errorf("Run did not return within 2s of its context being cancelled")
	}
}

// rawGet sends target in the request line exactly as written, on a
// connection of its own.
func rawGet(addr, target string) (response, error) {
	return rawGetWithin(addr, target, 3*time.Second)
}

// rawGetWithin is rawGet giving up after d.
func rawGetWithin(addr, target string, d time.Duration) (response, error) {
	c, err := net.DialTimeout("tcp", addr, d)
	if err != nil {
		return response{}, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(d))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return response{res.StatusCode, res.Header, string(body)}, err
}

func TestRunServesOnALoopbackPort(t *testing.T) {
	s := New(Options{Base: "/", Build: newFakeSite(testFiles()).build})
	r := run(t, s)
	for _, target := range []string{"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "//evil.example/x", "/a/../../etc/passwd", "/..\\..\\etc\\passwd"} {
		got, err := rawGet(r.addr, target)
		if err != nil {
			t.Errorf("GET %s: %v", target, err)
			continue
		}
		if got.status == http.StatusOK || strings.Contains(got.body, "root:") {
			t.Errorf("GET %s: status %d", target, got.status)
		}
		if loc := got.header.Get("Location"); loc != "" && (!strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//")) {
			t.Errorf("GET %s: redirects to %q", target, loc)
		}
	}
	got, err := rawGet(r.addr, "/miasta/walbrzych/")
	if err != nil || got.status != 200 || !strings.Contains(got.body, "Wałbrzych") || !strings.Contains(got.body, scriptMark) {
		t.Errorf("GET /miasta/walbrzych/: %d %v", got.status, err)
	}
}

// goroutines returns the stack of every goroutine by its number.
func goroutines() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]string{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		id, _, _ := strings.Cut(strings.TrimPrefix(g, "goroutine "), " ")
		out[id] = g
	}
	return out
}

// startedSince lists the goroutines that were not among before, but for
// the test's own.
func startedSince(before map[string]string) []string {
	var left []string
	for id, g := range goroutines() {
		if _, ok := before[id]; !ok && !strings.Contains(g, "testing.tRunner") {
			left = append(left, g)
		}
	}
	return left
}

func TestRunStopsWithAnOpenEventStream(t *testing.T) {
	before := goroutines()
	dir := t.TempDir()
	site := newFakeSite(testFiles())
	// A Finish still running at shutdown is stopped too.
	finishing := make(chan struct{})
	finish := func(ctx context.Context) (map[string][]byte, []string, bool) {
		close(finishing)
		<-ctx.Done()
		return nil, nil, false
	}
	s := New(Options{Base: "/", Build: site.build, Finish: finish, Watch: []string{dir}})
	r := run(t, s)
	within(t, finishing, "the start of Finish")
	stream := openEvents(t.Context(), t, "http://"+r.addr+"/__ratusz/events")
	stream.change(t)
	// A keep-alive connection, idle after its request.
	client := &http.Client{Transport: &http.Transport{}}
	if res, err := client.Get("http://" + r.addr + "/"); err == nil {
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}

	start := time.Now()
	r.stop(t)
	t.Logf("Run returned %s after its context was cancelled", time.Since(start).Round(time.Millisecond))
	// The stream ends without the client closing it.
	select {
	case _, ok := <-stream.events:
		for ok {
			_, ok = <-stream.events
		}
	case <-time.After(2 * time.Second):
		t.Errorf("the event stream is still open 2s after Run returned")
	}
	stream.close()
	client.CloseIdleConnections()

	// Every goroutine Run started has returned or is returning: a
	// goroutine's end is nothing a test can wait on, so the check is
	// made again for a moment, while one is on its last lines.
	left := startedSince(before)
	for wait := time.Millisecond; len(left) > 0 && wait <= time.Second; wait *= 2 {
		time.Sleep(wait)
		left = startedSince(before)
	}
	if len(left) > 0 {
		t.Errorf("goroutines left running after Run returned:\n%s", strings.Join(left, "\n\n"))
	}
	if _, err := rawGet(r.addr, "/"); err == nil {
		t.Errorf("the server still answers after Run returned")
	}
}

// TestRunStopsWithAConnectionThatSentNothing: a browser opens connections
// ahead of need, which may never send a request; Run does not wait for
// them to stop.
func TestRunStopsWithAConnectionThatSentNothing(t *testing.T) {
	s := New(Options{Base: "/", Build: newFakeSite(testFiles()).build})
	r := run(t, s)
	c, err := net.Dial("tcp", r.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	r.stop(t)
	t.Logf("Run returned %s after its context was cancelled", time.Since(start).Round(time.Millisecond))
}

// The watcher tests count the builds of a server watching real folders.

// watched starts a server on a fake site that watches the folders and
// returns the site, whose builds are counted (the first is Run's).
func watched(t *testing.T, dirs ...string) *fakeSite {
	t.Helper()
	site := newFakeSite(testFiles())
	s := New(Options{Base: "/", Build: site.build, Watch: dirs})
	run(t, s)
	if n := site.calls.Load(); n != 1 {
		t.Fatalf("%d builds after start, want 1", n)
	}
	site.checked = 1
	return site
}

// rebuilds fails the test unless the watcher rebuilt exactly n times
// since the last check (or since Run's own build), and has nothing more
// to rebuild for what came before. To know that without waiting for
// nothing to happen, it writes a file of its own into dir and waits for
// the rebuild that file makes: the watcher gets the events of the folders
// in the order they happened, so a change left over from before would
// come in that rebuild, or in one of its own before it.
func rebuilds(t *testing.T, site *fakeSite, dir string, n int, what string) {
	t.Helper()
	if extra := site.settle(t, dir, n, what); len(extra) > 0 {
		t.Errorf("%s: %d builds, want %d; the ones after the first %d had these changed paths: %q", what, n+len(extra), n, n, extra)
	}
}

// rebuildsAtLeast is rebuilds, for a change that may come as more than n
// rebuilds.
func rebuildsAtLeast(t *testing.T, site *fakeSite, dir string, n int, what string) {
	t.Helper()
	site.settle(t, dir, n, what)
}

// settle waits for n rebuilds since the last check, then writes a file of
// its own into dir and waits for its rebuild. It returns the changed
// paths of the rebuilds after the first n, counting the paths other than
// its file that came in the same rebuild as it.
func (f *fakeSite) settle(t *testing.T, dir string, n int, what string) (extra [][]string) {
	t.Helper()
	f.mu.Lock()
	from := f.checked
	f.mu.Unlock()
	f.waitBuilds(t, what, func(b [][]string) bool { return len(b) >= from+n })
	marker := filepath.Join(dir, fmt.Sprintf("znacznik-%d.txt", from+n))
	write(t, marker, "")
	var at int
	builds := f.waitBuilds(t, what+", then a file written to tell that nothing more is coming", func(b [][]string) bool {
		at = slices.IndexFunc(b[from+n:], func(changed []string) bool { return slices.Contains(changed, marker) })
		return at >= 0
	})
	extra = builds[from+n : from+n+at]
	if others := slices.DeleteFunc(slices.Clone(builds[from+n+at]), func(p string) bool { return p == marker }); len(others) > 0 {
		extra = append(extra, others)
	}
	f.mu.Lock()
	f.checked = from + n + at + 1
	f.mu.Unlock()
	return extra
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatchOneWriteOneRebuild(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "x.md"), "---\ntitle: X\n---\n")
	site := watched(t, dir)
	var built atomic.Int64 // when the rebuild started, in ns after the write
	start := time.Now()
	site.mu.Lock()
	site.during = func(int64) { built.CompareAndSwap(0, int64(time.Since(start))) }
	site.mu.Unlock()
	write(t, filepath.Join(dir, "x.md"), "---\ntitle: X2\n---\n")
	rebuilds(t, site, dir, 1, "one write")
	if d := time.Duration(built.Load()); d < quiet {
		t.Errorf("the rebuild started %s after the write, before the quiet period of %s", d, quiet)
	} else {
		t.Logf("the rebuild started %s after the write (quiet period %s)", d.Round(time.Millisecond), quiet)
	}
}

func TestWatchEditorSavesOneRebuild(t *testing.T) {
	saves := []struct {
		name string
		save func(t *testing.T, dir string)
	}{
		{"write a temporary file and rename it over", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, ".x.md.tmp1234"), "new")
			if err := os.Rename(filepath.Join(dir, ".x.md.tmp1234"), filepath.Join(dir, "x.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"write then chmod", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "x.md"), "new")
			if err := os.Chmod(filepath.Join(dir, "x.md"), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"vim: swap file, backup, write, clean up", func(t *testing.T, dir string) {
			x := filepath.Join(dir, "x.md")
			write(t, filepath.Join(dir, ".x.md.swp"), "swap")
			write(t, filepath.Join(dir, "4913"), "")
			os.Remove(filepath.Join(dir, "4913"))
			if err := os.Rename(x, x+"~"); err != nil {
				t.Fatal(err)
			}
			write(t, x, "new")
			os.Chmod(x, 0o644)
			os.Remove(x + "~")
			os.Remove(filepath.Join(dir, ".x.md.swp"))
		}},
		{"emacs: lock, backup copy, write", func(t *testing.T, dir string) {
			x := filepath.Join(dir, "x.md")
			os.Symlink("user@host.1234:1", filepath.Join(dir, ".#x.md"))
			write(t, x+"~", "old")
			write(t, x, "new")
			os.Remove(filepath.Join(dir, ".#x.md"))
		}},
		{"many writes in a row", func(t *testing.T, dir string) {
			last := time.Now()
			for i := range 20 {
				write(t, filepath.Join(dir, "x.md"), strings.Repeat("x", i))
				if gap := time.Since(last); gap >= quiet {
					// Writes this far apart are separate saves.
					t.Skipf("the machine is too busy: write %d came %s after the one before, more than the quiet period", i+1, gap)
				}
				last = time.Now()
				// The editor's pace, not a wait: a write every tenth of
				// the quiet period, so that the writes last twice as
				// long as it and only a timer reset by each one makes a
				// single rebuild of them.
				time.Sleep(quiet / 10)
			}
		}},
	}
	for _, tt := range saves {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "x.md"), "old")
			site := watched(t, dir)
			tt.save(t, dir)
			rebuilds(t, site, dir, 1, tt.name)
		})
	}
}

func TestWatchIgnoredNamesAlone(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "x.md"), "old")
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	site := watched(t, dir)
	for _, name := range []string{".x.md.swp", "x.md~", ".x.md.swx", "#x.md#", ".git/index"} {
		p := filepath.Join(dir, name)
		write(t, p, "editor")
		os.Chmod(p, 0o600)
		os.Remove(p)
	}
	if err := os.Mkdir(filepath.Join(dir, ".cache"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Once the watcher has taken in the new folder (and watches it, if it
	// wrongly does), a file written in it.
	rebuilds(t, site, dir, 0, "swap and backup files, and a hidden folder created")
	write(t, filepath.Join(dir, ".cache", "y.md"), "hidden")
	rebuilds(t, site, dir, 0, "a file written in a hidden folder")
}

func TestWatchFoldersCreatedAfterStart(t *testing.T) {
	dir := t.TempDir()
	site := watched(t, dir)
	if err := os.MkdirAll(filepath.Join(dir, "meetings", "zdjecia"), 0o755); err != nil {
		t.Fatal(err)
	}
	rebuilds(t, site, dir, 1, "a folder created")
	write(t, filepath.Join(dir, "meetings", "nowe.md"), "new")
	rebuilds(t, site, dir, 1, "a file written in a folder created after start")
	write(t, filepath.Join(dir, "meetings", "zdjecia", "sala.png"), "png")
	rebuilds(t, site, dir, 1, "a file written two folders down, both created after start")
}

func TestWatchRemoveAndRename(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.md", "b.md", "c.md"} {
		write(t, filepath.Join(dir, name), name)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	write(t, filepath.Join(dir, "sub", "d.md"), "d")
	site := watched(t, dir)
	steps := []struct {
		name string
		do   func() error
	}{
		{"a file removed", func() error { return os.Remove(filepath.Join(dir, "a.md")) }},
		{"a file renamed", func() error { return os.Rename(filepath.Join(dir, "b.md"), filepath.Join(dir, "b2.md")) }},
		{"a file moved into a subfolder", func() error { return os.Rename(filepath.Join(dir, "c.md"), filepath.Join(dir, "sub", "c.md")) }},
		{"a folder renamed", func() error { return os.Rename(filepath.Join(dir, "sub"), filepath.Join(dir, "sub2")) }},
		{"a file in the renamed folder written", func() error { return os.WriteFile(filepath.Join(dir, "sub2", "d.md"), []byte("d2"), 0o644) }},
		{"a folder removed", func() error { return os.RemoveAll(filepath.Join(dir, "sub2")) }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		// At least one rebuild: on a busy machine the events of removing
		// a folder and what was in it can come further apart than the
		// quiet period, and make two; TestWatchOneWriteOneRebuild holds
		// a single write to a single rebuild.
		rebuildsAtLeast(t, site, dir, 1, st.name)
	}
}

func TestWatchEveryFolder(t *testing.T) {
	content, layouts, static := t.TempDir(), t.TempDir(), t.TempDir()
	site := watched(t, content, layouts, filepath.Join(t.TempDir(), "missing"), static)
	for _, dir := range []string{content, layouts, static} {
		write(t, filepath.Join(dir, "f"), "x")
		rebuilds(t, site, dir, 1, "a file written in "+dir)
	}
}

// TestWatchEditDuringFirstBuild: a file saved while the first build runs
// (after the build read it) is rebuilt too; an editor who saves while a
// large site starts does not see a stale page.
func TestWatchEditDuringFirstBuild(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "x.md"), "old")
	site := newFakeSite(testFiles())
	site.during = func(call int64) {
		if call == 1 {
			write(t, filepath.Join(dir, "x.md"), "saved while the first build ran")
		}
	}
	s := New(Options{Base: "/", Build: site.build, Watch: []string{dir}})
	run(t, s)
	builds := site.waitBuilds(t, "a file saved during the first build", func(b [][]string) bool { return len(b) >= 2 })
	if x := filepath.Join(dir, "x.md"); !slices.Contains(builds[1], x) {
		t.Errorf("a file saved during the first build: the second build has changed paths %q, want %s among them", builds[1], x)
	}
}

// Pages are served as soon as Build returns; Finish then completes the
// site in the background, and a rebuild cancels a Finish still running.
func TestFinishCompletesTheSiteInTheBackground(t *testing.T) {
	site := newFakeSite(testFiles())
	release := make(chan struct{})
	var started, cancelled atomic.Int64
	starts := make(chan struct{}, 2)
	finish := func(ctx context.Context) (map[string][]byte, []string, bool) {
		started.Add(1)
		starts <- struct{}{}
		select {
		case <-release:
		case <-ctx.Done():
			cancelled.Add(1)
			return nil, nil, false
		}
		files := maps.Clone(testFiles())
		files["atom.xml"] = []byte("<feed>complete</feed>")
		return files, nil, true
	}
	s := New(Options{Base: "/", Build: site.build, Finish: finish, Log: io.Discard})
	ctx := t.Context()
	stream := httptest.NewServer(s)
	t.Cleanup(stream.Close)
	events := openEvents(ctx, t, stream.URL+"/__ratusz/events")
	defer events.close()

	s.Rebuild(ctx, nil)
	within(t, starts, "the first Finish")
	if got := do(t, s, "GET", "/miasta/walbrzych/"); got.status != 200 {
		t.Fatalf("a page is not served while Finish runs: %d", got.status)
	}
	if got := do(t, s, "GET", "/atom.xml"); got.status != 404 {
		t.Errorf("the feed is served before Finish made it: %d", got.status)
	}
	// A rebuild while Finish runs cancels it and starts another.
	s.Rebuild(ctx, []string{"x.md"})
	within(t, starts, "a second Finish, after a rebuild")
	if cancelled.Load() != 1 || started.Load() != 2 {
		t.Fatalf("after a second rebuild: %d finishes started, %d cancelled; want 2 and 1", started.Load(), cancelled.Load())
	}
	before := s.current.Load().version
	close(release)
	// Open pages learn of the completed files, merged with any change
	// they have not seen yet.
	for {
		c := events.change(t)
		if slices.Contains(c.Other, "/atom.xml") {
			if c.Version <= before {
				t.Errorf("Finish's change has version %d, not after %d", c.Version, before)
			}
			break
		}
	}
	if got := do(t, s, "GET", "/atom.xml"); got.status != 200 || got.body != "<feed>complete</feed>" {
		t.Errorf("after Finish, /atom.xml: %d %q", got.status, got.body)
	}
}

// A stylesheet's fingerprinted name changes with its content, and so does
// every page that links it; the pages do not count as changed, so that
// open pages swap the stylesheet rather than reload.
func TestFingerprintedStylesheetRenamed(t *testing.T) {
	for _, base := range []string{"/", "/strategie/"} {
		fingerprinted := func(title, css, js string) []byte {
			return []byte("<!doctype html><html lang=pl><head><title>" + title + "</title>" +
				"<link rel=stylesheet href=" + base + css + "></head><body><main><h1>" + title + "</h1>" +
				"<script src=" + base + js + "></script></main></body></html>\n")
		}
		const css1, css2, css3 = "css/ratusz.11111111.css", "css/ratusz.22222222.css", "css/ratusz.33333333.css"
		const js1, js2 = "js/search.aaaaaaaa.js", "js/search.bbbbbbbb.js"
		build := func(css, js, xTitle string) map[string][]byte {
			return map[string][]byte{
				"index.html":          fingerprinted("Start", css, js),
				"miasta/x/index.html": fingerprinted(xTitle, css, js),
				css:                   []byte(css),
				"css/ratusz.css":      []byte(css),
				js:                    []byte(js),
			}
		}
		site := newFakeSite(build(css1, js1, "X"))
		s := New(Options{Base: base, Build: site.build})
		s.Rebuild(t.Context(), nil)

		site.set(build(css2, js1, "X"))
		got := s.Rebuild(t.Context(), nil)
		if len(got.Pages) != 0 || !maps.Equal(got.Renamed, map[string]string{base + css1: base + css2}) {
			t.Errorf("base %s, a stylesheet change: pages %q, renamed %q; want no page and %s → %s", base, got.Pages, got.Renamed, base+css1, base+css2)
		}
		if !slices.Contains(got.Styles, base+css2) {
			t.Errorf("base %s, a stylesheet change: styles %q, want %s among them", base, got.Styles, base+css2)
		}

		site.set(build(css3, js1, "X2"))
		got = s.Rebuild(t.Context(), nil)
		if !slices.Equal(got.Pages, []string{base + "miasta/x/"}) || got.Renamed[base+css2] != base+css3 {
			t.Errorf("base %s, a stylesheet and a page change: pages %q, renamed %q; want only the changed page, and %s → %s", base, got.Pages, got.Renamed, base+css2, base+css3)
		}

		// A page runs its scripts once: a new script reloads the pages.
		site.set(build(css3, js2, "X2"))
		got = s.Rebuild(t.Context(), nil)
		if !slices.Equal(got.Pages, []string{base, base + "miasta/x/"}) || len(got.Renamed) != 0 {
			t.Errorf("base %s, a script change: pages %q, renamed %q; want both pages and no stylesheet", base, got.Pages, got.Renamed)
		}
	}
}

// A page that missed changes learns where its stylesheet went last.
func TestRenamedMerge(t *testing.T) {
	a := Change{Renamed: map[string]string{"/a.11111111.css": "/a.22222222.css"}}
	b := Change{Renamed: map[string]string{"/a.22222222.css": "/a.33333333.css", "/b.44444444.css": "/b.55555555.css"}}
	got := a.merge(b).Renamed
	want := map[string]string{"/a.11111111.css": "/a.33333333.css", "/a.22222222.css": "/a.33333333.css", "/b.44444444.css": "/b.55555555.css"}
	if !maps.Equal(got, want) {
		t.Errorf("merged renames %q, want %q", got, want)
	}
}

// A Finish that fails shows its problems like a failed build, and the
// pages already built stay served.
func TestFinishProblemsAreShown(t *testing.T) {
	site := newFakeSite(testFiles())
	finished := make(chan struct{})
	finish := func(ctx context.Context) (map[string][]byte, []string, bool) {
		defer close(finished)
		return nil, []string{"content/x.md:3: a feed cannot be made"}, true
	}
	var log strings.Builder
	s := New(Options{Base: "/", Build: site.build, Finish: finish, Log: &log})
	s.Rebuild(t.Context(), nil)
	within(t, finished, "Finish")
	s.mu.Lock()
	s.stopFinish() // waits for the swap
	s.mu.Unlock()
	if got := s.current.Load().problems; !slices.Equal(got, []string{"content/x.md:3: a feed cannot be made"}) {
		t.Errorf("problems after a failed Finish: %q", got)
	}
	if !strings.Contains(log.String(), "content/x.md:3: a feed cannot be made") {
		t.Errorf("the terminal did not get the problem:\n%s", log.String())
	}
	if got := do(t, s, "GET", "/miasta/walbrzych/"); got.status != 200 || !strings.Contains(got.body, "content/x.md:3") {
		t.Errorf("a page after a failed Finish: %d, problem shown: %v", got.status, strings.Contains(got.body, "content/x.md:3"))
	}
}
