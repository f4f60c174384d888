package a11ytest

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestScratch(t *testing.T) {
	root := repoRoot(t)
	axeSource, _ := os.ReadFile(npmFile(t, root, "axe-core/axe.min.js"))
	browser := startBrowser(t)
	sites := buildSites(t)
	sites[0].Pages = sites[0].Pages[:12]
	sites = sites[:1]
	eachPage(t, browser, sites, desktop, func(ctx context.Context, url string) (int, error) {
		s := time.Now()
		var d []time.Duration
		open(ctx, url)
		d = append(d, time.Since(s))
		evaluate[struct{}](ctx, string(axeSource))
		d = append(d, time.Since(s))
		for _, v := range schemes {
			emulate(ctx, v)
			d = append(d, time.Since(s))
			evaluate[struct{}](ctx, settleJS)
			d = append(d, time.Since(s))
			evaluate[axeResults](ctx, axeRun)
			d = append(d, time.Since(s))
		}
		t.Log(url, d)
		return 0, nil
	})
}
