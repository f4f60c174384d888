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
		n := node{"@type": "Thing", "name": s, s: "klucz", "address": node{"addressLocality": s},
			"member": []node{{"name": s}, {}}, "about": []node(nil)}
		got, err := n.appendJSON(nil)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		want, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}
