package lang

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/feature/plural"
)

// Count writes n followed by noun in the plural form n asks for:
// "1 dokument", "2 dokumenty", "5 dokumentów", "22 dokumenty",
// "1 document", "2 documents". The form is chosen by the CLDR rules of the
// language; the words come from the nouns table of the catalog. A noun
// the catalog does not know is written as given, after n; tests of layouts
// catch such nouns with HasNoun.
func (l *Lang) Count(n int, noun string) string {
	form, ok := l.form(n, noun)
	if !ok {
		return fmt.Sprint(n) + " " + noun
	}
	return fmt.Sprint(n) + " " + form
}

// Phrase writes the form of the phrase noun that n asks for, with n in
// place of its {n}: "zostały 2 dni", "zostało 25 dni", "2 days left". It
// is Count for phrases in which the number does not come first.
func (l *Lang) Phrase(n int, noun string) string {
	form, ok := l.form(n, noun)
	if !ok {
		return fmt.Sprint(n) + " " + noun
	}
	return strings.Replace(form, "{n}", fmt.Sprint(n), 1)
}

// form is the form of noun in the nouns table that n asks for, and
// whether the table has the noun.
func (l *Lang) form(n int, noun string) (string, bool) {
	forms, ok := l.nouns[noun]
	if !ok {
		return "", false
	}
	i := slices.Index(l.rules.forms, l.pluralForm(n))
	if i < 0 {
		i = len(forms) - 1
	}
	return forms[i], true
}

// PluralForms returns the forms of a noun keyed by their CLDR plural
// category ("one", "few", "many", "other"), for scripts that choose the
// form in the browser with Intl.PluralRules. An unknown noun gives nil.
func (l *Lang) PluralForms(noun string) map[string]string {
	forms, ok := l.nouns[noun]
	if !ok {
		return nil
	}
	m := make(map[string]string, len(forms))
	for i, f := range l.rules.forms {
		m[formName(f)] = forms[i]
	}
	// CLDR's "other" is for fractions in Polish; the last form stands in.
	if _, ok := m["other"]; !ok {
		m["other"] = forms[len(forms)-1]
	}
	return m
}

func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// pluralForm returns the CLDR cardinal plural form of the integer n.
func (l *Lang) pluralForm(n int) plural.Form {
	// The rules look at the absolute value. Large values are reduced so that
	// they keep their last six digits but never look like a small number.
	abs := uint64(n)
	if n < 0 {
		abs = -abs
	}
	if abs >= 10_000_000 {
		abs = abs%1_000_000 + 1_000_000
	}
	return plural.Cardinal.MatchPlural(l.rules.plural, int(abs), 0, 0, 0, 0)
}

// Size formats a number of bytes in SI units (1 kB = 1000 B) with the
// decimal separator of the language:
//
//	0        0 B
//	999      999 B
//	1000     1 kB
//	1500     1,5 kB
//	12345    12 kB
//	999499   999 kB
//	999500   1 MB
//	1234567  1,2 MB
//	3.4e9    3,4 GB
//
// Bytes are whole; kB below 10 and everything from MB up get one decimal,
// other kB none. Rounding is half up, a decimal ",0" is left out ("1 kB",
// "2 MB"), and a value that rounds up to 1000 moves to the next unit.
// Negative sizes get a minus sign.
func (l *Lang) Size(bytes int64) string {
	units := [...]string{"B", "kB", "MB", "GB", "TB", "PB", "EB"}
	sign := ""
	abs := uint64(bytes)
	if bytes < 0 {
		sign = "-"
		abs = -abs
	}
	if abs < 1000 {
		return fmt.Sprintf("%s%d B", sign, abs)
	}
	i, div := 1, uint64(1000) // unit index and its size in bytes
	for i < len(units)-1 && abs >= div*1000 {
		i, div = i+1, div*1000
	}
	tenths := i > 1 || abs < 10*div
	scaled := roundDiv(abs, div, tenths)
	if i < len(units)-1 && (tenths && scaled >= 10_000 || !tenths && scaled >= 1000) {
		i, div, tenths = i+1, div*1000, true
		scaled = roundDiv(abs, div, tenths)
	}
	s := fmt.Sprint(scaled)
	if tenths {
		s = fmt.Sprint(scaled / 10)
		if d := scaled % 10; d != 0 {
			s += l.rules.decimal + fmt.Sprint(d)
		}
	}
	return sign + s + " " + units[i]
}

// roundDiv returns n/div rounded half up, in tenths if tenths is set.
// div is a power of 1000 of at least 1000, so it divides by 10 exactly and
// nothing overflows.
func roundDiv(n, div uint64, tenths bool) uint64 {
	if tenths {
		div /= 10
	}
	return n/div + (n%div)/(div/2)
}
