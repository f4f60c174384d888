package servetest

import (
	"context"
	"net"
	"path/filepath"
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
	if !shows(tab, first) {
		t.Fatalf("the first server: the open page does not show the edit")
	}
	const served = `document.querySelector("script[data-ratusz-live]").dataset.ratuszServer`
	firstServer, err := evaluate[string](tab, served)
	if err != nil {
		t.Fatal(err)
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
	// The page's event stream connects again (it retries every 500 ms),
	// and the new server tells it to reload: it then has the new
	// server's script and listens to it.
	if !waitFor(tab, firstBuild, served+` !== `+jsString(firstServer)) {
		t.Fatalf("the open page, served by the first server, was not reloaded from the second within %s", firstBuild)
	}

	second := "Poprawka po ponownym uruchomieniu:"
	start := time.Now()
	edit(t, lsr, first, second)
	if !shows(tab, second) {
		seen, _ := evaluate[string](tab, `document.querySelector("script[data-ratusz-live]").dataset.ratuszLive`)
		t.Fatalf("after a restart the open page (served as version %s by the first server) does not show an edit %s after the write: the new server counts versions from 1 again and the page ignores them", seen, visible)
	}
	t.Logf("edit → new text visible after a restart: %s", time.Since(start).Round(time.Millisecond))
}
