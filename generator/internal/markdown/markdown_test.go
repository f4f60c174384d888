package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/slug"
)

// render renders src with a Polish renderer, failing the test on error.
func render(t *testing.T, src string) Result {
	t.Helper()
	return renderLang(t, "pl", src)
}

func renderLang(t *testing.T, lang, src string) Result {
	t.Helper()
	res, err := New(Options{Lang: lang}).Render([]byte(src))
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return res
}

type htmlTest struct {
	name, src, want string
}

func testHTML(t *testing.T, lang string, tests []htmlTest) {
	t.Helper()
	r := New(Options{Lang: lang})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatalf("Render(%q): %v", tt.src, err)
			}
			if got := string(res.HTML); got != tt.want {
				t.Errorf("Render(%q)\ngot:\n%s\nwant:\n%s", tt.src, got, tt.want)
			}
		})
	}
}

func TestGFM(t *testing.T) {
	testHTML(t, "pl", []htmlTest{
		{"table header cells are column headers",
			"| Miasto | Rok |\n|---|---|\n| Łódź | 2024 |\n",
			"<table>\n<thead>\n<tr>\n<th scope=\"col\">Miasto</th>\n<th scope=\"col\">Rok</th>\n</tr>\n</thead>\n" +
				"<tbody>\n<tr>\n<td>Łódź</td>\n<td>2024</td>\n</tr>\n</tbody>\n</table>\n"},
		{"aligned header cells keep scope",
			"| A | B |\n|:--|--:|\n",
			"<table>\n<thead>\n<tr>\n<th scope=\"col\" style=\"text-align:left\">A</th>\n" +
				"<th scope=\"col\" style=\"text-align:right\">B</th>\n</tr>\n</thead>\n</table>\n"},
		{"strikethrough",
			"Termin ~~maj~~ czerwiec.",
			"<p>Termin <del>maj</del> czerwiec.</p>\n"},
		{"bare URL",
			"Zobacz https://bip.example.pl/uchwaly.",
			"<p>Zobacz <a href=\"https://bip.example.pl/uchwaly\">https://bip.example.pl/uchwaly</a>.</p>\n"},
		{"www URL",
			"Strona www.example.pl",
			"<p>Strona <a href=\"http://www.example.pl\">www.example.pl</a></p>\n"},
		{"external link stays plain",
			"[BIP](https://bip.example.pl)",
			"<p><a href=\"https://bip.example.pl\">BIP</a></p>\n"},
	})
}

func TestHeadings(t *testing.T) {
	testHTML(t, "pl", []htmlTest{
		{"polish letters transliterated",
			"## Cele współpracy",
			"<h2 id=\"cele-wspolpracy\">Cele współpracy</h2>\n"},
		{"capital Ł",
			"## Łódź",
			"<h2 id=\"lodz\">Łódź</h2>\n"},
		{"other Latin diacritics folded",
			"## Café Müller in Plzeň",
			"<h2 id=\"cafe-muller-in-plzen\">Café Müller in Plzeň</h2>\n"},
		{"repeats get suffixes",
			"## Cele\n\n## Cele\n\n## Cele",
			"<h2 id=\"cele\">Cele</h2>\n<h2 id=\"cele-1\">Cele</h2>\n<h2 id=\"cele-2\">Cele</h2>\n"},
		{"suffix never collides with a written id",
			"## Cele 1\n\n## Cele\n\n## Cele",
			"<h2 id=\"cele-1\">Cele 1</h2>\n<h2 id=\"cele\">Cele</h2>\n<h2 id=\"cele-2\">Cele</h2>\n"},
		{"id from visible text, not markup",
			"## Partnerstwo z [Gdańskiem](/miasta/gdansk/) i `Łodzią`",
			"<h2 id=\"partnerstwo-z-gdanskiem-i-lodzia\">Partnerstwo z <a href=\"/miasta/gdansk/\">Gdańskiem</a> i <code>Łodzią</code></h2>\n"},
		{"punctuation and dashes become one hyphen",
			"## Plan 2024--2030: \"Razem\"!",
			"<h2 id=\"plan-2024-2030-razem\">Plan 2024–2030: „Razem”!</h2>\n"},
		{"heading without letters",
			"## ???",
			"<h2 id=\"heading\">???</h2>\n"},
		{"h1 in body shifts every level, and no level is skipped",
			"# Wstęp\n\n## Cele\n\n###### Przypis",
			"<h2 id=\"wstep\">Wstęp</h2>\n<h3 id=\"cele\">Cele</h3>\n<h4 id=\"przypis\">Przypis</h4>\n"},
		{"setext h1 shifts too",
			"Wstęp\n=====\n\nCele\n----",
			"<h2 id=\"wstep\">Wstęp</h2>\n<h3 id=\"cele\">Cele</h3>\n"},
		{"the highest level becomes h2",
			"### Cele\n\n#### Szczegóły\n\n### Harmonogram",
			"<h2 id=\"cele\">Cele</h2>\n<h3 id=\"szczegoly\">Szczegóły</h3>\n<h2 id=\"harmonogram\">Harmonogram</h2>\n"},
		{"a first heading below the highest level is lifted to h2",
			"### Cele\n\n## Harmonogram",
			"<h2 id=\"cele\">Cele</h2>\n<h2 id=\"harmonogram\">Harmonogram</h2>\n"},
		{"a skipped level closes up",
			"## A\n\n#### B\n\n###### C\n\n## D",
			"<h2 id=\"a\">A</h2>\n<h3 id=\"b\">B</h3>\n<h4 id=\"c\">C</h4>\n<h2 id=\"d\">D</h2>\n"},
	})
}

func TestHeadingsResult(t *testing.T) {
	got := render(t, "# Wstęp\n\nTekst.\n\n## Cele *współpracy*\n\n## Cele *współpracy*\n").Headings
	want := []Heading{
		{Level: 2, ID: "wstep", Text: "Wstęp"},
		{Level: 3, ID: "cele-wspolpracy", Text: "Cele współpracy"},
		{Level: 3, ID: "cele-wspolpracy-1", Text: "Cele współpracy"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Headings\ngot:  %+v\nwant: %+v", got, want)
	}
}

func TestHeadingIDsPerDocument(t *testing.T) {
	r := New(Options{})
	for i := range 3 {
		res, err := r.Render([]byte("## Cele"))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := res.Headings[0].ID, "cele"; got != want {
			t.Errorf("render %d: id %q, want %q (ids must not carry over between bodies)", i, got, want)
		}
	}
}

// TestHeadingIDIsTheSlug checks that a heading's id is the slug a file
// or a topic of the same name gets (slug.Make), with a -1, -2, … suffix
// when the text comes again in the same body.
func TestHeadingIDIsTheSlug(t *testing.T) {
	titles := []string{
		"Cele współpracy",
		"Straße Über Łąki",
		"ŁÓDŹ i Łódź",
		"ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
		"Ærø -- Škoda, Çelik",
		"„Razem” dla gminy",
		"Program \"Razem\" 2024–2030",
		"Rok 2024 — cele 1.1 i 1.2",
		"Spotkanie 🎉 z mieszkańcami",
		"  --Rok 2024--  ",
		"a_b.c",
		"Ĳssel, Þórr, Øresund",
		"中文",
		"🎉",
	}
	r := New(Options{})
	for _, title := range titles {
		res, err := r.Render([]byte("## " + title + "\n\n## " + title + "\n\n## " + title + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		base := slug.Make(title)
		if base == "" {
			base = "heading"
		}
		for i, want := range []string{base, base + "-1", base + "-2"} {
			if got := res.Headings[i].ID; got != want {
				t.Errorf("heading %d of %q: id %q, want %q", i+1, title, got, want)
			}
		}
	}
	// Spelt out for the titles whose ids the shared slug changed.
	for title, want := range map[string]string{
		"Straße Über Łąki":    "strasse-uber-laki",
		"Ærø -- Škoda, Çelik": "aero-skoda-celik",
		"„Razem” dla gminy":   "razem-dla-gminy",
	} {
		res, err := r.Render([]byte("## " + title))
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Headings[0].ID; got != want {
			t.Errorf("id of %q = %q, want %q", title, got, want)
		}
	}
}

func TestTypography(t *testing.T) {
	testHTML(t, "pl", []htmlTest{
		{"double quotes",
			`Partnerstwo "Wspieramy rozwój".`,
			"<p>Partnerstwo „Wspieramy rozwój”.</p>\n"},
		{"quotes in brackets",
			`Program ("Razem") działa.`,
			"<p>Program („Razem”) działa.</p>\n"},
		{"single quotes and apostrophe",
			`To 'wspólna sprawa' i dramat Shakespeare'a.`,
			"<p>To ‚wspólna sprawa’ i dramat Shakespeare’a.</p>\n"},
		{"dashes and ellipsis",
			"Lata 2024--2030 --- i dalej...",
			"<p>Lata 2024–2030 — i dalej…</p>\n"},
		{"correct quotes stay",
			"„Razem” i ‚my’",
			"<p>„Razem” i ‚my’</p>\n"},
		{"code is left alone",
			"`\"a\" -- b...`\n\n```\n\"a\" -- b...\n```",
			"<p><code>&quot;a&quot; -- b...</code></p>\n<pre><code>&quot;a&quot; -- b...\n</code></pre>\n"},
		{"angle quotes are not replaced",
			"a << b >> c",
			"<p>a &lt;&lt; b &gt;&gt; c</p>\n"},
		{"no non-breaking space is added",
			"w Gdańsku i z Łodzi",
			"<p>w Gdańsku i z Łodzi</p>\n"},
	})
	testHTML(t, "en", []htmlTest{
		{"en double quotes",
			`The "Growing Together" partnership.`,
			"<p>The “Growing Together” partnership.</p>\n"},
		{"en single quotes and apostrophe",
			`A 'shared cause', the city's plan.`,
			"<p>A ‘shared cause’, the city’s plan.</p>\n"},
		{"en dashes and ellipsis",
			"2024--2030 --- and on...",
			"<p>2024–2030 — and on…</p>\n"},
	})
}

func TestQuotes(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"pl", `Partnerstwo "Wspieramy rozwój"`, "Partnerstwo „Wspieramy rozwój”"},
		{"pl", "Partnerstwo „Wspieramy rozwój”", "Partnerstwo „Wspieramy rozwój”"},
		{"pl", "Partnerstwo “Wspieramy rozwój”", "Partnerstwo „Wspieramy rozwój”"},
		{"pl", "Partnerstwo „Wspieramy rozwój“", "Partnerstwo „Wspieramy rozwój”"},
		{"pl", `"Razem" i "Blisko"`, "„Razem” i „Blisko”"},
		{"pl", `Program ("Razem").`, "Program („Razem”)."},
		{"pl", `cal: 21"`, "cal: 21”"},
		{"pl", `a " b`, `a " b`},
		{"pl", "bez cudzysłowów", "bez cudzysłowów"},
		{"pl", "", ""},
		{"", `"Razem"`, "„Razem”"},
		{"de", `"Razem"`, "„Razem”"},
		{"en", `The "Growing Together" partnership`, "The “Growing Together” partnership"},
		{"en", "The „Growing Together” partnership", "The “Growing Together” partnership"},
		{"en-GB", `"Together"`, "“Together”"},
		{"EN", `"Together"`, "“Together”"},
		{"pl", `Shakespeare'a "Hamlet"`, "Shakespeare'a „Hamlet”"},
	}
	for _, tt := range tests {
		if got := Quotes(tt.lang, tt.in); got != tt.want {
			t.Errorf("Quotes(%q, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

// xssTests are bodies that try to get script into the page.
var xssTests = []htmlTest{
	{"script block",
		"<script>alert(1)</script>\n\nTekst.",
		"<p>Tekst.</p>\n"},
	{"html block",
		"<div onclick=\"alert(1)\">\nx\n</div>\n\nTekst.",
		"<p>Tekst.</p>\n"},
	{"inline script",
		"a <script>alert(1)</script> b",
		"<p>a alert(1) b</p>\n"},
	{"img onerror",
		"a <img src=x onerror=alert(1)> b",
		"<p>a  b</p>\n"},
	{"html comment",
		"a <!-- x --> b",
		"<p>a  b</p>\n"},
	{"javascript link",
		"[x](javascript:alert(1))",
		"<p>x</p>\n"},
	{"mixed case scheme",
		"[x](JaVaScRiPt:alert(1))",
		"<p>x</p>\n"},
	{"leading spaces",
		"[x](  javascript:alert(1))",
		"<p>x</p>\n"},
	{"pointy brackets with spaces",
		"[x](< javascript:alert(1)>)",
		"<p><a href=\"%20javascript:alert(1)\">x</a></p>\n"},
	{"numeric entity",
		"[x](&#106;avascript:alert(1))",
		"<p>x</p>\n"},
	{"hex entity",
		"[x](&#x6A;avascript&#x3A;alert(1))",
		"<p>x</p>\n"},
	{"named entity colon",
		"[x](javascript&colon;alert(1))",
		"<p>x</p>\n"},
	{"backslash escape",
		"[x](javascript\\:alert(1))",
		"<p>x</p>\n"},
	{"vbscript",
		"[x](vbscript:msgbox(1))",
		"<p>x</p>\n"},
	{"data html image",
		"![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
		"<p>x</p>\n"},
	{"data png image",
		"![piksel](data:image/png;base64,iVBORw0KGgo=)",
		"<p>piksel</p>\n"},
	{"data link",
		"[x](data:text/html,<script>alert(1)</script>)",
		"<p>x</p>\n"},
	{"file link",
		"[x](file:///etc/passwd)",
		"<p>x</p>\n"},
	{"reference link",
		"[x][zly]\n\n[zly]: javascript:alert(1)",
		"<p>x</p>\n"},
	{"autolink",
		"<javascript:alert(1)>",
		"<p>javascript:alert(1)</p>\n"},
	{"link text keeps markup",
		"[*ważne*](javascript:alert(1))",
		"<p><em>ważne</em></p>\n"},
	{"image inside link",
		"[![mapa](javascript:a)](javascript:b)",
		"<p>mapa</p>\n"},
	{"safe image inside unsafe link",
		"[![mapa](/mapa.png)](javascript:b)",
		"<p><img src=\"/mapa.png\" alt=\"mapa\"></p>\n"},
	{"tab entity is encoded, not stripped",
		"[x](java&#9;script:alert(1))",
		"<p><a href=\"java%09script:alert(1)\">x</a></p>\n"},
	{"attribute injection through title",
		"[x](/a \"\\\" onmouseover=\\\"alert(1)\")",
		"<p><a href=\"/a\" title=\"&quot; onmouseover=&quot;alert(1)\">x</a></p>\n"},
	{"code fence info string",
		"```\" onerror=\"alert(1)\n<script>\n```",
		"<pre><code class=\"language-&quot;\">&lt;script&gt;\n</code></pre>\n"},
}

func TestUnsafeInput(t *testing.T) {
	testHTML(t, "pl", xssTests)
	for _, tt := range xssTests {
		if msg := unsafeMarkup(render(t, tt.src).HTML); msg != "" {
			t.Errorf("%s: %s", tt.name, msg)
		}
	}
}

func TestImages(t *testing.T) {
	testHTML(t, "pl", []htmlTest{
		{"alt text",
			"![Mapa dzielnic Gdańska](/obrazy/mapa.png)",
			"<p><img src=\"/obrazy/mapa.png\" alt=\"Mapa dzielnic Gdańska\"></p>\n"},
		{"alt text without markup",
			"![Mapa *„Razem”*](/mapa.png \"Mapa\")",
			"<p><img src=\"/mapa.png\" alt=\"Mapa „Razem”\" title=\"Mapa\"></p>\n"},
		{"decorative image",
			"![](/obrazy/ozdobnik.svg)",
			"<p><img src=\"/obrazy/ozdobnik.svg\" alt=\"\"></p>\n"},
	})
}

func TestSummary(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"first paragraph",
			"Pierwszy akapit.\n\nDrugi akapit.",
			"Pierwszy akapit."},
		{"markup stripped, whitespace collapsed",
			"Program   **\"Razem\"** na lata\n2024--2030 z [Łodzią](/miasta/lodz/)  i `kodem`...",
			"Program „Razem” na lata 2024–2030 z Łodzią i kodem…"},
		{"entities and escapes resolved",
			"Koszt &lt; 100&nbsp;zł \\*netto\\* &amp; VAT",
			"Koszt < 100\u00a0zł *netto* & VAT"},
		{"headings, lists and quotes are not paragraphs",
			"# Tytuł\n\n- punkt\n\n> cytat\n\nTo jest streszczenie.",
			"To jest streszczenie."},
		{"hard line break",
			"Pierwsza linia  \ndruga linia",
			"Pierwsza linia druga linia"},
		{"images and raw html left out",
			"![mapa](/m.png)\n\nTekst <b>pogrubiony</b> ![x](/x.png) i autolink https://example.pl.",
			"Tekst pogrubiony i autolink https://example.pl."},
		{"none",
			"## Tylko nagłówek\n\n- i lista",
			""},
		{"empty body", "", ""},
	}
	for _, tt := range tests {
		if got := render(t, tt.src).Summary; got != tt.want {
			t.Errorf("%s: Summary of %q\ngot:  %q\nwant: %q", tt.name, tt.src, got, tt.want)
		}
	}
}

func TestLinks(t *testing.T) {
	src := "Zobacz [Łódź](/miasta/lodz/) i\n" + // 1
		"[Gdańsk](/miasta/gda%C5%84sk/ \"tytuł\").\n" + // 2
		"\n" + // 3
		"| Miasto | Strona |\n" + // 4
		"|---|---|\n" + // 5
		"| Łódź | https://uml.lodz.pl |\n" + // 6
		"\n" + // 7
		"- ![mapa](/obrazy/mapa.png)\n" + // 8
		"- [ref][uchwała] <kontakt@example.pl> [zły](javascript:x)\n" + // 9
		"\n" + // 10
		"[x](/a\\_b?q=1&amp;r=2#cele-wspolpracy)\n" + // 11
		"\n" + // 12
		"[uchwała]: /dokumenty/uchwała-12/\n" // 13
	got := render(t, src).Links
	want := []Link{
		{"/miasta/lodz/", 1},
		{"/miasta/gda%C5%84sk/", 2},
		{"https://uml.lodz.pl", 6},
		{"/obrazy/mapa.png", 8},
		{"/dokumenty/uchwała-12/", 9},
		{"mailto:kontakt@example.pl", 9},
		{"/a_b?q=1&r=2#cele-wspolpracy", 11},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Links\ngot:  %v\nwant: %v", got, want)
	}
}

func TestLinksMultilineText(t *testing.T) {
	got := render(t, "Akapit\nz [linkiem\nna dwie linie](/a) i [drugim](/b)").Links
	want := []Link{{"/a", 2}, {"/b", 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Links\ngot:  %v\nwant: %v", got, want)
	}
}

func TestConcurrentRender(t *testing.T) {
	r := New(Options{})
	bodies := append([][]byte{golden(t)}, []byte("## Cele\n\n## Cele\n\n\"a\" 'b' --"), []byte("| a |\n|---|\n| [x](/x) |"))
	want := make([]Result, len(bodies))
	for i, b := range bodies {
		res, err := r.Render(b)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for n := range 50 {
				i := (g + n) % len(bodies)
				got, err := r.Render(bodies[i])
				if err != nil {
					errs <- err
					return
				}
				if !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Errorf("goroutine %d, body %d: result differs from sequential render", g, i)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestDeterministic(t *testing.T) {
	src := golden(t)
	a, err := New(Options{}).Render(src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(Options{}).Render(src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.HTML, b.HTML) {
		t.Error("two renderers gave different HTML for the same body")
	}
}

// A link or image from the site's root is put under the site's path;
// relative links, other sites and network paths stay as written.
func TestRootLinksUnderBasePath(t *testing.T) {
	r := New(Options{Address: func(p string) string { return "/strategie/" + strings.TrimPrefix(p, "/") }})
	res, err := r.Render([]byte("[a](/) [b](/dokumenty/lsr/#cele) [c](pliki/x.pdf) [d](//cdn.example.pl/x) [e](https://example.pl/) ![f](/pliki/mapa.png)\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.HTML)
	for _, want := range []string{`href="/strategie/"`, `href="/strategie/dokumenty/lsr/#cele"`, `href="pliki/x.pdf"`, `href="//cdn.example.pl/x"`, `href="https://example.pl/"`, `src="/strategie/pliki/mapa.png"`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in %s", want, got)
		}
	}
}

// TestHTMLIsRenderHTML checks that HTML gives the very bytes of Render's
// HTML.
func TestHTMLIsRenderHTML(t *testing.T) {
	r := New(Options{Lang: "pl", ExternalNote: "otwiera stronę zewnętrzną", Address: func(p string) string { return "/" + p }})
	src := []byte("Akapit z [odnośnikiem](https://example.org/) i \"cudzysłowem\".\n\n## Nagłówek\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n- lista\n")
	res, err := r.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	html, err := r.HTML(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if string(html) != string(res.HTML) {
		t.Errorf("HTML:\n%s\nRender's HTML:\n%s", html, res.HTML)
	}
}
