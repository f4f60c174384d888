// Package sitetest makes the site model of a generated corpus, for the
// tests and benchmarks of the packages that read the model. It is for
// tests only: nothing the ratusz command runs imports it.
package sitetest

import (
	"context"
	"io/fs"
	"testing"
	"time"

	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// Corpus returns the site of a generated corpus of n entries (seed 1),
// built on 23 November 2026, or stops tb at the first problem.
func Corpus(tb testing.TB, n int) *site.Site {
	tb.Helper()
	return Build(tb, corpus.FS(corpus.Options{Entries: n, Seed: 1}), time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC))
}

// Build returns the site of the content in fsys, built on now, or stops
// tb at the first problem.
func Build(tb testing.TB, fsys fs.FS, now time.Time) *site.Site {
	tb.Helper()
	tree, errs := content.Load(context.Background(), fsys)
	if len(errs) > 0 {
		tb.Fatal(errs.Err())
	}
	s, errs := site.New(tree, site.Options{Now: now})
	if len(errs) > 0 {
		tb.Fatal(errs.Err())
	}
	return s
}
