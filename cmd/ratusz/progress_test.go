package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator"
)

// TestProgressLine checks the progress a terminal shows: redrawn in place,
// at most once per progressEvery, with the rate and time left, and cleared
// before the summary.
func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)
	l := &progressLine{w: &buf, now: func() time.Time { return clock }}

	for i := 1; i <= 100; i++ {
		l.report(generator.Progress{Loaded: i, Files: 100, Elapsed: time.Duration(i) * time.Millisecond})
	}
	if got := strings.Count(buf.String(), "\r"); got != 1 {
		t.Errorf("100 updates within %v drew %d lines, want 1: %q", progressEvery, got, buf.String())
	}
	buf.Reset()
	clock = clock.Add(progressEvery)
	l.report(generator.Progress{Loaded: 100, Files: 100, Pages: 400, Elapsed: 2 * time.Second})
	clock = clock.Add(progressEvery)
	l.report(generator.Progress{Loaded: 100, Files: 100, Written: 100, Pages: 400, Elapsed: 3 * time.Second})
	lines := strings.Split(buf.String(), "\r\033[K")
	if want := "loaded 100 files, wrote 100/400 pages, 100 pages/s, 3s left"; lines[len(lines)-1] != want {
		t.Errorf("progress line %q, want %q", lines[len(lines)-1], want)
	}
	if strings.Contains(buf.String(), "\n") {
		t.Errorf("progress output %q has a line break; it must redraw one line", buf.String())
	}
	buf.Reset()
	l.clear()
	if buf.String() != "\r\033[K" {
		t.Errorf("clear wrote %q, want the line erased", buf.String())
	}
}

// TestProgressOfABuild checks that a build reports every file and page.
func TestProgressOfABuild(t *testing.T) {
	dir := inSite(t, minimalSite)
	var buf bytes.Buffer
	l := &progressLine{w: &buf, now: func() time.Time { return time.Time{} }}
	var last generator.Progress
	cfg := generator.Config{Content: filepath.Join(dir, "content"), Out: filepath.Join(dir, "public"), Progress: func(p generator.Progress) {
		last = p
		l.report(p)
	}}
	res, err := generator.Build(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if last.Loaded != 2 || last.Files != 2 || last.Written != res.Pages || last.Pages != res.Pages {
		t.Errorf("last progress %+v, want 2 of 2 files and %d of %d pages", last, res.Pages, res.Pages)
	}
	if !strings.HasPrefix(buf.String(), "\r\033[Kloaded ") {
		t.Errorf("progress output %q, want a line starting with loaded", buf.String())
	}
}

// TestNoProgressOffTerminal checks that output that is not a terminal, like
// a CI log or a file, gets no progress lines: only the one-line summary.
func TestNoProgressOffTerminal(t *testing.T) {
	inSite(t, minimalSite)
	code, _, stderr := ratusz(t, append([]string{"build"}, now...)...)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if strings.Contains(stderr, "\r") || strings.Contains(stderr, "loaded") {
		t.Errorf("stderr %q has progress; a build not on a terminal must print none", stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if !summary.MatchString(lines[len(lines)-1]) || strings.Count(stderr, "ratusz: built") != 1 {
		t.Errorf("stderr %q, want it to end with one summary line", stderr)
	}

	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || newProgressLine(f, false) != nil {
		t.Error("a file is taken for a terminal")
	}
	if newProgressLine(os.Stderr, true) != nil {
		t.Error("-quiet still shows progress")
	}
}

// TestRenderingComesBetweenLoadingAndPages checks the moment a build calls
// Config.Rendering, where the command fits its memory limit to the site:
// once, after every file is read and before any page is written.
func TestRenderingComesBetweenLoadingAndPages(t *testing.T) {
	dir := inSite(t, minimalSite)
	var last generator.Progress
	calls := 0
	cfg := generator.Config{Content: filepath.Join(dir, "content"), Out: filepath.Join(dir, "public"),
		Progress: func(p generator.Progress) { last = p },
		Rendering: func() {
			calls++
			if last.Loaded != last.Files || last.Files == 0 || last.Written != 0 {
				t.Errorf("Rendering called at %+v, want every file read and no page written", last)
			}
		}}
	if _, err := generator.Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("Rendering called %d times, want once", calls)
	}
}
