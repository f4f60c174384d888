// Package browser starts Debian's headless Chromium for the tests that look
// at ratusz's pages as a reader's browser does (generator/internal/a11ytest,
// generator/internal/servetest). It never downloads a browser: it finds
// $RATUSZ_CHROMIUM, /usr/bin/chromium or chromium on $PATH. When a tool is
// missing, a test is skipped with what to install — or fails, when the CI
// environment variable is set, since CI must run every test.
package browser

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// RepoRoot is the folder of the module's go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.HasPrefix(string(data), "module github.com/ratusz/ratusz\n") {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod of github.com/ratusz/ratusz above the test's folder")
		}
		dir = parent
	}
}

// Missing skips the test because a tool it needs is not installed, or
// fails it on CI, where every tool must be there.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if ci := os.Getenv("CI"); ci != "" && ci != "0" && ci != "false" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// Chromium finds Debian's chromium: $RATUSZ_CHROMIUM, else
// /usr/bin/chromium, else chromium on $PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("RATUSZ_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			Missing(t, "RATUSZ_CHROMIUM names no browser: %v", err)
		}
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	Missing(t, "no chromium at /usr/bin/chromium or on $PATH, and no $RATUSZ_CHROMIUM: install Debian's, as root: apt-get install chromium fonts-dejavu-core (.ci/run does)")
	return ""
}

// Start starts headless chromium with a fresh profile, closed network
// habits and the given extra flags, for at most timeout, and returns the
// browser's context; chromedp.NewContext on it opens a tab. The browser
// stops when the test ends.
func Start(t testing.TB, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	exe := Chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	var log Buffer
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.Flag("mute-audio", true),
		chromedp.CombinedOutput(&log),
	}, extra...)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	b, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		chromedp.Cancel(b)
		cancelBrowser()
		cancelAlloc()
		cancel()
	})
	if err := chromedp.Do(b); err != nil {
		t.Fatalf("starting %s: %v\n%s", exe, err, log.String())
	}
	return b
}

// Open loads url in the tab of ctx, waits for its load event and checks
// that it answered 200.
func Open(ctx context.Context, url string) error {
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		return err
	}
	if resp == nil {
		return fmt.Errorf("%s: no response (the page navigated away)", url)
	}
	if resp.Status != 200 {
		return fmt.Errorf("HTTP %d %s", resp.Status, resp.StatusText)
	}
	return nil
}

// Buffer collects output that other goroutines write: the browser's, a
// server's log.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
