package content

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// An Error is a problem at a place in the content tree, printed as
// path:line: message. Path is relative to the content root,
// slash-separated; Line is 1-based. A problem with a file or folder as a
// whole (its size, its encoding, a symbolic link, a slug another file has
// too) is at line 1, so that editors and scripts that read path:line find
// it like any other. Line 0 is left for what is not at any file, such as
// a cancelled load, and is printed as path: message.
//
// A problem in a layout met while a page was rendered also names the
// content file of that page (Page), and how many other pages met it too
// (Others): "layouts/page.html:6: rendering content/pages/a.md: …".
type Error struct {
	Path string
	Line int
	Msg  string

	Page   string // the content file whose page was being rendered, or ""
	Others int    // how many other pages met the same problem
}

func (e *Error) Error() string {
	msg := e.Msg
	switch {
	case e.Page != "" && e.Others > 0:
		msg = fmt.Sprintf("rendering %s (and %d other %s): %s", e.Page, e.Others, pages(e.Others), msg)
	case e.Page != "":
		msg = fmt.Sprintf("rendering %s: %s", e.Page, msg)
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, msg)
}

func pages(n int) string {
	if n == 1 {
		return "page"
	}
	return "pages"
}

// Errorf returns an *Error at path:line.
func Errorf(path string, line int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Errors is every problem of one build, in the order they were found.
type Errors []*Error

// Add records a problem.
func (es *Errors) Add(e *Error) { *es = append(*es, e) }

// Addf records a problem at path:line.
func (es *Errors) Addf(path string, line int, format string, args ...any) {
	es.Add(Errorf(path, line, format, args...))
}

// Sort orders the problems by path, line and message, dropping exact repeats.
func (es Errors) Sort() Errors {
	s := slices.Clone(es)
	slices.SortStableFunc(s, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Msg, b.Msg))
	})
	return slices.CompactFunc(s, func(a, b *Error) bool { return *a == *b })
}

// Err returns the sorted problems joined into one error, or nil if there are none.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	s := es.Sort()
	errs := make([]error, len(s))
	for i, e := range s {
		errs[i] = e
	}
	return errors.Join(errs...)
}
