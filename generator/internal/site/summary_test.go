package site

import (
	"strings"
	"testing"
)

func TestFirstParagraph(t *testing.T) {
	long := strings.Repeat("słowo ", 80)
	tests := []struct{ name, body, want string }{
		{"empty body", "", ""},
		{"first paragraph", "Pierwszy akapit.\n\nDrugi.", "Pierwszy akapit."},
		{"setext heading first",
			"Wprowadzenie\n============\n\nGmina przyjęła strategię.\n", "Gmina przyjęła strategię."},
		{"setext second-level heading first",
			"Wprowadzenie\n------------\nGmina przyjęła strategię.\n", "Gmina przyjęła strategię."},
		{"ATX heading first, emphasis and code",
			"## Nagłówek\n\nTekst *z* __wyróżnieniem__ i `kodem`.", "Tekst z wyróżnieniem i kodem."},
		{"inline links and an image",
			"Tekst z [odnośnikiem](/a/) i ![obrazem](/b.png).\nDruga linia\t  tego   akapitu.", "Tekst z odnośnikiem i . Druga linia tego akapitu."},
		{"a link with brackets and a title",
			"Zobacz [plan [2024]](https://example.pl/plan_(2024) \"Plan (nowy)\") gminy.", "Zobacz plan [2024] gminy."},
		{"reference links defined at the end",
			"Patrz [uchwała][1], [program][] i [Urząd].\n\n## Dalej\n\nTekst.\n\n[1]: https://example.pl/u\n[program]: /programy/p/\n[urząd]: https://example.pl/\n",
			"Patrz uchwała, program i Urząd."},
		{"brackets that are no link",
			"Cytat: „to […] ważne” i [brak definicji][x].", "Cytat: „to […] ważne” i [brak definicji][x]."},
		{"HTML left out, its text kept",
			"<div>\nblok HTML\n</div>\n\nTekst <b>pogrubiony</b>, <!-- uwaga --> dalej.", "Tekst pogrubiony, dalej."},
		{"entities and escapes resolved, literal marks kept",
			"Plan\\_2024 \\*netto\\* &amp; plik_nazwa.pdf", "Plan_2024 *netto* & plik_nazwa.pdf"},
		{"a list first: the paragraph after it",
			"- lista\n- dalej\n\nAkapit po liście.", "Akapit po liście."},
		{"a quotation and a table first",
			"> cytat\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAkapit po tabeli.", "Akapit po tabeli."},
		{"code block first", "```\nkod\n\nwięcej\n```\n\nPo kodzie.", "Po kodzie."},
		{"an image alone is no paragraph", "![mapa](/m.png)\n\nOpis mapy.", "Opis mapy."},
		{"no paragraph at all", "## Nagłówek\n\n- tylko lista\n", ""},
		{"a long first paragraph", long, strings.TrimSpace(strings.Repeat("słowo ", 49)) + " słowo…"},
	}
	for _, tt := range tests {
		if got := firstParagraph([]byte(tt.body)); got != tt.want {
			t.Errorf("%s: firstParagraph(%.40q)\n got %q\nwant %q", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestSummaryHasNoLinkSyntax checks that links of every kind come out of a
// summary as their text: no "](" of an inline link, no "][" of a
// reference link.
func TestSummaryHasNoLinkSyntax(t *testing.T) {
	defs := "\n\n## Dalej\n\n" + strings.Repeat("Akapit, który odsuwa definicje.\n\n", 100) +
		"[1]: https://example.pl/1\n[uchwała]: /dokumenty/u/ \"Uchwała\"\n"
	for _, body := range []string{
		"Zobacz [plan](/plan/).",
		"Zobacz [plan [2024]](/plan/).",
		"Zobacz [plan\\]](/plan/).",
		"Zobacz [plan](https://example.pl/plan_(2024)).",
		"Zobacz [plan](</a b/> \"Tytuł (z nawiasem)\").",
		"Zobacz [*plan* `kod`](/plan/).",
		"Zobacz [![logo](/l.png) plan](/plan/).",
		"Zobacz [plan][1]." + defs,
		"Zobacz [uchwała][]." + defs,
		"Zobacz [Uchwała]." + defs,
		"Zobacz [plan\nw dwóch liniach][1]." + defs,
	} {
		for _, src := range [][]byte{[]byte(body), SummarySource([]byte(body))} {
			got := firstParagraph(src)
			if strings.Contains(got, "](") || strings.Contains(got, "][") || !strings.HasPrefix(got, "Zobacz ") {
				t.Errorf("summary of %.50q (%d of %d bytes) = %q, want the links' text", body, len(src), len(body), got)
			}
		}
	}
}

// TestSummarySource checks that the start of a body SummarySource keeps
// gives the same summary as the whole body, and is shorter when the body
// goes on after its first paragraph.
func TestSummarySource(t *testing.T) {
	long := strings.Repeat("słowo ", 600)
	rest := "\n\n## Dalej\n\n" + strings.Repeat("Reszta tekstu, której nie trzeba.\n\n", 60)
	for _, tt := range []struct {
		body  string
		whole bool   // the whole body is needed for the summary
		keeps string // what, besides the first paragraph, it needs
	}{
		{body: ""},
		{body: "Pierwszy akapit.\n\nDrugi akapit, którego nie trzeba.\n"},
		{body: "## Nagłówek\n\n| a | b |\n|---|---|\n\n- lista\n\nAkapit\nw dwóch liniach.\n\n## Dalej\n\nReszta."},
		{body: "```\nkod\n\nwięcej kodu\n```\n\nPo kodzie.\n\nReszta."},
		{body: "Wprowadzenie\n============\n\nAkapit." + rest},
		{body: "Akapit\nz podkreśleniem\n---\n\nNastępny akapit." + rest},
		{body: long + "\n\nReszta."},
		{body: strings.Repeat("Bardzo długi akapit w wielu liniach.\n", 1000) + "\nReszta."},
		{body: "Bez końca linii"},
		{body: "Zobacz [plan](/plan/) i „[…]”." + rest},
		{body: "Zobacz [plan][1]." + rest + "[1]: /plan/\n", whole: true},
		{body: "Zobacz [plan][1].\n\n[1]: /plan/\n" + rest, keeps: "[1]: /plan/"},
		{body: "Zobacz [plan][zły]." + rest + "[1]: /plan/\n"},
		{body: "- tylko lista\n- i nic więcej\n", whole: true},
	} {
		body := []byte(tt.body)
		src := SummarySource(body)
		if !strings.HasPrefix(tt.body, string(src)) {
			t.Errorf("SummarySource(%.40q) = %.60q, not the start of the body", tt.body, src)
		}
		if got, want := firstParagraph(src), firstParagraph(body); got != want {
			t.Errorf("summary of SummarySource(%.40q) = %q, want %q", tt.body, got, want)
		}
		if tt.whole && len(src) != len(body) {
			t.Errorf("SummarySource(%.40q) kept %d of %d bytes, want the whole body", tt.body, len(src), len(body))
		}
		if !strings.Contains(string(src), tt.keeps) {
			t.Errorf("SummarySource(%.40q) = %.60q…, does not keep %q", tt.body, src, tt.keeps)
		}
		switch {
		case !tt.whole && tt.keeps == "" && strings.Contains(string(src), "Reszta"):
			t.Errorf("SummarySource(%.40q) = %.60q…, kept more than the first paragraph", tt.body, src)
		case !tt.whole && strings.Contains(tt.body, "Reszta") && len(src) == len(body):
			t.Errorf("SummarySource(%.40q) kept the whole body", tt.body)
		}
	}
}
