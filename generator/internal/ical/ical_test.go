package ical

import (
	"strings"
	"testing"
)

func TestTextEscapes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a\\b;c,d\r\ne", `a\\b\;c\,d\ne`},
		{"Warsztaty – Łódź", "Warsztaty – Łódź"},
		{"Sala „Pod Zegarem”, ul. Długa 5; piętro I", `Sala „Pod Zegarem”\, ul. Długa 5\; piętro I`},
		{"tab\tstays, DEL\x7f and BEL\x07 go", `tab` + "\t" + `stays\, DEL and BEL go`},
		{"", ""},
	} {
		if got := text(tt.in); got != tt.want {
			t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A long line folds into lines of at most 75 octets, each continuation
// starting with a space, never inside a character; unfolded, it is the
// line again.
func TestLineFolds(t *testing.T) {
	value := strings.Repeat("zażółć gęślą jaźń ", 12)
	var w writer
	w.line("SUMMARY", value)
	out := w.buf.String()
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if len(lines) < 4 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	for i, l := range lines {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets", i+1, len(l))
		}
		if i > 0 && !strings.HasPrefix(l, " ") {
			t.Errorf("line %d does not start with a space", i+1)
		}
	}
	if got := strings.ReplaceAll(out, "\r\n ", ""); got != "SUMMARY:"+value+"\r\n" {
		t.Errorf("unfolded: %q", got)
	}
}
