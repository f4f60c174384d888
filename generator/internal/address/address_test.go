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
