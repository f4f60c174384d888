// Package generator is the one door into ratusz: Build turns a site folder
// into a published site, Check validates it without writing anything,
// Serve keeps it built in memory while an editor works on it, Scaffold
// starts a new entry.
//
// Data flows one way: the content tree (io/fs) is read and split into front
// matter and body (internal/content), typed, validated and cross-referenced
// into an immutable site model (internal/site), rendered through
// html/template layouts in parallel (internal/render, internal/markdown) and
// written out (internal/output): into a temporary folder that replaces the
// output folder only when the whole build has succeeded. internal/build
// holds that pipeline, internal/rebuild the dev server's choice of what a
// change needs rendered again; this package only opens the doors.
package generator

import (
	"context"
	"errors"
	"time"
	_ "time/tzdata" // Europe/Warsaw on machines without a zone database

	"github.com/ratusz/ratusz/generator/internal/address"
	"github.com/ratusz/ratusz/generator/internal/build"
	"github.com/ratusz/ratusz/generator/internal/output"
)

// Config is one build's input: the site's folders (or file systems), the
// output folder, the base URL, the day the build treats as today and how
// to write; see build.Config.
type Config = build.Config

// Result says what a build did: entries, pages, files, warnings and time.
type Result = build.Result

// Progress is how far a build has come.
type Progress = build.Progress

// A Problem is one mistake of a build: its place (the path relative to
// the site root, as the user finds the file, the line and the front
// matter field), what is wrong and how to put it right. It prints as
// path:line: message; hint.
type Problem = build.Problem

// Errors are the problems of a build, sorted by place.
type Errors = build.Errors

// UsageError is a mistake in the build's settings rather than the content.
type UsageError = build.UsageError

// Writer receives a built site's files. Paths are slash-separated and
// relative to the site root. WriteFile may not keep data after it
// returns: the caller fills the same buffer with the next file.
type Writer = build.Writer

// Build builds the site and replaces cfg.Out with it. On any error the
// previous output is left as it was.
func Build(ctx context.Context, cfg Config) (Result, error) {
	if err := output.Check(cfg.Out, cfg.Content, cfg.Layouts, cfg.Static); err != nil {
		return Result{}, &UsageError{Err: err}
	}
	if err := output.CheckCache(cfg.Out, cfg.Cache); err != nil {
		return Result{}, &UsageError{Err: err}
	}
	start := time.Now()
	p, res, err := build.Prepare(ctx, cfg, build.Kept{})
	if err != nil {
		return res, err
	}
	dir, err := output.Create(cfg.Out)
	if err != nil {
		return res, err
	}
	defer dir.Abort()
	if err := p.Write(ctx, dir, &res); err != nil {
		return res, err
	}
	if err := dir.Commit(); err != nil {
		return res, err
	}
	res.Duration = time.Since(start)
	return res, nil
}

// Check validates the site and renders every page without writing
// anything.
func Check(ctx context.Context, cfg Config) (Result, error) {
	start := time.Now()
	res, err := BuildTo(ctx, cfg, build.Discard{})
	res.Duration = time.Since(start)
	return res, err
}

// BuildTo builds the site into w, for tests and programs that keep a
// site elsewhere than in a folder.
func BuildTo(ctx context.Context, cfg Config, w Writer) (Result, error) {
	p, res, err := build.Prepare(ctx, cfg, build.Kept{})
	if err != nil {
		return res, err
	}
	err = p.Write(ctx, w, &res)
	return res, err
}

// CheckBaseURL refuses a base URL that is neither an absolute URL nor a
// path, like "bip.gmina.pl/strategie", suggesting what was meant.
func CheckBaseURL(raw string) error { return address.Check(raw) }

// IsUsage reports whether err is a mistake in the build's settings.
func IsUsage(err error) bool {
	var u *UsageError
	return errors.As(err, &u)
}
