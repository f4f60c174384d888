package servetest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
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

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/browser"
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
			t.Errorf("Serve did not return within 5s of the end of the test")
		}
	})
	// The socket listens already: the request waits in its queue until
	// Serve serves, which it does once the first build is done. Its
	// response is that moment.
	start := time.Now()
	if res, err := getWithin(s.addr, cfg.BaseURLPath(), firstBuild); err != nil || res.status != http.StatusOK {
		t.Fatalf("the server does not answer %s within %s: %d %v\n%s", cfg.BaseURLPath(), firstBuild, res.status, err, s.log.String())
	}
	t.Logf("first build and start: %s", time.Since(start).Round(time.Millisecond))
	return s
}

// firstBuild is how long the first build of the test site may take.
const firstBuild = 20 * time.Second

type response struct {
	status   int
	location string
	body     string
}

// get sends target in the request line exactly as written, on a
// connection of its own.
func get(addr, target string) (response, error) {
	return getWithin(addr, target, 5*time.Second)
}

// getWithin is get giving up after d.
func getWithin(addr, target string, d time.Duration) (response, error) {
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
	return response{res.StatusCode, res.Header.Get("Location"), string(body)}, err
}

// waitFor waits until the JavaScript expression cond is true in the page
// of tab, and says whether it was within timeout. The page says when:
// cond is tried again on every change of the page's document and every
// load in it (a stylesheet swapped in), and, when the page reloads, in
// the new page once it has loaded.
func waitFor(tab context.Context, timeout time.Duration, cond string) bool {
	ctx, cancel := context.WithTimeout(tab, timeout)
	defer cancel()
	loaded := make(chan struct{}, 1)
	if err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventLoadEventFired); ok {
			select {
			case loaded <- struct{}{}:
			default:
			}
		}
	}); err != nil {
		return false
	}
	script := strings.Replace(untilHolds, "COND", cond, 1)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return true
		}
		// The page went away, reloaded, before cond held: try again in
		// the new one once it has loaded.
		select {
		case <-loaded:
		case <-ctx.Done():
			return false
		}
	}
}

// untilHolds is a promise that resolves once COND holds.
const untilHolds = `new Promise((resolve) => {
  const holds = () => { try { return Boolean(COND); } catch (e) { return false; } };
  if (holds()) { resolve(true); return; }
  const check = () => {
    if (!holds()) return;
    observer.disconnect();
    removeEventListener("load", check, true);
    resolve(true);
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  addEventListener("load", check, true);
})`

// shows waits until the page of tab shows text, for at most visible.
func shows(tab context.Context, text string) bool {
	return waitFor(tab, visible, `document.body !== null && document.body.innerText.includes(`+jsString(text)+`)`)
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// changes reads the server's change events, as the script of an open
// page does.
type changes struct {
	events chan change
}

// change is what the server sends after a rebuild (serve.Change).
type change struct {
	Pages    []string `json:"pages"`
	Problems []string `json:"problems"`
}

// follow opens the server's event stream and reads the change it sends
// at once, of the site as it is: the changes read after it are the ones
// that come later.
func follow(t *testing.T, srv *serving, base string) *changes {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.url+base+"__ratusz/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	if err != nil {
		t.Fatalf("opening the event stream: %v", err)
	}
	c := &changes{events: make(chan change, 16)}
	go func() {
		defer res.Body.Close()
		defer close(c.events)
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var ch change
				if json.Unmarshal([]byte(data), &ch) != nil {
					continue
				}
				select {
				case c.events <- ch:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	c.next(t, "the change the stream starts with")
	return c
}

// next returns the next change, failing the test after visible.
func (c *changes) next(t *testing.T, what string) change {
	t.Helper()
	select {
	case ch, ok := <-c.events:
		if !ok {
			t.Fatalf("waiting for %s: the event stream ended", what)
		}
		return ch
	case <-time.After(visible):
		t.Fatalf("no %s within %s", what, visible)
	}
	return change{}
}

// waitPage waits for a rebuild that changes the page at address page, and
// fails the test if none comes within visible or a rebuild fails.
func (c *changes) waitPage(t *testing.T, page string) change {
	t.Helper()
	for {
		ch := c.next(t, "rebuild of "+page)
		if len(ch.Problems) > 0 {
			t.Fatalf("waiting for a rebuild of %s: the site has problems: %q", page, ch.Problems)
		}
		if slices.Contains(ch.Pages, page) {
			return ch
		}
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
			ok := shows(tab, sentence)
			d := time.Since(start)
			if !ok {
				t.Fatalf("edit %d: the open page does not show %q %s after the write:\n%s\nserver log:\n%s", i+1, sentence, visible, bodyText(tab), srv.log.String())
			}
			took = append(took, d)
			old = sentence
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
			ok := waitFor(tab, visible, `getComputedStyle(document.body).outlineColor === `+jsString(colour))
			d := time.Since(start)
			if !ok {
				t.Fatalf("change %d: body outline colour %q %s after the write, want %s\nserver log:\n%s", i+1, outline(), visible, colour, srv.log.String())
			}
			took = append(took, d)
			if m, err := evaluate[int](tab, `window.__marker`); err != nil || m != 42 {
				t.Fatalf("change %d: window.__marker is %d (%v): the page was reloaded for a stylesheet change", i+1, m, err)
			}
		}
		logLatencies(t, "stylesheet change → new style applied, no reload", took)
		// The old stylesheet goes once the new one has loaded.
		links := `document.querySelectorAll('link[rel="stylesheet"]').length`
		if !waitFor(tab, visible, links+` === 1`) {
			n, _ := evaluate[int](tab, links)
			t.Errorf("%d stylesheet links %s after the swaps, want 1", n, visible)
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
		listed := `(document.getElementById("ratusz-problems") || {innerText: ""}).innerText`
		if !waitFor(tab, visible, listed+`.includes("documents/lsr.md:") && `+listed+`.includes(`+jsString(message)+`)`) {
			t.Fatalf("the open page shows no #ratusz-problems with documents/lsr.md: and %q after %s; it shows %q\nserver log:\n%s", message, visible, problems(tab), srv.log.String())
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
			if !waitFor(tab, visible, `document.body !== null && document.getElementById("ratusz-problems") === null`) {
				t.Fatalf("the error list is still shown %s after the fix: %q", visible, problems(tab))
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
		changes := follow(t, srv, "/")
		start := time.Now()
		if err := os.WriteFile(nowa, []byte("---\ntitle: "+title+"\n---\nTreść nowej strony.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		changes.waitPage(t, "/nowa/")
		last, err := get(srv.addr, "/nowa/")
		if err != nil || last.status != 200 {
			t.Fatalf("GET /nowa/ after the rebuild that added content/pages/nowa.md: %d %v\n%s\nserver log:\n%s", last.status, err, last.body, srv.log.String())
		}
		t.Logf("add → GET /nowa/ 200: %s", time.Since(start).Round(time.Millisecond))
		if !strings.Contains(last.body, "<title>"+title) && !strings.Contains(last.body, title) {
			t.Errorf("GET /nowa/: the page does not have its title %q:\n%s", title, last.body)
		}
		start = time.Now()
		if err := os.Remove(nowa); err != nil {
			t.Fatal(err)
		}
		changes.waitPage(t, "/nowa/")
		if last, err = get(srv.addr, "/nowa/"); err != nil || last.status != 404 {
			t.Fatalf("GET /nowa/ after the rebuild that deleted content/pages/nowa.md: %d %v, want 404", last.status, err)
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
