package markdown

import (
	"strings"
	"testing"
)

func TestCurlyQuotesFollowTheSiteLanguage(t *testing.T) {
	tests := []struct {
		lang, src, want string
	}{
		{"pl", "Tekst “angielski” tu.", "<p>Tekst „angielski” tu.</p>"},
		{"pl", "Tekst „niemiecki“ tu.", "<p>Tekst „niemiecki” tu.</p>"},
		{"pl", "Już „polski” zostaje.", "<p>Już „polski” zostaje.</p>"},
		{"pl", "“*Wyróżnione*” słowo", "<p>„<em>Wyróżnione</em>” słowo</p>"},
		{"pl", "a < b “x” & c", "<p>a &lt; b „x” &amp; c</p>"},
		{"pl", "`kod “bez zmian”`", "<p><code>kod “bez zmian”</code></p>"},
		{"pl", "wiersz “jeden”\ndrugi", "<p>wiersz „jeden”\ndrugi</p>"},
		// A quotation that starts a line opens after the line break.
		{"pl", "Tekst\n„cytat” dalej", "<p>Tekst\n„cytat” dalej</p>"},
		{"pl", "Tekst\n“cytat” dalej", "<p>Tekst\n„cytat” dalej</p>"},
		{"pl", "Tekst  \n“cytat” dalej", "<p>Tekst<br>\n„cytat” dalej</p>"},
		{"en", "Text\n„quote“ here", "<p>Text\n“quote” here</p>"},
		{"en", "Text „German“ here.", "<p>Text “German” here.</p>"},
		// A straight quote after a curly one in another text node: the
		// straight one becomes three bytes long, the text stays whole.
		{"pl", "”\"", "<p>„&quot;</p>"},
	}
	for _, tt := range tests {
		res, err := New(Options{Lang: tt.lang}).Render([]byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(res.HTML)); got != tt.want {
			t.Errorf("%s %q:\n got %s\nwant %s", tt.lang, tt.src, got, tt.want)
		}
	}
}
