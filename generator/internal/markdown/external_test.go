package markdown

import (
	"strings"
	"testing"
)

func TestExternalLinksSaySo(t *testing.T) {
	r := New(Options{Lang: "pl", ExternalNote: "otwiera stronę zewnętrzną"})
	note := `<span class="visually-hidden"> (otwiera stronę zewnętrzną)</span>`
	tests := []struct{ src, want string }{
		{"[Wrocław](https://www.wroclaw.pl/)", `<p><a href="https://www.wroclaw.pl/">Wrocław` + note + `</a></p>`},
		{"Zobacz https://www.wroclaw.pl/ teraz", `<p>Zobacz <a href="https://www.wroclaw.pl/">https://www.wroclaw.pl/` + note + `</a> teraz</p>`},
		{"[dokumenty](/dokumenty/)", `<p><a href="/dokumenty/">dokumenty</a></p>`},
		{"[sekcja](#cele)", `<p><a href="#cele">sekcja</a></p>`},
		{"<urzad@gmina.pl>", `<p><a href="mailto:urzad@gmina.pl">urzad@gmina.pl</a></p>`},
		{"[a <b>](https://x.pl/?a=1&b=2)", `<p><a href="https://x.pl/?a=1&amp;b=2">a ` + note + `</a></p>`},
	}
	for _, tt := range tests {
		res, err := r.Render([]byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(res.HTML)); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
	plain, _ := New(Options{Lang: "pl"}).Render([]byte("[x](https://x.pl/)"))
	if strings.Contains(string(plain.HTML), "visually-hidden") {
		t.Error("a note without ExternalNote")
	}
}

func TestExternalNoteStaysOutOfPlainText(t *testing.T) {
	r := New(Options{Lang: "pl", ExternalNote: "otwiera stronę zewnętrzną"})
	res, err := r.Render([]byte("## [Wrocław](https://x.pl/)\n\n[Wrocław](https://x.pl/) jest miastem.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary != "Wrocław jest miastem." {
		t.Errorf("summary %q", res.Summary)
	}
	if len(res.Headings) != 1 || res.Headings[0].Text != "Wrocław" || res.Headings[0].ID != "wroclaw" {
		t.Errorf("headings %+v", res.Headings)
	}
}
