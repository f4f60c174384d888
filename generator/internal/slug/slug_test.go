package slug

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var makeTests = []struct {
	in, want string
}{
	// Place names and file names from real sites.
	{"Włocławek", "wloclawek"},
	{"Jabłonowo Pomorskie", "jablonowo-pomorskie"},
	{"Strategia_NGO 2018–2022", "strategia-ngo-2018-2022"},
	{"„Sudety”", "sudety"},
	{"Łódź", "lodz"},
	{"ŁÓDŹ", "lodz"},
	{"Wałbrzych", "walbrzych"},
	{"Świdnica", "swidnica"},
	{"Kędzierzyn-Koźle", "kedzierzyn-kozle"},
	{"Żary", "zary"},
	{"Ząbki", "zabki"},
	{"Bielsko-Biała", "bielsko-biala"},
	{"gmina-miejska", "gmina-miejska"},
	{"powiat.jeleniogorski", "powiat-jeleniogorski"},
	{"2021-01-17 warsztaty", "2021-01-17-warsztaty"},
	{"Program „Razem” (2019/2020)", "program-razem-2019-2020"},
	{"LGD \"Partnerstwo Izerskie\"", "lgd-partnerstwo-izerskie"},

	// Every Polish letter, both cases.
	{"ąćęłńóśźż", "acelnoszz"},
	{"ĄĆĘŁŃÓŚŹŻ", "acelnoszz"},

	// Other Latin letters.
	{"Crème brûlée", "creme-brulee"},
	{"Müller Straße", "muller-strasse"},
	{"Ærø", "aero"},
	{"Đakovo", "dakovo"},
	{"Œuvre", "oeuvre"},
	{"Þórshöfn", "thorshofn"},
	{"İstanbul", "istanbul"},
	{"Dvořák", "dvorak"},
	{"Ǿresund", "oresund"},

	// Separators collapse and trim.
	{"  many   spaces  ", "many-spaces"},
	{"a__b..c--d", "a-b-c-d"},
	{"-leading and trailing-", "leading-and-trailing"},
	{"a – b — c", "a-b-c"},
	{"tab\there\nnewline", "tab-here-newline"},

	// Nothing usable.
	{"", ""},
	{"---", ""},
	{"„”", ""},
	{"Москва", ""},
	{"東京", ""},
	{"Київ 2022", "2022"},
	{"\xff\xfe", ""},
}

func TestMake(t *testing.T) {
	for _, tt := range makeTests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Wałbrzycha", "walbrzycha"},
		{"Jelenia Góra!", "jelenia gora!"},
		{"ZIELONA GÓRA", "zielona gora"},
		{"Strategia_NGO 2018–2022", "strategia_ngo 2018–2022"},
		{"„Sudety”", "„sudety”"},
		{"ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ", "acelnoszz acelnoszz"},
		{"Straße", "strasse"},
		{"crème brûlée", "creme brulee"},
		// Other scripts keep their marks and their composed form.
		{"Київ", "київ"},
		{"Ἀθῆναι", "ἀθῆναι"},
		{"한국", "한국"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Folding character by character (foldLatin) gives what folding the whole
// text does (foldAny), for every character and every pair of characters it
// folds: no two of them compose in NFC, and none folds to a mark that
// would.
func TestFoldLatin(t *testing.T) {
	var table []rune // every character foldLatin folds by table
	for r := range rune(latinEnd) {
		table = append(table, r)
	}
	for r := rune(punctStart); r < punctEnd; r++ {
		table = append(table, r)
	}
	var b strings.Builder
	for _, r1 := range table {
		for _, r2 := range table {
			b.Reset()
			b.WriteRune(r1)
			if r2 > 0 {
				b.WriteRune(r2)
			}
			in := b.String()
			got, ok := foldLatin(in)
			if !ok {
				t.Fatalf("foldLatin(%q) refused it", in)
			}
			if want := foldAny(in); got != want {
				t.Fatalf("foldLatin(%q) = %q, foldAny = %q", in, got, want)
			}
		}
	}
	for _, in := range []string{"Ω", "e\u0301", "\xff", "łΩ", "Łódź\u0301", "„Ω”", "\u2070"} {
		if got, ok := foldLatin(in); ok {
			t.Errorf("foldLatin(%q) = %q, want it refused (a character past U+024F and outside U+2000–U+206F, or not UTF-8)", in, got)
		}
	}
}

// BenchmarkFold folds the words of a Polish text, as the search index does.
func BenchmarkFold(b *testing.B) {
	b.ReportAllocs()
	words := strings.Fields("Uchwała nr XXI/123/2020 Rady Miasta Łodzi z dnia 17 stycznia 2020 r. w sprawie przyjęcia Strategii Rozwoju Gminy Miejsko-Wiejskiej Głuchołazy na lata 2021–2030 oraz programu współpracy z organizacjami pozarządowymi")
	for b.Loop() {
		for _, w := range words {
			Fold(w)
		}
	}
}

func FuzzMake(f *testing.F) {
	for _, tt := range makeTests {
		f.Add(tt.in)
	}
	f.Add("Gmina Miejsko-Wiejska Głuchołazy")
	f.Add("Uchwała nr XXI/123/2020 Rady Miasta Łodzi z dnia 17.01.2020 r.")
	f.Fuzz(func(t *testing.T, in string) {
		got := Make(in)
		for _, r := range got {
			if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
				t.Fatalf("Make(%q) = %q, contains %q", in, got, r)
			}
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") {
			t.Fatalf("Make(%q) = %q, has a leading or trailing hyphen", in, got)
		}
		if strings.Contains(got, "--") {
			t.Fatalf("Make(%q) = %q, has a double hyphen", in, got)
		}
		if again := Make(got); again != got {
			t.Fatalf("Make(Make(%q)) = %q, want %q", in, again, got)
		}
		if utf8.ValidString(in) {
			if folded := Fold(in); Make(folded) != got {
				t.Fatalf("Make(Fold(%q)) = %q, want %q", in, Make(folded), got)
			}
		}
	})
}

// FuzzFold: folding any text gives lowercase ASCII-foldable text that
// folds to itself, never longer in letters than the input, and never
// panics on invalid UTF-8.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Łódź", "ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "Wrocław", "Straße", "İstanbul", "ǅ", "\xff\xfe", "ﬁ", "Ω", "e\u0301", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := Fold(in)
		if want := foldAny(in); got != want {
			t.Fatalf("Fold(%q) = %q, folding the whole text gives %q", in, got, want)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", in, again, got)
		}
		if utf8.ValidString(in) && !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q, not valid UTF-8", in, got)
		}
		if Make(got) != Make(Fold(got)) {
			t.Fatalf("Make and Fold disagree on %q", in)
		}
	})
}

// BenchmarkMake makes the slugs of titles, as a site does of every entry.
func BenchmarkMake(b *testing.B) {
	b.ReportAllocs()
	titles := []string{"Strategia Rozwoju Gminy Miejsko-Wiejskiej Głuchołazy na lata 2021–2030", "Jabłonowo Pomorskie", "Strategia_NGO 2018–2022", "„Sudety”", "Program współpracy z organizacjami pozarządowymi na rok 2021"}
	for b.Loop() {
		for _, t := range titles {
			Make(t)
		}
	}
}
