package generator_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/output"
	"golang.org/x/net/html"
)

// xssPayloads reads testdata/xss/payloads.txt.
func xssPayloads(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/xss/payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ps []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "# ") {
			ps = append(ps, l)
		}
	}
	if len(ps) < 30 {
		t.Fatalf("%d payloads; want the whole list", len(ps))
	}
	return ps
}

// q writes s as a YAML string.
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// xssBody is a Markdown body that tries every way Markdown has to smuggle
// in script: the payload as raw HTML, script links and images in every
// spelling, reference links, autolinks and attribute syntax.
func xssBody(p string) string {
	return fmt.Sprintf(`%s

Akapit z %s w środku.

# Nagłówek {onclick="alert(1)" #id .klasa}

[link](javascript:alert(1)) [link](JaVaScRiPt:alert(1)) [link](  javascript:alert(1))
[link](vbscript:msgbox(1)) [link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[link](java&#x09;script:alert(1)) [link](&#106;avascript:alert(1)) [link](java%%0Ascript:alert(1))
![obraz](javascript:alert(1)) ![obraz](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
<javascript:alert(1)> <vbscript:msgbox(1)>
[ref] [ref2]

[ref]: javascript:alert(1)
[ref2]: data:text/html,<script>alert(1)</script>

<div onclick="alert(1)">blok</div>

| a | b |
|---|---|
| %s | <script>alert(1)</script> |

* %s
`, p, p, p, p)
}

// xssSite writes a site with every payload in every text field of every
// kind and in every body.
func xssSite(t *testing.T, payloads []string, withPayloads bool) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/documents/pliki/plan.pdf": "%PDF-1.4\n",
		"static/pliki/plan.pdf":            "%PDF-1.4\n",
		"content/_index.md":                "---\ntitle: Strona\n---\n",
	}
	png, err := os.ReadFile("testdata/site/content/meetings/zdjecia/sala.png")
	if err != nil {
		t.Fatal(err)
	}
	if !withPayloads {
		payloads = []string{"zwykły tekst"}
	}
	for i, p := range payloads {
		v := q(p)
		topic := q(p + " temat")
		body := xssBody(p)
		n := fmt.Sprintf("x%02d", i)
		files["content/cities/"+n+".md"] = fmt.Sprintf("---\ntitle: %s\nsummary: %s\ncountry: DE\nregion: %s\ntopics: [%s]\nparams: {note: %s}\n---\n\n%s", v, v, v, topic, v, body)
		files["content/programmes/"+n+".md"] = fmt.Sprintf("---\ntitle: %s\nshort: %s\nfunder: %s\ntopics: [%s]\n---\n\n%s", v, v, v, topic, body)
		files["content/organisations/"+n+".md"] = fmt.Sprintf("---\ntitle: %s\ncity: %s\ntopics: [%s]\n---\n\n%s", v, n, topic, body)
		files["content/partnerships/"+n+".md"] = fmt.Sprintf("---\ntitle: %s\nsummary: %s\ncities: [%s]\nleader: cities/%s\nmembers: [%s]\nprogrammes: [%s]\n---\n\n%s", v, v, n, n, n, n, body)
		files["content/documents/"+n+".md"] = fmt.Sprintf("---\ntitle: %s\ntype: strategia\nstatus: adopted\ncities: [%s]\npartnership: %s\nadopted: {date: 2020-01-02, by: %s, resolution: %s}\nattachments:\n  - {file: pliki/plan.pdf, title: %s}\ntopics: [%s]\n---\n\n%s", v, n, n, v, v, v, topic, body)
		files["content/meetings/"+n+".md"] = fmt.Sprintf("---\ntitle: %s\nsummary: %s\ndate: 2021-06-10\ncities: [%s]\nplace: {name: %s, address: %s, city: %s}\norganisers: [cities/%s]\ndocuments: [%s]\nimages:\n  - {file: sala.png, alt: %s, credit: %s}\nminutes: {file: pliki/plan.pdf, title: %s}\n---\n\n%s", v, v, n, v, v, n, n, n, v, v, v, body)
		files["content/pages/"+n+".md"] = fmt.Sprintf("---\ntitle: %s\nsummary: %s\n---\n\n%s", v, v, body)
		files["content/meetings/sala.png"] = string(png)
	}
	for name, text := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), []byte(text))
	}
	return dir
}

// buildXSS builds a site written by xssSite into memory.
func buildXSS(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	cfg := generator.Config{Content: filepath.Join(dir, "content"), Static: filepath.Join(dir, "static"), Now: june2021, BaseURL: "https://gmina.example/strategie/"}
	var mem output.Memory
	if _, err := generator.BuildTo(context.Background(), cfg, &mem); err != nil {
		t.Fatalf("content with markup in it must build, as text: %v", err)
	}
	return mem.Files
}

// urlAttrs are the attributes a browser follows or runs.
var urlAttrs = []string{"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc", "ping", "codebase", "cite", "longdesc", "manifest", "srcset"}

// forbidden are elements content must never produce.
var forbidden = []string{"script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base", "form", "button", "input", "textarea", "select", "style", "link", "meta", "template", "noscript", "video", "audio", "source", "marquee", "details"}

// TestNoScriptFromContent feeds every payload of testdata/xss/payloads.txt
// through every text field of every kind and through bodies, builds, and
// reads every file of the site: no page may hold an element, attribute or
// URL that the theme does not put there itself, and no other file may
// carry a payload unescaped.
func TestNoScriptFromContent(t *testing.T) {
	payloads := xssPayloads(t)
	clean := buildXSS(t, xssSite(t, nil, false))
	allowed := map[string]bool{} // element+attributes the theme writes
	for name, b := range clean {
		if strings.HasSuffix(name, ".html") {
			walkHTML(t, name, b, func(n *html.Node) { allowed[nodeKey(n)] = true })
		}
	}
	files := buildXSS(t, xssSite(t, payloads, true))
	if len(files) < 7*len(payloads) {
		t.Fatalf("built %d files for %d payloads; want a page per entry", len(files), len(payloads))
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	checked := map[string]int{}
	for _, name := range names {
		b := files[name]
		ext := path.Ext(name)
		checked[ext]++
		switch ext {
		case ".html", ".htm":
			checkHTML(t, name, b, allowed)
		case ".xml", ".atom", ".rss", ".svg":
			checkXML(t, name, b)
		case ".json", ".webmanifest":
			checkJSON(t, name, b, payloads)
		case ".ics":
			checkICS(t, name, b, payloads)
		case ".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".pdf", ".ico":
			// Copied from the theme or static/, not made from content.
		default:
			checkText(t, name, b, payloads)
		}
	}
	t.Logf("checked %d files by type: %v", len(names), checked)
}

func walkHTML(t *testing.T, name string, b []byte, f func(*html.Node)) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			f(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// nodeKey is an element with its attributes, the way the theme writes it;
// values of links and texts vary, so only names and the scheme of URLs count.
func nodeKey(n *html.Node) string {
	var b strings.Builder
	b.WriteString(n.Data)
	for _, a := range n.Attr {
		b.WriteString(" " + a.Key)
		if a.Key == "http-equiv" || a.Key == "rel" || a.Key == "type" || a.Key == "name" {
			b.WriteString("=" + a.Val)
		}
	}
	return b.String()
}

func checkHTML(t *testing.T, name string, b []byte, allowed map[string]bool) {
	t.Helper()
	walkHTML(t, name, b, func(n *html.Node) {
		key := nodeKey(n)
		if slices.Contains(forbidden, n.Data) && !allowed[key] {
			t.Errorf("%s: <%s> made from content: %s", name, n.Data, render(n))
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			if strings.HasPrefix(k, "on") {
				t.Errorf("%s: <%s %s=%q>: an event attribute", name, n.Data, a.Key, a.Val)
			}
			if slices.Contains(urlAttrs, k) || (n.Data == "meta" && k == "content" && isRefresh(n)) {
				if s := scriptScheme(a.Val); s != "" {
					t.Errorf("%s: <%s %s=%q>: a %s URL", name, n.Data, a.Key, a.Val, s)
				}
			}
			if k == "style" && !allowed[key] {
				t.Errorf("%s: <%s style=%q> made from content", name, n.Data, a.Val)
			}
		}
	})
}

func isRefresh(n *html.Node) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, "http-equiv") && strings.EqualFold(a.Val, "refresh") {
			return true
		}
	}
	return false
}

// scriptScheme returns the dangerous scheme a URL uses, as a browser
// would read it: ignoring case, spaces and control characters.
func scriptScheme(u string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(u) {
		if r > ' ' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if i := strings.Index(s, ";url="); i >= 0 { // meta refresh
		s = s[i+len(";url="):]
	}
	for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(s, scheme) {
			return strings.TrimSuffix(scheme, ":")
		}
	}
	return ""
}

func render(n *html.Node) string {
	var b bytes.Buffer
	html.Render(&b, n)
	s := b.String()
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// checkXML: feeds and sitemaps are well-formed, with no elements from
// content (a payload's markup is text in them).
func checkXML(t *testing.T, name string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", name, err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok {
			if n := strings.ToLower(se.Name.Local); n == "script" || n == "iframe" || n == "img" || n == "svg" {
				t.Errorf("%s: <%s> element from content", name, se.Name.Local)
			}
			for _, a := range se.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("%s: %s attribute on <%s>", name, a.Name.Local, se.Name.Local)
				}
				if s := scriptScheme(a.Value); s != "" {
					t.Errorf("%s: <%s %s=%q>: a %s URL", name, se.Name.Local, a.Name.Local, a.Value, s)
				}
			}
		}
	}
}

// checkJSON: valid JSON (JSON-LD, a search index) in which no payload's
// markup appears as is: "<" must be written \u003c, so that the JSON
// cannot close a <script> element it is embedded in.
func checkJSON(t *testing.T, name string, b []byte, payloads []string) {
	t.Helper()
	if !json.Valid(b) {
		t.Errorf("%s: not valid JSON", name)
	}
	checkText(t, name, b, payloads)
}

// checkICS: a calendar; no payload may start a line of its own or hold
// its , ; and \ unescaped.
func checkICS(t *testing.T, name string, b []byte, payloads []string) {
	t.Helper()
	for _, p := range payloads {
		if strings.ContainsAny(p, ",;\\") && bytes.Contains(b, []byte(p)) {
			t.Errorf("%s: payload %q is not escaped", name, p)
		}
	}
}

// checkText: a file of any other type holds no payload with markup as is.
func checkText(t *testing.T, name string, b []byte, payloads []string) {
	t.Helper()
	for _, p := range payloads {
		if strings.ContainsAny(p, "<>") && bytes.Contains(b, []byte(p)) {
			t.Errorf("%s: payload %q appears unescaped", name, p)
		}
	}
}
