package output

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/buffer"
)

// A Minifier makes HTML, CSS, JavaScript, JSON, SVG and XML files smaller
// without changing what they mean; it chooses by the file name's
// extension and passes every other file (.ics, .txt, images) as it is.
// It is safe for concurrent use, and the same input always gives the
// same output.
//
// HTML, and a layout of HTML (Layout), keeps its <html>, <head> and
// <body> tags and its end tags, so that the page reads the same in every
// tool; whitespace is collapsed (not in <pre> or <textarea>), attribute
// quotes are left out where HTML allows it, and inline <style> and
// <script> are minified. Structured data
// (<script type="application/ld+json">) is left as it is. Files whose
// name ends in .min.css or .min.js are already minified and pass as they
// are.
type Minifier struct {
	m *minify.M
}

// The media types the minifier knows, by extension.
var minifiable = map[string]string{
	".html": "text/html",
	".htm":  "text/html",
	".css":  "text/css",
	".js":   "text/javascript",
	".mjs":  "text/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
}

// NewMinifier returns a Minifier.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/xml", xml.Minify)
	// Layouts, by a media type of their own: their inline CSS and
	// JavaScript go to the minifiers above.
	m.Add(layoutType, &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, TemplateDelims: html.GoTemplateDelims})
	return &Minifier{m: m}
}

// layoutType is the media type the minifier knows html/template layouts
// by.
const layoutType = "text/x-go-template+html"

// Layout minifies an html/template layout, as HTML is minified, leaving
// its {{actions}} as they are and keeping the quotes of attributes whose
// values an action writes. A site renders its pages from minified layouts
// rather than minifying every page it renders: minifying a layout once
// costs what minifying one page costs, and the HTML of a Markdown body is
// already as goldmark writes it, without indentation. The error has no
// Name: the caller knows the layout's.
func (m *Minifier) Layout(text string) (string, *MinifyError) {
	var out bytes.Buffer
	out.Grow(len(text))
	if err := m.m.Minify(layoutType, &out, buffer.NewReader(blankComments(text))); err != nil {
		return "", minifyError("", err)
	}
	return tagSpace(out.String()), nil
}

// blankComments returns text with what is inside its template comments
// ({{/* … */}}) turned to spaces, line ends kept: the minifier reads a
// quotation mark in a comment ("the site's name") as the start of a
// string and left the rest of the layout as written.
func blankComments(text string) []byte {
	b := []byte(text)
	for i := 0; ; {
		open := bytes.Index(b[i:], []byte("{{"))
		if open < 0 {
			return b
		}
		i += open + len("{{")
		j := i
		if bytes.HasPrefix(b[j:], []byte("- ")) {
			j += len("- ")
		}
		if !bytes.HasPrefix(b[j:], []byte("/*")) {
			continue
		}
		j += len("/*")
		end := bytes.Index(b[j:], []byte("*/"))
		if end < 0 {
			return b // the template parser reports the unclosed comment
		}
		for k := j; k < j+end; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
		i = j + end + len("*/")
	}
}

// Minifies reports whether Bytes changes files of this name.
func Minifies(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".min.css") || strings.HasSuffix(lower, ".min.js") {
		return false
	}
	_, ok := minifiable[path.Ext(lower)]
	return ok
}

// Bytes minifies the file name with data. An error names the file and,
// when the minifier knows it, the line: "css/site.css:12: …".
func (m *Minifier) Bytes(name string, data []byte) ([]byte, error) {
	if !Minifies(name) {
		return data, nil
	}
	var out bytes.Buffer
	out.Grow(len(data))
	if err := m.m.Minify(minifiable[strings.ToLower(path.Ext(name))], &out, buffer.NewReader(data)); err != nil {
		return nil, minifyError(name, err)
	}
	return out.Bytes(), nil
}

// minifyError places the minifier's err in the file name, at its line when
// the minifier knows it.
func minifyError(name string, err error) *MinifyError {
	merr := &MinifyError{Name: name, Msg: err.Error()}
	var perr *parse.Error
	if errors.As(err, &perr) {
		merr.Line, merr.Msg = perr.Line, fmt.Sprintf("%s at column %d", perr.Message, perr.Column)
	}
	return merr
}

// A MinifyError is a file the minifier could not read.
type MinifyError struct {
	Name string // the file's site path
	Line int    // 0 when unknown
	Msg  string
}

func (e *MinifyError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: cannot minify: %s", e.Name, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: cannot minify: %s", e.Name, e.Msg)
}
