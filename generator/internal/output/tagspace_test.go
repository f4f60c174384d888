package output

import "testing"

// TestLayoutTagsHaveNoLineEnds: a minified layout keeps no line end or
// indentation inside a tag, where the HTML minifier leaves them before
// an attribute whose value a template action writes; values, actions
// and the contents of <pre> and <script> are kept as written.
func TestLayoutTagsHaveNoLineEnds(t *testing.T) {
	m := NewMinifier()
	for _, tt := range []struct{ layout, want string }{
		{"<form class=\"search\" action=\"{{url .}}\" method=\"get\"\n  data-index=\"{{url (print .URL \"index.json\")}}\"\n  data-none=\"{{t \"a  b\"}}\">\n<p>a</p></form>",
			`<form class=search action="{{url .}}" data-index="{{url (print .URL "index.json")}}" data-none="{{t "a  b"}}"><p>a</p></form>`},
		{"<a class=\"a\"\n\thref=\"{{.}}\"\n>x</a>", `<a class=a href="{{.}}">x</a>`},
		{"<img src=\"{{.}}\"\n  alt=\"{{.Alt}}\"\n  >", `<img src="{{.}}" alt="{{.Alt}}">`},
		{"<p title=\"{{if .}}  {{end}}\">a  b</p>", `<p title="{{if .}}  {{end}}">a b</p>`},
		{"<pre class=\"{{.}}\"\n>a\n  <b\n  class=x>b</b></pre>", "<pre class=\"{{.}}\">a\n  <b class=x>b</b></pre>"},
		{"{{if lt 1 2}}<br\n  class=\"{{.}}\">{{end}}", `{{if lt 1 2}}<br class="{{.}}">{{end}}`},
	} {
		got, err := m.Layout(tt.layout)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%q\n got %q\nwant %q", tt.layout, got, tt.want)
		}
	}
}
