package lang

import (
	"math"
	"testing"
)

func TestCount(t *testing.T) {
	tests := []struct {
		tag  string
		n    int
		noun string
		want string
	}{
		{"pl", 0, "document", "0 dokumentów"},
		{"pl", 1, "document", "1 dokument"},
		{"pl", 2, "document", "2 dokumenty"},
		{"pl", 4, "document", "4 dokumenty"},
		{"pl", 5, "document", "5 dokumentów"},
		{"pl", 12, "document", "12 dokumentów"},
		{"pl", 21, "document", "21 dokumentów"},
		{"pl", 22, "document", "22 dokumenty"},
		{"pl", 25, "document", "25 dokumentów"},
		{"pl", 101, "document", "101 dokumentów"},
		{"pl", 112, "document", "112 dokumentów"},
		{"pl", 122, "document", "122 dokumenty"},
		{"pl", -2, "document", "-2 dokumenty"},
		{"pl", 10_000_001, "document", "10000001 dokumentów"},
		{"pl", 10_000_002, "document", "10000002 dokumenty"},
		{"pl", math.MinInt, "document", "-9223372036854775808 dokumentów"},

		{"pl", 1, "meeting", "1 spotkanie"},
		{"pl", 3, "meeting", "3 spotkania"},
		{"pl", 5, "meeting", "5 spotkań"},
		{"pl", 1, "city", "1 samorząd"},
		{"pl", 24, "city", "24 samorządy"},
		{"pl", 11, "city", "11 samorządów"},
		{"pl", 1, "member", "1 członek"},
		{"pl", 2, "member", "2 członkowie"},
		{"pl", 7, "member", "7 członków"},
		{"pl", 1, "organisation", "1 organizacja"},
		{"pl", 13, "organisation", "13 organizacji"},
		{"pl", 1, "error", "1 błąd"},
		{"pl", 2, "warning", "2 ostrzeżenia"},
		{"pl", 5, "partnership", "5 partnerstw"},

		{"en", 0, "document", "0 documents"},
		{"en", 1, "document", "1 document"},
		{"en", 2, "document", "2 documents"},
		{"en", 4, "document", "4 documents"},
		{"en", 5, "document", "5 documents"},
		{"en", 12, "document", "12 documents"},
		{"en", 21, "document", "21 documents"},
		{"en", 22, "document", "22 documents"},
		{"en", 25, "document", "25 documents"},
		{"en", 101, "document", "101 documents"},
		{"en", 112, "document", "112 documents"},
		{"en", 122, "document", "122 documents"},
		{"en", 1, "entry", "1 entry"},
		{"en", 3, "entry", "3 entries"},
		{"en", 1, "city", "1 local authority"},
		{"en", 2, "city", "2 local authorities"},

		// Unknown nouns are written as given.
		{"pl", 3, "kot", "3 kot"},
		{"en", 1, "cats", "1 cats"},
	}
	for _, tt := range tests {
		if got := mustNew(t, tt.tag).Count(tt.n, tt.noun); got != tt.want {
			t.Errorf("%s: Count(%d, %q) = %q, want %q", tt.tag, tt.n, tt.noun, got, tt.want)
		}
	}
}

func TestSize(t *testing.T) {
	tests := []struct {
		bytes  int64
		pl, en string
	}{
		{0, "0 B", "0 B"},
		{1, "1 B", "1 B"},
		{850, "850 B", "850 B"},
		{999, "999 B", "999 B"},
		{1000, "1 kB", "1 kB"},
		{1049, "1 kB", "1 kB"},
		{1050, "1,1 kB", "1.1 kB"},
		{1500, "1,5 kB", "1.5 kB"},
		{9949, "9,9 kB", "9.9 kB"},
		{9950, "10 kB", "10 kB"},
		{12_000, "12 kB", "12 kB"},
		{12_345, "12 kB", "12 kB"},
		{999_499, "999 kB", "999 kB"},
		{999_500, "1 MB", "1 MB"},
		{1_000_000, "1 MB", "1 MB"},
		{1_234_567, "1,2 MB", "1.2 MB"},
		{15_750_000, "15,8 MB", "15.8 MB"},
		{999_960_000, "1 GB", "1 GB"},
		{3_400_000_000, "3,4 GB", "3.4 GB"},
		{2_500_000_000_000, "2,5 TB", "2.5 TB"},
		{math.MaxInt64, "9,2 EB", "9.2 EB"},
		{-1500, "-1,5 kB", "-1.5 kB"},
		{-999, "-999 B", "-999 B"},
	}
	pl, en := mustNew(t, "pl"), mustNew(t, "en")
	for _, tt := range tests {
		if got := pl.Size(tt.bytes); got != tt.pl {
			t.Errorf("pl: Size(%d) = %q, want %q", tt.bytes, got, tt.pl)
		}
		if got := en.Size(tt.bytes); got != tt.en {
			t.Errorf("en: Size(%d) = %q, want %q", tt.bytes, got, tt.en)
		}
	}
}

// TestPhrase: a phrase whose number is not first takes the plural form
// of the number too: „został 1 dzień”, „zostały 22 dni”, „zostało 25 dni”.
func TestPhrase(t *testing.T) {
	for _, tt := range []struct {
		tag  string
		n    int
		want string
	}{
		{"pl", 1, "został 1 dzień"},
		{"pl", 2, "zostały 2 dni"},
		{"pl", 4, "zostały 4 dni"},
		{"pl", 5, "zostało 5 dni"},
		{"pl", 12, "zostało 12 dni"},
		{"pl", 14, "zostało 14 dni"},
		{"pl", 22, "zostały 22 dni"},
		{"pl", 25, "zostało 25 dni"},
		{"pl", 102, "zostały 102 dni"},
		{"en", 1, "1 day left"},
		{"en", 25, "25 days left"},
	} {
		l, err := New(tt.tag)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Phrase(tt.n, "days_left"); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.tag, tt.n, got, tt.want)
		}
	}
}
