package generator

import (
	"context"
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator/internal/build"
	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/linkcheck"
	"github.com/ratusz/ratusz/generator/internal/markdown"
)

// ExternalOptions bound CheckExternal; zero values take the defaults.
type ExternalOptions struct {
	Timeout     time.Duration // per request; default 10 s
	Concurrency int           // requests at once; default 8
	PerHost     int           // requests at once to one host; default 2
	Client      *http.Client  // default: a client of its own
}

// ExternalLinks is what CheckExternal found.
type ExternalLinks struct {
	Checked int      // links checked (an address used twice counts twice)
	Broken  []string // "path:line: link URL: 404 Not Found", sorted
	Moved   []string // links that work through a permanent redirect

	// NetworkDown, when not "", says that no other site could be reached
	// at all (linkcheck.NetworkDown) and why: then no link is called
	// broken, since none could be tried.
	NetworkDown string
}

// CheckExternal validates the site as Check does, then requests every
// address of another site (http and https) that the published entries'
// bodies and the front-matter keys website, source and consultation.url
// link to. A build never does this. When not one of those sites can be
// reached, it says so in NetworkDown instead of calling every link broken.
func CheckExternal(ctx context.Context, cfg Config, o ExternalOptions) (ExternalLinks, error) {
	var out ExternalLinks
	p, _, err := build.Prepare(ctx, cfg, build.Kept{})
	if err != nil {
		return out, err
	}
	if err := p.Write(ctx, build.Discard{}, &Result{}); err != nil {
		return out, err
	}
	tree, errs := (*content.Cache)(nil).LoadWith(ctx, p.Config.ContentFS, content.LoadOptions{Dir: filepath.ToSlash(p.Config.Content)})
	if len(errs) > 0 {
		return out, Errors(errs.Sort())
	}
	published := map[string]bool{"_index.md": true}
	for _, e := range p.Site.Entities() {
		published[e.E().Path] = true
	}
	for _, s := range p.Site.Sections {
		published[s.Path] = s.Path != ""
	}
	dir := filepath.ToSlash(cfg.Content)
	md := markdown.New(markdown.Options{})
	var found []linkcheck.Link
	add := func(f *content.File, line int, u string) {
		if isWebAddress(u) {
			found = append(found, linkcheck.Link{Path: path.Join(dir, f.Path), Line: line, URL: strings.TrimSpace(u)})
		}
	}
	for _, f := range tree.Files {
		if !published[f.Path] {
			continue
		}
		for _, v := range []*content.Value{f.Meta.Get("website"), f.Meta.Get("source"), f.Meta.Get("consultation").Get("url")} {
			if v != nil && v.Kind == content.Scalar {
				add(f, v.Line, v.Text)
			}
		}
		res, err := md.Render(f.Body)
		if err != nil {
			continue // reported by Check
		}
		for _, l := range res.Links {
			add(f, f.BodyLine+max(l.Line, 1)-1, l.Dest)
		}
	}
	results := linkcheck.Check(ctx, found, linkcheck.Options{Timeout: o.Timeout, Concurrency: o.Concurrency, PerHost: o.PerHost, Client: o.Client})
	out.Checked = len(results)
	if reason, down := linkcheck.NetworkDown(results); down && ctx.Err() == nil {
		out.NetworkDown = reason
		return out, nil
	}
	for _, r := range results {
		switch {
		case r.Broken:
			out.Broken = append(out.Broken, r.String())
		case r.Moved != "":
			out.Moved = append(out.Moved, r.String())
		}
	}
	return out, ctx.Err()
}

func isWebAddress(u string) bool {
	u = strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")
}
