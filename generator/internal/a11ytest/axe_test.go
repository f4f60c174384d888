package a11ytest

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// axeRun runs axe-core on the page with the WCAG 2.0 and 2.1 level A and
// AA rules and the best-practice rules (one h1, heading order, landmarks),
// all of which must pass. It keeps what the messages need.
const axeRun = `
(() => {
	const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
	const isWCAG = v => v.tags.some(tag => wcag.includes(tag));
	const rule = v => ({
		id: v.id,
		impact: v.impact || '',
		help: v.help,
		nodes: v.nodes.map(n => ({
			target: n.target.flat(Infinity).join(' '),
			html: n.html,
			summary: n.failureSummary || '',
		})),
	});
	return axe.run(document, {
		runOnly: {type: 'tag', values: [...wcag, 'best-practice']},
		resultTypes: ['violations'],
	}).then(r => ({
		violations: r.violations.filter(isWCAG).map(rule),
		advisories: r.violations.filter(v => !isWCAG(v)).map(rule),
		incomplete: r.incomplete.filter(isWCAG).map(rule),
		checked: [...r.passes, ...r.violations, ...r.incomplete].map(v => v.id),
	}));
})()
`

type axeResults struct {
	Violations []axeRule `json:"violations"` // of a WCAG 2.1 A or AA rule
	Advisories []axeRule `json:"advisories"` // of a best-practice rule only
	Incomplete []axeRule `json:"incomplete"` // WCAG rules axe could not decide, for a person to review
	Checked    []string  `json:"checked"`    // the rules that applied to the page
}

type axeRule struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	Nodes  []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

// schemes are the colour schemes every page is checked in: contrast must
// hold in both.
var schemes = []view{desktop, dark}

// settleJS waits, after a change of colour scheme, for the page to be
// restyled and for any transition the change started to end (at most two
// seconds), so that axe sees the final colours.
const settleJS = `
new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))
	.then(() => Promise.race([
		Promise.all(document.getAnimations().map(a => a.finished.catch(() => {}))),
		new Promise(resolve => setTimeout(resolve, 2000)),
	]))
	.then(() => true)
`

// TestAxe runs axe-core on every page of both sites, in the light and the
// dark colour scheme, and fails on any WCAG 2.1 A or AA violation and on
// any best-practice one (one h1, heading order, landmarks).
func TestAxe(t *testing.T) {
	root := repoRoot(t)
	axeSource, err := os.ReadFile(npmFile(t, root, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	browser := startBrowser(t)
	sites := buildSites(t)

	results := eachPage(t, browser, sites, desktop, func(ctx context.Context, url string) (map[string]axeResults, error) {
		return runAxe(ctx, url, axeSource)
	})
	var violations, advisories ruleSummary
	incomplete := map[string]int{}
	checked := map[string]int{}
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s %s: %v", r.Site, r.Page, r.Err)
			continue
		}
		checked[r.Site]++
		for _, v := range schemes {
			found := r.Result[v.Scheme]
			where := fmt.Sprintf("%s %s (%s scheme)", r.Site, r.Page, v.Scheme)
			violations.add(r.Site+" "+r.Page, v.Scheme, found.Violations)
			advisories.add(r.Site+" "+r.Page, v.Scheme, found.Advisories)
			for _, rule := range found.Incomplete {
				incomplete[rule.ID]++
			}
			if len(found.Violations) > 0 {
				t.Errorf("%s, %s: %d axe violations:\n%s", where, r.URL, len(found.Violations), describeViolations(found.Violations))
			}
			// The theme promises one h1, no skipped heading level and
			// every part of the page in a landmark, whatever editors
			// write; axe files these under best practice.
			if len(found.Advisories) > 0 {
				t.Errorf("%s, %s: %d axe best-practice violations:\n%s", where, r.URL, len(found.Advisories), describeViolations(found.Advisories))
			}
			if !slices.Contains(found.Checked, "color-contrast") {
				t.Errorf("%s, %s: axe checked no text contrast (ran %v)", where, r.URL, found.Checked)
			}
		}
	}
	for _, s := range sites {
		t.Logf("axe: %d of %d pages of the %s checked, each in the light and the dark scheme", checked[s.Name], len(s.Pages), s.Name)
	}
	if len(violations) > 0 {
		t.Logf("WCAG violations by rule:\n%s", violations)
	}
	if len(advisories) > 0 {
		t.Logf("best-practice violations by rule:\n%s", advisories)
	}
	for _, id := range slices.Sorted(maps.Keys(incomplete)) {
		t.Logf("axe could not decide %s on %d page views: for a person to review", id, incomplete[id])
	}
}

// runAxe opens url in the tab of ctx, loads axe-core into it and runs it
// in each colour scheme of schemes; the results are by scheme name.
func runAxe(ctx context.Context, url string, axeSource []byte) (map[string]axeResults, error) {
	if err := emulate(ctx, schemes[0]); err != nil {
		return nil, err
	}
	if err := open(ctx, url); err != nil {
		return nil, err
	}
	if _, err := evaluate[struct{}](ctx, string(axeSource)); err != nil {
		return nil, fmt.Errorf("loading axe-core: %w", err)
	}
	found := map[string]axeResults{}
	for _, v := range schemes {
		if err := emulate(ctx, v); err != nil {
			return nil, err
		}
		if _, err := evaluate[struct{}](ctx, settleJS); err != nil {
			return nil, err
		}
		r, err := evaluate[axeResults](ctx, axeRun)
		if err != nil {
			return nil, fmt.Errorf("axe in the %s scheme: %w", v.Scheme, err)
		}
		found[v.Scheme] = r
	}
	return found, nil
}

func describeViolations(rules []axeRule) string {
	var b strings.Builder
	for _, r := range rules {
		fmt.Fprintf(&b, "  %s (%s): %s\n", r.ID, r.Impact, r.Help)
		for _, n := range r.Nodes {
			fmt.Fprintf(&b, "    %s  %s\n", n.Target, shorten(n.HTML, 160))
			for _, line := range strings.Split(strings.TrimSpace(n.Summary), "\n") {
				fmt.Fprintf(&b, "      %s\n", strings.TrimSpace(line))
			}
		}
	}
	return b.String()
}

// ruleSummary gathers the findings of all pages by rule id, to say which
// pages and schemes each rule fails on.
type ruleSummary map[string]*ruleUse

type ruleUse struct {
	Impact, Help string
	Example      axeNode
	ExampleWhere string
	Nodes        int
	Light, Dark  []string // the pages it fails on
}

func (s *ruleSummary) add(page, scheme string, rules []axeRule) {
	if *s == nil {
		*s = ruleSummary{}
	}
	for _, r := range rules {
		u := (*s)[r.ID]
		if u == nil {
			u = &ruleUse{Impact: r.Impact, Help: r.Help, ExampleWhere: page + " (" + scheme + " scheme)"}
			if len(r.Nodes) > 0 {
				u.Example = r.Nodes[0]
			}
			(*s)[r.ID] = u
		}
		u.Nodes += len(r.Nodes)
		if scheme == "dark" {
			u.Dark = append(u.Dark, page)
		} else {
			u.Light = append(u.Light, page)
		}
	}
}

func (s ruleSummary) String() string {
	var b strings.Builder
	for _, id := range slices.Sorted(maps.Keys(s)) {
		u := s[id]
		fmt.Fprintf(&b, "  %s (%s) %s: %d elements; %d pages in the light scheme, %d in the dark\n", id, u.Impact, u.Help, u.Nodes, len(u.Light), len(u.Dark))
		fmt.Fprintf(&b, "    e.g. %s: %s  %s\n", u.ExampleWhere, u.Example.Target, shorten(u.Example.HTML, 120))
		if len(u.Light) > 0 {
			fmt.Fprintf(&b, "    light: %s\n", somePages(u.Light))
		}
		if len(u.Dark) > 0 {
			fmt.Fprintf(&b, "    dark: %s\n", somePages(u.Dark))
		}
	}
	return b.String()
}

// somePages lists up to a dozen pages, and how many more there are.
func somePages(pages []string) string {
	const most = 12
	if len(pages) <= most {
		return strings.Join(pages, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(pages[:most], ", "), len(pages)-most)
}
