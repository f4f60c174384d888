package generator_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// unboundShortWord finds a one-letter word followed by an ordinary space
// and another word: a line could end with it.
var unboundShortWord = regexp.MustCompile(`(?:^|[^\pL\pN\pM\-_.'’/@\\])[aiouwzAIOUWZ][ \t\n\r\f]+[^ \t\n\r\f]`)

// boundPair finds two words joined by a no-break space.
var boundPair = regexp.MustCompile(`[^\s\x{a0}]*\x{a0}[^\s\x{a0}]*`)

// pageText is the text of a page's elements, each text node on a line of
// its own, outside what a reader does not read as text: <title>,
// <script>, <style> and the code elements. Those are in hidden, with the
// JSON-LD.
func pageText(t *testing.T, name string, page []byte) (text, hidden string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var shown, other strings.Builder
	var walk func(n *html.Node, code bool)
	walk = func(n *html.Node, code bool) {
		if n.Type == html.TextNode {
			if code {
				other.WriteString(n.Data + "\n")
			} else {
				shown.WriteString(n.Data + "\n")
			}
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title", "script", "style", "code", "pre", "kbd", "samp":
				code = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, code)
		}
	}
	walk(doc, false)
	return shown.String(), other.String()
}

// In the text of a Polish site's pages no one-letter word is left before
// an ordinary space, whether the build minifies or not, and the two
// builds bind the same words; nothing else the build writes (feeds,
// calendars, open data, the search index, the sitemap, the JSON-LD of
// pages) has a no-break space, as the content has none.
func TestShortWordsBoundInPagesOnly(t *testing.T) {
	filepath.WalkDir("testdata/site/content", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if bytes.ContainsRune(b, '\u00a0') || bytes.Contains(b, []byte("&nbsp;")) || bytes.Contains(b, []byte("&#160;")) {
			t.Fatalf("%s has a no-break space of its own: the test needs content without", p)
		}
		return err
	})
	small, plain := minified(t)
	pairs := 0
	for name, page := range plain {
		if path.Ext(name) != ".html" {
			if bytes.ContainsRune(page, '\u00a0') || bytes.Contains(page, []byte("&nbsp;")) || bytes.ContainsRune(small[name], '\u00a0') {
				t.Errorf("%s has a no-break space", name)
			}
			continue
		}
		if bytes.Contains(page, []byte(`http-equiv="refresh"`)) {
			continue // an alias, left at once for its page
		}
		text, hidden := pageText(t, name, page)
		smallText, smallHidden := pageText(t, name, small[name])
		for _, h := range []string{hidden, smallHidden} {
			if strings.ContainsRune(h, '\u00a0') {
				t.Errorf("%s: a no-break space in code, <title>, <script> or <style>:\n%s", name, h)
			}
		}
		for _, line := range strings.Split(text, "\n") {
			if m := unboundShortWord.FindString(line); m != "" {
				t.Errorf("%s: %q is not bound, in %q", name, m, line)
			}
		}
		got, want := boundPair.FindAllString(smallText, -1), boundPair.FindAllString(text, -1)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the minified page binds\n%q\nthe page as written\n%q", name, got, want)
		}
		pairs += len(want)
	}
	if pairs < 50 {
		t.Errorf("%d pairs of words bound in the test site; want the many of its Polish text", pairs)
	}
	// A title shows bound on its page, and is in the search index as
	// written, where a query with an ordinary space finds it.
	const title = "Program współpracy z organizacjami pozarządowymi na 2021 rok"
	if !bytes.Contains(plain["dokumenty/program-ngo/index.html"], []byte("<h1>"+strings.Replace(title, "z ", "z\u00a0", 1)+"</h1>")) {
		t.Errorf("the document's heading is not %q with z bound", title)
	}
	found := false
	for name, data := range plain {
		if !strings.HasPrefix(name, "szukaj/d/") {
			continue
		}
		z, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text, err := io.ReadAll(z)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found = found || bytes.Contains(text, []byte(`"t":"`+title+`"`))
	}
	if !found {
		t.Errorf("no fragment of the search index has the title %q as written", title)
	}
}

// A site in English has no word bound.
func TestShortWordsOnlyInPolish(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content", "_index.md"), []byte("---\ntitle: A town and a county\nlang: en\n---\n\nI am a town, a county, o well.\n"))
	writeFile(t, filepath.Join(dir, "content", "pages", "about.md"), []byte("---\ntitle: I am a page\n---\n\nA page in a site.\n"))
	files, _ := buildMemory(t, testConfig(dir))
	for name, data := range files {
		if bytes.ContainsRune(data, '\u00a0') {
			t.Errorf("%s has a no-break space:\n%s", name, data)
		}
	}
	if len(files) == 0 {
		t.Fatal("nothing built")
	}
}
