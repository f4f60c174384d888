package markdown

import (
	"strings"
	"testing"
)

func TestPassagesInAnotherLanguage(t *testing.T) {
	tests := []struct{ src, want string }{
		{"::: lang=en\nThe strategy was presented.\n:::\n",
			"<div lang=\"en\">\n<p>The strategy was presented.</p>\n</div>"},
		{"Tekst.\n::: lang=de\nDie Strategie.\n\n- eins\n:::\nDalej.\n",
			"<p>Tekst.</p>\n<div lang=\"de\">\n<p>Die Strategie.</p>\n<ul>\n<li>eins</li>\n</ul>\n</div>\n<p>Dalej.</p>"},
		{"::: lang=uk\nСтратегія\n:::", "<div lang=\"uk\">\n<p>Стратегія</p>\n</div>"},
		// Not a language code: stays visible text.
		{"::: lang=\"><script>\nx\n:::", "<p>::: lang=&quot;&gt;\nx\n:::</p>"},
		{"::: lang=angielski-po-polsku-za-dlugi\nx\n:::", "<p>::: lang=angielski-po-polsku-za-dlugi\nx\n:::</p>"},
	}
	r := New(Options{Lang: "pl"})
	for _, tt := range tests {
		res, err := r.Render([]byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(res.HTML)); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}
