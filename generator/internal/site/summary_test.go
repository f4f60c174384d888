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
