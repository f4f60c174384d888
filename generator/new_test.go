package generator_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator"
)

// TestScaffoldsBuild makes one entry of every kind with Scaffold, in an
// order in which what each must refer to exists, and checks after each
// that the site builds, with and without -drafts; then it publishes every
// entry (removes draft: true) and checks that the placeholders are valid
// values, not only hidden ones.
func TestScaffoldsBuild(t *testing.T) {
	dir := t.TempDir()
	contentDir := filepath.Join(dir, "content")
	ctx := context.Background()
	check := func(t *testing.T, step string) {
		t.Helper()
		for _, drafts := range []bool{false, true} {
			cfg := generator.Config{Content: contentDir, Now: june2021, Drafts: drafts}
			if _, err := generator.Check(ctx, cfg); err != nil {
				t.Fatalf("after %s, the site (drafts %v) does not build:\n%v", step, drafts, err)
			}
		}
	}
	var written []string
	scaffold := func(t *testing.T, kind, name string) {
		t.Helper()
		rel, text, err := generator.Scaffold(ctx, contentDir, generator.NewEntry{Kind: kind, Name: name, Today: june2021})
		if err != nil {
			t.Fatalf("Scaffold %s %s: %v", kind, name, err)
		}
		if want := "---\n# yaml-language-server: $schema=../../schemas/" + strings.Replace(kind, "cities", "city", 1) + ".schema.json\n"; !strings.HasPrefix(text, want) {
			t.Errorf("%s does not start with the schema line:\n%s", rel, text)
		}
		if !strings.Contains(text, "\ndraft: true ") {
			t.Errorf("%s is not a draft:\n%s", rel, text)
		}
		p := filepath.Join(contentDir, filepath.FromSlash(rel))
		writeFile(t, p, []byte(text))
		written = append(written, p)
		check(t, "new "+kind+" "+name)
	}

	// Kinds whose references are all optional come first, with nothing to
	// refer to.
	writeFile(t, filepath.Join(contentDir, "_index.md"), []byte("---\ntitle: Strategie\n---\n"))
	check(t, "nothing")
	scaffold(t, "page", "O projekcie")
	scaffold(t, "programme", "rlks")
	scaffold(t, "organisation", "Fundacja Wisła")
	for _, kind := range []string{"document", "partnership", "meeting"} {
		_, _, err := generator.Scaffold(ctx, contentDir, generator.NewEntry{Kind: kind, Name: "x"})
		if err == nil || !strings.Contains(err.Error(), "create a city first: ratusz new city SLUG") {
			t.Errorf("Scaffold %s with no city: error %v, want it to say \"create a city first: ratusz new city SLUG\"", kind, err)
		}
		var usage *generator.UsageError
		if errors.As(err, &usage) {
			t.Errorf("Scaffold %s with no city is a usage error; the command line was right", kind)
		}
	}
	scaffold(t, "city", "wloclawek")
	scaffold(t, "cities", "Toruń")
	scaffold(t, "organisation", "Stowarzyszenie Razem")
	scaffold(t, "partnership", "LGD Dolina Wisły")
	scaffold(t, "document", "Strategia rozwoju 2030")
	scaffold(t, "meeting", "Warsztaty strategiczne")
	scaffold(t, "city", "Ciechocinek")

	// The placeholders are valid values: with every draft line removed,
	// every entry is published, and the site still builds.
	for _, p := range written {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		published := regexp.MustCompile(`(?m)^draft: true .*\n`).ReplaceAll(b, nil)
		writeFile(t, p, published)
	}
	check(t, "publishing every scaffold")
}

// A reference the scaffold requires points at a published entry when
// there is one, else at the first by title; the title made from a slug is
// marked for the editor.
func TestScaffoldRefersToExisting(t *testing.T) {
	dir := t.TempDir()
	contentDir := filepath.Join(dir, "content")
	writeFile(t, filepath.Join(contentDir, "cities", "alpha.md"), []byte("---\ntitle: Zabrze\nregion: śląskie\ndraft: true\n---\n"))
	writeFile(t, filepath.Join(contentDir, "cities", "beta.md"), []byte("---\ntitle: Toruń\nregion: kujawsko-pomorskie\n---\n"))
	writeFile(t, filepath.Join(contentDir, "cities", "gamma.md"), []byte("---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n"))
	_, text, err := generator.Scaffold(context.Background(), contentDir, generator.NewEntry{Kind: "document", Name: "lsr", Today: june2021})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\ncities: [beta] ", "\ntitle: \"Lsr\" "} {
		if !strings.Contains(text, want) {
			t.Errorf("the document scaffold lacks %q:\n%s", want, text)
		}
	}

	writeFile(t, filepath.Join(contentDir, "cities", "Łódź.md"), []byte("---\ntitle: Łódź\nregion: łódzkie\n---\n"))
	for name, want := range map[string]string{
		"Gamma": filepath.Join("cities", "gamma.md") + " already exists; choose another slug",
		"lodz":  filepath.Join("cities", "Łódź.md") + ` already has the slug "lodz"; choose another`,
	} {
		_, _, err = generator.Scaffold(context.Background(), contentDir, generator.NewEntry{Kind: "city", Name: name})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("new city %s, a slug that is taken: error %v, want it to say %q", name, err, want)
		}
	}
}

func TestScaffoldUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ kind, name, want string }{
		{"dokument", "x", `unknown kind "dokument"; did you mean "document"?`},
		{"bogus", "x", `unknown kind "bogus"; use one of city, programme, organisation, partnership, document, meeting, page`},
		{"page", "!!!", `"!!!" has no letters or digits`},
	} {
		_, _, err := generator.Scaffold(context.Background(), dir, generator.NewEntry{Kind: tt.kind, Name: tt.name})
		var usage *generator.UsageError
		if !errors.As(err, &usage) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Scaffold %s %s: error %v, want a usage error saying %q", tt.kind, tt.name, err, tt.want)
		}
	}
}
