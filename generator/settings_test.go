package generator_test

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator"
)

// pngOf is a PNG image of w×h pixels.
func pngOf(w, h int) string {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		panic(err)
	}
	return b.String()
}

// settingsSite is a small site whose ratusz.toml is text.
func settingsSite(settings string, content map[string]string) generator.Config {
	files := map[string]string{
		"_index.md":           "---\ntitle: Strategie gminy\n---\n",
		"cities/jablonowo.md": feedCity,
	}
	for name, text := range content {
		files[name] = text
	}
	return generator.Config{
		ContentFS:    mapFS(files),
		StaticFS:     mapFS(map[string]string{"herb.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>", "herb.png": pngOf(1200, 630), "fe.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"}),
		SettingsText: []byte(settings),
		Now:          june2021,
	}
}

const goodSettings = `title = "Strategie Gminy Jabłonowo Pomorskie"
base_url = "https://bip.jablonowo.pl/strategie/"
language = "pl"
timezone = "Europe/Warsaw"

[publisher]
name = "Urząd Gminy Jabłonowo Pomorskie"
bip = "https://bip.jablonowo.pl/"
logo = "herb.svg"
logo_alt = "Herb Gminy Jabłonowo Pomorskie"
share_image = "herb.png"

[[funding]]
image = "fe.svg"
alt = "Fundusze Europejskie"

[record]
produced_by = "Referat Rozwoju Gminy"
changes = "none"
`

// A site's ratusz.toml names the site and gives its address: the pages'
// titles end in its title, while the home page keeps the heading of the
// content's _index.md, and the sitemap's addresses are under its
// base_url; -base-url beats it.
func TestSettingsNameTheSiteAndGiveItsAddress(t *testing.T) {
	cfg := settingsSite(goodSettings, nil)
	files, _ := buildMemory(t, cfg)
	city := string(files["miasta/jablonowo/index.html"])
	if !strings.Contains(city, "Strategie Gminy Jabłonowo Pomorskie</title>") {
		t.Errorf("a page's title does not end in the site's title:\n%.600s", city)
	}
	if home := string(files["index.html"]); !strings.Contains(home, ">Strategie gminy</h1>") {
		t.Errorf("the home page's heading is not the title of _index.md:\n%.2000s", home)
	}
	if !strings.Contains(string(files["sitemap.xml"]), "<loc>https://bip.jablonowo.pl/strategie/miasta/") {
		t.Errorf("the sitemap's addresses are not under base_url:\n%.600s", files["sitemap.xml"])
	}
	cfg.BaseURL = "https://example.org/"
	files, _ = buildMemory(t, cfg)
	if !strings.Contains(string(files["sitemap.xml"]), "<loc>https://example.org/miasta/") {
		t.Errorf("-base-url does not beat base_url:\n%.600s", files["sitemap.xml"])
	}

	files, _ = buildMemory(t, settingsSite("language = \"en\"\n", nil))
	if !strings.Contains(string(files["index.html"]), `<html lang="en"`) {
		t.Errorf("language = \"en\" does not make an English site:\n%.300s", files["index.html"])
	}
}

// Every mistake in ratusz.toml is a problem at its line that names the
// key, with the closest key or the fix; all of them at once, with the
// content's.
func TestSettingsMistakesAreProblemsAtTheirLines(t *testing.T) {
	settings := `titel = "Strategie"
base_url = "bip.jablonowo.pl/strategie"
language = "de"

[publisher]
name = "Urząd Gminy"
logo = "brak.svg"
share_image = "herb.svg"

[[funding]]
alt = "Fundusze Europejskie"

[record]
changes = "svn"
`
	_, err := generator.BuildTo(t.Context(), settingsSite(settings, map[string]string{"cities/zly.md": "---\ntitle: Zły\n---\n"}), discardWriter{})
	for _, want := range []string{
		`ratusz.toml:1: unknown key "titel"; did you mean "title"?`,
		`ratusz.toml:2: base_url "bip.jablonowo.pl/strategie" is neither an absolute URL (with https://) nor a path (starting with /); did you mean "https://bip.jablonowo.pl/strategie/"?`,
		`ratusz.toml:3: language: "de" is not a language of ratusz; use one of pl, en`,
		`ratusz.toml:7: publisher.logo: file "brak.svg" not found in static/`,
		`ratusz.toml:8: publisher.share_image: "herb.svg" is not a PNG or JPEG image`,
		`ratusz.toml:10: funding[1].image is required`,
		`ratusz.toml:14: record.changes: "svn" is not a way to keep the register of changes; use one of none, git`,
		`content/cities/zly.md:1: region is required`,
	} {
		if !strings.Contains(errString(err), want) {
			t.Errorf("errors do not say\n\t%s\n%v", want, err)
		}
	}

	_, err = generator.BuildTo(t.Context(), settingsSite("title = \"A\"\nrecord = \"Referat\"\n[publisher]\nlogo = \"herb.svg\"\n", nil), discardWriter{})
	for _, want := range []string{
		`ratusz.toml:2: record: expected keys (produced_by, responsible, published_by, changes), got`,
		`ratusz.toml:3: publisher.name is required; add name = "Urząd Gminy …"`,
		`ratusz.toml:4: publisher.logo_alt is required with publisher.logo`,
	} {
		if !strings.Contains(errString(err), want) {
			t.Errorf("errors do not say\n\t%s\n%v", want, err)
		}
	}

	_, err = generator.BuildTo(t.Context(), settingsSite("title = \"A\n", nil), discardWriter{})
	if !strings.Contains(errString(err), "ratusz.toml:1: TOML:") {
		t.Errorf("a ratusz.toml that is not TOML: %v", err)
	}
}

// language, timezone and accessibility in the content's _index.md still
// work, with a warning that names their new home in ratusz.toml; given in
// both places, they are an error.
func TestSettingsOfIndexMoveToTheFile(t *testing.T) {
	cfg := settingsSite("title = \"A\"\n", map[string]string{"_index.md": "---\ntitle: Strategie\nlang: en\ntimezone: Europe/London\n---\n"})
	files, res := buildMemory(t, cfg)
	if !strings.Contains(string(files["index.html"]), `<html lang="en"`) {
		t.Errorf("lang: en in _index.md no longer makes an English site")
	}
	warned := strings.Join(res.Warnings, "\n")
	for _, want := range []string{
		`content/_index.md:3: lang: belongs in ratusz.toml now, as language = "…"`,
		`content/_index.md:4: timezone: belongs in ratusz.toml now, as timezone = "…"`,
	} {
		if !strings.Contains(warned, want) {
			t.Errorf("warnings do not say %q:\n%s", want, warned)
		}
	}

	cfg = settingsSite("language = \"pl\"\n", map[string]string{"_index.md": "---\ntitle: Strategie\nlang: en\n---\n"})
	_, err := generator.BuildTo(t.Context(), cfg, discardWriter{})
	if want := `content/_index.md:3: lang is given in ratusz.toml too (line 1); remove it here and keep language in ratusz.toml`; !strings.Contains(errString(err), want) {
		t.Errorf("errors do not say %q:\n%v", want, err)
	}
}

// Every page says whose site it is: the header shows the publisher's herb
// with its text, and the footer the publisher's name, contacts and BIP,
// the easy-to-read text, and the funding marks in order with their text;
// the program's credit does not read as if it published the site.
func TestEveryPageNamesThePublisher(t *testing.T) {
	settings := goodSettings + `
[[funding]]
image = "herb.png"
alt = "Drugi znak"
url = "https://mojregion.eu/"

[easy_to_read]
etr = "content/pages/etr.md"
pjm_video = "https://video.example.pl/pjm"
`
	cfg := settingsSite(strings.Replace(settings, `bip = "https://bip.jablonowo.pl/"`, `bip = "https://bip.jablonowo.pl/"
address = "ul. Główna 28, 87-330 Jabłonowo Pomorskie"
email = "sekretariat@jablonowo.pl"
phone = "+48 56 674 20 00"
epuap = "/ugjablonowo/SkrytkaESP"`, 1), map[string]string{"pages/etr.md": "---\ntitle: Tekst łatwy do czytania\n---\n"})
	files, _ := buildMemory(t, cfg)
	for _, name := range []string{"index.html", "miasta/jablonowo/index.html", "404.html"} {
		page := strings.ReplaceAll(string(files[name]), "\u00a0", " ")
		for _, want := range []string{
			`<img class="herb" src="/strategie/herb.svg" alt="Herb Gminy Jabłonowo Pomorskie">`,
			`<p class="publisher-name">Urząd Gminy Jabłonowo Pomorskie</p>`,
			`ul. Główna 28, 87-330 Jabłonowo Pomorskie`,
			`<a href="mailto:sekretariat@jablonowo.pl">sekretariat@jablonowo.pl</a>`,
			`&#43;48 56 674 20 00`, `/ugjablonowo/SkrytkaESP`,
			`<a href="https://bip.jablonowo.pl/">Biuletyn Informacji Publicznej</a>`,
			`<a href="/strategie/etr/">Tekst łatwy do czytania (ETR)</a>`,
			`<a href="https://video.example.pl/pjm">`,
			`<li><img src="/strategie/fe.svg" alt="Fundusze Europejskie"></li>`,
			`<li><a href="https://mojregion.eu/"><img src="/strategie/herb.png" alt="Drugi znak"></a></li>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s does not show %s", name, want)
			}
		}
		if strings.Contains(page, "wygenerowana przez") {
			t.Errorf("%s credits the program as if it made the site", name)
		}
	}

	_, err := generator.BuildTo(t.Context(), settingsSite("[easy_to_read]\netr = \"content/pages/brak.md\"\n", nil), discardWriter{})
	if want := `ratusz.toml:2: easy_to_read.etr: "content/pages/brak.md" is no published entry`; !strings.Contains(errString(err), want) {
		t.Errorf("errors do not say %q:\n%v", want, err)
	}
}

// A site whose ratusz.toml names no publisher warns once that its footer
// names only its title; one that names it does not.
func TestNoPublisherWarns(t *testing.T) {
	publisherWarnings := func(res generator.Result) (n int) {
		for _, w := range res.Warnings {
			if strings.HasPrefix(w, "ratusz.toml: no [publisher], so every page's footer names the site's title") {
				n++
			}
		}
		return n
	}
	files, res := buildMemory(t, settingsSite("title = \"Strategie\"\n", nil))
	if n := publisherWarnings(res); n != 1 {
		t.Errorf("%d warnings about the publisher, want 1: %q", n, res.Warnings)
	}
	if !strings.Contains(string(files["index.html"]), "<p>Strategie</p>") {
		t.Error("without a publisher the footer does not name the site's title")
	}
	if _, res := buildMemory(t, settingsSite(goodSettings, nil)); publisherWarnings(res) != 0 {
		t.Errorf("a site with a publisher is warned: %q", res.Warnings)
	}
}

// No page of the built-in site shows an empty list of facts, which a
// reader sees as an empty grey panel.
func TestNoEmptyFacts(t *testing.T) {
	files, _ := buildMemory(t, generator.Config{Content: "../content", Settings: "../ratusz.toml", Static: "../static", Now: june2021})
	for name, b := range files {
		if strings.HasSuffix(name, ".html") && (strings.Contains(string(b), "<dl class=\"facts\">\n</dl>") || strings.Contains(string(b), "<dl class=facts></dl>")) {
			t.Errorf("%s has an empty list of facts", name)
		}
	}
}
