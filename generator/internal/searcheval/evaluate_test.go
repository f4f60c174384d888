package searcheval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/browser"
	"golang.org/x/sync/errgroup"
)

// The evaluation of the site search against Pagefind (see doc.go): each
// judged query set is built into a site, indexed by Pagefind in its
// default configuration, served over HTTP and searched in headless
// Chromium, one fresh browser context a query, by ratusz's search page and
// by a small page that calls Pagefind's API.

// evalSet is a judged query set and the site its queries are asked of.
type evalSet struct {
	name  string // the sub-benchmark
	file  string // the judgments
	least int    // the queries it has at least
	// site returns the configuration of a build of the site; dir is a
	// folder of its own for any tree it writes.
	site func(tb testing.TB, dir string) generator.Config
}

var evalSets = []evalSet{
	{"builtin", "builtin.toml", 40, func(tb testing.TB, dir string) generator.Config {
		return generator.Config{Content: "../../../content", Settings: "../../../ratusz.toml", Static: "../../../static"}
	}},
	{"corpus-2000", "corpus-2000.toml", 20, func(tb testing.TB, dir string) generator.Config {
		if _, err := corpus.Write(dir, corpus.Options{Entries: 2000, Seed: 1}); err != nil {
			tb.Fatal(err)
		}
		return generator.Config{Content: filepath.Join(dir, "content")}
	}},
}

const (
	queryTimeout = 20 * time.Second // for one query to show its results
	setTimeout   = 15 * time.Minute // for the browser of one set
	topN         = 10
)

// tabs is how many queries are asked at once, each in a browser context of
// its own: opening one costs Chromium most of a second of CPU.
var tabs = min(4, max(2, runtime.NumCPU()/2))

// engineRun is what one engine answered to one query in a fresh browser
// context.
type engineRun struct {
	Top           []string `json:"top"`            // the first results, as "dokumenty/x/"
	Recall        float64  `json:"recall"`         // |relevant ∩ top| / min(|relevant|, 10)
	FirstRelevant bool     `json:"first_relevant"` // the first result is judged relevant
	None          bool     `json:"none"`           // no result at all
	Status        string   `json:"status,omitempty"`
	Total         int      `json:"total"` // results found (ratusz: shown on the first page)
	// Bytes is the body bytes the server sent for the first query, as
	// stored (uncompressed for ratusz's files; Pagefind's index files are
	// gzipped on disk), and Wire the bytes it sent with gzip for text
	// types: scripts, workers, WebAssembly, index files and fragments;
	// not the page itself, stylesheets, images nor fonts.
	Bytes    int64    `json:"bytes"`
	Wire     int64    `json:"wire"`
	Requests []served `json:"requests"`
	// PageBytes and PageTransfer are the same sums as the page's own
	// Resource Timing sees them (decodedBodySize, transferSize): it does
	// not see what a web worker fetches.
	PageBytes    int64   `json:"page_bytes"`
	PageTransfer int64   `json:"page_transfer"`
	Millis       float64 `json:"ms"` // from the navigation to the results, in wall time
}

type queryResult struct {
	Q        string    `json:"q"`
	Relevant []string  `json:"relevant"`
	Ratusz   engineRun `json:"ratusz"`
	Pagefind engineRun `json:"pagefind"`
}

// engineSummary is an engine's metrics over a query set.
type engineSummary struct {
	Recall        float64 `json:"recall_at_10"`
	FirstRelevant float64 `json:"first_relevant"`
	NoResult      int     `json:"no_result"`
	BytesMedian   int64   `json:"first_query_bytes_median"`
	BytesMax      int64   `json:"first_query_bytes_max"`
	WireMedian    int64   `json:"first_query_gzip_bytes_median"`
	WireMax       int64   `json:"first_query_gzip_bytes_max"`
	IndexBytes    int64   `json:"index_bytes"`
	IndexFiles    int     `json:"index_files"`
	IndexSeconds  float64 `json:"index_seconds"` // Pagefind's run; ratusz's whole build
}

type evaluation struct {
	Set             string        `json:"set"`
	Judgments       string        `json:"judgments"`
	PagefindVersion string        `json:"pagefind_version"`
	Chromium        string        `json:"chromium"`
	Queries         []queryResult `json:"queries"`
	Ratusz          engineSummary `json:"ratusz"`
	Pagefind        engineSummary `json:"pagefind"`
	Seconds         float64       `json:"seconds"`
}

// BenchmarkSearchEvaluation measures, on each judged query set, the
// recall@10 and first-result relevance of ratusz's search and of Pagefind,
// and what a first query costs in bytes. The work is done once, whatever
// b.N; run it with -benchtime 1x.
func BenchmarkSearchEvaluation(b *testing.B) {
	if testing.Short() {
		b.Skip("the search evaluation builds two sites and drives Chromium for every query; run it without -short")
	}
	tools := findTools(b)
	for _, set := range evalSets {
		b.Run(set.name, func(b *testing.B) {
			ev := evaluate(b, set, tools)
			b.Log("\n" + ev.table())
			r, p := ev.Ratusz, ev.Pagefind
			b.ReportMetric(r.Recall, "recall@10-ratusz")
			b.ReportMetric(p.Recall, "recall@10-pagefind")
			b.ReportMetric(r.FirstRelevant, "first-relevant-ratusz")
			b.ReportMetric(p.FirstRelevant, "first-relevant-pagefind")
			b.ReportMetric(kb(r.BytesMax), "first-query-KB-ratusz")
			b.ReportMetric(kb(p.BytesMax), "first-query-KB-pagefind")
			b.ReportMetric(kb(r.IndexBytes), "index-KB-ratusz")
			b.ReportMetric(kb(p.IndexBytes), "index-KB-pagefind")
			b.ReportMetric(p.IndexSeconds, "pagefind-index-s")
			if dir := os.Getenv("SEARCH_EVAL_OUT"); dir != "" {
				if err := ev.write(dir); err != nil {
					b.Error(err)
				}
			}
		})
	}
}

// tools are the programs the evaluation runs.
type tools struct {
	pagefind, pagefindVersion string
	chromium                  string
}

func findTools(tb testing.TB) tools {
	tb.Helper()
	var t tools
	t.pagefind = findPagefind(tb)
	out, err := exec.Command(t.pagefind, "--version").CombinedOutput()
	if err != nil {
		browser.Missing(tb, "%s --version: %v\n%s\nInstall it with `make node_modules` (npm ci --ignore-scripts from package-lock.json, which brings the binary of @pagefind/linux-x64; needs node and npm: apt-get install nodejs npm)", t.pagefind, err, out)
	}
	t.pagefindVersion = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(out)), "pagefind"))
	t.chromium = browser.Chromium(tb)
	return t
}

// findPagefind is node_modules/.bin/pagefind of the repository.
func findPagefind(tb testing.TB) string {
	tb.Helper()
	p := filepath.Join(browser.RepoRoot(tb), "node_modules", ".bin", "pagefind")
	if _, err := os.Stat(p); err != nil {
		browser.Missing(tb, "no node_modules/.bin/pagefind in the repository: run `make node_modules` (npm ci --ignore-scripts --no-audit --no-fund, from package-lock.json; needs node and npm: apt-get install nodejs npm)")
	}
	return p
}

// evaluate builds the site of set, indexes it with Pagefind and asks each
// query of both engines.
func evaluate(b *testing.B, set evalSet, tools tools) *evaluation {
	b.Helper()
	start := time.Now()
	j := load(b, set.file)
	if len(j.Query) < set.least {
		b.Fatalf("%s has %d queries, want at least %d", set.file, len(j.Query), set.least)
	}
	ev := &evaluation{Set: set.name, Judgments: set.file, PagefindVersion: tools.pagefindVersion, Chromium: tools.chromium}

	// The site, as ratusz build publishes it.
	cfg := set.site(b, b.TempDir())
	cfg.Out = filepath.Join(b.TempDir(), "public")
	cfg.Now = now
	cfg.Minify = true
	cfg.BaseURL = "/"
	res, err := generator.Build(b.Context(), cfg)
	if err != nil {
		b.Fatalf("building %s: %v", set.name, err)
	}
	out := cfg.Out
	ev.Ratusz.IndexSeconds = res.Duration.Seconds()
	ev.Ratusz.IndexBytes, ev.Ratusz.IndexFiles, err = ratuszIndexSize(out)
	if err != nil {
		b.Fatal(err)
	}

	// Pagefind, in its default configuration.
	t0 := time.Now()
	cmd := exec.CommandContext(b.Context(), tools.pagefind, "--site", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s --site %s: %v\n%s", tools.pagefind, out, err, msg)
	}
	ev.Pagefind.IndexSeconds = time.Since(t0).Seconds()
	ev.Pagefind.IndexBytes, ev.Pagefind.IndexFiles, err = treeSize(filepath.Join(out, "pagefind"), nil)
	if err != nil {
		b.Fatal(err)
	}
	if ev.Pagefind.IndexFiles == 0 {
		b.Fatalf("pagefind wrote no index into %s", filepath.Join(out, "pagefind"))
	}
	// The harness page is written after Pagefind has run, so that it is
	// not indexed.
	if err := writeHarness(out); err != nil {
		b.Fatal(err)
	}

	// A few tabs ask the queries at once, each of its own server, so that
	// what a server sends is what one query cost.
	chromium := browser.Start(b, setTimeout)
	ev.Queries = make([]queryResult, len(j.Query))
	next := make(chan int)
	g, gctx := errgroup.WithContext(b.Context())
	for range tabs {
		srv := &countingServer{root: out}
		hs := httptest.NewServer(srv)
		b.Cleanup(hs.Close)
		g.Go(func() error {
			for i := range next {
				q := j.Query[i]
				qr := queryResult{Q: q.Q, Relevant: q.Relevant}
				qs := url.QueryEscape(q.Q)
				var err error
				if qr.Ratusz, err = ask(chromium, srv, hs.URL+"/szukaj/?q="+qs, ratuszState); err != nil {
					return fmt.Errorf("ratusz, %q: %v", q.Q, err)
				}
				if qr.Pagefind, err = ask(chromium, srv, hs.URL+"/pagefind-eval/?q="+qs, pagefindState); err != nil {
					return fmt.Errorf("pagefind, %q: %v", q.Q, err)
				}
				judge(&qr.Ratusz, q.Relevant)
				judge(&qr.Pagefind, q.Relevant)
				ev.Queries[i] = qr
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(next)
		for i := range j.Query {
			select {
			case next <- i:
			case <-gctx.Done():
				return nil
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		b.Fatal(err)
	}
	ev.Ratusz.summarise(ev.Queries, func(q *queryResult) *engineRun { return &q.Ratusz })
	ev.Pagefind.summarise(ev.Queries, func(q *queryResult) *engineRun { return &q.Pagefind })
	ev.Seconds = time.Since(start).Seconds()
	return ev
}

// judge sets the recall and first-hit of r from the relevant entries.
func judge(r *engineRun, relevant []string) {
	r.None = len(r.Top) == 0
	if r.None {
		return
	}
	r.FirstRelevant = slices.Contains(relevant, r.Top[0])
	hit := map[string]bool{}
	for _, u := range r.Top {
		if slices.Contains(relevant, u) {
			hit[u] = true
		}
	}
	r.Recall = float64(len(hit)) / float64(min(len(relevant), topN))
}

func (s *engineSummary) summarise(qs []queryResult, of func(*queryResult) *engineRun) {
	var bytes, wire []int64
	first := 0
	for i := range qs {
		r := of(&qs[i])
		s.Recall += r.Recall
		if r.FirstRelevant {
			first++
		}
		if r.None {
			s.NoResult++
		}
		bytes = append(bytes, r.Bytes)
		wire = append(wire, r.Wire)
	}
	if len(qs) > 0 {
		s.Recall /= float64(len(qs))
		s.FirstRelevant = float64(first) / float64(len(qs))
	}
	s.BytesMedian, s.BytesMax = medianMax(bytes)
	s.WireMedian, s.WireMax = medianMax(wire)
}

func medianMax(v []int64) (int64, int64) {
	if len(v) == 0 {
		return 0, 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	n := len(v)
	med := v[n/2]
	if n%2 == 0 {
		med = (v[n/2-1] + v[n/2]) / 2
	}
	return med, v[n-1]
}

// pageState is what a harness script reports of a page: done once the
// search has run, with the addresses of the first results.
type pageState struct {
	Done   bool     `json:"done"`
	Error  string   `json:"error"`
	Status string   `json:"status"`
	URLs   []string `json:"urls"`
	Total  int      `json:"total"`
}

// ratuszState reads the search page: it is done once the live region
// says something other than the loading message (it announces the count,
// or that nothing was found); the links are the first of each result.
const ratuszState = `(() => {
	const form = document.querySelector('form.search');
	const d = form ? form.dataset : {};
	const el = document.getElementById('szukaj-stan');
	const status = el ? el.textContent.trim() : '';
	const items = [...document.querySelectorAll('#szukaj-lista > li')];
	const urls = items.map(li => li.querySelector('a')).filter(Boolean).slice(0, 10).map(a => a.href);
	const loading = status !== '' && status === (d.loading || '').trim();
	const failed = status !== '' && status === (d.error || '').trim();
	return {
		done: (status !== '' && !loading) || failed,
		error: failed ? 'the search page says: ' + status : '',
		status, urls, total: items.length,
	};
})()`

// pagefindState reads the harness page that writeHarness writes.
const pagefindState = `(() => window.__result || {done: false})()`

// pageBytes sums, as the page's Resource Timing sees them, the bodies of
// the resources other than stylesheets, images and fonts.
const pageBytes = `(() => {
	let decoded = 0, transfer = 0;
	for (const e of performance.getEntriesByType('resource')) {
		const p = new URL(e.name).pathname;
		if (/\.(css|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf)$/i.test(p)) continue;
		decoded += e.decodedBodySize;
		transfer += e.transferSize;
	}
	return [decoded, transfer];
})()`

// ask opens address in a fresh browser context (no cache, no storage),
// waits until the page's search has run and reads its first results and
// what the server sent for them.
func ask(browser context.Context, srv *countingServer, address, state string) (engineRun, error) {
	var r engineRun
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return r, err
	}
	tctx, tcancel := context.WithTimeout(ctx, queryTimeout)
	defer tcancel()
	srv.reset()
	start := time.Now()
	resp, err := chromedp.Run(tctx, chromedp.NavigateResponse(address))
	if err != nil {
		return r, fmt.Errorf("%s: %w", address, err)
	}
	if resp == nil || resp.Status != 200 {
		return r, fmt.Errorf("%s: no page (HTTP %v)", address, resp)
	}
	var s pageState
	var since time.Time // when the list was first seen as it is, for a page that never announces
	var seen []string
	for {
		s, err = chromedp.Run(tctx, chromedp.Evaluate[pageState](state))
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) || tctx.Err() != nil {
				return r, fmt.Errorf("%s: the search did not finish within %v (status %q, %d results shown)", address, queryTimeout, s.Status, s.Total)
			}
			return r, fmt.Errorf("%s: %w", address, err)
		}
		if s.Error != "" {
			return r, fmt.Errorf("%s: %s", address, s.Error)
		}
		if s.Done {
			break
		}
		if len(s.URLs) > 0 {
			if !slices.Equal(s.URLs, seen) {
				seen, since = s.URLs, time.Now()
			} else if time.Since(since) > time.Second {
				break // results shown and still for a second, with nothing announced
			}
		}
		select {
		case <-tctx.Done():
			return r, fmt.Errorf("%s: the search did not finish within %v (status %q, %d results shown)", address, queryTimeout, s.Status, s.Total)
		case <-time.After(25 * time.Millisecond):
		}
	}
	r.Millis = float64(time.Since(start).Microseconds()) / 1000
	r.Status, r.Total = s.Status, s.Total
	for _, u := range s.URLs {
		p, err := sitePath(u)
		if err != nil {
			return r, fmt.Errorf("%s: result %q: %w", address, u, err)
		}
		r.Top = append(r.Top, p)
	}
	if len(r.Top) > topN {
		r.Top = r.Top[:topN]
	}
	sums, err := chromedp.Run(tctx, chromedp.Evaluate[[2]int64](pageBytes))
	if err != nil {
		return r, fmt.Errorf("%s: reading the resource timing: %w", address, err)
	}
	r.PageBytes, r.PageTransfer = sums[0], sums[1]
	for _, q := range srv.take() {
		if q.counts() {
			r.Bytes += q.Bytes
			r.Wire += q.Wire
			r.Requests = append(r.Requests, q)
		}
	}
	return r, nil
}

// sitePath turns a result's address into the form of the judgments:
// "dokumenty/x/", without the origin, the leading slash or a final
// index.html.
func sitePath(u string) (string, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return "", err
	}
	p := strings.TrimPrefix(pu.Path, "/")
	p = strings.TrimSuffix(p, "index.html")
	return p, nil
}

// writeHarness writes the page that asks Pagefind the query of its
// address, as a site's search box would with Pagefind's JavaScript API,
// and keeps the first results' addresses in window.__result. Its html
// lang is the built site's, by which Pagefind picks the index.
func writeHarness(out string) error {
	lang := "pl"
	if home, err := os.ReadFile(filepath.Join(out, "index.html")); err == nil {
		if m := regexp.MustCompile(`<html[^>]*\slang="?([A-Za-z-]+)`).FindSubmatch(home); m != nil {
			lang = string(m[1])
		}
	}
	page := `<!doctype html>
<html lang="` + lang + `">
<meta charset="utf-8">
<title>Pagefind evaluation</title>
<script type="module">
const q = new URLSearchParams(location.search).get('q') || '';
try {
	const pf = await import('/pagefind/pagefind.js');
	await pf.options({});
	const r = await pf.search(q);
	const top = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
	window.__result = {done: true, urls: top.map(t => new URL(t.url, location.href).href), total: r.results.length, status: ''};
} catch (e) {
	window.__result = {done: true, error: 'pagefind: ' + String(e && e.stack || e)};
}
</script>
`
	dir := filepath.Join(out, "pagefind-eval")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644)
}

// ratuszIndexSize is the size on disk of ratusz's search: every file under
// szukaj/ but the search page, and the scripts js/search*.js and
// js/stem*.js, each counted once when the build writes it both under its
// own name and under a fingerprinted one (js/search.4a5ea3e1.js).
func ratuszIndexSize(out string) (int64, int, error) {
	size, files, err := treeSize(filepath.Join(out, "szukaj"), func(rel string) bool { return rel != "index.html" })
	if err != nil {
		return 0, 0, err
	}
	entries, err := os.ReadDir(filepath.Join(out, "js"))
	if err != nil && !os.IsNotExist(err) {
		return 0, 0, err
	}
	script := regexp.MustCompile(`^((?:search|stem)[^.]*)(\.[0-9a-f]{6,})?(\.m?js)$`)
	kept := map[string]string{} // a script without its fingerprint → the name counted
	for _, e := range entries {
		m := script.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil {
			continue
		}
		key := m[1] + m[3]
		if prev, ok := kept[key]; !ok || (m[2] != "" && prev == key) {
			kept[key] = e.Name()
		}
	}
	for _, name := range kept {
		fi, err := os.Stat(filepath.Join(out, "js", name))
		if err != nil {
			return 0, 0, err
		}
		size += fi.Size()
		files++
	}
	return size, files, nil
}

// treeSize sums the apparent sizes of the regular files under dir whose
// slash-separated path relative to dir keep accepts (nil for all).
func treeSize(dir string, keep func(rel string) bool) (int64, int, error) {
	var size int64
	files := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return filepath.SkipDir
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if keep != nil && !keep(filepath.ToSlash(rel)) {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		size += fi.Size()
		files++
		return nil
	})
	return size, files, err
}

// countingServer serves a built site as a static host does, gzipping text
// types (level 6, as common servers do), with no caching, and records what
// it sends.
type countingServer struct {
	root string
	mu   sync.Mutex
	log  []served
}

// served is one response.
type served struct {
	Path   string `json:"path"`
	Dest   string `json:"dest"` // the request's Sec-Fetch-Dest: document, script, worker, empty (fetch)…
	Status int    `json:"status"`
	Bytes  int64  `json:"bytes"` // the body as stored
	Wire   int64  `json:"wire"`  // the body as sent
}

// counts says whether s is part of what a first query costs: not the
// page itself (nor a frame), a stylesheet, an image or a font.
func (s served) counts() bool {
	switch s.Dest {
	case "document", "iframe", "frame", "style", "image", "font":
		return false
	case "":
		return !notCounted.MatchString(s.Path)
	}
	return true
}

// notCounted is the paths of pages, stylesheets, images and fonts, for a
// request that does not say what it is for.
var notCounted = regexp.MustCompile(`(?i)\.(html|css|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf)$|/$`)

func (s *countingServer) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
}

func (s *countingServer) take() []served {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.log
	s.log = nil
	return l
}

func (s *countingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := path.Clean("/" + r.URL.Path)
	rec := served{Path: p, Dest: r.Header.Get("Sec-Fetch-Dest"), Status: http.StatusOK}
	defer func() {
		s.mu.Lock()
		s.log = append(s.log, rec)
		s.mu.Unlock()
	}()
	name := filepath.Join(s.root, filepath.FromSlash(p))
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			rec.Status = http.StatusMovedPermanently
			http.Redirect(w, r, p+"/", rec.Status)
			return
		}
		name = filepath.Join(name, "index.html")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		rec.Status = http.StatusNotFound
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(filepath.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	body := data
	if compressible(ctype) && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, 6)
		zw.Write(data)
		zw.Close()
		body = buf.Bytes()
		h.Set("Content-Encoding", "gzip")
		h.Set("Vary", "Accept-Encoding")
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	rec.Bytes, rec.Wire = int64(len(data)), int64(len(body))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// compressible says whether a static host gzips a type: text, scripts,
// JSON, SVG and WebAssembly. Pagefind's index files are gzipped already
// and served as application/octet-stream.
func compressible(ctype string) bool {
	t, _, _ := strings.Cut(ctype, ";")
	t = strings.TrimSpace(t)
	return strings.HasPrefix(t, "text/") || slices.Contains([]string{
		"application/javascript", "application/json", "application/manifest+json",
		"application/xml", "image/svg+xml", "application/wasm",
	}, t)
}

func kb(n int64) float64 { return math.Round(float64(n)/100) / 10 }

// table is the readable report of ev: one line a query, then the means.
func (ev *evaluation) table() string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s: %d queries of %s; ratusz vs Pagefind %s (default configuration); %.1f s\n",
		ev.Set, len(ev.Queries), ev.Judgments, ev.PagefindVersion, ev.Seconds)
	fmt.Fprintf(&buf, "R@10: relevant entries in the first 10 / min(relevant, 10); 1st: + relevant, - not, 0 no result;\n")
	fmt.Fprintf(&buf, "found: results (ratusz: shown on its first page); KB: 1,000 bytes\n\n")
	w := len("mean recall@10")
	for _, q := range ev.Queries {
		w = max(w, utf8.RuneCountInString(q.Q)+2)
	}
	pad := func(s string, n int) string { return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s))) }
	fmt.Fprintf(&buf, "%3s  %s  %3s  | %-6s %3s %5s | %-6s %3s %5s\n", "#", pad("query", w), "rel", "ratusz", "1st", "found", "pagef.", "1st", "found")
	for i, q := range ev.Queries {
		fmt.Fprintf(&buf, "%3d  %s  %3d  | %6.2f %3s %5d | %6.2f %3s %5d\n", i+1, pad("„"+q.Q+"”", w), len(q.Relevant),
			q.Ratusz.Recall, mark(q.Ratusz), q.Ratusz.Total, q.Pagefind.Recall, mark(q.Pagefind), q.Pagefind.Total)
	}
	r, p := ev.Ratusz, ev.Pagefind
	fmt.Fprintf(&buf, "\n%-38s %16s %16s\n", "", "ratusz", "pagefind")
	row := func(name, a, b string) { fmt.Fprintf(&buf, "%-38s %16s %16s\n", name, a, b) }
	row("mean recall@10", fmt.Sprintf("%.3f", r.Recall), fmt.Sprintf("%.3f", p.Recall))
	row("first result relevant", fmt.Sprintf("%.3f", r.FirstRelevant), fmt.Sprintf("%.3f", p.FirstRelevant))
	row("queries with no result", fmt.Sprint(r.NoResult), fmt.Sprint(p.NoResult))
	row("first-query KB, median / max", fmt.Sprintf("%.1f / %.1f", kb(r.BytesMedian), kb(r.BytesMax)), fmt.Sprintf("%.1f / %.1f", kb(p.BytesMedian), kb(p.BytesMax)))
	row("first-query KB gzipped, median / max", fmt.Sprintf("%.1f / %.1f", kb(r.WireMedian), kb(r.WireMax)), fmt.Sprintf("%.1f / %.1f", kb(p.WireMedian), kb(p.WireMax)))
	row("index KB on disk (files)", fmt.Sprintf("%.1f (%d)", kb(r.IndexBytes), r.IndexFiles), fmt.Sprintf("%.1f (%d)", kb(p.IndexBytes), p.IndexFiles))
	row("indexing s (ratusz: the whole build)", fmt.Sprintf("%.2f", r.IndexSeconds), fmt.Sprintf("%.2f", p.IndexSeconds))
	return buf.String()
}

func mark(r engineRun) string {
	switch {
	case r.None:
		return "0"
	case r.FirstRelevant:
		return "+"
	}
	return "-"
}

// write keeps ev as SET.json in dir.
func (ev *evaluation) write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(ev, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ev.Set+".json"), append(data, '\n'), 0o644)
}
