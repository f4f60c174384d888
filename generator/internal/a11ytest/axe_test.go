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
// AA rules and keeps what the messages need.
const axeRun = `
(() => {
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
		runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
		resultTypes: ['violations'],
	}).then(r => ({violations: r.violations.map(rule), incomplete: r.incomplete.map(rule)}));
})()
`

type axeResults struct {
	Violations []axeRule `json:"violations"`
	Incomplete []axeRule `json:"incomplete"` // what axe could not decide: for a person to review
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
// dark colour scheme, and fails on any WCAG 2.1 A or AA violation.
func TestAxe(t *testing.T) {
	root := repoRoot(t)
	axeFile := npmFile(t, root, "axe-core/axe.min.js")
	axeSource, err := os.ReadFile(axeFile)
	if err != nil {
		t.Fatal(err)
	}
	browser := startBrowser(t)
	sites := buildSites(t)

	var summary ruleSummary
	results := eachPage(t, browser, sites, desktop, func(ctx context.Context, url string) (map[string]axeResults, error) {
		if err := open(ctx, url); err != nil {
			return nil, err
		}
		if _, err := evaluate[struct{}](ctx, string(axeSource)); err != nil {
			return nil, fmt.Errorf("loading %s: %w", axeFile, err)
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
				return nil, fmt.Errorf("%s scheme: %w", v.Scheme, err)
			}
			found[v.Scheme] = r
		}
		return found, nil
	})
	checked := map[string]int{}
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s %s: %v", r.Site, r.Page, r.Err)
			continue
		}
		checked[r.Site]++
		for _, v := range schemes {
			found := r.Result[v.Scheme]
			summary.add(r.Site+" "+r.Page, v.Scheme, found)
			if len(found.Violations) > 0 {
				t.Errorf("%s %s, %s (%s scheme): %d axe violations:\n%s", r.Site, r.Page, r.URL, v.Scheme, len(found.Violations), describeViolations(found.Violations))
			}
		}
	}
	for _, s := range sites {
		t.Logf("axe: %d of %d pages of the %s checked, each in the light and the dark scheme", checked[s.Name], len(s.Pages), s.Name)
	}
	if len(summary.rules) > 0 {
		t.Logf("violations by rule:\n%s", summary)
	}
	if len(summary.incomplete) > 0 {
		t.Logf("for a person to review (axe could not decide): %s", strings.Join(summary.incompleteList(), ", "))
	}
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

// ruleSummary gathers the violations of all pages by rule, to say which
// pages and schemes each rule fails on.
type ruleSummary struct {
	rules      map[string]*ruleUse
	incomplete map[string]int // rule id → pages
}

type ruleUse struct {
	Impact, Help  string
	Example       axeNode
	Nodes         int
	Light, Dark   []string // the pages
	ExamplePageAt string
}

func (s *ruleSummary) add(page, scheme string, r axeResults) {
	if s.rules == nil {
		s.rules, s.incomplete = map[string]*ruleUse{}, map[string]int{}
	}
	for _, v := range r.Violations {
		u := s.rules[v.ID]
		if u == nil {
			u = &ruleUse{Impact: v.Impact, Help: v.Help, Example: v.Nodes[0], ExamplePageAt: page + " (" + scheme + ")"}
			s.rules[v.ID] = u
		}
		u.Nodes += len(v.Nodes)
		if scheme == "dark" {
			u.Dark = append(u.Dark, page)
		} else {
			u.Light = append(u.Light, page)
		}
	}
	for _, v := range r.Incomplete {
		s.incomplete[v.ID]++
	}
}

func (s ruleSummary) String() string {
	var b strings.Builder
	for _, id := range slices.Sorted(maps.Keys(s.rules)) {
		u := s.rules[id]
		fmt.Fprintf(&b, "  %s (%s) %s: %d elements; %d pages in the light scheme, %d in the dark\n", id, u.Impact, u.Help, u.Nodes, len(u.Light), len(u.Dark))
		fmt.Fprintf(&b, "    e.g. %s: %s  %s\n", u.ExamplePageAt, u.Example.Target, shorten(u.Example.HTML, 120))
		if len(u.Light) > 0 {
			fmt.Fprintf(&b, "    light: %s\n", somePages(u.Light))
		}
		if len(u.Dark) > 0 {
			fmt.Fprintf(&b, "    dark: %s\n", somePages(u.Dark))
		}
	}
	return b.String()
}

func (s ruleSummary) incompleteList() []string {
	var list []string
	for _, id := range slices.Sorted(maps.Keys(s.incomplete)) {
		list = append(list, fmt.Sprintf("%s (%d page views)", id, s.incomplete[id]))
	}
	return list
}

// somePages lists up to a dozen pages, and how many more there are.
func somePages(pages []string) string {
	const most = 12
	if len(pages) <= most {
		return strings.Join(pages, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(pages[:most], ", "), len(pages)-most)
}
