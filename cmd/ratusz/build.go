package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ratusz/ratusz/generator"
)

// siteFlags are the flags build, check and serve share.
type siteFlags struct {
	settings, content, layouts, static, out, baseURL, now string
	cache                                                 string
	drafts, future, quiet, minify, noCache                bool
}

func (f *siteFlags) register(fs *flag.FlagSet, withOut bool) {
	fs.StringVar(&f.settings, "config", "ratusz.toml", "the site configuration `file` (used if it exists): whose site it is and how it is published")
	fs.StringVar(&f.content, "content", "content", "the content `folder`")
	fs.StringVar(&f.layouts, "layouts", "layouts", "the site's own layouts `folder` (used if it exists); each file replaces the built-in one of the same name")
	fs.StringVar(&f.static, "static", "static", "`folder` copied to the output as is (used if it exists)")
	if withOut {
		fs.StringVar(&f.out, "out", "public", "output `folder`; replaced as a whole only when the build succeeds")
		fs.StringVar(&f.cache, "cache", "", "the build cache `folder`, never inside the output (default .ratusz-cache beside the content folder)")
		fs.BoolVar(&f.noCache, "no-cache", false, "ignore the build cache and build everything")
	}
	fs.StringVar(&f.baseURL, "base-url", "", "absolute `URL` or path prefix the site is served under (default base_url of ratusz.toml, else /)")
	fs.BoolVar(&f.drafts, "drafts", false, "include drafts")
	fs.BoolVar(&f.future, "future", false, "include entries whose publish date is still to come")
	fs.StringVar(&f.now, "now", "", "the `date` (YYYY-MM-DD) the build treats as today (default today, Europe/Warsaw)")
	fs.BoolVar(&f.quiet, "quiet", false, "print only errors")
	fs.BoolVar(&f.minify, "minify", true, "minify pages, stylesheets, scripts, SVG, the sitemap, feeds and JSON; -minify=false for readable output")
}

// config turns the flags into a generator.Config.
func (f *siteFlags) config(set map[string]bool) (generator.Config, error) {
	cfg := generator.Config{Content: f.content, Out: f.out, BaseURL: f.baseURL, Drafts: f.drafts, Future: f.future, Minify: f.minify}
	if err := checkBaseURL(f.baseURL); err != nil {
		return cfg, err
	}
	var err error
	if cfg.Cache, err = f.cacheDir(); err != nil {
		return cfg, err
	}
	if cfg.Layouts, err = optionalDir("-layouts", f.layouts, set["layouts"]); err != nil {
		return cfg, err
	}
	if cfg.Static, err = optionalDir("-static", f.static, set["static"]); err != nil {
		return cfg, err
	}
	if cfg.Settings, err = optionalFile("-config", f.settings, set["config"]); err != nil {
		return cfg, err
	}
	warsaw, err := time.LoadLocation("Europe/Warsaw")
	if err != nil {
		return cfg, err
	}
	if f.now == "" {
		cfg.Now = time.Now().In(warsaw)
	} else {
		t, err := time.ParseInLocation(time.DateOnly, f.now, warsaw)
		if err != nil {
			return cfg, usageErr("-now %q is not a date; write it as YYYY-MM-DD", f.now)
		}
		cfg.Now = t
	}
	return cfg, nil
}

// cacheDir is the build cache folder the flags name, "" for none: the
// default is .ratusz-cache beside the content folder, so that a site
// keeps one whichever folder the build is run from (generator.Build
// refuses one inside the output, which a build replaces).
func (f *siteFlags) cacheDir() (string, error) {
	if f.noCache {
		return "", nil
	}
	if f.cache != "" {
		return f.cache, nil
	}
	return defaultCache(f.content), nil
}

// defaultCache is the build cache folder of a site: .ratusz-cache beside
// its content folder. serve keeps its git history there too, so that each
// rebuild does not read the whole history again; check writes nothing.
func defaultCache(content string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(content)), ".ratusz-cache")
}

// optionalDir returns dir if it exists; a folder named explicitly must exist.
func optionalDir(flagName, dir string, explicit bool) (string, error) {
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return dir, nil
	case explicit:
		return "", usageErr("%s %s: no such folder", flagName, dir)
	}
	return "", nil
}

// optionalFile returns name if it is a file; a file named explicitly must
// exist.
func optionalFile(flagName, name string, explicit bool) (string, error) {
	info, err := os.Stat(name)
	switch {
	case err == nil && !info.IsDir():
		return name, nil
	case explicit:
		return "", usageErr("%s %s: no such file", flagName, name)
	}
	return "", nil
}

// checkBaseURL refuses a -base-url that is neither an absolute URL nor a
// path (generator.CheckBaseURL).
func checkBaseURL(raw string) error {
	if err := generator.CheckBaseURL(raw); err != nil {
		return usageErr("-base-url %v", err)
	}
	return nil
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f siteFlags
	fs := newFlagSet("build")
	f.register(fs, true)
	set, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	cfg, err := f.config(set)
	if err != nil {
		return err
	}
	line := newProgressLine(stderr, f.quiet)
	if line != nil {
		cfg.Progress = line.report
	}
	defer limitMemory(&cfg)()
	res, err := generator.Build(ctx, cfg)
	line.clear()
	return report(res, err, f.quiet, true, stderr)
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f siteFlags
	fs := newFlagSet("check")
	f.register(fs, false)
	external := fs.Bool("external", false, "also request every link to another site and report the broken ones")
	set, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	cfg, err := f.config(set)
	if err != nil {
		return err
	}
	cfg.Cache = "" // check writes nothing
	line := newProgressLine(stderr, f.quiet)
	if line != nil {
		cfg.Progress = line.report
	}
	defer limitMemory(&cfg)()
	if *external {
		return checkExternal(ctx, cfg, generator.ExternalOptions{}, f.quiet, stderr)
	}
	res, err := generator.Check(ctx, cfg)
	line.clear()
	return report(res, err, f.quiet, false, stderr)
}

// checkExternal is check -external: the content is checked first; then
// every broken link to another site is printed, one a line, and makes
// the exit status 1. When no other site can be reached at all, one line
// says so, and the exit status is 1 too: nothing could be checked.
func checkExternal(ctx context.Context, cfg generator.Config, o generator.ExternalOptions, quiet bool, stderr io.Writer) error {
	res, err := generator.CheckExternal(ctx, cfg, o)
	if err != nil {
		return report(generator.Result{}, err, quiet, false, stderr)
	}
	if res.NetworkDown != "" {
		return &exitError{1, fmt.Errorf("the network is unreachable, so none of the %d external %s could be checked (%s)", res.Checked, plural(res.Checked, "link", "links"), res.NetworkDown)}
	}
	for _, b := range res.Broken {
		fmt.Fprintln(stderr, b)
	}
	if !quiet {
		for _, m := range res.Moved {
			fmt.Fprintln(stderr, "note:", m)
		}
	}
	if len(res.Broken) > 0 {
		return &exitError{1, fmt.Errorf("%d of %d external %s broken", len(res.Broken), res.Checked, plural(res.Checked, "link", "links"))}
	}
	if !quiet {
		fmt.Fprintf(stderr, "ratusz: checked %d external %s, none broken\n", res.Checked, plural(res.Checked, "link", "links"))
	}
	return nil
}

// report prints a build's errors one a line, or its warnings and then one
// line of summary: entries, pages, time and warnings. build says whether
// it was a build, which writes (and on errors wrote nothing), or a check.
func report(res generator.Result, err error, quiet, build bool, stderr io.Writer) error {
	var errs generator.Errors
	switch {
	case errors.As(err, &errs):
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		summary := fmt.Sprintf("%d %s", len(errs), plural(len(errs), "error", "errors"))
		if build {
			summary += "; nothing was written"
		}
		return &exitError{1, errors.New(summary)}
	case generator.IsUsage(err):
		return &exitError{2, err}
	case err != nil:
		return err
	}
	if quiet {
		return nil
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	verb := "checked"
	if build {
		verb = "built"
	}
	fmt.Fprintf(stderr, "ratusz: %s %d %s, %d %s in %s, %d %s\n", verb,
		res.Entries, plural(res.Entries, "entry", "entries"),
		res.Pages, plural(res.Pages, "page", "pages"),
		res.Duration.Round(time.Millisecond),
		len(res.Warnings), plural(len(res.Warnings), "warning", "warnings"))
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
