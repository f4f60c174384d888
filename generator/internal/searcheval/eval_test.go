package searcheval

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator"
)

// judgments is an evaluation file.
type judgments struct {
	Query []struct {
		Q        string
		Relevant []string
		Why      string
	}
}

func load(tb testing.TB, name string) judgments {
	tb.Helper()
	var j judgments
	md, err := toml.DecodeFile(name, &j)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		tb.Fatalf("%s: unknown keys %v", name, un)
	}
	return j
}

// check holds the judgments of name to the pages of the site cfg builds:
// every query has a text and at least one relevant entry, and every entry
// judged relevant is a page of the site, so that no judgment names a page
// that a rename has taken away.
func check(t *testing.T, name string, cfg generator.Config, least int) {
	t.Helper()
	j := load(t, name)
	if len(j.Query) < least {
		t.Errorf("%s has %d queries, want at least %d", name, len(j.Query), least)
	}
	pages := &pageSet{names: map[string]bool{}}
	if _, err := generator.BuildTo(context.Background(), cfg, pages); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, q := range j.Query {
		if q.Q == "" || len(q.Relevant) == 0 || q.Why == "" {
			t.Errorf("%s: query %q has no text, no relevant entry or no reason", name, q.Q)
		}
		if seen[q.Q] {
			t.Errorf("%s: query %q twice", name, q.Q)
		}
		seen[q.Q] = true
		for _, u := range q.Relevant {
			if !pages.names[u+"index.html"] {
				t.Errorf("%s: query %q judges %q relevant, which is no page of the site", name, q.Q, u)
			}
		}
	}
}

// pageSet keeps the names of the files a build writes, which it may
// write from several goroutines.
type pageSet struct {
	mu    sync.Mutex
	names map[string]bool
}

func (p *pageSet) WriteFile(name string, _ []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.names[name] = true
	return nil
}

var now = time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)

func TestBuiltInJudgmentsNameItsPages(t *testing.T) {
	check(t, "builtin.toml", generator.Config{Content: "../../../content", Settings: "../../../ratusz.toml", Static: "../../../static", Now: now}, 40)
}

func TestCorpusJudgmentsNameItsPages(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Entries: 2000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	check(t, "corpus-2000.toml", generator.Config{Content: filepath.Join(dir, "content"), Now: now}, 20)
}
