package address

import "testing"

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		raw, path, abs string
		absolute       bool
	}{
		{"", "/", "/dokumenty/", false},
		{"/", "/", "/dokumenty/", false},
		{"/strategie", "/strategie/", "/strategie/dokumenty/", false},
		{"strategie/", "/strategie/", "/strategie/dokumenty/", false},
		{"https://bip.gmina.pl", "/", "https://bip.gmina.pl/dokumenty/", true},
		{"https://bip.gmina.pl/strategie/", "/strategie/", "https://bip.gmina.pl/strategie/dokumenty/", true},
		{"http://localhost:8080/a/b", "/a/b/", "http://localhost:8080/a/b/dokumenty/", true},
	} {
		b, err := Parse(tc.raw)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.raw, err)
			continue
		}
		if got := b.Path(); got != tc.path {
			t.Errorf("Parse(%q).Path() = %q, want %q", tc.raw, got, tc.path)
		}
		if got := b.Abs("/dokumenty/"); got != tc.abs {
			t.Errorf("Parse(%q).Abs = %q, want %q", tc.raw, got, tc.abs)
		}
		if b.Absolute() != tc.absolute {
			t.Errorf("Parse(%q).Absolute() = %v", tc.raw, b.Absolute())
		}
	}
	for _, bad := range []string{"ftp://bip.gmina.pl/", "https:///x", "/a?b=c", "/a#b", "https://u:p@bip.gmina.pl/", "//bip.gmina.pl/x"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) gave no error", bad)
		}
	}
	b, _ := Parse("https://bip.gmina.pl:8443/strategie/")
	if got := b.Host(); got != "bip.gmina.pl" {
		t.Errorf("Host() = %q", got)
	}
}

// Check's guess of what a base URL without a scheme or leading slash
// meant.
func TestGuess(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"bip.gmina.pl/strategie", "https://bip.gmina.pl/strategie/"},
		{"bip.gmina.pl/strategie/", "https://bip.gmina.pl/strategie/"},
		{"BIP.Gmina.pl", "https://bip.gmina.pl/"},
		{"bip.gmina.pl:8443/s", "https://bip.gmina.pl:8443/s/"},
		{"localhost:1313/strategie", "http://localhost:1313/strategie/"},
		{"strategie", "/strategie/"},
		{"strategie/2030/", "/strategie/2030/"},
		{"mailto:urzad@gmina.pl", ""},
		{"../public", ""},
		{"a b", ""},
	} {
		if got := guess(tt.raw); got != tt.want {
			t.Errorf("guess(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
	for _, good := range []string{"", "/", "/strategie/", "https://bip.gmina.pl/strategie/", "http://localhost:1313/"} {
		if err := Check(good); err != nil {
			t.Errorf("Check(%q): %v", good, err)
		}
	}
}
