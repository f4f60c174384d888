package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/ratusz/ratusz/generator"
)

// progressEvery is how often the progress line is redrawn at most.
const progressEvery = 100 * time.Millisecond

// progressLine shows a build's progress on one terminal line, redrawn in
// place with \r: files loaded, then pages written, the rate and the time
// left.
type progressLine struct {
	w     io.Writer
	now   func() time.Time
	last  time.Time
	shown bool // a line is on the screen and must be cleared

	rendering time.Duration // the build's time when writing pages began
}

// newProgressLine returns a display on w, or nil when w is not a terminal
// or quiet is set: then a build prints no progress at all.
func newProgressLine(w io.Writer, quiet bool) *progressLine {
	if quiet || !isTerminal(w) {
		return nil
	}
	return &progressLine{w: w, now: time.Now}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// report is a generator.Config.Progress: it redraws the line when
// progressEvery has passed since the last time.
func (l *progressLine) report(p generator.Progress) {
	if p.Pages > 0 && p.Written == 0 {
		l.rendering = p.Elapsed
	}
	now := l.now()
	if l.shown && now.Sub(l.last) < progressEvery {
		return
	}
	l.last = now
	l.shown = true
	fmt.Fprintf(l.w, "\r\033[K%s", progressText(p, p.Elapsed-l.rendering))
}

// clear removes the line, before the summary or the errors are printed.
func (l *progressLine) clear() {
	if l != nil && l.shown {
		fmt.Fprint(l.w, "\r\033[K")
		l.shown = false
	}
}

// progressText is the text of the progress line; writing is how long
// pages have been written for.
func progressText(p generator.Progress, writing time.Duration) string {
	if p.Pages == 0 {
		return fmt.Sprintf("loaded %d/%d files", p.Loaded, p.Files)
	}
	s := fmt.Sprintf("loaded %d files, wrote %d/%d pages", p.Loaded, p.Written, p.Pages)
	if secs := writing.Seconds(); secs > 0 && p.Written > 0 {
		rate := float64(p.Written) / secs
		left := time.Duration(float64(p.Pages-p.Written) / rate * float64(time.Second))
		s += fmt.Sprintf(", %.0f pages/s, %s left", rate, left.Round(time.Second))
	}
	return s
}
