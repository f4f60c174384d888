package site

import (
	"strings"
	"testing"
)

func TestFirstParagraph(t *testing.T) {
	long := strings.Repeat("słowo ", 80)
	tests := []struct{ body, want string }{
		{"", ""},
		{"Pierwszy akapit.\n\nDrugi.", "Pierwszy akapit."},
		{"## Nagłówek\n\nTekst *z* __wyróżnieniem__ i `kodem`.", "Tekst z wyróżnieniem i kodem."},
		{"- lista\n- dalej\n\nAkapit po liście.", "Akapit po liście."},
		{"```\nkod\n```\n\nPo kodzie.", "Po kodzie."},
		{"Tekst z [odnośnikiem](/a/) i ![obrazem](/b.png).\nDruga linia\t  tego   akapitu.", "Tekst z odnośnikiem i . Druga linia tego akapitu."},
		{long, strings.TrimSpace(strings.Repeat("słowo ", 49)) + " słowo…"},
	}
	for _, tt := range tests {
		if got := firstParagraph([]byte(tt.body)); got != tt.want {
			t.Errorf("firstParagraph(%.40q)\n got %q\nwant %q", tt.body, got, tt.want)
		}
	}
}

// TestSummarySource checks that the start of a body SummarySource keeps
// gives the same summary as the whole body, and is shorter when the body
// goes on after its first paragraph.
func TestSummarySource(t *testing.T) {
	long := strings.Repeat("słowo ", 600)
	for _, body := range []string{
		"",
		"Pierwszy akapit.\n\nDrugi akapit, którego nie trzeba.\n",
		"## Nagłówek\n\n| a | b |\n\n- lista\n\nAkapit\nw dwóch liniach.\n\n## Dalej\n\nTekst.",
		"```\nkod\n\nwięcej kodu\n```\n\nPo kodzie.\n\nReszta.",
		long + "\n\nReszta.",
		"Bez końca linii",
	} {
		src := SummarySource([]byte(body))
		if got, want := firstParagraph(src), firstParagraph([]byte(body)); got != want {
			t.Errorf("summary of SummarySource(%.40q) = %q, want %q", body, got, want)
		}
		if strings.Contains(body, "Reszta") && strings.Contains(string(src), "Reszta") || strings.Contains(body, "Drugi") && strings.Contains(string(src), "Drugi") {
			t.Errorf("SummarySource(%.40q) = %.60q…, kept more than the first paragraph", body, src)
		}
	}
}
