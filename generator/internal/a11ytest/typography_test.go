package a11ytest

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/ratusz/ratusz/generator"
)

// maxMeasure is the most characters a line of body text may hold: the
// width of its block in the width of a "0" of its font (CSS ch).
const maxMeasure = 75

// measureJS measures, in ch of each one's own font, the blocks of body
// text in main: paragraphs, list items, values of the facts and quotes,
// not tables. A "0" is measured as a hundred of them in the block's font.
const measureJS = selectorJS + `
(() => {
	const blocks = [];
	for (const el of document.querySelectorAll('main p, main li, main dd, main blockquote')) {
		if (el.closest('table, pre') || el.getClientRects().length === 0) continue;
		const cs = getComputedStyle(el);
		const zeros = document.createElement('span');
		zeros.textContent = '0'.repeat(100);
		zeros.style.whiteSpace = 'pre';
		zeros.style.position = 'absolute';
		zeros.style.visibility = 'hidden';
		el.appendChild(zeros);
		const ch = zeros.getBoundingClientRect().width / 100;
		zeros.remove();
		const width = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
		blocks.push({selector: selectorOf(el), text: el.textContent.trim().slice(0, 40), measure: width / ch});
	}
	return blocks;
})()
`

type textBlock struct {
	Selector string  `json:"selector"`
	Text     string  `json:"text"`
	Measure  float64 `json:"measure"`
}

// TestMeasure75 opens every page of both sites at 1280 px, where the main
// column is widest, and fails on any block of body text wider than 75
// characters of its font.
func TestMeasure75(t *testing.T) {
	browser := startBrowser(t)
	sites := buildSites(t)
	results := eachPage(t, browser, sites, desktop, func(ctx context.Context, url string) ([]textBlock, error) {
		if err := open(ctx, url); err != nil {
			return nil, err
		}
		return evaluate[[]textBlock](ctx, measureJS)
	})
	var widest textBlock
	blocks := 0
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s %s: %v", r.Site, r.Page, r.Err)
			continue
		}
		for _, b := range r.Result {
			blocks++
			if b.Measure > widest.Measure {
				widest = b
			}
			if b.Measure > maxMeasure+0.5 {
				t.Errorf("%s %s: %s (%q…) holds %.1f characters a line at %d px, more than %d",
					r.Site, r.Page, b.Selector, b.Text, b.Measure, desktop.Width, maxMeasure)
			}
		}
	}
	// The widest block is the main column's paragraphs: as wide as the
	// measure allows, not narrowed past reading.
	if widest.Measure < 60 {
		t.Errorf("the widest block of text, %s (%q…), holds %.1f characters a line at %d px: the test measures nothing wide",
			widest.Selector, widest.Text, widest.Measure, desktop.Width)
	}
	t.Logf("%d blocks of text; the widest, %s (%q…), holds %.1f characters a line", blocks, widest.Selector, widest.Text, widest.Measure)
}

// shortWordsJS finds, in each text node a reader reads (not code,
// scripts, styles, hidden text), every one-letter word followed by white
// space and a word: those not bound with a no-break space, which a line
// may end with, and those bound whose letter and next word are not on one
// line all the same (Range.getClientRects).
const shortWordsJS = selectorJS + `
(() => {
	const word = /(^|[^\p{L}\p{N}\p{M}\-_.'’\/@\\])([aiouwzAIOUWZ])([\s]+)(?=\S)/gu;
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
		acceptNode: n => n.parentElement.closest('code, pre, kbd, samp, script, style, textarea, svg, [hidden], .visually-hidden')
			? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
	});
	let bound = 0;
	const unbound = [], split = [];
	const rectOf = (node, from, to) => {
		const r = document.createRange();
		r.setStart(node, from);
		r.setEnd(node, to);
		return r.getClientRects()[0];
	};
	for (let n; (n = walker.nextNode());) {
		const text = n.data;
		for (const m of text.matchAll(word)) {
			const at = m.index + m[1].length, after = at + 1 + m[3].length;
			const context = text.slice(Math.max(0, at - 20), at + 20).trim();
			if (m[3] !== '\u00a0') {
				unbound.push(selectorOf(n.parentElement) + ': "' + context + '"');
				continue;
			}
			bound++;
			const letter = rectOf(n, at, at + 1), next = rectOf(n, after, after + 1);
			if (!letter || !next) continue;
			if (Math.abs(letter.top - next.top) > 1) {
				split.push(selectorOf(n.parentElement) + ': "' + context + '"');
			}
		}
	}
	return {bound, unbound, split};
})()
`

type shortWords struct {
	Bound   int      `json:"bound"`
	Unbound []string `json:"unbound"`
	Split   []string `json:"split"`
}

// TestShortWordsKeepTheirWord opens every page of both sites at 320 px,
// where lines are shortest and break most, and fails on a one-letter word
// (a, i, o, u, w, z) in the text of a page that is not bound to the word
// after it by a no-break space, and on one that is but still ends a line.
func TestShortWordsKeepTheirWord(t *testing.T) {
	browser := startBrowser(t)
	sites := buildSites(t)
	results := eachPage(t, browser, sites, narrow, func(ctx context.Context, url string) (shortWords, error) {
		if err := open(ctx, url); err != nil {
			return shortWords{}, err
		}
		return evaluate[shortWords](ctx, shortWordsJS)
	})
	bound := map[string]int{}
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s %s: %v", r.Site, r.Page, r.Err)
			continue
		}
		bound[r.Site] += r.Result.Bound
		for _, u := range r.Result.Unbound {
			t.Errorf("%s %s: a one-letter word not bound to the next: %s", r.Site, r.Page, u)
		}
		for _, s := range r.Result.Split {
			t.Errorf("%s %s: a one-letter word ends a line at %d px although bound: %s", r.Site, r.Page, narrow.Width, s)
		}
	}
	for _, s := range sites {
		if bound[s.Name] < 50 {
			t.Errorf("the %s: %d one-letter words bound in all its pages; the test checks too little", s.Name, bound[s.Name])
		}
		t.Logf("the %s: %d one-letter words bound", s.Name, bound[s.Name])
	}
}

// A title shown with a no-break space on its page is found by a query
// typed with an ordinary space, and by one pasted from the page.
func TestSearchFindsBoundTitles(t *testing.T) {
	root := repoRoot(t)
	base := serveSite(t, generator.Config{Content: filepath.Join(root, "content"), Settings: filepath.Join(root, "ratusz.toml"), Static: filepath.Join(root, "static")})
	b := startBrowser(t)
	ctx, cancel := chromedp.NewContext(b)
	defer cancel()
	if err := emulate(ctx, desktop); err != nil {
		t.Fatal(err)
	}
	const title = "Lokalna Grupa Wsparcia w Zabrzu"
	if err := open(ctx, base+"/partnerstwa/lgw-zabrze/"); err != nil {
		t.Fatal(err)
	}
	shown, err := evaluate[string](ctx, `document.querySelector('h1').textContent`)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(title, "w ", "w\u00a0", 1); shown != want {
		t.Fatalf("the page's heading is %q, want %q", shown, want)
	}
	openSearch(t, ctx, base+"/szukaj/")
	s, err := typeQuery(ctx, "wsparcia w zabrzu")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(s.Titles, title) {
		t.Errorf("%q does not find %q; found %q", "wsparcia w zabrzu", title, s.Titles)
	}
	// Typing cannot make a no-break space: it comes pasted.
	for _, q := range []string{shown, "Wsparcia w\u00a0Zabrzu"} {
		s, err := pasteQuery(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(s.Titles, title) {
			t.Errorf("%q pasted does not find %q; found %q", q, title, s.Titles)
		}
	}
}

// pasteQuery puts q in the search field as pasting does, at once, and
// waits until the live region answers it.
func pasteQuery(ctx context.Context, q string) (searchState, error) {
	quoted, err := json.Marshal(q)
	if err != nil {
		return searchState{}, err
	}
	paste := `(() => {
		const input = document.getElementById('szukaj-pole');
		document.getElementById('szukaj-stan').textContent = '';
		input.value = ` + string(quoted) + `;
		input.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste'}));
		return true;
	})()`
	if _, err := evaluate[bool](ctx, paste); err != nil {
		return searchState{}, err
	}
	return waitStatus(ctx, q)
}
