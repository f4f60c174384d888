package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ratusz/ratusz/generator/internal/problem"
)

// theme is a set of layouts with every layout ratusz uses.
func theme() fstest.MapFS {
	fsys := fstest.MapFS{"base.html": {Data: []byte("<!doctype html>\n<title>{{.Title}}</title>\n{{block \"main\" .}}{{end}}\n")}}
	for _, name := range layoutNames {
		fsys[name+".html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<p>\n  {{.Title}}\n</p>\n{{end}}\n")}
	}
	return fsys
}

// A layout the minifier cannot read, or whose minified text no longer
// parses, is an error naming the file and the way out.
func TestLayoutsThatCannotBeMinified(t *testing.T) {
	funcs := template.FuncMap{}
	for _, tt := range []struct {
		name    string
		compact func(string) (string, *problem.Problem)
		want    string
	}{
		{"minifier refuses", func(text string) (string, *problem.Problem) {
			if strings.Contains(text, "doctype") {
				return "", &problem.Problem{Line: 2, Msg: "cannot minify: unexpected token"}
			}
			return text, nil
		}, "(built-in) layouts/base.html:2: cannot minify: unexpected token; build with -minify=false to render the layouts as written"},
		{"minified text does not parse", func(text string) (string, *problem.Problem) {
			return strings.Replace(text, "{{.Title}}", "{{.Title", 1), nil
		}, "(built-in) layouts/base.html: once minified: "},
	} {
		_, errs := LoadLayouts(theme(), LayoutOptions{Funcs: funcs, WrittenFuncs: funcs, Compact: tt.compact})
		if len(errs) == 0 {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if got := errs[0].Error(); !strings.HasPrefix(got, tt.want) || !strings.HasSuffix(got, "build with -minify=false to render the layouts as written") {
			t.Errorf("%s: error %q, want one starting %q and naming -minify=false", tt.name, got, tt.want)
		}
	}
	// Without minifying the same layouts load.
	if _, errs := LoadLayouts(theme(), LayoutOptions{Funcs: funcs}); len(errs) > 0 {
		t.Errorf("as written: %v", errs.Err())
	}
}
