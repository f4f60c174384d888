package lang

import (
	"bytes"
	"fmt"
	"slices"
	"sync"
	"testing"
)

var cities = []string{
	"Łódź", "Lublin", "Zabrze", "Żary", "Ząbki", "Świdnica", "Szczecin",
	"Sopot", "Ćmielów", "Chełm", "Wałbrzych", "Włocławek", "Wrocław",
	"ania", "Anna",
}

func TestSortStrings(t *testing.T) {
	tests := []struct {
		tag  string
		in   []string
		want []string
	}{
		{"pl", cities, []string{
			"ania", "Anna", "Chełm", "Ćmielów", "Lublin", "Łódź", "Sopot",
			"Szczecin", "Świdnica", "Wałbrzych", "Włocławek", "Wrocław",
			"Zabrze", "Ząbki", "Żary",
		}},
		// English knows no Polish letters: diacritics only break ties.
		{"en", cities, []string{
			"ania", "Anna", "Chełm", "Ćmielów", "Łódź", "Lublin", "Sopot",
			"Świdnica", "Szczecin", "Wałbrzych", "Włocławek", "Wrocław",
			"Ząbki", "Zabrze", "Żary",
		}},
		{"pl", []string{"Źródła", "Żagań", "Zgorzelec", "Ząbkowice Śląskie"}, []string{
			"Ząbkowice Śląskie", "Zgorzelec", "Źródła", "Żagań",
		}},
		{"pl", []string{"Program 10", "Program 2", "Program 1"}, []string{
			"Program 1", "Program 2", "Program 10",
		}},
		{"pl", []string{"Anna", "anna", "ANNA"}, []string{"anna", "Anna", "ANNA"}},
		{"pl", []string{"ęa", "eb", "ea"}, []string{"ea", "eb", "ęa"}},
		{"pl", nil, nil},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.in)
		mustNew(t, tt.tag).SortStrings(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: SortStrings(%q)\ngot  %q\nwant %q", tt.tag, tt.in, got, tt.want)
		}
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		tag  string
		a, b string
		want int
	}{
		{"pl", "Lublin", "Łódź", -1},
		{"pl", "Łódź", "Lublin", +1},
		{"pl", "Lwówek", "Łabiszyn", -1},
		{"pl", "Sopot", "Szczecin", -1},
		{"pl", "Szczecin", "Świdnica", -1},
		{"pl", "Zabrze", "Ząbki", -1},
		{"pl", "Ząbki", "Żary", -1},
		{"pl", "Źle", "Żary", -1},
		{"pl", "ania", "Anna", -1},
		{"pl", "anna", "Anna", -1},
		{"pl", "Anna", "Anna", 0},
		{"pl", "", "a", -1},
		{"en", "Łódź", "Lublin", -1},
		{"en", "Świdnica", "Szczecin", -1},
		{"en", "apple", "Banana", -1},
	}
	for _, tt := range tests {
		if got := mustNew(t, tt.tag).Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: Compare(%q, %q) = %d, want %d", tt.tag, tt.a, tt.b, got, tt.want)
		}
	}
}

// TestCompareConcurrent is meant for go test -race: one Lang serves
// Compare and SortStrings to many goroutines at once.
func TestCompareConcurrent(t *testing.T) {
	l := mustNew(t, "pl")
	want := slices.Clone(cities)
	l.SortStrings(want)

	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 32 {
		wg.Go(func() {
			for i := range 200 {
				a, b := want[(g+i)%len(want)], want[(g+i+1)%len(want)]
				wantCmp := -1
				if (g+i+1)%len(want) == 0 {
					wantCmp = +1 // wrapped around: b is the first name
				}
				if got := l.Compare(a, b); got != wantCmp {
					errs <- fmt.Errorf("Compare(%q, %q) = %d, want %d", a, b, got, wantCmp)
					return
				}
			}
			got := slices.Clone(cities)
			l.SortStrings(got)
			if !slices.Equal(got, want) {
				errs <- fmt.Errorf("SortStrings = %q, want %q", got, want)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestKeyOrdersLikeCompare(t *testing.T) {
	l, err := New("pl")
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Łódź", "Lublin", "Zabrze", "Żary", "Ząbki", "Świdnica", "Szczecin", "Sopot", "Ćmielów", "Chełm", "ania", "Anna", "anna", "Program 10", "Program 2", ""}
	for _, a := range words {
		for _, b := range words {
			if got, want := bytes.Compare(l.Key(a), l.Key(b)), l.Compare(a, b); got != want {
				t.Errorf("Key(%q) vs Key(%q): %d, Compare says %d", a, b, got, want)
			}
		}
	}
}

// BenchmarkKey makes the sort key of a document's title, as a build does
// for every entry.
func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	l, err := New("pl")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		l.Key("Uchwała nr XXII/206/11 Rady Gminy Radomierz w sprawie powołania Rady Seniorów")
	}
}
