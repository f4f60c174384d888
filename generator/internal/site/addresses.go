package site

import (
	"fmt"
	"path"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/problem"
)

// An address is an output file an entry or one of its aliases claims.
type address struct {
	file string // the output file, like miasta/torun/index.html
	url  string // as the editor would write it, like /miasta/torun/
	path string // the content file that claims it
	line int    // the aliases line, or 0 for the entry's own page
	n    int    // which alias, from 1; 0 for the entry's own page
}

// written is a value as the editor wrote it, and its line.
type written struct {
	text string
	line int
}

// claim records an entry's page and its aliases.
func (b *builder) claim(e *Entry, aliases []written) {
	b.claims = append(b.claims, address{file: pageFile(e.URL), url: "/" + e.URL, path: b.origin(e.Path), line: 1})
	for i, a := range e.Aliases {
		b.claims = append(b.claims, address{file: aliasFile(a), url: aliases[i].text, path: b.origin(e.Path), line: aliases[i].line, n: i + 1})
	}
}

// checkAddresses reports every entry page or alias that would be written
// over a page the site makes itself (the home page, a list page, a topic
// page, the accessibility statement, the 404 page) or over another
// entry's page or alias. Without it the last file written would win, and
// which one that is would change from build to build.
func (b *builder) checkAddresses() {
	s := b.site
	taken := map[string]string{} // output file → what is published there
	builtIn := func(url, what string) { taken[pageFile(url)] = what }
	builtIn("", "the home page")
	taken["404.html"] = "the page shown for missing addresses"
	for _, sec := range s.Sections {
		builtIn(sec.URL, "the list of "+sec.Kind.Folder())
	}
	builtIn(s.Lang.Segment("consultations")+"/", "the list of consultations")
	topics := s.Lang.Segment("topics") + "/"
	builtIn(topics, "the list of topics")
	for _, t := range s.Topics {
		builtIn(t.URL, "the page of the topic "+quoteName(t.Name))
	}
	if s.Accessibility != nil {
		builtIn(s.Accessibility.URLPath, "the accessibility statement")
	}
	for _, c := range b.claims {
		if other, ok := taken[c.file]; ok {
			if c.n > 0 {
				b.errs.Add(&problem.Problem{Path: c.path, Line: c.line, Field: fmt.Sprintf("aliases[%d]", c.n),
					Msg:  fmt.Sprintf("aliases[%d]: %q is already %s", c.n, c.url, other),
					Hint: "remove the alias or change it to an address nothing else uses"})
			} else {
				// A problem of the file as a whole: no field.
				b.errs.Add(&problem.Problem{Path: c.path, Line: c.line,
					Msg:  fmt.Sprintf("the address %s of this file is already %s", c.url, other),
					Hint: "rename the file"})
			}
			continue
		}
		if c.n > 0 {
			taken[c.file] = "an alias of " + c.path
		} else {
			taken[c.file] = "the page of " + c.path
		}
	}
}

func quoteName(s string) string { return `"` + s + `"` }

// pageFile is the output file of a page address: miasta/ → miasta/index.html.
func pageFile(url string) string {
	if url == "" || strings.HasSuffix(url, "/") {
		return url + "index.html"
	}
	return url
}

// aliasFile is the file that answers an old address: the address itself
// when it names an HTML file, else its folder's index.html.
func aliasFile(a string) string {
	switch strings.ToLower(path.Ext(a)) {
	case ".html", ".htm":
		return a
	}
	return strings.TrimSuffix(a, "/") + "/index.html"
}
