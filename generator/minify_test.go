package generator_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/output"
	"golang.org/x/net/html"
)

// minified builds the test site as ratusz build publishes it, and without
// minifying.
func minified(t *testing.T) (small, plain map[string][]byte) {
	t.Helper()
	cfg := testConfig("testdata/site")
	plain, _ = buildMemory(t, cfg)
	cfg.Minify = true
	small, _ = buildMemory(t, cfg)
	return small, plain
}

// Minifying makes pages, stylesheets, scripts, the sitemap and the feeds
// smaller; iCalendar files, whose lines have rules of their own, and
// files that are not text stay as they are.
func TestMinifiedBuildIsSmaller(t *testing.T) {
	small, plain := minified(t)
	if len(small) != len(plain) {
		t.Fatalf("the minified build has %d files, the plain one %d", len(small), len(plain))
	}
	total := func(files map[string][]byte) (n int) {
		for _, b := range files {
			n += len(b)
		}
		return n
	}
	t.Logf("minified: %d bytes, not minified: %d bytes", total(small), total(plain))
	for name, b := range plain {
		s, ok := small[unhash(name)]
		if !ok {
			for n, data := range small {
				if unhash(n) == unhash(name) {
					s, ok = data, true
				}
			}
		}
		if !ok {
			t.Errorf("%s: missing from the minified build", name)
			continue
		}
		switch ext := path.Ext(name); {
		case name == "index.html", name == "dokumenty/lsr/index.html", name == "sitemap.xml", name == "atom.xml", ext == ".css", ext == ".js":
			if len(s) >= len(b) {
				t.Errorf("%s: %d bytes minified, %d not: want fewer", name, len(s), len(b))
			}
		case ext == ".ics", ext == ".pdf", ext == ".png", ext == ".docx", ext == ".txt":
			if !bytes.Equal(s, b) {
				t.Errorf("%s: changed by minifying, want it as it is", name)
			}
		case ext == ".html", ext == ".xml", ext == ".json":
			if len(s) > len(b) {
				t.Errorf("%s: %d bytes minified, %d not: want no more", name, len(s), len(b))
			}
		}
	}
	// Indentation between tags is gone.
	if page := string(small["index.html"]); strings.Contains(page, "  <") {
		t.Errorf("index.html still has indentation:\n%.400s", page)
	}
}

// A minified page says what the page as written says: the same elements
// with the same attributes, in the same order, and the same words, with
// the same spaces between them.
func TestMinifiedPagesMeanTheSame(t *testing.T) {
	small, plain := minified(t)
	n := 0
	for name, b := range plain {
		if path.Ext(name) != ".html" {
			continue
		}
		n++
		// The stylesheet's fingerprint is the minified stylesheet's.
		got, want := unhash(outline(t, small[name])), unhash(outline(t, b))
		if got != want {
			t.Errorf("%s: minifying changed the page:\n%s", name, firstDiff(got, want))
		}
	}
	if n < 20 {
		t.Errorf("only %d pages compared", n)
	}
}

// outline lists a page's elements with their attributes, one a line, and
// its text with every run of whitespace made one space, outside <pre>.
func outline(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var text strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(text.String()), " "); s != "" {
			b.WriteString("text: " + s + "\n")
		}
		text.Reset()
	}
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				flush()
				b.WriteString("pre: " + n.Data + "\n")
			} else {
				text.WriteString(n.Data)
			}
			return
		case html.ElementNode:
			// An element starts a new line of text only where HTML
			// breaks the line: inline elements keep the words around
			// them together, as a reader sees them.
			if !inline[n.Data] {
				flush()
			}
			b.WriteString("<" + n.Data)
			for _, a := range n.Attr {
				if defaults[n.Data+" "+a.Key+"="+a.Val] {
					continue // the minifier leaves out what HTML assumes
				}
				// The minifier writes lists of values without the space
				// after the comma: "width=device-width,initial-scale=1".
				b.WriteString(" " + a.Key + "=" + strings.ReplaceAll(a.Val, ", ", ","))
			}
			b.WriteString(">\n")
			pre = pre || n.Data == "pre" || n.Data == "textarea" || n.Data == "script" || n.Data == "style"
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if n.Type == html.ElementNode && !inline[n.Data] {
			flush()
		}
	}
	walk(doc, false)
	flush()
	return b.String()
}

// defaults are attributes with the values HTML gives them when they are
// not there.
var defaults = map[string]bool{"form method=get": true, "input type=text": true, "button type=submit": true}

var inline = map[string]bool{"a": true, "abbr": true, "b": true, "code": true, "em": true, "i": true, "small": true, "span": true, "strong": true, "time": true, "sup": true, "sub": true, "mark": true, "q": true}

// The minified sitemap and feeds are well-formed XML, the open data and
// search index valid JSON, with the same values as before minifying.
func TestMinifiedFilesParse(t *testing.T) {
	small, plain := minified(t)
	n := 0
	for name, b := range small {
		switch path.Ext(name) {
		case ".xml":
			n++
			d := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("%s: not well-formed XML after minifying: %v", name, err)
					break
				}
			}
		case ".json":
			n++
			var got, want any
			if err := json.Unmarshal(b, &got); err != nil {
				t.Errorf("%s: not JSON after minifying: %v", name, err)
				continue
			}
			json.Unmarshal(plain[name], &want)
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			if !bytes.Equal(g, w) {
				t.Errorf("%s: minifying changed the values", name)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d XML and JSON files checked", n)
	}
}

// The open data and the search index are written as encoding/json writes
// them, which the minifier would change only by the last line end: a
// build does not run it on them, and gives the same bytes.
func TestSiteJSONIsAlreadyMinified(t *testing.T) {
	small, plain := minified(t)
	m := output.NewMinifier()
	n := 0
	for name, b := range small {
		if path.Ext(name) != ".json" || strings.HasPrefix(name, "css/") || strings.HasPrefix(name, "js/") {
			continue
		}
		n++
		want, err := m.Bytes(name, plain[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s: %d bytes, but the minifier gives %d", name, len(b), len(want))
		}
	}
	if n < 5 {
		t.Errorf("only %d JSON files checked", n)
	}
}

// Every stylesheet and script a built page links is in the output under
// a name with the hash of its content, and the plain name holds the same
// bytes.
func TestFingerprintedReferencesResolve(t *testing.T) {
	for _, minify := range []bool{false, true} {
		cfg := testConfig("testdata/site")
		cfg.Minify = minify
		cfg.BaseURL = "/strategie/"
		files, _ := buildMemory(t, cfg)
		seen := map[string]bool{}
		for name, b := range files {
			if path.Ext(name) != ".html" {
				continue
			}
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			for n := range doc.Descendants() {
				var ref string
				switch {
				case n.Type != html.ElementNode:
				case n.Data == "link" && attr(n, "rel") == "stylesheet":
					ref = attr(n, "href")
				case n.Data == "script" && attr(n, "src") != "":
					ref = attr(n, "src")
				}
				if ref == "" {
					continue
				}
				site, ok := strings.CutPrefix(ref, "/strategie/")
				m := hashed.FindStringSubmatch(site)
				if !ok || m == nil {
					t.Errorf("minify %v, %s: %q is not a fingerprinted name under /strategie/", minify, name, ref)
					continue
				}
				data, ok := files[site]
				if !ok {
					t.Errorf("minify %v, %s: %s is not in the output", minify, name, ref)
					continue
				}
				if sum := sha256.Sum256(data); hex.EncodeToString(sum[:])[:8] != m[2] {
					t.Errorf("minify %v, %s: %s does not carry the hash of its content", minify, name, ref)
				}
				if !bytes.Equal(files[m[1]+m[3]], data) {
					t.Errorf("minify %v: %s and %s differ", minify, m[1]+m[3], site)
				}
				seen[m[1]+m[3]] = true
			}
		}
		if !seen["css/ratusz.css"] || !seen["js/search.js"] {
			t.Errorf("minify %v: the pages link %v, want css/ratusz.css and js/search.js among them", minify, seen)
		}
	}
}

var hashed = regexp.MustCompile(`^(.+)\.([0-9a-f]{8})(\.(?:css|js))$`)

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// A site's own stylesheet replaces the built-in one: pages link it under
// its own hash, and the built-in one is not published.
func TestSiteStylesheetFingerprinted(t *testing.T) {
	dir := t.TempDir()
	site := copyDir(t, "testdata/site", dir)
	css := filepath.Join(site, "static", "css", "ratusz.css")
	os.MkdirAll(filepath.Dir(css), 0o755)
	os.WriteFile(css, []byte("body {\n  color: #000000;\n}\n"), 0o644)
	cfg := testConfig(site)
	cfg.Minify = true
	files, _ := buildMemory(t, cfg)
	var names []string
	for name := range files {
		if strings.HasPrefix(name, "css/") {
			names = append(names, name)
		}
	}
	if len(names) != 2 {
		t.Fatalf("css/ holds %q, want the site's stylesheet under its plain and fingerprinted name", names)
	}
	want := "body{color:#000}"
	if got := string(files["css/ratusz.css"]); got != want {
		t.Errorf("css/ratusz.css is %q, want the site's, minified: %q", got, want)
	}
	sum := sha256.Sum256([]byte(want))
	link := `href="/css/ratusz.` + hex.EncodeToString(sum[:])[:8] + `.css"`
	if page := string(files["index.html"]); !strings.Contains(page, link) {
		t.Errorf("index.html does not link the site's stylesheet (%s)", link)
	}
}

// A stylesheet the minifier cannot read is an error at its line, with the
// way out.
func TestStaticThatCannotBeMinified(t *testing.T) {
	site := copyDir(t, "testdata/site", t.TempDir())
	js := filepath.Join(site, "static", "js", "map.js")
	os.MkdirAll(filepath.Dir(js), 0o755)
	os.WriteFile(js, []byte("let a = 1;\nlet b = (;\n"), 0o644)
	cfg := testConfig(site)
	cfg.Minify = true
	_, err := generator.BuildTo(t.Context(), cfg, discardWriter{})
	want := filepath.ToSlash(filepath.Join(site, "static")) + "/js/map.js:2: cannot minify: "
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "-minify=false") {
		t.Errorf("error %v, want one starting %q that names -minify=false", err, want)
	}
	cfg.Minify = false
	if _, err := generator.BuildTo(t.Context(), cfg, discardWriter{}); err != nil {
		t.Errorf("with minify off: %v", err)
	}
}

type discardWriter struct{}

func (discardWriter) WriteFile(string, []byte) error { return nil }

// copyDir copies the folder from into a new folder in to and returns it.
func copyDir(t *testing.T, from, to string) string {
	t.Helper()
	dst := filepath.Join(to, filepath.Base(from))
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// No tag of a minified page holds a line end, a tab or two spaces between
// its attributes: the search page's <form>, whose attributes stand on
// lines of their own in the layout, is one tag of every kind of page
// checked.
func TestMinifiedTagsHaveNoWhitespaceRuns(t *testing.T) {
	small, _ := minified(t)
	builtIn, _ := buildMemory(t, generator.Config{Content: "../content", Settings: "../ratusz.toml", Static: "../static", Now: june2021, Minify: true})
	tags := 0
	for site, files := range map[string]map[string][]byte{"test site": small, "built-in": builtIn} {
		for name, b := range files {
			if path.Ext(name) != ".html" {
				continue
			}
			z := html.NewTokenizer(bytes.NewReader(b))
			for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
				if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
					continue
				}
				tags++
				if bad := tagWhitespace(z.Raw()); bad != "" {
					t.Errorf("%s %s: whitespace %q inside the tag %.80q", site, name, bad, z.Raw())
				}
			}
		}
	}
	if tags < 1000 {
		t.Errorf("only %d tags checked", tags)
	}
}

// tagWhitespace returns the first run of whitespace but a single space
// outside the quoted values of a tag as written, or "".
func tagWhitespace(raw []byte) string {
	var quote byte
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f':
			j := i
			for j < len(raw) && strings.IndexByte(" \n\t\r\f", raw[j]) >= 0 {
				j++
			}
			if string(raw[i:j]) != " " || j < len(raw) && raw[j] == '>' {
				return string(raw[i:j])
			}
			i = j - 1
		}
	}
	return ""
}
