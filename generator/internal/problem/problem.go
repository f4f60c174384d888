// Package problem holds the one type every mistake of a build is reported
// as, whether it was met reading a file, checking the content model or
// rendering a page, and the list a build collects them in.
//
// A Problem knows its place (the path relative to the site root, the
// line, the front matter field), what is wrong (Msg) and how to put it
// right (Hint), apart, so that the command line prints them as one line,
// path:line: message; hint, and a form can show the hint beside the field
// it names. The package reads no files and imports nothing of ratusz.
package problem

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// A Problem is a mistake at a place in the site, printed as
// path:line: message; hint.
//
// Path is relative to the site root and slash-separated, as the editor
// finds the file: content/pages/a.md, layouts/page.html, static/logo.svg.
// Line is 1-based. A problem with a file or folder as a whole (its size,
// its encoding, a symbolic link, a slug another file has too) is at line
// 1, so that editors and scripts that read path:line find it like any
// other. Line 0 is left for what is not at any file, such as a cancelled
// load, and is printed as path: message.
//
// Field is the front matter key the problem is about, as the editor wrote
// it ("cities", "adopted.date", "photos[2].alt"), or "" when it is not
// about one. Msg says what is wrong and names the field and the bad value;
// Hint, when not "", says what to write instead.
//
// A problem in a layout met while a page was rendered also names the
// content file of that page (Page), and how many other pages met it too
// (Others): "layouts/page.html:6: rendering content/pages/a.md: …".
type Problem struct {
	Path  string
	Line  int
	Field string
	Msg   string
	Hint  string

	Page   string // the content file whose page was being rendered, or ""
	Others int    // how many other pages met the same problem
}

func (p *Problem) Error() string {
	msg := p.Msg
	if p.Hint != "" {
		msg += "; " + p.Hint
	}
	switch {
	case p.Page != "" && p.Others > 0:
		msg = fmt.Sprintf("rendering %s (and %d other %s): %s", p.Page, p.Others, pages(p.Others), msg)
	case p.Page != "":
		msg = fmt.Sprintf("rendering %s: %s", p.Page, msg)
	}
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, msg)
	}
	return fmt.Sprintf("%s: %s", p.Path, msg)
}

func pages(n int) string {
	if n == 1 {
		return "page"
	}
	return "pages"
}

// At returns a problem at path:line with the message format makes.
func At(path string, line int, format string, args ...any) *Problem {
	return &Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// List is every problem of one build, in the order they were found.
type List []*Problem

// Add records a problem.
func (l *List) Add(p *Problem) { *l = append(*l, p) }

// Addf records a problem at path:line.
func (l *List) Addf(path string, line int, format string, args ...any) {
	l.Add(At(path, line, format, args...))
}

// Sort orders the problems by path, line and message, dropping exact
// repeats.
func (l List) Sort() List {
	s := slices.Clone(l)
	slices.SortStableFunc(s, func(a, b *Problem) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Msg, b.Msg), cmp.Compare(a.Hint, b.Hint))
	})
	return slices.CompactFunc(s, func(a, b *Problem) bool { return *a == *b })
}

// Err returns the sorted problems joined into one error, or nil if there
// are none.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	s := l.Sort()
	errs := make([]error, len(s))
	for i, p := range s {
		errs[i] = p
	}
	return errors.Join(errs...)
}
