package markdown

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRender checks that no body makes Render fail or panic, that the
// HTML holds only the elements and attributes this package writes, with
// no script and no event handler, and that the outline is sound.
func FuzzRender(f *testing.F) {
	f.Add(string(golden(f)))
	for _, tt := range xssTests {
		f.Add(tt.src)
	}
	for _, s := range []string{
		"# Strategia\n\n## Cele współpracy\n\n## Cele współpracy\n",
		"Partnerstwo \"Wspieramy rozwój\" -- 'wspólna' sprawa Shakespeare'a...",
		"| Etap | Termin |\n|:--|--:|\n| Konsultacje | I kw. 2024 |\n",
		"- [Łódź](/miasta/lodz/)\n- <kontakt@example.pl>\n- www.gdansk.pl\n",
		"![](/ozdobnik.svg) ![Mapa](/mapa.png \"t\")",
		"[x](<javascript:alert(1)>) [y](&#x6a;avascript:alert(1)) [z](\tjavascript:alert(1))",
		"<a href=\"javascript:alert(1)\">x</a> <svg onload=alert(1)> <iframe src=x>",
		"[x]: javascript:alert(1)\n\n[x]",
		"::: lang=en\nThe strategy.\n\n- one\n:::\n",
		"::: lang=\"><script>alert(1)</script>\nx\n:::\n::: lang=de\n::: lang=uk\nx\n:::\n",
	} {
		f.Add(s)
	}
	r := New(Options{ExternalNote: "otwiera stronę zewnętrzną"})
	f.Fuzz(func(t *testing.T, src string) {
		res, err := r.Render([]byte(src))
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if msg := unsafeMarkup(res.HTML); msg != "" {
			t.Fatalf("%s\nin:\n%s", msg, res.HTML)
		}
		seen := map[string]bool{}
		for _, h := range res.Headings {
			if h.Level < 2 || h.Level > 6 {
				t.Errorf("heading %+v: level outside 2…6", h)
			}
			if !validID.MatchString(h.ID) {
				t.Errorf("heading %+v: id is not an ASCII slug", h)
			}
			if seen[h.ID] {
				t.Errorf("heading %+v: id repeated", h)
			}
			seen[h.ID] = true
		}
		lines := strings.Count(src, "\n") + 1
		for _, l := range res.Links {
			if l.Line < 1 || l.Line > lines {
				t.Errorf("link %+v: line outside 1…%d", l, lines)
			}
		}
		if utf8.ValidString(src) && !utf8.ValidString(res.Summary) {
			t.Errorf("summary %q is not valid UTF-8", res.Summary)
		}
	})
}

var validID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// allowedTags are the elements this package may write.
var allowedTags = map[string]bool{
	"p": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"a": true, "img": true, "em": true, "strong": true, "del": true, "code": true,
	"pre": true, "ul": true, "ol": true, "li": true, "blockquote": true, "hr": true, "br": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"div": true, "span": true,
}

// unsafeMarkup returns why out is not safe to put in a page, or "". It
// relies on the shape of goldmark's output: every < in text is escaped,
// so every < starts a tag, and every attribute is name="value" with the
// value escaped.
func unsafeMarkup(out []byte) string {
	s := string(out)
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return ""
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			return "unterminated tag " + s[i:]
		}
		tag := s[i+1 : i+end]
		s = s[i+end+1:]

		name, attrs, _ := strings.Cut(strings.TrimPrefix(tag, "/"), " ")
		if !allowedTags[name] {
			return "element <" + tag + ">"
		}
		for attrs = strings.TrimSpace(attrs); attrs != ""; attrs = strings.TrimSpace(attrs) {
			attr, rest, ok := strings.Cut(attrs, `="`)
			if !ok {
				return "malformed attributes in <" + tag + ">"
			}
			value, rest, ok := strings.Cut(rest, `"`)
			if !ok {
				return "unterminated attribute in <" + tag + ">"
			}
			attrs = rest
			attr = strings.ToLower(attr)
			if strings.HasPrefix(attr, "on") || strings.ContainsAny(attr, " \t\n/") {
				return "attribute " + attr + " in <" + tag + ">"
			}
			if attr == "href" || attr == "src" {
				if scheme := urlScheme(html.UnescapeString(value)); scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "file" {
					return scheme + ": URL in <" + tag + ">"
				}
			}
		}
	}
}

// urlScheme returns the lower-case scheme of u as a browser parses it.
func urlScheme(u string) string {
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || strings.ContainsAny(scheme, "/?#") {
		return ""
	}
	return strings.ToLower(scheme)
}
