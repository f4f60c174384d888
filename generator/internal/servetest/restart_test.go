package servetest

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ratusz/ratusz/generator"
)

// TestServeRestartKeepsOpenPagesLive: an editor stops `ratusz serve` and
// starts it again on the same address, leaving the page open. The page's
// event stream reconnects to the new server, and the page follows its
// edits as before.
func TestServeRestartKeepsOpenPagesLive(t *testing.T) {
	browser := startBrowser(t)
	dir := copySite(t)
	lsr := filepath.Join(dir, "content", "documents", "lsr.md")
	cfg := generator.Config{Content: filepath.Join(dir, "content"), Static: filepath.Join(dir, "static"), Now: june2021}
	srv := serve(t, cfg)
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	errs := watchErrors(tab, t)
	defer func() {
		for _, e := range errs.list() {
			t.Errorf("the page threw: %s", e)
		}
	}()
	if err := open(tab, srv.url+"/dokumenty/lsr/"); err != nil {
		t.Fatalf("opening /dokumenty/lsr/: %v", err)
	}
	first := "Pierwsza poprawka:"
	edit(t, lsr, "Strategia ma trzy cele:", first)
	if _, ok := poll(visible, func() bool { return strings.Contains(bodyText(tab), first) }); !ok {
		t.Fatalf("the first server: the open page does not show the edit")
	}

	srv.cancel()
	<-srv.done
	if srv.err != nil {
		t.Fatalf("Serve returned %v", srv.err)
	}
	ln, err := net.Listen("tcp", srv.addr)
	if err != nil {
		t.Fatalf("listening again on %s: %v", srv.addr, err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- generator.Serve(ctx, cfg, generator.ServeOptions{Listener: ln}) }()
	defer func() {
		cancel()
		<-done
	}()
	// The page's event stream retries every 500 ms.
	if _, ok := poll(visible, func() bool { res, err := get(srv.addr, "/"); return err == nil && res.status == 200 }); !ok {
		t.Fatalf("the second server does not answer")
	}
	time.Sleep(time.Second)

	second := "Poprawka po ponownym uruchomieniu:"
	start := time.Now()
	edit(t, lsr, first, second)
	if _, ok := poll(visible, func() bool { return strings.Contains(bodyText(tab), second) }); !ok {
		seen, _ := evaluate[string](tab, `document.querySelector("script[data-ratusz-live]").dataset.ratuszLive`)
		t.Fatalf("after a restart the open page (served as version %s by the first server) does not show an edit %s after the write: the new server counts versions from 1 again and the page ignores them", seen, visible)
	}
	t.Logf("edit → new text visible after a restart: %s", time.Since(start).Round(time.Millisecond))
}
