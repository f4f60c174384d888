package jsonld

import (
	"encoding/json"
	"testing"
)

// TestWrittenAsJSONMarshalWritesIt checks the encoder against
// encoding/json's: the same keys in the same order, every string escaped
// the same way, so that no title ends the script element it is in.
func TestWrittenAsJSONMarshalWritesIt(t *testing.T) {
	for _, s := range []string{
		"",
		"Włocławek – Lokalna Strategia Rozwoju",
		`cudzysłów "w" środku i ukośnik \ wsteczny`,
		"</script><script>alert(1)</script>",
		"R&D <b>pogrubione</b>",
		"wiersz\nnowy\ttab\r\x01\x1f\x7f",
		"separatory \u2028 i \u2029",
		"zły bajt \xff i \xc3",
		"znak zastępczy \ufffd",
		"ratusz 🏛",
	} {
		n := node{text("name", s), text("@type", "Thing"), text(s, "klucz"), object("address", node{text("addressLocality", s)}),
			list("member", []node{{text("name", s)}, {}}), list("about", nil)}
		want, err := json.Marshal(asMap(n))
		if err != nil {
			t.Fatal(err)
		}
		got := n.appendJSON(nil)
		if string(got) != string(want) {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}

// asMap is n as encoding/json's maps, which it writes with sorted keys.
func asMap(n node) map[string]any {
	m := map[string]any{}
	for _, f := range n {
		switch f.kind {
		case objectKind:
			m[f.key] = asMap(f.nodes[0])
		case listKind:
			if f.nodes == nil {
				m[f.key] = nil
				break
			}
			l := []any{}
			for _, x := range f.nodes {
				l = append(l, asMap(x))
			}
			m[f.key] = l
		default:
			m[f.key] = f.text
		}
	}
	return m
}

// TestSetReplaces checks that a key set twice is written once, with the
// last value.
func TestSetReplaces(t *testing.T) {
	n := node{text("@type", "Event")}
	n.set(text("endDate", "2021-01-17"))
	n.set(text("endDate", "2021-01-18"))
	got := n.appendJSON(nil)
	if want := `{"@type":"Event","endDate":"2021-01-18"}`; string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
