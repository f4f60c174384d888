package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// wholeFirstParagraph is FirstParagraph as its comment states it: the
// first paragraph of the whole body, parsed at once.
func wholeFirstParagraph(body []byte) string {
	_, s := firstTextParagraph(parse(body, nil), body)
	return s
}

func TestFirstParagraph(t *testing.T) {
	far := "\n\n" + strings.Repeat("Akapit, który odsuwa resztę.\n\n", 80)
	tests := []struct{ name, body, want string }{
		{"empty", "", ""},
		{"setext heading", "Wprowadzenie\n============\n\nTekst.", "Tekst."},
		{"a paragraph that becomes a heading past the first window",
			strings.Repeat("słowo ", 200) + "\n---\n\nTekst.", "Tekst."},
		{"no typography: the site applies its quotes",
			"Lata 2024--2030 \"Razem\"...", "Lata 2024--2030 \"Razem\"..."},
		{"reference link defined far away", "Patrz [uchwała][u]." + far + "[u]: /u/\n", "Patrz uchwała."},
		{"reference image defined far away", "Patrz ![mapa][m] tu." + far + "[m]: /m.png\n", "Patrz tu."},
		{"undefined reference", "Patrz [uchwała][u]." + far, "Patrz [uchwała][u]."},
		{"definitions before the paragraph", "[u]: /u/\n\nPatrz [uchwała][u].", "Patrz uchwała."},
		{"a passage in another language is no top-level paragraph",
			"::: lang=en\nThe strategy.\n:::\n\nStrategia.", "Strategia."},
		{"a paragraph past the first window",
			"```\n" + strings.Repeat("kod\n", 2000) + "```\n\nPo kodzie.", "Po kodzie."},
	}
	for _, tt := range tests {
		body := []byte(tt.body)
		if got := FirstParagraph(body); got != tt.want {
			t.Errorf("%s: FirstParagraph(%.40q)\n got %q\nwant %q", tt.name, tt.body, got, tt.want)
		}
		if got := FirstParagraph(FirstParagraphLead(body)); got != tt.want {
			t.Errorf("%s: FirstParagraph of the lead of %.40q\n got %q\nwant %q", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestFirstParagraphLongParagraph checks that a long first paragraph is
// read only to its limit: the lead ends there, and the text is the text
// of that much of it.
func TestFirstParagraphLongParagraph(t *testing.T) {
	limit := firstParagraphs.limit
	line := "Bardzo długi akapit w wielu liniach, *z wyróżnieniem*.\n"
	body := []byte(strings.Repeat(line, 1000) + "\nReszta.\n")
	lead := FirstParagraphLead(body)
	if len(lead) < limit || len(lead) > limit+len(line) || !bytes.HasPrefix(body, lead) {
		t.Errorf("lead of a %d-byte paragraph: %d bytes, want the lines to %d bytes in", len(body), len(lead), limit)
	}
	got := FirstParagraph(body)
	if want := wholeFirstParagraph(lead); got != want {
		t.Errorf("FirstParagraph = %.60q…, want %.60q…", got, want)
	}
	if !strings.HasPrefix(got, "Bardzo długi akapit w wielu liniach, z wyróżnieniem. Bardzo") {
		t.Errorf("FirstParagraph = %.80q…", got)
	}
}

// FuzzFirstParagraph checks that the first paragraph read from a window of
// a body is the one read from the whole body, that the lead is a start of
// the body that gives it too, and that it shows link syntax ("](", "][")
// only where the rendered page shows it as text. Small windows and
// limits, as well as FirstParagraph's own, try the windows' growth and
// the cut of long paragraphs on small bodies.
func FuzzFirstParagraph(f *testing.F) {
	f.Add(string(golden(f)), uint8(0), uint8(0))
	for i, s := range []string{
		"",
		"Wprowadzenie\n============\n\nTekst *z* [odnośnikiem](/a/).",
		"Akapit\n---\nTekst.",
		"00\n0\n-|",
		"- lista\n\n> cytat\n\n| a | b |\n|---|---|\n\nPo tabeli.",
		"Patrz [uchwała][1], [program][] i [Urząd].\n\n## Dalej\n\n[1]: /u/\n[program]: /p/\n[urząd]: /\n",
		"Zobacz [plan [2024]](/p_(1) \"t\") i ![x][m] `[a](b)` \\[c\\](d).\n\n[m]: /m.png",
		"<div>\nx\n</div>\n\nTekst <b>b</b> <https://example.pl/](x)>.",
		"```\nkod\n\n```\n\n::: lang=en\nThe.\n:::\n\nStrategia.",
		"[a]: /a\n[b]:\n/b\n\n[a][b] [b][a] [a][] [c]",
	} {
		f.Add(s, uint8(i), uint8(3*i))
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, src string, window, limit uint8) {
		body := []byte(src)
		readers := []paragraphReader{firstParagraphs, {window: 1 + int(window)%64, limit: 1 + int(limit)}}
		for _, pr := range readers {
			got := pr.text(body)
			if len(body) <= pr.limit {
				if want := wholeFirstParagraph(body); got != want {
					t.Errorf("%+v: text of %q\n got %q\nwant %q (the whole body parsed)", pr, src, got, want)
				}
			}
			if plain, ok := pr.plainLead(body); ok {
				// The blocks alone, and the blocks with their inline
				// content, end the first paragraph at the same line.
				if p := pr.find(body, nil); !bytes.Equal(plain, p.lead) {
					t.Errorf("%+v: lead of %q from its blocks %q, from its paragraph %q", pr, src, plain, p.lead)
				}
			}
			lead := pr.lead(body)
			if !bytes.HasPrefix(body, lead) {
				t.Fatalf("%+v: lead of %q = %q, not a start of it", pr, src, lead)
			}
			if fromLead := pr.text(lead); fromLead != got {
				t.Errorf("%+v: text of %q = %q, but %q from its lead %q", pr, src, got, fromLead, lead)
			}
		}
		got := FirstParagraph(body)
		res, err := r.Render(body)
		if err != nil {
			t.Fatal(err)
		}
		for _, syntax := range []string{"](", "]["} {
			if strings.Contains(got, syntax) && !strings.Contains(res.Summary, syntax) {
				t.Errorf("FirstParagraph(%q) = %q holds %q, which the page (%q) does not show", src, got, syntax, res.Summary)
			}
		}
	})
}
