package servetest

import (
	"bufio"
	"context"
	"fmt"
	"github.com/ratusz/ratusz/generator/internal/browser"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ratusz/ratusz/generator"
)

// june2021 is the day the site is built as of, as in the generator's own
// tests.
var june2021 = time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)

// visible is how long an edit may take to show in the open page.
const visible = 5 * time.Second

// copySite copies the test site into a temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	src := filepath.Join(repoRoot(t), "generator", "testdata", "site")
	dst := filepath.Join(t.TempDir(), "site")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying the test site: %v", err)
	}
	return dst
}

// listFiles lists the files below dir, relative to it.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(names)
	return names
}

// serving is generator.Serve running on a free loopback port.
type serving struct {
	url    string // without the trailing slash
	addr   string
	log    *browser.Buffer
	cancel context.CancelFunc
	done   chan struct{} // closed when Serve has returned err
	err    error
}

// serve serves the site as ratusz serve does: minified, with
// fingerprinted stylesheets and scripts.
func serve(t *testing.T, cfg generator.Config) *serving {
	t.Helper()
	cfg.Minify = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	s := &serving{addr: ln.Addr().String(), log: &browser.Buffer{}, cancel: cancel, done: make(chan struct{})}
	s.url = "http://" + s.addr
	go func() {
		defer close(s.done)
		s.err = generator.Serve(ctx, cfg, generator.ServeOptions{Listener: ln, Log: s.log})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(5 * time.Second):
		}
	})
	start := time.Now()
	for {
		res, err := get(s.addr, cfg.BaseURLPath())
		if err == nil && res.status == http.StatusOK {
			break
		}
		if time.Since(start) > 20*time.Second {
			t.Fatalf("the server does not answer: %v\n%s", err, s.log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("first build and start: %s", time.Since(start).Round(time.Millisecond))
	return s
}

type response struct {
	status   int
	location string
	body     string
}

// get sends target in the request line exactly as written, on a
// connection of its own.
func get(addr, target string) (response, error) {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return response{}, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return response{res.StatusCode, res.Header.Get("Location"), string(body)}, err
}

// poll calls cond until it holds or the time is up, and says how long it
// took.
func poll(timeout time.Duration, cond func() bool) (time.Duration, bool) {
	start := time.Now()
	for {
		if cond() {
			return time.Since(start), true
		}
		if time.Since(start) > timeout {
			return time.Since(start), false
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func edit(t *testing.T, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// bodyText is the text of the page, or "" while it is being loaded.
func bodyText(tab context.Context) string {
	s, _ := evaluate[string](tab, `document.body ? document.body.innerText : ""`)
	return s
}

// fingerprinted is the address of the site's stylesheet with its content
// hash.
var fingerprinted = regexp.MustCompile(`^/css/ratusz\.[0-9a-f]{8}\.css$`)

func TestServeInTheBrowser(t *testing.T) {
	browser := startBrowser(t)
	dir := copySite(t)
	lsr := filepath.Join(dir, "content", "documents", "lsr.md")
	css := filepath.Join(dir, "static", "css", "ratusz.css")
	// A site static file replaces the built-in one of the same path.
	os.MkdirAll(filepath.Dir(css), 0o755)
	if err := os.WriteFile(css, []byte("body{outline:7px solid rgb(1,2,3)}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	siteBefore := listFiles(t, dir)
	cfg := generator.Config{
		Content: filepath.Join(dir, "content"),
		Static:  filepath.Join(dir, "static"),
		Now:     june2021,
	}
	srv := serve(t, cfg)
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	errs := watchErrors(tab, t)
	defer func() {
		for _, e := range errs.list() {
			t.Errorf("the page threw: %s", e)
		}
	}()

	t.Run("an edit shows in the open page", func(t *testing.T) {
		if err := open(tab, srv.url+"/dokumenty/lsr/"); err != nil {
			t.Fatalf("opening /dokumenty/lsr/: %v", err)
		}
		if !strings.Contains(bodyText(tab), "Strategia ma trzy cele:") {
			t.Fatalf("/dokumenty/lsr/ does not show its body:\n%s", bodyText(tab))
		}
		var took []time.Duration
		old := "Strategia ma trzy cele:"
		for i := range 5 {
			sentence := fmt.Sprintf("Strategia ma po poprawce nr %d trzy cele:", i+1)
			start := time.Now()
			edit(t, lsr, old, sentence)
			_, ok := poll(visible, func() bool { return strings.Contains(bodyText(tab), sentence) })
			d := time.Since(start)
			if !ok {
				t.Fatalf("edit %d: the open page does not show %q %s after the write:\n%s\nserver log:\n%s", i+1, sentence, visible, bodyText(tab), srv.log.String())
			}
			took = append(took, d)
			old = sentence
			time.Sleep(100 * time.Millisecond)
		}
		logLatencies(t, "Markdown edit → new text visible in the open page", took)
		var rebuilt []string
		for _, line := range strings.Split(srv.log.String(), "\n") {
			if _, after, ok := strings.Cut(line, "rebuilt in "); ok {
				rebuilt = append(rebuilt, after)
			}
		}
		t.Logf("the server's rebuilds: %s", strings.Join(rebuilt, "; "))
	})

	t.Run("a stylesheet change applies without a reload", func(t *testing.T) {
		if err := open(tab, srv.url+"/miasta/walbrzych/"); err != nil {
			t.Fatalf("opening /miasta/walbrzych/: %v", err)
		}
		outline := func() string {
			s, _ := evaluate[string](tab, `getComputedStyle(document.body).outlineColor`)
			return s
		}
		if got := outline(); got != "rgb(1, 2, 3)" {
			t.Fatalf("body outline colour %q, want rgb(1, 2, 3) from static/css/ratusz.css", got)
		}
		if _, err := evaluate[int](tab, `window.__marker = 42`); err != nil {
			t.Fatal(err)
		}
		href := func() string {
			s, _ := evaluate[string](tab, `new URL(document.querySelector('link[rel="stylesheet"]').href).pathname`)
			return s
		}
		first := href()
		if !fingerprinted.MatchString(first) {
			t.Fatalf("the stylesheet's address %q has no content hash, want /css/ratusz.<8 hex digits>.css", first)
		}
		var took []time.Duration
		for i, colour := range []string{"rgb(4, 5, 6)", "rgb(7, 8, 9)", "rgb(10, 11, 12)"} {
			start := time.Now()
			rule := fmt.Sprintf("body{outline:7px solid %s}\n", colour)
			if err := os.WriteFile(css, []byte(rule), 0o644); err != nil {
				t.Fatal(err)
			}
			_, ok := poll(visible, func() bool { return outline() == colour })
			d := time.Since(start)
			if !ok {
				t.Fatalf("change %d: body outline colour %q %s after the write, want %s\nserver log:\n%s", i+1, outline(), visible, colour, srv.log.String())
			}
			took = append(took, d)
			if m, err := evaluate[int](tab, `window.__marker`); err != nil || m != 42 {
				t.Fatalf("change %d: window.__marker is %d (%v): the page was reloaded for a stylesheet change", i+1, m, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		logLatencies(t, "stylesheet change → new style applied, no reload", took)
		if n, _ := evaluate[int](tab, `document.querySelectorAll('link[rel="stylesheet"]').length`); n != 1 {
			t.Errorf("%d stylesheet links after the swaps, want 1", n)
		}
		if last := href(); last == first || !fingerprinted.MatchString(last) {
			t.Errorf("the stylesheet's address after the swaps is %q (before them %q), want a new fingerprinted name", last, first)
		}
	})

	t.Run("errors show over the page until fixed", func(t *testing.T) {
		if err := open(tab, srv.url+"/dokumenty/lsr/"); err != nil {
			t.Fatalf("opening /dokumenty/lsr/: %v", err)
		}
		problems := func(tab context.Context) string {
			s, _ := evaluate[string](tab, `(document.getElementById("ratusz-problems") || {innerText: ""}).innerText`)
			return s
		}
		message := `status: "adoptd" is not a document status`
		start := time.Now()
		edit(t, lsr, "status: adopted", "status: adoptd")
		d, ok := poll(visible, func() bool {
			p := problems(tab)
			return strings.Contains(p, "documents/lsr.md:") && strings.Contains(p, message)
		})
		if !ok {
			t.Fatalf("the open page shows no #ratusz-problems with documents/lsr.md: and %q after %s; it shows %q\nserver log:\n%s", message, d, problems(tab), srv.log.String())
		}
		t.Logf("break → error list visible in the open page: %s", time.Since(start).Round(time.Millisecond))
		if !strings.Contains(srv.log.String(), "documents/lsr.md:") {
			t.Errorf("the server log does not print the error:\n%s", srv.log.String())
		}
		// A page opened while the site has errors shows them too, and so
		// does an unknown address.
		other, closeOther := chromedp.NewContext(browser)
		defer closeOther()
		otherErrs := watchErrors(other, t)
		defer func() {
			for _, e := range otherErrs.list() {
				t.Errorf("the page /miasta/ threw: %s", e)
			}
		}()
		if err := open(other, srv.url+"/miasta/"); err != nil {
			t.Fatalf("opening /miasta/ while the site has errors: %v", err)
		}
		if p := problems(other); !strings.Contains(p, "documents/lsr.md:") {
			t.Errorf("/miasta/ opened while the site has errors shows %q, want the error list", p)
		}
		if res, err := get(srv.addr, "/nie-ma/"); err != nil || res.status != 404 || !strings.Contains(res.body, "documents/lsr.md:") {
			t.Errorf("GET /nie-ma/ while the site has errors: %d %v, want 404 with the error list", res.status, err)
		}
		if res, err := get(srv.addr, "/dokumenty/lsr/"); err != nil || res.status != 200 || !strings.Contains(res.body, "Cele strategii") {
			t.Errorf("GET /dokumenty/lsr/ while the site has errors: %d %v, want 200 with the last good page", res.status, err)
		}

		start = time.Now()
		edit(t, lsr, "status: adoptd", "status: adopted")
		for _, tab := range []context.Context{tab, other} {
			d, ok := poll(visible, func() bool {
				gone, err := evaluate[bool](tab, `document.body !== null && document.getElementById("ratusz-problems") === null`)
				return err == nil && gone
			})
			if !ok {
				t.Fatalf("the error list is still shown %s after the fix: %q", d, problems(tab))
			}
		}
		t.Logf("fix → error list gone from both open pages: %s", time.Since(start).Round(time.Millisecond))
		if text := bodyText(tab); !strings.Contains(text, "Cele strategii") || !strings.Contains(text, "Lokalna Strategia Rozwoju") {
			t.Errorf("after the fix the page does not show its content:\n%s", text)
		}
	})

	t.Run("pages added and deleted", func(t *testing.T) {
		nowa := filepath.Join(dir, "content", "pages", "nowa.md")
		title := "Nowa strona próbna"
		start := time.Now()
		if err := os.WriteFile(nowa, []byte("---\ntitle: "+title+"\n---\nTreść nowej strony.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		var last response
		if _, ok := poll(visible, func() bool {
			last, _ = get(srv.addr, "/nowa/")
			return last.status == 200
		}); !ok {
			t.Fatalf("GET /nowa/ %s after adding content/pages/nowa.md: %d\n%s\nserver log:\n%s", visible, last.status, last.body, srv.log.String())
		}
		t.Logf("add → GET /nowa/ 200: %s", time.Since(start).Round(time.Millisecond))
		if !strings.Contains(last.body, "<title>"+title) && !strings.Contains(last.body, title) {
			t.Errorf("GET /nowa/: the page does not have its title %q:\n%s", title, last.body)
		}
		start = time.Now()
		if err := os.Remove(nowa); err != nil {
			t.Fatal(err)
		}
		if _, ok := poll(visible, func() bool {
			last, _ = get(srv.addr, "/nowa/")
			return last.status == 404
		}); !ok {
			t.Fatalf("GET /nowa/ %s after deleting content/pages/nowa.md: %d, want 404", visible, last.status)
		}
		t.Logf("delete → GET /nowa/ 404: %s", time.Since(start).Round(time.Millisecond))
	})

	t.Run("unknown addresses and path traversal", func(t *testing.T) {
		res, err := get(srv.addr, "/nie-ma-takiej-strony/")
		if err != nil || res.status != http.StatusNotFound {
			t.Errorf("GET /nie-ma-takiej-strony/: %d %v, want 404", res.status, err)
		}
		lost, closeLost := chromedp.NewContext(browser)
		defer closeLost()
		if resp, err := chromedp.Run(lost, chromedp.NavigateResponse(srv.url+"/nie-ma-takiej-strony/")); err != nil || resp.Status != 404 {
			t.Errorf("the browser opening /nie-ma-takiej-strony/: %v, want 404", err)
		} else if live, _ := evaluate[bool](lost, `document.querySelector("script[data-ratusz-live]") !== null`); !live {
			t.Errorf("the 404 page has no live-reload script")
		}
		source := filepath.ToSlash(lsr)
		targets := []string{
			"/../../../../../../../../etc/passwd",
			"/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
			"/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
			"/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/etc/passwd",
			"/..\\..\\..\\..\\..\\..\\etc\\passwd",
			"/%5c..%5c..%5c..%5cetc%5cpasswd",
			"//etc/passwd",
			"/../content/documents/lsr.md",
			"/%2e%2e/content/documents/lsr.md",
			"/../../site/content/documents/lsr.md",
			"/content/documents/lsr.md",
			"/documents/lsr.md",
			"/dokumenty/lsr/../../../content/documents/lsr.md",
			source,
			"/.." + source,
			"//evil.example/dokumenty/lsr",
		}
		for _, target := range targets {
			res, err := get(srv.addr, target)
			if err != nil {
				t.Errorf("GET %s: %v", target, err)
				continue
			}
			if strings.Contains(res.body, "root:x:0:0") || strings.Contains(res.body, "partnership: lgd") {
				t.Errorf("GET %s: %d with a file outside the built site:\n%.300s", target, res.status, res.body)
			}
			if res.status == 200 {
				t.Errorf("GET %s: 200", target)
			}
			if res.location != "" && (!strings.HasPrefix(res.location, "/") || strings.HasPrefix(res.location, "//") || strings.HasPrefix(res.location, "/\\")) {
				t.Errorf("GET %s: redirects off the site, to %q", target, res.location)
			}
		}
	})

	t.Run("shutdown", func(t *testing.T) {
		// The tab still has a page open, listening on the event stream.
		if err := open(tab, srv.url+"/dokumenty/lsr/"); err != nil {
			t.Fatalf("opening /dokumenty/lsr/: %v", err)
		}
		start := time.Now()
		srv.cancel()
		select {
		case <-srv.done:
			t.Logf("Serve returned %v %s after the context was cancelled", srv.err, time.Since(start).Round(time.Millisecond))
			if srv.err != nil {
				t.Errorf("Serve returned %v, want nil", srv.err)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("Serve did not return within 2s of its context being cancelled")
		}
		if _, err := get(srv.addr, "/"); err == nil {
			t.Errorf("the server still answers after Serve returned")
		}
	})

	t.Run("nothing written into the site", func(t *testing.T) {
		if got := listFiles(t, dir); !slices.Equal(got, siteBefore) {
			t.Errorf("the site folder changed while serving:\ngot  %q\nwant %q", got, siteBefore)
		}
	})
}

// TestBuildHasNoLiveScript: the files that build writes never carry what
// serve adds to the pages it serves.
func TestBuildHasNoLiveScript(t *testing.T) {
	dir := copySite(t)
	out := filepath.Join(t.TempDir(), "public")
	cfg := generator.Config{Content: filepath.Join(dir, "content"), Static: filepath.Join(dir, "static"), Out: out, Now: june2021}
	if _, err := generator.Build(t.Context(), cfg); err != nil {
		t.Fatal(err)
	}
	for _, name := range listFiles(t, out) {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, mark := range []string{"__ratusz", "data-ratusz-live", "EventSource", "ratusz-problems"} {
			if strings.Contains(string(data), mark) {
				t.Errorf("the built %s contains %q", name, mark)
			}
		}
	}
}

func logLatencies(t *testing.T, what string, took []time.Duration) {
	t.Helper()
	sorted := slices.Clone(took)
	slices.Sort(sorted)
	var each []string
	for _, d := range took {
		each = append(each, d.Round(time.Millisecond).String())
	}
	t.Logf("%s: min %s, median %s, max %s (each: %s)", what,
		sorted[0].Round(time.Millisecond), sorted[len(sorted)/2].Round(time.Millisecond),
		sorted[len(sorted)-1].Round(time.Millisecond), strings.Join(each, ", "))
}
