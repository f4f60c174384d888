package a11ytest

import (
	"context"
	"github.com/ratusz/ratusz/generator/internal/browser"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"golang.org/x/sync/errgroup"
)

// tabs is how many pages are checked at once, each in its own tab of the
// one browser: enough to keep two cores busy.
const tabs = 2

// browserTimeout bounds a whole test that drives the browser.
const browserTimeout = 4 * time.Minute

// startBrowser starts headless chromium with a fresh profile and returns
// the browser's context; chromedp.NewContext on it opens a tab. The
// browser stops when the test ends.
func startBrowser(t testing.TB) context.Context {
	return browser.Start(t, browserTimeout, chromedp.Flag("force-color-profile", "srgb"), chromedp.Flag("hide-scrollbars", true))
}

// view is what a tab emulates: a colour scheme and a viewport size in CSS
// px, at a device scale factor of 1.
type view struct {
	Scheme        string // "light" or "dark"
	Width, Height int64
}

var (
	desktop = view{"light", 1280, 900}
	dark    = view{"dark", 1280, 900}
	narrow  = view{"light", 320, 800}
)

// emulate makes the tab of ctx show pages as v says, from the next
// navigation on.
func emulate(ctx context.Context, v view) error {
	return chromedp.Do(ctx,
		chromedp.EmulateViewport(v.Width, v.Height),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v.Scheme}},
			})
			return err
		}),
	)
}

// open loads url in the tab of ctx and waits for its load event.
func open(ctx context.Context, url string) error { return browser.Open(ctx, url) }

// evaluate runs a script in the page of ctx and decodes its value; a
// script that returns a promise is awaited.
func evaluate[T any](ctx context.Context, script string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
}

// checkedPage is the result of one check of one page.
type checkedPage[R any] struct {
	Site   string
	Page   string // the path, as "/miasta/walbrzych/"
	URL    string
	Result R
	Err    error
}

// eachPage runs check on every page of the sites, a few tabs at once, each
// tab emulating v, and returns the results in the order of the pages.
func eachPage[R any](t *testing.T, browser context.Context, sites []builtSite, v view, check func(ctx context.Context, url string) (R, error)) []checkedPage[R] {
	t.Helper()
	pool := make(chan context.Context, tabs)
	for range tabs {
		ctx, cancel := chromedp.NewContext(browser)
		t.Cleanup(cancel)
		if err := emulate(ctx, v); err != nil {
			t.Fatalf("opening a tab: %v", err)
		}
		pool <- ctx
	}
	var results []checkedPage[R]
	for _, s := range sites {
		for _, p := range s.Pages {
			results = append(results, checkedPage[R]{Site: s.Name, Page: p, URL: s.URL + p})
		}
	}
	var g errgroup.Group
	g.SetLimit(tabs)
	for i := range results {
		g.Go(func() error {
			ctx := <-pool
			defer func() { pool <- ctx }()
			results[i].Result, results[i].Err = check(ctx, results[i].URL)
			return nil
		})
	}
	g.Wait()
	return results
}

// selectorJS defines selectorOf(el): a short CSS path of an element for
// messages, as "main#tresc > table.data > tbody > tr > td".
const selectorJS = `
function selectorOf(el) {
	const parts = [];
	for (; el && el.nodeType === 1 && parts.length < 5; el = el.parentElement) {
		let s = el.localName;
		if (el.id) s += '#' + el.id;
		for (const c of el.classList) s += '.' + c;
		parts.unshift(s);
		if (el.id || el === document.body) break;
	}
	return parts.join(' > ');
}
`

// shorten cuts s to n runes for a message.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
