// Package lang is the language a site speaks to its readers: Polish ("pl",
// the default) or English ("en"). [New] returns a [Lang], which layouts use
// for everything that depends on the language:
//
//   - UI strings by key, T "field.region" → "województwo". An unknown key
//     renders as "{{key}}", so it shows on the page instead of vanishing.
//   - Dates: Date "17 stycznia 2021" (genitive month), DateTime
//     "17 stycznia 2021, godz. 10:00", MonthYear "czerwiec 2015" (nominative),
//     DateRange "17–18 stycznia 2021" or "30 stycznia – 2 lutego 2021".
//     English: "17 January 2021", "17 January 2021, 10:00", "June 2015".
//   - Counts of things, with the plural form chosen by the CLDR rules of
//     golang.org/x/text/feature/plural: Count 5 "document" → "5 dokumentów".
//   - File sizes in SI units (1000 B = 1 kB) with the decimal separator of
//     the language: Size 1234567 → "1,2 MB", Size 1000 → "1 kB".
//   - Collation for sorting names: Polish puts Ł after L, Ś after S and
//     Ż after Ź after Z, ignores case except to break ties, and sorts digits
//     by numeric value ("Program 2" before "Program 10").
//   - URL path segments of the sections: Segment "cities" → "miasta".
//
// The words live in pl.toml and en.toml, embedded in the binary, in four
// TOML tables: strings (the UI strings, flat quoted keys such as
// "status.adopted"), nouns (plural forms for Count), months (nominative
// and, for Polish, genitive month names) and segments (section → URL
// segment). Both files must have the same string keys, nouns and sections;
// the tests check it. Grammar that is not words (plural rules, collation,
// decimal separator) is in the Go code.
//
// New parses the catalog, so a build creates its Lang once. A Lang does not
// change after New and is safe for concurrent use.
package lang

import (
	"fmt"
	"maps"
	"slices"
	"sync"

	"golang.org/x/text/collate"
)

// Default is the language of a site that does not name one.
const Default = "pl"

// Supported returns the tags New accepts.
func Supported() []string { return []string{"pl", "en"} }

// Lang is one UI language. Create it with New.
type Lang struct {
	tag      string
	rules    rules
	strings  map[string]string
	nouns    map[string][]string // plural forms in the order of rules.forms
	months   [12]string          // nominative
	genitive [12]string
	segments map[string]string

	// collators holds *collator values; a Collator keeps buffers and
	// must not be shared between goroutines.
	collators sync.Pool
}

// New returns the language with the given tag, "pl" or "en". The empty tag
// means Default.
func New(tag string) (*Lang, error) {
	if tag == "" {
		tag = Default
	}
	r, ok := rulesFor(tag)
	if !ok {
		return nil, fmt.Errorf("unsupported language %q; use \"pl\" or \"en\"", tag)
	}
	c, err := loadCatalog(tag, len(r.forms))
	if err != nil {
		return nil, err
	}
	l := &Lang{
		tag:      tag,
		rules:    r,
		strings:  c.Strings,
		nouns:    c.Nouns,
		segments: c.Segments,
	}
	copy(l.months[:], c.Months.Nominative)
	copy(l.genitive[:], c.Months.Genitive)
	if len(c.Months.Genitive) == 0 {
		l.genitive = l.months
	}
	l.collators.New = func() any {
		return &collator{Collator: collate.New(r.collation, collate.Numeric)}
	}
	return l, nil
}

// Tag returns the language tag, "pl" or "en".
func (l *Lang) Tag() string { return l.tag }

// Locale is the language as OpenGraph's og:locale names it: "pl_PL",
// "en_GB".
func (l *Lang) Locale() string {
	if l.tag == "en" {
		return "en_GB"
	}
	return "pl_PL"
}

// T returns the UI string for key, or "{{key}}" if the catalog has no such
// key, so that a missing string is visible on the rendered page.
func (l *Lang) T(key string) string {
	if s, ok := l.strings[key]; ok {
		return s
	}
	return "{{" + key + "}}"
}

// Has reports whether the catalog has a UI string for key.
func (l *Lang) Has(key string) bool {
	_, ok := l.strings[key]
	return ok
}

// Keys returns the keys of all UI strings, sorted.
func (l *Lang) Keys() []string {
	return slices.Sorted(maps.Keys(l.strings))
}

// HasNoun reports whether Count knows the plural forms of noun.
func (l *Lang) HasNoun(noun string) bool {
	_, ok := l.nouns[noun]
	return ok
}

// Nouns returns the nouns Count knows, sorted.
func (l *Lang) Nouns() []string {
	return slices.Sorted(maps.Keys(l.nouns))
}

// Segment returns the URL path segment of a section ("cities",
// "programmes", "organisations", "partnerships", "documents", "meetings",
// "topics", "search", "data"): in Polish "miasta", "programy" and so on. An unknown
// section is returned unchanged.
func (l *Lang) Segment(section string) string {
	if s, ok := l.segments[section]; ok {
		return s
	}
	return section
}

// Sections returns the sections that have a URL path segment, sorted.
func (l *Lang) Sections() []string {
	return slices.Sorted(maps.Keys(l.segments))
}
