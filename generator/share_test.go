package generator_test

import (
	"bytes"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator"
)

// settingsOf is the test site with its ratusz.toml, changed by the pairs
// of old and new text in edits, reading no git history.
func settingsOf(t *testing.T, edits ...string) generator.Config {
	t.Helper()
	text, err := os.ReadFile("testdata/site/ratusz.toml")
	if err != nil {
		t.Fatal(err)
	}
	edits = append(edits, `changes = "git"`, `changes = "none"`)
	for i := 0; i+1 < len(edits); i += 2 {
		if !bytes.Contains(text, []byte(edits[i])) {
			t.Fatalf("the test site's ratusz.toml has no %q", edits[i])
		}
		text = bytes.Replace(text, []byte(edits[i]), []byte(edits[i+1]), 1)
	}
	cfg := testConfig("testdata/site")
	cfg.Settings, cfg.SettingsText = "ratusz.toml", text
	return cfg
}

var metaProperty = regexp.MustCompile(`<meta property="(og:[a-z_:]+)" content="([^"]*)">`)
var canonicalLink = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)

// With an absolute base_url, every page has a canonical address, and the
// OpenGraph properties a social site shows: og:url is the canonical
// address, og:locale pl_PL, and og:image the entry's first raster image
// (a meeting's photograph) or else the publisher's share_image. The 404
// page, sent from any address, has none; an old address (alias) names the
// page it sends to as canonical.
func TestEveryPageCanBeShared(t *testing.T) {
	files, _ := buildMemory(t, settingsOf(t))
	const base = "https://bip.gmina-testowa.pl/strategie/"
	pages := 0
	for name, data := range files {
		page := string(data)
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		canon := canonicalLink.FindAllStringSubmatch(page, -1)
		og := map[string]string{}
		for _, m := range metaProperty.FindAllStringSubmatch(page, -1) {
			og[m[1]] = html.UnescapeString(m[2])
		}
		switch {
		case name == "404.html":
			if len(canon) > 0 || len(og) > 0 {
				t.Errorf("404.html has a canonical address or OpenGraph")
			}
			continue
		case strings.Contains(page, `content="noindex"`): // an alias
			if len(canon) != 1 || !strings.HasPrefix(canon[0][1], base) {
				t.Errorf("%s: the old address's canonical is %q, want the absolute address it sends to", name, canon)
			}
			continue
		}
		pages++
		want := base + strings.TrimSuffix(name, "index.html")
		if len(canon) != 1 || canon[0][1] != want {
			t.Errorf("%s: canonical %q, want %s", name, canon, want)
		}
		if og["og:url"] != want {
			t.Errorf("%s: og:url %q, want the canonical %s", name, og["og:url"], want)
		}
		for _, p := range []string{"og:title", "og:description", "og:type", "og:image"} {
			if og[p] == "" {
				t.Errorf("%s: no %s", name, p)
			}
		}
		if og["og:site_name"] != "Strategie gmin testowych" || og["og:locale"] != "pl_PL" {
			t.Errorf("%s: og:site_name %q, og:locale %q", name, og["og:site_name"], og["og:locale"])
		}
		if img := og["og:image"]; !strings.HasPrefix(img, base) || strings.HasSuffix(img, ".svg") {
			t.Errorf("%s: og:image %q is not an absolute address of a raster image", name, img)
		}
		switch name {
		case "spotkania/warsztaty/index.html":
			if og["og:image"] != base+"spotkania/warsztaty/sala.png" && !strings.HasSuffix(og["og:image"], "/sala.png") {
				t.Errorf("a meeting's page shares %q, not its first photograph", og["og:image"])
			}
			if og["og:image:alt"] != "Uczestnicy warsztatów przy stołach w sali widowiskowej" || og["og:type"] != "article" {
				t.Errorf("a meeting's photograph: alt %q, type %q", og["og:image:alt"], og["og:type"])
			}
		case "dokumenty/lsr/index.html":
			if og["og:image"] != base+"udostepnij.png" || og["og:image:width"] != "1200" || og["og:image:height"] != "630" {
				t.Errorf("a document shares %q (%s×%s), want the publisher's share_image of 1200×630", og["og:image"], og["og:image:width"], og["og:image:height"])
			}
			if og["og:title"] != "Lokalna Strategia Rozwoju" {
				t.Errorf("og:title %q is not the entry's title", og["og:title"])
			}
		case "index.html":
			if og["og:type"] != "website" || og["og:description"] != "Wszystkie rodzaje wpisów i wszystkie pola." {
				t.Errorf("the home page: og:type %q, og:description %q", og["og:type"], og["og:description"])
			}
		}
	}
	if pages < 30 {
		t.Errorf("only %d pages checked", pages)
	}

	// A path as the base: no address to share, so no canonical and no
	// OpenGraph, rather than addresses a social site cannot follow.
	cfg := settingsOf(t)
	cfg.BaseURL = "/strategie/"
	files, _ = buildMemory(t, cfg)
	if page := string(files["dokumenty/lsr/index.html"]); strings.Contains(page, "og:url") || strings.Contains(page, `rel="canonical"`) {
		t.Errorf("with a path as the base, a page has OpenGraph or a canonical address")
	}
}

// language = "en" makes an English site from the same content: its UI
// strings, its dates, its record, and og:locale en_GB.
func TestEnglishSite(t *testing.T) {
	files, _ := buildMemory(t, settingsOf(t, `language = "pl"`, `language = "en"`))
	page := string(files["documents/lsr/index.html"])
	for _, want := range []string{
		`<html lang="en"`,
		`<meta property="og:locale" content="en_GB">`,
		`<h2 id="metryczka">Record</h2>`,
		"<dt>Produced on</dt>\n<dd><time datetime=\"2016-04-28\">28 April 2016</time></dd>",
		"Skip to content",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the English site's document page has no %q", want)
		}
	}
	if strings.Contains(page, "Metryczka") || strings.Contains(page, "kwietnia") {
		t.Errorf("the English site's page has Polish UI text or dates")
	}
}
