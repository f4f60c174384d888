package a11ytest

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// focusableJS defines focusables(): the elements of the page that Tab
// should reach, in document order.
const focusableJS = selectorJS + `
function focusables() {
	const candidates = 'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls], [tabindex], [contenteditable]';
	return [...document.querySelectorAll(candidates)].filter(el =>
		el.tabIndex >= 0 && !el.disabled && el.type !== 'hidden' &&
		el.checkVisibility({visibilityProperty: true}));
}
`

// focusedJS describes the focused element, or gives null when focus is on
// no element of the page.
const focusedJS = focusableJS + `
(() => {
	const el = document.activeElement;
	if (!el || el === document.body || el === document.documentElement) return null;
	const style = getComputedStyle(el);
	const box = el.getBoundingClientRect();
	return {
		index: focusables().indexOf(el),
		selector: selectorOf(el),
		text: (el.innerText || el.value || '').trim().slice(0, 60),
		href: el.getAttribute('href') || '',
		skipLink: el.matches('a.skip'),
		inMain: el.closest('main#tresc') !== null,
		outlineStyle: style.outlineStyle,
		outlineWidth: parseFloat(style.outlineWidth) || 0,
		boxShadow: style.boxShadow,
		left: box.left, top: box.top, right: box.right, bottom: box.bottom,
		viewportWidth: innerWidth, viewportHeight: innerHeight,
	};
})()
`

type focused struct {
	Index                    int     `json:"index"`
	Selector                 string  `json:"selector"`
	Text                     string  `json:"text"`
	Href                     string  `json:"href"`
	SkipLink                 bool    `json:"skipLink"`
	InMain                   bool    `json:"inMain"`
	OutlineStyle             string  `json:"outlineStyle"`
	OutlineWidth             float64 `json:"outlineWidth"`
	BoxShadow                string  `json:"boxShadow"`
	Left, Top, Right, Bottom float64
	ViewportWidth            float64 `json:"viewportWidth"`
	ViewportHeight           float64 `json:"viewportHeight"`
}

func (f *focused) String() string {
	if f == nil {
		return "nothing (the page's body)"
	}
	return fmt.Sprintf("%s %q", f.Selector, f.Text)
}

// indicator says how focus shows on the element, or "" if it does not.
func (f *focused) indicator() string {
	switch {
	case f.OutlineStyle != "none" && f.OutlineWidth > 0:
		return fmt.Sprintf("outline %s %gpx", f.OutlineStyle, f.OutlineWidth)
	case f.BoxShadow != "" && f.BoxShadow != "none":
		return "box-shadow " + f.BoxShadow
	}
	return ""
}

// inViewport says whether the element's box has a size and lies wholly in
// the viewport.
func (f *focused) inViewport() bool {
	return f.Right-f.Left > 1 && f.Bottom-f.Top > 1 &&
		f.Left >= 0 && f.Top >= 0 && f.Right <= f.ViewportWidth && f.Bottom <= f.ViewportHeight
}

// press presses a key in the tab of ctx and describes the focused element.
func press(ctx context.Context, key string) (*focused, error) {
	if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
		return nil, err
	}
	return evaluate[*focused](ctx, focusedJS)
}

// TestKeyboard tabs through the home page of the built-in site: the skip
// link comes first and shows when focused, Enter on it moves focus into
// main#tresc, every element Tab reaches shows that it has focus, and Tab
// reaches every element that should take focus.
func TestKeyboard(t *testing.T) {
	browser := startBrowser(t)
	home := buildSites(t)[0].URL + "/"
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	problems, reached, err := tabThrough(ctx, home)
	if err != nil {
		t.Fatalf("%s: %v", home, err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", home, p)
	}
	t.Logf("keyboard: %d elements of the home page reached by Tab", reached)
}

// tabThrough opens page in the tab of ctx and presses Tab until focus
// leaves the page or comes back to the first element, then opens it again
// and presses Tab and Enter. It returns what fails of the checks that
// TestKeyboard lists, and how many elements Tab reached.
func tabThrough(ctx context.Context, page string) (problems []string, reached int, err error) {
	if err := emulate(ctx, desktop); err != nil {
		return nil, 0, err
	}
	if err := open(ctx, page); err != nil {
		return nil, 0, err
	}
	want, err := evaluate[[]string](ctx, focusableJS+`focusables().map(selectorOf)`)
	if err != nil {
		return nil, 0, err
	}
	first, err := press(ctx, "\t")
	if err != nil {
		return nil, 0, err
	}
	switch {
	case first == nil || !first.SkipLink:
		problems = append(problems, fmt.Sprintf("the first Tab focuses %s, not the skip link a.skip", first))
	case first.Href != "#tresc":
		problems = append(problems, fmt.Sprintf("the skip link %s goes to %q, not #tresc", first, first.Href))
	case !first.inViewport():
		problems = append(problems, fmt.Sprintf("the focused skip link is not visible: its box is (%g,%g)–(%g,%g) in a %g×%g viewport",
			first.Left, first.Top, first.Right, first.Bottom, first.ViewportWidth, first.ViewportHeight))
	}

	seen := map[int]bool{}
	for f, presses := first, 1; f != nil && presses <= len(want)+2; presses++ {
		if f.indicator() == "" {
			problems = append(problems, fmt.Sprintf("no visible focus on %s: outline-style %s, outline-width %gpx, box-shadow %s", f, f.OutlineStyle, f.OutlineWidth, f.BoxShadow))
		}
		seen[f.Index] = true
		reached++
		if f, err = press(ctx, "\t"); err != nil {
			return nil, 0, err
		}
		if f != nil && f.Index == first.Index {
			break
		}
	}
	for i, sel := range want {
		if !seen[i] {
			problems = append(problems, fmt.Sprintf("Tab never reaches %s (one of %d focusable elements)", sel, len(want)))
		}
	}

	if first == nil || !first.SkipLink {
		return problems, reached, nil
	}
	if err := open(ctx, page); err != nil {
		return nil, 0, err
	}
	if _, err := press(ctx, "\t"); err != nil {
		return nil, 0, err
	}
	after, err := press(ctx, "\r")
	if err != nil {
		return nil, 0, err
	}
	if after == nil || !after.InMain {
		problems = append(problems, fmt.Sprintf("Enter on the skip link leaves focus on %s, not in main#tresc", after))
	}
	return problems, reached, nil
}
