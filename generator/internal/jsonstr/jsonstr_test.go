package jsonstr

import (
	"encoding/json"
	"testing"
)

// The open data quotes a string as encoding/json does: the same bytes,
// with <, > and & escaped, invalid UTF-8 replaced and U+2028 and U+2029
// escaped, for every title and address it writes.
func FuzzAppend(f *testing.F) {
	for _, s := range []string{
		"", "Włocławek", "Partnerstwo „Wspieramy”", "a\"b\\c", "</script>", "R&D <b>",
		"tab\there\nnew line", "\x00\x1f\x7f", "bad \xff byte", "cut \xe2\x80", "line\u2028sep\u2029par",
		"\u2027\u202a", "\xe2\x80\xa8", "emoji 🏛️ ratusz", "https://example.org/dokumenty/lsr/?a=1&b=2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("Append(%q) = %s, json.Marshal gives %s", s, got[1:], want)
		}
	})
}
