package lang

import (
	"embed"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/ratusz/ratusz/generator/internal/slug"
)

//go:embed pl.toml en.toml
var catalogFiles embed.FS

// rules are the parts of a language that are grammar rather than words.
type rules struct {
	plural    language.Tag  // tag for plural.Cardinal
	forms     []plural.Form // order of the forms in the catalog's [nouns]
	collation language.Tag  // tag for collate.New
	decimal   string        // decimal separator
	atTime    string        // between the date and the time in DateTime
	yearMark  string        // after a date's year in a sentence: " r." („21 grudnia 2026 r.”)
}

func rulesFor(tag string) (rules, bool) {
	switch tag {
	case "pl":
		return rules{
			plural:    language.Polish,
			forms:     []plural.Form{plural.One, plural.Few, plural.Many},
			collation: language.Polish,
			decimal:   ",",
			atTime:    ", godz. ",
			yearMark:  " r.",
		}, true
	case "en":
		return rules{
			plural:    language.English,
			forms:     []plural.Form{plural.One, plural.Other},
			collation: language.English,
			decimal:   ".",
			atTime:    ", ",
		}, true
	}
	return rules{}, false
}

// catalog is the content of pl.toml or en.toml.
type catalog struct {
	Strings map[string]string   `toml:"strings"`
	Nouns   map[string][]string `toml:"nouns"`
	Months  struct {
		Nominative []string `toml:"nominative"`
		Genitive   []string `toml:"genitive"` // optional; defaults to Nominative
	} `toml:"months"`
	Segments map[string]string `toml:"segments"`
}

// loadCatalog reads the embedded catalog of tag, whose nouns must have
// nforms plural forms each.
func loadCatalog(tag string, nforms int) (*catalog, error) {
	name := tag + ".toml"
	data, err := catalogFiles.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parseCatalog(name, data, nforms)
}

// parseCatalog decodes and checks a catalog. It reports every problem it
// finds, each prefixed with name.
func parseCatalog(name string, data []byte, nforms int) (*catalog, error) {
	var c catalog
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var errs []error
	for _, k := range md.Undecoded() {
		errs = append(errs, fmt.Errorf("%s: unknown key %q", name, k.String()))
	}
	for _, k := range slices.Sorted(maps.Keys(c.Strings)) {
		if c.Strings[k] == "" {
			errs = append(errs, fmt.Errorf("%s: strings: %q is empty", name, k))
		}
	}
	for _, n := range slices.Sorted(maps.Keys(c.Nouns)) {
		forms := c.Nouns[n]
		if len(forms) != nforms || slices.Contains(forms, "") {
			errs = append(errs, fmt.Errorf("%s: nouns: %q has %q, want %d non-empty forms", name, n, forms, nforms))
		}
	}
	if len(c.Months.Nominative) != 12 {
		errs = append(errs, fmt.Errorf("%s: months: %d nominative names, want 12", name, len(c.Months.Nominative)))
	}
	if g := len(c.Months.Genitive); g != 0 && g != 12 {
		errs = append(errs, fmt.Errorf("%s: months: %d genitive names, want 12 or none", name, g))
	}
	seen := make(map[string]string)
	for _, s := range slices.Sorted(maps.Keys(c.Segments)) {
		seg := c.Segments[s]
		if seg == "" || slug.Make(seg) != seg {
			errs = append(errs, fmt.Errorf("%s: segments: %q is %q, want a slug", name, s, seg))
		}
		if other, ok := seen[seg]; ok {
			errs = append(errs, fmt.Errorf("%s: segments: %q and %q are both %q", name, other, s, seg))
		}
		seen[seg] = s
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &c, nil
}
