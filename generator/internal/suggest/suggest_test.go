package suggest

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"lsr", "lsr", 0},
		{"wloclawek", "włocławek", 2}, // letters, not bytes
		{"titel", "title", 2},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNearestAndLikely(t *testing.T) {
	cands := []string{"lsr", "program-ngo", "polityka-senioralna"}
	if got := Nearest("lsx", cands); got != "lsr" {
		t.Errorf("Nearest(lsx) = %q, want lsr", got)
	}
	if got := Nearest("x", nil); got != "" {
		t.Errorf("Nearest with no candidates = %q, want nothing", got)
	}
	if !Likely("lsx", "lsr") || Likely("bydgoszcz", "torun") {
		t.Errorf("Likely: lsx→lsr should be a typo, bydgoszcz→torun should not")
	}
}

func TestMeant(t *testing.T) {
	cands := []string{"build", "serve", "check", "new", "version", "help"}
	for _, tt := range []struct{ s, want string }{
		{"server", "serve"},   // one letter more
		{"biuld", "build"},    // two letters swapped
		{"chk", "check"},      // near enough
		{"versio", "version"}, // a letter short
		{"deploy", ""},        // nothing near
		{"", ""},
	} {
		if got := Meant(tt.s, cands); got != tt.want {
			t.Errorf("Meant(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
