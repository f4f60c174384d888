package a11ytest

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// reflowJS measures whether the page scrolls sideways and, if it does,
// names the elements that reach past the right edge, outermost first.
const reflowJS = selectorJS + `
(() => {
	const root = document.documentElement;
	const clientWidth = root.clientWidth, scrollWidth = root.scrollWidth;
	const wide = [];
	if (scrollWidth > clientWidth) {
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.right > clientWidth + 0.5) {
				wide.push({selector: selectorOf(el), right: Math.round(r.right), width: Math.round(r.width)});
			}
		}
	}
	return {clientWidth, scrollWidth, wide};
})()
`

type reflow struct {
	ClientWidth int           `json:"clientWidth"`
	ScrollWidth int           `json:"scrollWidth"`
	Wide        []wideElement `json:"wide"`
}

type wideElement struct {
	Selector string `json:"selector"`
	Right    int    `json:"right"`
	Width    int    `json:"width"`
}

// TestReflow320 opens every page of both sites in a viewport 320 CSS px
// wide (WCAG 1.4.10 Reflow) and fails on any page that scrolls sideways.
func TestReflow320(t *testing.T) {
	browser := startBrowser(t)
	sites := buildSites(t)
	results := eachPage(t, browser, sites, narrow, measureReflow)
	checked := map[string]int{}
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s %s: %v", r.Site, r.Page, r.Err)
			continue
		}
		checked[r.Site]++
		if r.Result.ScrollWidth > r.Result.ClientWidth {
			t.Errorf("%s %s, %s: scrolls sideways at %d px: scrollWidth %d > clientWidth %d; too wide:\n%s",
				r.Site, r.Page, r.URL, narrow.Width, r.Result.ScrollWidth, r.Result.ClientWidth, describeWide(r.Result.Wide))
		}
	}
	for _, s := range sites {
		t.Logf("reflow at %d px: %d of %d pages of the %s checked", narrow.Width, checked[s.Name], len(s.Pages), s.Name)
	}
}

// measureReflow opens url in the tab of ctx, which emulates a narrow
// viewport, and measures whether the page scrolls sideways.
func measureReflow(ctx context.Context, url string) (reflow, error) {
	if err := open(ctx, url); err != nil {
		return reflow{}, err
	}
	return evaluate[reflow](ctx, reflowJS)
}

// describeWide names the first few elements past the right edge and the
// one that reaches furthest.
func describeWide(wide []wideElement) string {
	const most = 5
	var b strings.Builder
	widest := 0
	for i, w := range wide {
		if w.Right > wide[widest].Right {
			widest = i
		}
		if i < most {
			fmt.Fprintf(&b, "    %s (right edge at %d px, %d px wide)\n", w.Selector, w.Right, w.Width)
		}
	}
	if len(wide) > most {
		fmt.Fprintf(&b, "    … %d more\n", len(wide)-most)
	}
	if len(wide) > 0 {
		w := wide[widest]
		fmt.Fprintf(&b, "    furthest: %s (right edge at %d px, %d px wide)\n", w.Selector, w.Right, w.Width)
	}
	return b.String()
}
