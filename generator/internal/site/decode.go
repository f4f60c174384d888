package site

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/problem"
	"github.com/ratusz/ratusz/generator/internal/suggest"
)

// reader decodes the front matter of one file into typed values, recording
// every problem with its line.
type reader struct {
	path string
	top  int // the line of the front matter's opening ---, where missing keys are reported
	zone *time.Location
	errs *problem.List

	settings bool // reads ratusz.toml, which has no params: for free keys
}

// errorf records a problem of the file at line that is about no one
// field (a file name, the front matter as a whole).
func (r *reader) errorf(line int, format string, args ...any) {
	r.errs.Addf(r.path, line, format, args...)
}

// fieldf records a problem with the field key at line: the message format
// makes, which names the field and its bad value, and hint, which says
// what to write instead ("" when the message says it all).
func (r *reader) fieldf(line int, key, hint, format string, args ...any) {
	r.errs.Add(&problem.Problem{Path: r.path, Line: line, Field: key, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// fields checks a map's keys against the known ones, reporting each unknown
// key with the closest known key, and returns the known ones by name.
func (r *reader) fields(v *content.Value, where string, known []string) map[string]*content.Value {
	out := make(map[string]*content.Value, len(v.Fields))
	for _, f := range v.Fields {
		if !slices.Contains(known, f.Key) {
			name := f.Key
			if where != "" {
				name = where + "." + f.Key
			}
			free := " (free keys for layouts go under params:)"
			if r.settings {
				free = ""
			}
			if c := closest(f.Key, known); c != "" {
				r.fieldf(f.Line, name, fmt.Sprintf("did you mean %q?%s", c, free), "unknown key %q", name)
			} else {
				r.fieldf(f.Line, name, fmt.Sprintf("known keys here are %s%s", strings.Join(known, ", "), free), "unknown key %q", name)
			}
			continue
		}
		out[f.Key] = f.Value
	}
	return out
}

// present reports whether a key was given with a value.
func present(v *content.Value) bool { return v != nil && v.Kind != content.Null }

// str reads a single-line text value. Numbers are read as their text.
func (r *reader) str(key string, v *content.Value) string {
	if !present(v) {
		return ""
	}
	if v.Kind != content.Scalar {
		r.fieldf(v.Line, key, fmt.Sprintf("write it as %s: \"…\"", lastKey(key)), "%s: expected text, got %s", key, v.Kind)
		return ""
	}
	if v.Type == content.Bool {
		r.fieldf(v.Line, key, "put it in quotes if you mean the text", "%s: expected text, got the yes/no value %s", key, v.Text)
		return ""
	}
	return strings.TrimSpace(v.Text)
}

// required reads a text value that must be there and not be empty.
func (r *reader) required(key string, v *content.Value, line int, hint string) string {
	if !present(v) {
		r.fieldf(line, key, fmt.Sprintf("add %s: %s", lastKey(key), hint), "%s is required", key)
		return ""
	}
	s := r.str(key, v)
	if s == "" && v.Kind == content.Scalar {
		r.fieldf(v.Line, key, fmt.Sprintf("give it a value (%s)", hint), "%s is empty", key)
	}
	return s
}

func lastKey(key string) string {
	if i := strings.LastIndexAny(key, ".]"); i >= 0 {
		return key[i+1:]
	}
	return key
}

func (r *reader) boolean(key string, v *content.Value) bool {
	if !present(v) {
		return false
	}
	if v.Kind != content.Scalar || v.Type != content.Bool {
		r.fieldf(v.Line, key, "", "%s: expected true or false, got %s", key, v.Describe())
		return false
	}
	return v.Text == "true" || v.Text == "True" || v.Text == "TRUE"
}

// enum reads one of the allowed values.
func (r *reader) enum(key string, v *content.Value, voc Vocabulary) string {
	s := r.str(key, v)
	if s == "" || voc.Has(s) {
		return s
	}
	hint := "use one of " + strings.Join(voc.Values, ", ")
	if c := closest(s, voc.Values); c != "" {
		hint += fmt.Sprintf(" (did you mean %q?)", c)
	}
	r.fieldf(v.Line, key, hint, "%s: %q is not %s", key, s, voc.Name)
	return ""
}

// list reads a list; a single value where a list goes is accepted as a
// one-item list only for lists of text, so that `topics: seniorzy` works.
func (r *reader) list(key string, v *content.Value, scalarOK bool) []*content.Value {
	if !present(v) {
		return nil
	}
	switch v.Kind {
	case content.List:
		return v.Items
	case content.Scalar:
		if scalarOK {
			return []*content.Value{v}
		}
	}
	r.fieldf(v.Line, key, `write each item on its own line starting with "- "`, "%s: expected a list, got %s", key, v.Describe())
	return nil
}

// mapOf reads a map value with the given known keys.
func (r *reader) mapOf(key string, v *content.Value, known []string) map[string]*content.Value {
	if !present(v) {
		return nil
	}
	if v.Kind != content.Map {
		r.fieldf(v.Line, key, "", "%s: expected keys (%s), got %s", key, strings.Join(known, ", "), v.Describe())
		return nil
	}
	return r.fields(v, key, known)
}

func (r *reader) date(key string, v *content.Value, partial bool) *Date {
	if !present(v) {
		return nil
	}
	if v.Kind != content.Scalar {
		r.fieldf(v.Line, key, "", "%s: expected a date, got %s", key, v.Describe())
		return nil
	}
	d, msg := parseDate(v.Text, partial, r.zone)
	if msg != "" {
		msg, hint := splitHint(msg)
		r.fieldf(v.Line, key, hint, "%s: %s", key, msg)
		return nil
	}
	return &d
}

func (r *reader) url(key string, v *content.Value) string {
	s := r.str(key, v)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.fieldf(v.Line, key, "write the full address starting with https://", "%s: %q is not a web address", key, s)
		return ""
	}
	return s
}

func (r *reader) year(key string, v *content.Value) int {
	if !present(v) {
		return 0
	}
	if v.Kind != content.Scalar {
		r.fieldf(v.Line, key, "", "%s: expected a year, got %s", key, v.Describe())
		return 0
	}
	y, err := strconv.Atoi(strings.TrimSpace(v.Text))
	if err != nil || y < 1000 || y > 9999 {
		r.fieldf(v.Line, key, "write four digits, like 2016", "%s: %q is not a year", key, v.Text)
		return 0
	}
	return y
}

func (r *reader) period(key string, v *content.Value) *Period {
	if !present(v) {
		return nil
	}
	var p Period
	switch v.Kind {
	case content.Map:
		m := r.fields(v, key, []string{"from", "to"})
		p.From = r.year(key+".from", m["from"])
		p.To = r.year(key+".to", m["to"])
		if !present(m["from"]) {
			r.fieldf(v.Line, key+".from", "add from: with the first year", "%s.from is required", key)
			return nil
		}
		if p.From == 0 {
			return nil
		}
	case content.Scalar:
		var msg string
		if p, msg = parsePeriod(v.Text); msg != "" {
			msg, hint := splitHint(msg)
			r.fieldf(v.Line, key, hint, "%s: %s", key, msg)
			return nil
		}
	default:
		r.fieldf(v.Line, key, "", "%s: expected years like 2016-2020, got %s", key, v.Describe())
		return nil
	}
	if p.To != 0 && p.To < p.From {
		r.fieldf(v.Line, key, "swap the years", "%s: ends (%d) before it starts (%d)", key, p.To, p.From)
		return nil
	}
	return &p
}

// params converts the free params map for layouts.
func (r *reader) params(v *content.Value) map[string]any {
	if !present(v) {
		return nil
	}
	if v.Kind != content.Map {
		r.fieldf(v.Line, "params", "", "params: expected keys with values, got %s", v.Describe())
		return nil
	}
	return plain(v).(map[string]any)
}

func plain(v *content.Value) any {
	switch v.Kind {
	case content.Map:
		m := make(map[string]any, len(v.Fields))
		for _, f := range v.Fields {
			m[f.Key] = plain(f.Value)
		}
		return m
	case content.List:
		l := make([]any, len(v.Items))
		for i, it := range v.Items {
			l[i] = plain(it)
		}
		return l
	case content.Scalar:
		switch v.Type {
		case content.Bool:
			return v.Text == "true"
		case content.Int:
			if n, err := strconv.ParseInt(v.Text, 0, 64); err == nil {
				return n
			}
		case content.Float:
			if f, err := strconv.ParseFloat(v.Text, 64); err == nil {
				return f
			}
		}
		return v.Text
	}
	return nil
}

// closest returns the candidate nearest to s by edit distance, if it is
// near enough to be a likely typo.
func closest(s string, candidates []string) string {
	candidates = slices.Sorted(slices.Values(candidates)) // the first in order among equals
	lower := make([]string, len(candidates))
	for i, c := range candidates {
		lower[i] = strings.ToLower(c)
	}
	ls := strings.ToLower(s)
	best := suggest.Nearest(ls, lower)
	if best == "" || !suggest.Likely(ls, best) {
		return ""
	}
	return candidates[slices.Index(lower, best)]
}

// splitHint splits a message of parseDate or parsePeriod, which quotes the
// bad value first, into what is wrong and the hint after its last "; ".
func splitHint(msg string) (string, string) {
	if i := strings.LastIndex(msg, "; "); i >= 0 {
		return msg[:i], msg[i+2:]
	}
	return msg, ""
}
