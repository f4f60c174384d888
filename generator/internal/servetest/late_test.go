package servetest

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"

	"github.com/ratusz/ratusz/generator"
)

// liveScript matches what serve adds to a page, which carries the version
// the page was served with.
var liveScript = regexp.MustCompile(`(?s)<script data-ratusz-live=.*?</script>\n?`)

// TestServeTellsALatePageWhatChanged: a page whose event stream connects
// only after its file changed, and after another page changed too, still
// shows the change. The browser holds the page's request for the stream
// until both rebuilds are done.
func TestServeTellsALatePageWhatChanged(t *testing.T) {
	browser := startBrowser(t)
	dir := copySite(t)
	lsr := filepath.Join(dir, "content", "documents", "lsr.md")
	about := filepath.Join(dir, "content", "pages", "o-serwisie.md")
	cfg := generator.Config{Content: filepath.Join(dir, "content"), Static: filepath.Join(dir, "static"), Now: june2021}
	srv := serve(t, cfg)
	changes := follow(t, srv, "/")
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	errs := watchErrors(tab, t)
	defer func() {
		for _, e := range errs.list() {
			t.Errorf("the page threw: %s", e)
		}
	}()

	held := make(chan fetch.RequestID, 8)
	if err := chromedp.Listen(tab, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			select {
			case held <- e.RequestID:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*__ratusz/events*", RequestStage: fetch.RequestStageRequest}}}); err != nil {
		t.Fatalf("holding the event stream's request: %v", err)
	}
	if err := open(tab, srv.url+"/dokumenty/lsr/"); err != nil {
		t.Fatalf("opening /dokumenty/lsr/: %v", err)
	}
	var id fetch.RequestID
	select {
	case id = <-held:
	case <-time.After(visible):
		t.Fatal("the page does not ask for its event stream")
	}

	page := func(p string) string {
		res, _ := get(srv.addr, p)
		return liveScript.ReplaceAllString(res.body, "")
	}
	sentence := "Strategia ma po poprawce trzy cele:"
	edit(t, lsr, "Strategia ma trzy cele:", sentence)
	changes.waitPage(t, "/dokumenty/lsr/")
	before := page("/dokumenty/lsr/")
	if !strings.Contains(before, sentence) {
		t.Fatal("the server does not serve the edit of lsr.md after rebuilding /dokumenty/lsr/")
	}
	edit(t, about, "Serwis testowy.", "Serwis testowy po poprawce.")
	changes.waitPage(t, "/o-serwisie/")
	if !strings.Contains(page("/o-serwisie/"), "po poprawce") {
		t.Fatal("the server does not serve the edit of o-serwisie.md after rebuilding /o-serwisie/")
	}
	if page("/dokumenty/lsr/") != before {
		t.Fatal("editing o-serwisie.md changed /dokumenty/lsr/ too; the test needs an edit that does not")
	}

	if _, err := chromedp.Call(tab, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
		t.Fatalf("letting the event stream's request go: %v", err)
	}
	if _, err := chromedp.Call(tab, fetch.Disable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if !shows(tab, sentence) {
		t.Fatalf("the page served before two rebuilds, whose event stream connected after them, does not show the change to its own file %s later: the stream sends only the latest change, which lists /o-serwisie/ and not this page", visible)
	}
	t.Logf("the late page reloaded %s after its stream connected", time.Since(start).Round(time.Millisecond))
}
