package render

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/ratusz/ratusz"
	"github.com/ratusz/ratusz/generator/internal/output"
	"github.com/ratusz/ratusz/generator/internal/problem"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
	"golang.org/x/net/html"
)

// bind runs bindShortWords on page, in Polish, after what a buffer held.
func bind(page string) string {
	const before = "<p>a b</p>" // another page's, left as it is
	var buf bytes.Buffer
	buf.WriteString(before)
	buf.WriteString(page)
	bindShortWords(&buf, len(before), "pl")
	out := buf.String()
	if !strings.HasPrefix(out, before) {
		return "changed what the buffer held: " + out
	}
	return out[len(before):]
}

// In the tests, ~ stands for the no-break space.
func TestBindShortWords(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"quoted", "<p>„w domu”</p>", "<p>„w~domu”</p>"},
		{"capital", "<h2>I etap</h2>", "<h2>I~etap</h2>"},
		{"sentence start", "<p>Z tego powodu. A potem</p>", "<p>Z~tego powodu. A~potem</p>"},
		{"each of them", "<p>a i o u w z A I O U W Z x</p>", "<p>a~i~o~u~w~z~A~I~O~U~W~Z~x</p>"},
		{"one after another", "<p>Etap I i II</p>", "<p>Etap I~i~II</p>"},
		{"soft line break", "<p>spotkanie w\nUrzędzie</p>", "<p>spotkanie w~Urzędzie</p>"},
		{"white space run", "<li>o \n  tym</li>", "<li>o~tym</li>"},
		{"digits", "<p>w 2021 roku</p>", "<p>w~2021 roku</p>"},
		{"after a bracket", "<p>(w tym)</p>", "<p>(w~tym)</p>"},
		{"after a dash", "<p>miasto – i gmina</p>", "<p>miasto – i~gmina</p>"},
		{"after an entity", "<p>&quot;a b&quot;</p>", "<p>&quot;a~b&quot;</p>"},
		{"end of a paragraph", "<p>Idziemy w</p>", "<p>Idziemy w</p>"},
		{"space before the end", "<li>oraz z </li><li>x</li>", "<li>oraz z </li><li>x</li>"},
		{"end of a cell", "<td>a </td><td>b</td>", "<td>a </td><td>b</td>"},
		{"before a line break", "<p>w <br>domu</p>", "<p>w <br>domu</p>"},
		{"into a link", "<p>Spotkanie w <a href=\"/lodz/\">Łodzi</a></p>", "<p>Spotkanie w~<a href=\"/lodz/\">Łodzi</a></p>"},
		{"out of emphasis", "<p><em>w</em> domu</p>", "<p><em>w</em>~domu</p>"},
		{"through a comment", "<p>w<!-- x --> domu</p>", "<p>w<!-- x -->~domu</p>"},
		{"two runs of space", "<p>w <em> domu</em></p>", "<p>w <em> domu</em></p>"},
		{"before code", "<p>w <code>go test</code></p>", "<p>w~<code>go test</code></p>"},
		{"inside code", "<p><code>w domu</code></p>", "<p><code>w domu</code></p>"},
		{"after code", "<p><code>x</code>a b</p>", "<p><code>x</code>a b</p>"},
		{"inside pre", "<pre><code>a b\nw domu\n</code></pre><p>w domu</p>", "<pre><code>a b\nw domu\n</code></pre><p>w~domu</p>"},
		{"inside kbd and samp", "<p><kbd>w x</kbd> <samp>i y</samp></p>", "<p><kbd>w x</kbd> <samp>i y</samp></p>"},
		{"attributes", `<p title="w domu" class='a b'>x</p><img alt="i tak" src=/a%20b.png>`, `<p title="w domu" class='a b'>x</p><img alt="i tak" src=/a%20b.png>`},
		{"a quoted >", `<a title="a > b" href="/w x/">o nas</a>`, `<a title="a > b" href="/w x/">o~nas</a>`},
		{"unquoted href", "<a href=/w/>o nas</a>", "<a href=/w/>o~nas</a>"},
		{"script", `<script type="application/ld+json">{"name":"Dom w mieście"}</script><p>w domu</p>`, `<script type="application/ld+json">{"name":"Dom w mieście"}</script><p>w~domu</p>`},
		{"script with a tag in a string", "<script>var s = \"</p> w domu\";</script>", "<script>var s = \"</p> w domu\";</script>"},
		{"style and title", "<title>O nas – w domu</title><style>a b{}</style>", "<title>O nas – w domu</title><style>a b{}</style>"},
		{"textarea", "<textarea>i tak</textarea>", "<textarea>i tak</textarea>"},
		{"svg", `<svg viewBox="0 0 1 1"><text>w x</text></svg><p>i y</p><svg/><p>a b</p>`, `<svg viewBox="0 0 1 1"><text>w x</text></svg><p>i~y</p><svg/><p>a~b</p>`},
		{"bound already", "<p>w&nbsp;domu i\u00a0tak, o&#160;nas</p>", "<p>w&nbsp;domu i\u00a0tak, o&#160;nas</p>"},
		{"within words", "<p>wraz oraz z-ta a/b ul. 5a b Kowalski’a x e-mail: i@a.pl</p>", "<p>wraz oraz z-ta a/b ul. 5a b Kowalski’a x e-mail: i@a.pl</p>"},
		{"after a Polish letter", "<p>żo x ęa y</p>", "<p>żo x ęa y</p>"},
		{"other letters", "<p>b c e x y</p>", "<p>b c e x y</p>"},
		{"a letter in a URL", "<p>https://example.pl/a b</p>", "<p>https://example.pl/a b</p>"},
		{"doctype and tags in capitals", "<!DOCTYPE html><P>w domu<CODE>i x</CODE></P>", "<!DOCTYPE html><P>w~domu<CODE>i x</CODE></P>"},
		{"across inline elements", "<p><b>a</b> <i>b</i></p>", "<p><b>a</b>~<i>b</i></p>"},
		{"glued across an element", "<p>x<b>w</b> domu, <b>w</b>domu</p>", "<p>x<b>w</b> domu, <b>w</b>domu</p>"},
		{"glued to code", "<p>w<code>x</code> i <kbd>Tab</kbd></p>", "<p>w<code>x</code> i~<kbd>Tab</kbd></p>"},
		{"words of eight letters and more", "<p>Zaproszenie do udziału w konsultacjach społecznych i spotkaniach</p>", "<p>Zaproszenie do udziału w~konsultacjach społecznych i~spotkaniach</p>"},
		{"after Polish letters", "<p>się w tym, ósmy z nich</p>", "<p>się w~tym, ósmy z~nich</p>"},
		{"control character", "<p>w\x00 domu \x01a b</p>", "<p>w\x00 domu \x01a~b</p>"},
		{"lone <", "<p>a < b</p>", "<p>a~< b</p>"},
		{"end tag with no name", "<p>a </0 b> i x</p>", "<p>a </0 b> i~x</p>"},
		{"nothing", "", ""},
		{"unclosed tag", "<p>w domu<a href=\"x", "<p>w~domu<a href=\"x"},
		{"unclosed comment", "<p>w <!-- domu", "<p>w <!-- domu"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.ReplaceAll(tt.want, "~", "\u00a0")
			if got := bind(tt.in); got != want {
				t.Errorf("bindShortWords(%q)\n got %q\nwant %q", tt.in, got, want)
			}
		})
	}
}

// A page of a site in another language is left as it is.
func TestBindShortWordsPolishOnly(t *testing.T) {
	for lang, want := range map[string]string{"pl": "<p>I\u00a0am</p>", "pl-PL": "<p>I\u00a0am</p>", "en": "<p>I am</p>", "plt": "<p>I am</p>"} {
		var buf bytes.Buffer
		buf.WriteString("<p>I am</p>")
		bindShortWords(&buf, 0, lang)
		if got := buf.String(); got != want {
			t.Errorf("%s: got %q, want %q", lang, got, want)
		}
	}
}

// A page with nothing to bind costs no allocation, and neither does one
// with something, once the buffer has room for it.
func TestBindShortWordsAllocations(t *testing.T) {
	const page = `<!doctype html><html lang=pl><head><title>O nas</title></head><body><main><h1>Plan rozwoju</h1><p>Mieszkańcy oraz <a href="/x/">organizacje</a> przyjęli plan.</p></main></body></html>`
	var buf bytes.Buffer
	if n := testing.AllocsPerRun(100, func() {
		buf.Reset()
		buf.WriteString(page)
		bindShortWords(&buf, 0, "pl")
	}); n != 0 {
		t.Errorf("a page with no one-letter word: %v allocations, want 0", n)
	}
	bound := strings.Replace(page, "plan.", "plan w mieście i gminie.", 1)
	buf.Grow(3 * len(bound))
	if n := testing.AllocsPerRun(100, func() {
		buf.Reset()
		buf.WriteString(bound)
		bindShortWords(&buf, 0, "pl")
	}); n != 0 {
		t.Errorf("a page with one-letter words: %v allocations, want 0", n)
	}
	if !strings.Contains(buf.String(), "plan w\u00a0mieście i\u00a0gminie.") {
		t.Errorf("not bound: %s", buf.String())
	}
}

// BenchmarkBindShortWords measures the pass alone on every page of a
// 100-entry site, rendered from the layouts as written and from the
// layouts minified (what ratusz build does): "scan" on pages bound
// already, which it reads and leaves as they are (what a page with no
// one-letter word costs), "bind" on the same pages with ordinary spaces,
// which it rewrites. "write" is putting the page in the buffer, which
// both include.
func BenchmarkBindShortWords(b *testing.B) {
	s := sitetest.Corpus(b, 100)
	theme, err := fs.Sub(ratusz.Theme(), "layouts")
	if err != nil {
		b.Fatal(err)
	}
	m := output.NewMinifier()
	compact := func(text string) (string, *problem.Problem) {
		small, err := m.Layout(text)
		if err != nil {
			return "", &problem.Problem{Msg: err.Msg}
		}
		return small, nil
	}
	for _, layouts := range []struct {
		name    string
		compact func(string) (string, *problem.Problem)
	}{{"written", nil}, {"minified", compact}} {
		r, errs := New(s, Options{BaseURL: "https://example.org/", Theme: theme, Compact: layouts.compact})
		if len(errs) > 0 {
			b.Fatal(errs.Err())
		}
		var bound, spaced [][]byte
		size := 0
		for _, p := range r.Pages() {
			var buf bytes.Buffer
			if err := r.RenderTo(&buf, p); err != nil {
				b.Fatal(err)
			}
			bound = append(bound, buf.Bytes())
			spaced = append(spaced, bytes.ReplaceAll(buf.Bytes(), []byte("\u00a0"), []byte(" ")))
			size += buf.Len()
		}
		for _, bm := range []struct {
			name  string
			pages [][]byte
			pass  bool
		}{{"write", spaced, false}, {"scan", bound, true}, {"bind", spaced, true}} {
			b.Run(layouts.name+"/"+bm.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(size))
				var buf bytes.Buffer
				for b.Loop() {
					for _, page := range bm.pages {
						buf.Reset()
						buf.Write(page)
						if bm.pass {
							bindShortWords(&buf, 0, "pl")
						}
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bm.pages)), "ns/page")
				b.ReportMetric(float64(size)/float64(len(bm.pages)), "B/page")
			})
		}
	}
}

// FuzzBindShortWords checks that the pass, on any input, changes nothing
// but white space in text: the tokens of the page, as an HTML tokenizer
// reads them, are the same, tags, attributes, comments, the text of
// <script>, <style>, <title>, <textarea> and the code elements byte for
// byte, other text but for runs of white space that became one no-break
// space.
func FuzzBindShortWords(f *testing.F) {
	for _, s := range []string{
		"<p>„w domu” I etap, Z tego</p>", "<p>w <a href=\"/w x/\" title='a > b'>domu</a></p>",
		"<pre><code>a b</code></pre><p>i <kbd>x</kbd> a</p>", "<script>w x</script><style>a b</style><title>o x</title>",
		"<!-- w x --><p>a&nbsp;b &amp; i c</p>", "<svg><text>a b</text></svg><svg/>u v", "a < b <b>w</b> x", "<p>a </0 b> i x</p>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		var buf bytes.Buffer
		buf.WriteString(page)
		bindShortWords(&buf, 0, "pl")
		got, want := tokens(buf.String()), tokens(page)
		if len(got) != len(want) {
			t.Fatalf("%q became %q: %d tokens, want %d", page, buf.String(), len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q became %q: token %d is %q, want %q", page, buf.String(), i, got[i], want[i])
			}
		}
	})
}

// tokens are the tokens of an HTML page, each as its raw bytes; text
// outside code and raw text elements with every run of white space and
// no-break spaces made one space.
func tokens(page string) []string {
	z := html.NewTokenizer(strings.NewReader(page))
	var out []string
	code, raw := 0, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		tok := string(z.Raw())
		name, _ := z.TagName()
		switch tt {
		case html.TextToken:
			if code == 0 && !raw {
				tok = strings.Join(strings.FieldsFunc(tok, func(r rune) bool {
					return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\u00a0'
				}), " ")
			}
		case html.StartTagToken:
			switch string(name) {
			case "code", "pre", "kbd", "samp", "svg", "math":
				code++
			}
		case html.EndTagToken:
			switch string(name) {
			case "code", "pre", "kbd", "samp", "svg", "math":
				code = max(code-1, 0)
			}
		}
		raw = tt == html.StartTagToken && slices.Contains([]string{"script", "style", "title", "textarea"}, string(name))
		out = append(out, tok)
	}
}
