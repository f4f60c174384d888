package markdown

import "testing"

// PlainText keeps what a reader reads of a body, block by block, and
// none of its markup, raw HTML or images.
func TestPlainText(t *testing.T) {
	body := "## Cele *strategii*\n\nStrategia ma [trzy cele](https://example.org) &amp; \\*jeden\\* plan.\n\n" +
		"1. rewitalizację,\n2. `partycypację`.\n\n| Cel | Wskaźnik |\n| --- | --- |\n| Rewitalizacja | 10 budynków |\n\n" +
		"<div>ukryte</div>\n\n![herb](herb.png)\n\n```\nkod źródłowy\n```\n\n::: lang=en\nIn English.\n:::\n"
	want := "Cele strategii\nStrategia ma trzy cele & *jeden* plan.\nrewitalizację,\npartycypację.\nCel\nWskaźnik\nRewitalizacja\n10 budynków\nkod źródłowy\nIn English."
	if got := PlainText([]byte(body)); got != want {
		t.Errorf("PlainText:\n%s\nwant\n%s", got, want)
	}
	if got := PlainText(nil); got != "" {
		t.Errorf("PlainText(nil) = %q", got)
	}
}
