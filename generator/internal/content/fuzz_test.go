package content

import (
	"github.com/ratusz/ratusz/generator/internal/problem"

	"bytes"
	"errors"
	"github.com/adrg/frontmatter"
	"strings"
	"testing"
)

// fuzzSeeds are content files as editors write them: Polish text, lists,
// nested maps, both formats, Windows line ends and byte-order marks, and a
// few of the mistakes they make.
var fuzzSeeds = []string{
	`---
title: "Lokalna Strategia Rozwoju dla Włocławka"
summary: "Strategia obejmująca obszar miasta Włocławek, opracowana w ramach instrumentu RLKS."
type: strategia
cities: [wloclawek]
partnership: lgd-wloclawek
programmes: [rlks]
# Status „draft” (projekt): źródło nie podaje, że została przyjęta.
status: draft
topics: [rewitalizacja, rozwój lokalny, partycypacja]
source: http://www.wloclawek.pl/pl/artykuly/165/lokalna-strategia-rozwoju
---
Lokalna Strategia Rozwoju opracowana jest z myślą o przyszłych pokoleniach.

## Obszar i cel

- **Rewitalizacja** zdegradowanego społecznie miasta.
`,
	`---
title: "Warsztaty Partnerstwa „Wspieramy rozwój naszych małych ojczyzn”"
date: 2021-01-17
end: 2021-01-17T15:30:00+01:00
type: warsztaty
place:
  name: Centrum Kultury i Sportu w Jabłonowie Pomorskim
  city: jablonowo-pomorskie
partnership: wspieramy-rozwoj-naszych-malych-ojczyzn
organisers: [jablonowo-pomorskie]
images:
  - file: warsztaty.jpg
    alt: Uczestnicy warsztatów przy stołach
    credit: UMiG Jabłonowo Pomorskie
  - {file: plakat.png, decorative: true}
---
17 stycznia 2021 r. odbyło się spotkanie warsztatowe.
`,
	`+++
title = "Lokalny Plan Działania – Zabrze"
summary = """
Plan przygotowywany przez Lokalną Grupę Wsparcia
w ramach projektu URBACT."""
type = "plan"
cities = ["zabrze"]
status = "consultation"
period = { from = 2016, to = 2020 }
publish = 2015-03-19
updated = 2021-01-17T10:00:00+01:00

[consultation]
from = 2021-02-01
to = 2021-02-28
url = "https://zabrze.pl/konsultacje"

[[attachments]]
file = "plan.pdf"
title = "Plan"

[[attachments]]
file = "mapa.pdf"
title = "Mapa dzielnicy"
lang = "pl"
+++
Przygotowanie Lokalnego Planu Działania.
`,
	"\uFEFF---\r\ntitle: Wałbrzych\r\nregion: dolnośląskie\r\ntype: gmina-miejska\r\nwebsite: https://um.walbrzych.pl\r\n---\r\nMiasto w Sudetach.\r\n",
	"\r\n\r\n+++\r\ntitle = \"Wrocław\"\r\nregion = 'dolnośląskie'\r\n+++\r\n\r\nStolica Dolnego Śląska.\r\n",
	"---\rtitle: Bobrowo\rparent: powiat-brodnicki\r---\rGmina wiejska.\r",
	"---\ntitle: Brzozie\ntitle: Gmina Brzozie\n---\n",
	"---\ntitle: Kontakt\nsummary: Tel: 54 414 40 00\n---\n",
	"+++\ntitle = \"Sesja\"\nregion: kujawsko-pomorskie\n+++\n",
	"---\nbase: &base {region: kujawsko-pomorskie}\nparams: [*base, *base]\n<<: *base\n---\n",
	"---\ntitle: Wąpielsk\n\nTreść bez zamknięcia front matter\n",
	"# Bez front matter\n\nTylko treść.\n",
	"---\n- Bobrowo\n- Brzozie\n---\n",
	"---\n---\n",
	"W\xb3oc\xb3awek",
}

// FuzzParse checks that Parse, for any bytes, either returns a File whose
// lines and body are consistent with the input, or an *problem.Problem that points
// into the file.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	const path = "cities/wloclawek.md"
	f.Fuzz(func(t *testing.T, data []byte) {
		in := bytes.Clone(data)
		file, err := Parse(path, data)
		if !bytes.Equal(in, data) {
			t.Fatalf("Parse changed its input")
		}
		norm := normaliseNewlines(bytes.TrimPrefix(data, []byte("\uFEFF")))
		lines := bytes.Count(norm, []byte("\n")) + 1
		// Parse gives the front-matter parser only the front matter; given
		// the whole file, it must find the same body.
		nop := func([]byte, any) error { return nil }
		whole, werr := frontmatter.MustParse(bytes.NewReader(norm), nil,
			frontmatter.NewFormat("---", "---", nop), frontmatter.NewFormat("+++", "+++", nop))
		if werr == nil && err == nil && !bytes.Equal(whole, file.Body) {
			t.Errorf("body %q, but the whole file's is %q", file.Body, whole)
		}
		if werr == nil && err != nil && (strings.Contains(err.Error(), "front matter opened with") || strings.Contains(err.Error(), "no front matter")) {
			t.Errorf("%v, but the whole file's parse found the front matter", err)
		}
		if werr != nil && err == nil {
			t.Errorf("parsed a file whose front matter the whole file's parse did not find: %v", werr)
		}

		if err != nil {
			var e *problem.Problem
			if !errors.As(err, &e) {
				t.Fatalf("got error %v of type %T, want an *problem.Problem", err, err)
			}
			if e.Path != path {
				t.Errorf("got error for %q, want %q", e.Path, path)
			}
			if e.Line < 1 || e.Line > lines+1 {
				t.Errorf("got error on line %d of a file with %d lines: %v", e.Line, lines, e)
			}
			if file != nil {
				t.Errorf("got a File with an error")
			}
			return
		}

		if file.Path != path || file.Format != "yaml" && file.Format != "toml" {
			t.Errorf("got path %q and format %q", file.Path, file.Format)
		}
		if file.Meta == nil || file.Meta.Kind != Map {
			t.Fatalf("got front matter %v, want a map", file.Meta)
		}
		if !bytes.HasSuffix(norm, file.Body) {
			t.Errorf("body %q is not the end of the input", file.Body)
		}
		if bytes.ContainsRune(file.Body, '\r') {
			t.Errorf("body %q has a CR", file.Body)
		}
		if want := bytes.Count(norm[:len(norm)-len(file.Body)], []byte("\n")) + 1; file.BodyLine != want || file.BodyLine < 1 {
			t.Errorf("got BodyLine %d, want %d", file.BodyLine, want)
		}
		var check func(v *Value)
		check = func(v *Value) {
			if v.Line < 1 || v.Line > lines {
				t.Errorf("got a value on line %d of a file with %d lines", v.Line, lines)
			}
			for _, f := range v.Fields {
				if f.Line < 1 || f.Line > lines {
					t.Errorf("got key %q on line %d of a file with %d lines", f.Key, f.Line, lines)
				}
				check(f.Value)
			}
			for _, it := range v.Items {
				check(it)
			}
		}
		check(file.Meta)
	})
}
