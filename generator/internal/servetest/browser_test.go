package servetest

import (
	"context"
	"fmt"
	"github.com/ratusz/ratusz/generator/internal/browser"
	"sync"
	"testing"
	"time"

	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserTimeout bounds the whole test that drives the browser.
const browserTimeout = 2 * time.Minute

// startBrowser starts headless chromium with a fresh profile and returns
// the browser's context; chromedp.NewContext on it opens a tab. The
// browser stops when the test ends.
func startBrowser(t *testing.T) context.Context {
	return browser.Start(t, browserTimeout)
}

// open loads url in the tab of ctx and waits for its load event.
func open(ctx context.Context, url string) error { return browser.Open(ctx, url) }

// evaluate runs a script in the page of ctx and decodes its value, giving
// up after a second (a page being reloaded may not answer).
func evaluate[T any](ctx context.Context, script string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](script))
}

// pageErrors collects the uncaught exceptions of the pages of a tab, as
// "message at url:line".
type pageErrors struct {
	mu   sync.Mutex
	errs []string
}

func (p *pageErrors) list() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errs...)
}

// watchErrors starts collecting the uncaught exceptions of the tab of ctx.
func watchErrors(ctx context.Context, t *testing.T) *pageErrors {
	t.Helper()
	p := &pageErrors{}
	err := chromedp.Listen(ctx, func(ev any) {
		e, ok := ev.(*cdpruntime.EventExceptionThrown)
		if !ok || e.ExceptionDetails == nil {
			return
		}
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg = d.Exception.Description
		}
		p.mu.Lock()
		p.errs = append(p.errs, fmt.Sprintf("%s at %s:%d", msg, d.URL, d.LineNumber+1))
		p.mu.Unlock()
	})
	if err != nil {
		t.Fatalf("listening for the page's errors: %v", err)
	}
	return p
}
