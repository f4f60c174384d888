package ratusz

import (
	"os"
	"regexp"
	"testing"
)

// TestReadmeGoVersion checks that the Go version the README asks for is
// the one go.mod requires: a reader who installs what the README says can
// build ratusz without go fetching another toolchain first.
func TestReadmeGoVersion(t *testing.T) {
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	want := string(m[1])

	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	// The requirement is written "Go 1.26.8 or newer" (or "Go (1.26.8 or
	// newer)").
	found := regexp.MustCompile(`Go \(?(\d+(?:\.\d+)*) or newer`).FindAllSubmatch(readme, -1)
	if len(found) == 0 {
		t.Fatalf("README.md does not say which Go it needs; write \"Go %s or newer\"", want)
	}
	for _, f := range found {
		if got := string(f[1]); got != want {
			t.Errorf("README.md says Go %s or newer, but go.mod requires go %s; write \"Go %s or newer\"", got, want, want)
		}
	}
}
