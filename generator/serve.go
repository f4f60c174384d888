package generator

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"

	"github.com/ratusz/ratusz/generator/internal/rebuild"
	"github.com/ratusz/ratusz/generator/internal/render"
	"github.com/ratusz/ratusz/generator/internal/serve"
)

// ServeOptions are what Serve needs besides the site's Config.
type ServeOptions struct {
	Listener net.Listener // where to serve; Serve closes it
	Log      io.Writer    // rebuilds and problems; nil for none
}

// Serve builds the site in memory and serves it on o.Listener, rebuilding
// whenever the content, layouts or static folder changes, until ctx is
// done. Content and layout errors never stop it: they are printed to o.Log
// and shown on every page until they are fixed. See package serve.
func Serve(ctx context.Context, cfg Config, o ServeOptions) error {
	base, err := render.BasePath(cfg.SiteBaseURL())
	if err != nil {
		o.Listener.Close()
		return &UsageError{Err: fmt.Errorf("-base-url %v", err)}
	}
	if info, err := os.Stat(cfg.Content); err != nil || !info.IsDir() {
		o.Listener.Close()
		return &UsageError{Err: fmt.Errorf("content folder %s not found; run ratusz in a site folder that has content/, or give -content", cfg.Content)}
	}
	r := rebuild.New(cfg, o.Log) // re-reads changed files, re-renders affected pages
	s := serve.New(serve.Options{
		Base:   base,
		Build:  r.Build,
		Finish: r.Finish,
		Watch:  []string{cfg.Content, cfg.Layouts, cfg.Static},
		Log:    o.Log,
	})
	return s.Run(ctx, o.Listener)
}
