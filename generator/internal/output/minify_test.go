package output

import (
	"strings"
	"testing"
)

func TestFingerprintAndPlain(t *testing.T) {
	name := Fingerprint("css/ratusz.css", []byte("body{color:#000}"))
	if name != "css/ratusz.fafa68b1.css" {
		t.Errorf("Fingerprint = %q, want css/ratusz.fafa68b1.css (the first 8 hex digits of the SHA-256)", name)
	}
	for _, tt := range []struct {
		name, plain string
		ok          bool
	}{
		{"css/ratusz.fafa68b1.css", "css/ratusz.css", true},
		{"js/search.4a5ea3e1.js", "js/search.js", true},
		{"js/lib.0123abcd.4a5ea3e1.js", "js/lib.0123abcd.js", true},
		{"css/ratusz.css", "", false},
		{"css/ratusz.FAFA68B1.css", "", false},    // upper case is not ours
		{"css/ratusz.fafa68b.css", "", false},     // 7 digits
		{"img/herb.fafa68b1.svg", "", false},      // not fingerprinted
		{"css/jquery.ui.abcdefgh.css", "", false}, // not hex
	} {
		plain, ok := Plain(tt.name)
		if plain != tt.plain || ok != tt.ok {
			t.Errorf("Plain(%q) = %q, %v; want %q, %v", tt.name, plain, ok, tt.plain, tt.ok)
		}
	}
}

func TestMinifierByName(t *testing.T) {
	m := NewMinifier()
	for _, tt := range []struct{ name, in, want string }{
		{"a/index.html", "<!doctype html>\n<html lang=\"pl\">\n<head>\n  <title>T</title>\n</head>\n<body>\n  <p class=\"x\">a   b</p>\n  <pre>  x\n   y</pre>\n</body>\n</html>\n",
			"<!doctype html><html lang=pl><head><title>T</title></head><body><p class=x>a b</p><pre>  x\n   y</pre></body></html>"},
		{"a/ld.html", "<script type=\"application/ld+json\">{\n  \"a\": 1\n}</script>", "<script type=application/ld+json>{\n  \"a\": 1\n}</script>"},
		{"css/a.css", "body {\n  color: #ffffff;\n}\n", "body{color:#fff}"},
		{"js/a.js", "const answer = 42;\nconsole.log( answer );\n", "const answer=42;console.log(answer)"},
		{"dane/a.json", "{\n  \"a\": [1, 2]\n}\n", `{"a":[1,2]}`},
		{"sitemap.xml", "<?xml version=\"1.0\"?>\n<urlset>\n  <url>\n    <loc>/</loc>\n  </url>\n</urlset>\n", "<?xml version=\"1.0\"?><urlset><url><loc>/</loc></url></urlset>"},
		{"calendar.ics", "BEGIN:VCALENDAR\r\n  X\r\nEND:VCALENDAR\r\n", "BEGIN:VCALENDAR\r\n  X\r\nEND:VCALENDAR\r\n"},
		{"js/lib.min.js", "var a = 1 ;", "var a = 1 ;"},
		{"robots.txt", "User-agent: *\n\n", "User-agent: *\n\n"},
	} {
		got, err := m.Bytes(tt.name, []byte(tt.in))
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	_, err := m.Bytes("js/a.js", []byte("let a = 1;\nlet b = (;\n"))
	if merr, ok := err.(*MinifyError); !ok || merr.Line != 2 || !strings.HasPrefix(err.Error(), "js/a.js:2: cannot minify: ") {
		t.Errorf("error %v, want js/a.js:2: cannot minify: …", err)
	}
}

// A layout is minified as a page is, but its actions stay as they are,
// and an attribute whose value an action writes keeps its quotes: the
// value may hold a space.
func TestLayoutKeepsActions(t *testing.T) {
	layout := `{{define "main"}}
<article class="facts">
  <h1>{{.Title}}</h1>
  <a href="{{url .}}" title="{{.Name}}">{{.A}} {{.B}}</a>
  {{- range .Items}}
  <li>{{.}}</li>
  {{- end}}
  <pre>
  kept   as is</pre>
</article>
{{end}}`
	got, err := NewMinifier().Layout(layout)
	if err != nil {
		t.Fatal(err)
	}
	// Whitespace before an action collapses to one line end, which {{-
	// takes away when the layout runs.
	want := `{{define "main"}}<article class=facts><h1>{{.Title}}</h1><a href="{{url .}}" title="{{.Name}}">{{.A}} {{.B}}</a>
{{- range .Items}}<li>{{.}}</li>{{- end}}<pre>
  kept   as is</pre></article>{{end}}`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A quotation mark in a template comment does not stop the markup after
// it from being minified, and the lines keep their numbers.
func TestLayoutCommentWithQuotes(t *testing.T) {
	layout := "{{/* the site's name, \"quoted\" */}}\n<ul>\n  <li>{{.}}</li>\n</ul>\n{{- /* it's\nhere */ -}}\n<p>\n  x\n</p>"
	got, err := NewMinifier().Layout(layout)
	if err != nil {
		t.Fatal(err)
	}
	want := "{{/*                           */}}<ul><li>{{.}}</li></ul>{{- /*     \n     */ -}}<p>x</p>"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// A comment that is never closed is left as written, for the template
// parser to report.
func TestLayoutUnclosedComment(t *testing.T) {
	layout := "<p>a</p>\n{{/* it's never closed\n<p>b</p>"
	got, err := NewMinifier().Layout(layout)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "{{/* it's never closed") {
		t.Errorf("got %q, want the unclosed comment as written", got)
	}
}
