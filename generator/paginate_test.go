package generator

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/internal/output"
)

// A long list is split into pages that link to each other, and every entry
// is on exactly one of them.
func TestLongListsArePaginated(t *testing.T) {
	const size = 3
	cfg := Config{Content: "testdata/site/content", Static: "testdata/site/static", Now: time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC), PageSize: size}
	var mem output.Memory
	if _, err := BuildTo(context.Background(), cfg, &mem); err != nil {
		t.Fatal(err)
	}
	// Every document page, listed once over the index's pages.
	var want []string
	for name := range mem.Files {
		if m := regexp.MustCompile(`^dokumenty/([^/]+)/index\.html$`).FindStringSubmatch(name); m != nil && m[1] != "strona" {
			want = append(want, "/dokumenty/"+m[1]+"/")
		}
	}
	slices.Sort(want)
	if len(want) <= size {
		t.Fatalf("the test site has %d documents; the test needs more than a page", len(want))
	}
	pages := (len(want) + size - 1) / size
	var got []string
	link := regexp.MustCompile(`<li class="entry entry-document">\s*<a href="([^"]+)"`)
	for n := 1; n <= pages; n++ {
		name := "dokumenty/index.html"
		if n > 1 {
			name = fmt.Sprintf("dokumenty/strona/%d/index.html", n)
		}
		html := string(mem.Files[name])
		if html == "" {
			t.Fatalf("no %s; files: %v", name, strings.Join(slices.Sorted(func(yield func(string) bool) {
				for k := range mem.Files {
					if strings.HasPrefix(k, "dokumenty/") && !yield(k) {
						return
					}
				}
			}), " "))
		}
		entries := link.FindAllStringSubmatch(html, -1)
		if len(entries) == 0 || len(entries) > size {
			t.Errorf("%s lists %d documents, want 1 to %d", name, len(entries), size)
		}
		for _, e := range entries {
			got = append(got, e[1])
		}
		title := fmt.Sprintf("<title>Dokumenty – Strona %d z %d – ", n, pages)
		if !strings.Contains(html, title) {
			t.Errorf("%s has no %q", name, title)
		}
		current := fmt.Sprintf(`aria-current="page"><span class="visually-hidden">Strona </span>%d</a>`, n)
		if !strings.Contains(html, `<nav class="pager" aria-label="Strony listy">`) || !strings.Contains(html, current) {
			t.Errorf("%s has no pager marking page %d as current", name, n)
		}
		for _, rel := range []struct {
			rel  string
			want bool
			to   string
		}{
			{"prev", n > 1, map[bool]string{true: "/dokumenty/", false: fmt.Sprintf("/dokumenty/strona/%d/", n-1)}[n == 2]},
			{"next", n < pages, fmt.Sprintf("/dokumenty/strona/%d/", n+1)},
		} {
			head := fmt.Sprintf(`<link rel="%s" href="%s">`, rel.rel, rel.to)
			if strings.Contains(html, head) != rel.want {
				t.Errorf("%s: %s in the head is %v, want %v", name, head, !rel.want, rel.want)
			}
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("the pages of the index list\n%v\nwant every document once:\n%v", got, want)
	}
	if _, ok := mem.Files[fmt.Sprintf("dokumenty/strona/%d/index.html", pages+1)]; ok {
		t.Errorf("page %d exists after the last page", pages+1)
	}
	// A group's heading counts the whole group, not this page's part.
	if !regexp.MustCompile(`Obowiązujące <span class="count">\((\d+)\)</span>`).MatchString(string(mem.Files["dokumenty/index.html"])) {
		t.Errorf("dokumenty/index.html has no count in its first heading")
	}
}
