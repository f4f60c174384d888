package a11ytest

import (
	"context"
	"strings"
	"testing"
)

// factsJS finds the lists of terms and values (<dl>) whose values do not
// all start at one left edge, or whose terms do not: a value that the
// grid of the facts puts in the terms' column shifts every row after it.
const factsJS = selectorJS + `
(() => {
	const bad = [];
	let lists = 0;
	for (const dl of document.querySelectorAll('dl')) {
		const edges = tag => [...dl.children].filter(c => c.tagName === tag)
			.map(c => ({el: c, left: Math.round(c.getBoundingClientRect().left)}));
		const dds = edges('DD'), dts = edges('DT');
		if (dds.length === 0) continue;
		lists++;
		for (const [name, list] of [['dd', dds], ['dt', dts]]) {
			const off = list.find(x => Math.abs(x.left - list[0].left) > 1);
			if (off) {
				bad.push(selectorOf(dl) + ': <' + name + '> "' + off.el.textContent.trim().slice(0, 40) +
					'" starts at ' + off.left + ' px, the first at ' + list[0].left + ' px');
			}
		}
		if (dts.length && dds[0].left <= dts[0].left) {
			bad.push(selectorOf(dl) + ': the values start at ' + dds[0].left + ' px, not right of the terms at ' + dts[0].left + ' px');
		}
	}
	return {lists, bad};
})()
`

type factsLayout struct {
	Lists int      `json:"lists"`
	Bad   []string `json:"bad"`
}

// TestFactsKeepTheirColumns opens every page of both sites at 1280 px,
// where the facts of an entry are a grid of two columns, and fails on a
// list whose values (<dd>) do not share one left edge to the right of its
// terms (<dt>): every page kind has such a list, a meeting's with two
// values for its date (the day and the calendar link).
func TestFactsKeepTheirColumns(t *testing.T) {
	browser := startBrowser(t)
	sites := buildSites(t)
	results := eachPage(t, browser, sites, desktop, func(ctx context.Context, url string) (factsLayout, error) {
		if err := open(ctx, url); err != nil {
			return factsLayout{}, err
		}
		return evaluate[factsLayout](ctx, factsJS)
	})
	lists := 0
	meetings := 0
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s %s: %v", r.Site, r.Page, r.Err)
			continue
		}
		lists += r.Result.Lists
		if strings.HasPrefix(r.Page, "/spotkania/") && r.Page != "/spotkania/" && r.Result.Lists > 0 {
			meetings++
		}
		for _, b := range r.Result.Bad {
			t.Errorf("%s %s: %s", r.Site, r.Page, b)
		}
	}
	if lists == 0 || meetings == 0 {
		t.Errorf("%d lists of facts, %d on meeting pages: the test checks nothing", lists, meetings)
	}
}
