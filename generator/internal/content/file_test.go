package content

import (
	"github.com/ratusz/ratusz/generator/internal/problem"

	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// outline lists every value of a front matter, one line each, as
// "line path shape": "10 cities[0] string wloclawek", "14 place map". Map
// fields are listed at the key's line, with "(value on line N)" when the
// value stands on another line.
func outline(v *Value) []string {
	var out []string
	var walk func(v *Value, path string, line int)
	walk = func(v *Value, path string, line int) {
		var shape string
		switch v.Kind {
		case Map:
			shape = "map"
		case List:
			shape = "list"
		case Scalar:
			shape = typeName[v.Type] + " " + v.Text
		default:
			shape = "null"
		}
		if v.Line != line {
			shape += fmt.Sprintf(" (value on line %d)", v.Line)
		}
		out = append(out, strings.Join(slices.DeleteFunc([]string{strconv.Itoa(line), path, shape}, func(s string) bool { return s == "" }), " "))
		for _, f := range v.Fields {
			p := f.Key
			if path != "" {
				p = path + "." + f.Key
			}
			walk(f.Value, p, f.Line)
		}
		for i, it := range v.Items {
			walk(it, fmt.Sprintf("%s[%d]", path, i), it.Line)
		}
	}
	walk(v, "", v.Line)
	return out
}

var typeName = map[ScalarType]string{String: "string", Int: "int", Float: "float", Bool: "bool", Timestamp: "timestamp"}

// checkError fails unless err is an *problem.Problem at path:line whose message
// matches the regular expression msg.
func checkError(t *testing.T, err error, path string, line int, msg string) {
	t.Helper()
	var e *problem.Problem
	if !errors.As(err, &e) {
		t.Fatalf("got error %v (%T), want an *problem.Problem at %s:%d matching %q", err, err, path, line, msg)
	}
	if e.Path != path || e.Line != line {
		t.Errorf("got error at %s:%d, want %s:%d (%s)", e.Path, e.Line, path, line, e.Msg)
	}
	if !regexp.MustCompile(msg).MatchString(e.Msg) {
		t.Errorf("got message %q, want one matching %q", e.Msg, msg)
	}
}

func TestParseEncoding(t *testing.T) {
	const utf16Msg = "^file is UTF-16; save it as UTF-8 \\(in Notepad: Save as → Encoding: UTF-8\\)$"
	win1250 := func(s string) string {
		b, err := charmap.Windows1250.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16 := func(e encoding.Encoding, s string) string {
		b, err := e.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const doc = "---\ntitle: Włocławek\n---\nTreść\n"
	tests := []struct {
		name     string
		in       string
		wantLine int    // error line, when wantErr is set
		wantErr  string // regular expression for the message; "" for success
		wantBody string
		wantLast int // line of the last key, on success
	}{
		{name: "UTF-8", in: doc, wantBody: "Treść\n", wantLast: 2},
		{name: "UTF-8 with BOM", in: "\uFEFF" + doc, wantBody: "Treść\n", wantLast: 2},
		{name: "CRLF", in: "---\r\nsummary: a\r\ntitle: Włocławek\r\n---\r\nTreść\r\nDalej\r\n", wantBody: "Treść\nDalej\n", wantLast: 3},
		{name: "lone CR", in: "---\rsummary: a\rtitle: Włocławek\r---\rTreść\rDalej\r", wantBody: "Treść\nDalej\n", wantLast: 3},
		{name: "mixed line ends", in: "---\r\nsummary: a\rtitle: Włocławek\n---\r\n\rTreść", wantBody: "\nTreść", wantLast: 3},
		{name: "BOM and CRLF", in: "\uFEFF---\r\ntitle: Włocławek\r\n---\r\nTreść\r\n", wantBody: "Treść\n", wantLast: 2},
		{name: "UTF-16 LE", in: utf16(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), doc), wantLine: 1, wantErr: utf16Msg},
		{name: "UTF-16 BE", in: utf16(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), doc), wantLine: 1, wantErr: utf16Msg},
		{name: "UTF-16 without BOM", in: utf16(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), doc), wantLine: 1, wantErr: "NUL byte"},
		{name: "NUL byte", in: "---\ntitle: x\n---\nTreść\x00\n", wantLine: 4, wantErr: "^file contains a NUL byte"},
		{name: "NUL byte after CRLF", in: "---\r\ntitle: x\r\n---\r\nTreść\x00\r\n", wantLine: 4, wantErr: "NUL byte"},
		{name: "NUL byte after lone CR", in: "---\rtitle: x\r---\rTreść\x00\r", wantLine: 4, wantErr: "NUL byte"},
		{name: "NUL byte after BOM", in: "\uFEFF\x00", wantLine: 1, wantErr: "NUL byte"},
		{name: "Windows-1250", in: win1250("---\ntitle: Strategia\ncity: Włocławek\n---\nTreść\n"), wantLine: 3, wantErr: `Windows-1250.*iconv -f WINDOWS-1250 -t UTF-8`},
		{name: "Windows-1250 CRLF", in: win1250("---\r\ntitle: Strategia\r\n\r\ncity: Włocławek\r\n---\r\n"), wantLine: 4, wantErr: "byte 0xB3 at offset .*Windows-1250"},
		{name: "Windows-1250 lone CR", in: win1250("---\rtitle: Strategia\rcity: Łódź\r---\r"), wantLine: 3, wantErr: "byte 0xA3 .*Windows-1250"},
		{name: "Windows-1250 in the body", in: win1250("---\ntitle: Strategia\n---\n\nZażółć gęślą jaźń\n"), wantLine: 5, wantErr: "Windows-1250"},
		{name: "not Polish", in: "---\ntitle: \x80\x81\x82\n---\n", wantLine: 2, wantErr: `looks like another encoding\); convert it to UTF-8`},
		{name: "cut UTF-8 sequence", in: "---\ntitle: Wroc\xc5\n---\n", wantLine: 2, wantErr: "^file is not UTF-8 \\(byte 0xC5 at offset 15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("cities/wloclawek.md", []byte(tt.in))
			if tt.wantErr != "" {
				checkError(t, err, "cities/wloclawek.md", tt.wantLine, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := string(f.Body); got != tt.wantBody {
				t.Errorf("got body %q, want %q", got, tt.wantBody)
			}
			title := f.Meta.Fields[len(f.Meta.Fields)-1]
			if title.Key != "title" || title.Value.Text != "Włocławek" || title.Line != tt.wantLast {
				t.Errorf("got last key %s: %q on line %d, want title: Włocławek on line %d", title.Key, title.Value.Text, title.Line, tt.wantLast)
			}
		})
	}
}

func TestParseMaxFileSize(t *testing.T) {
	head := "---\ntitle: Duży plik\n---\n"
	exact := head + strings.Repeat("a", MaxFileSize-len(head))
	if _, err := Parse("pages/duzy.md", []byte(exact)); err != nil {
		t.Errorf("a file of exactly MaxFileSize bytes: got %v, want no error", err)
	}
	_, err := Parse("pages/duzy.md", []byte(exact+"a"))
	checkError(t, err, "pages/duzy.md", 1, fmt.Sprintf(`^file is 4\.0 MiB \(%d bytes\); a content file may be at most 4 MiB`, MaxFileSize+1))
}

func TestParseFrontMatter(t *testing.T) {
	const (
		noFrontMatter = "^no front matter; a content file starts with a --- line \\(YAML\\) or a \\+\\+\\+ line \\(TOML\\)"
		unclosedYAML  = "^front matter opened with --- is never closed; add a line with --- after the last key$"
		unclosedTOML  = "^front matter opened with \\+\\+\\+ is never closed; add a line with \\+\\+\\+ after the last key$"
		notAMap       = "^front matter must be keys with values \\(title: …\\), not "
	)
	tests := []struct {
		name       string
		in         string
		wantFormat string
		wantMeta   []string // outline of the front matter, on success
		wantLine   int
		wantErr    string
	}{
		{name: "YAML", in: "---\ntitle: Bobrowo\n---\n", wantFormat: "yaml", wantMeta: []string{"1 map", "2 title string Bobrowo"}},
		{name: "TOML", in: "+++\ntitle = \"Bobrowo\"\n+++\n", wantFormat: "toml", wantMeta: []string{"1 map", "2 title string Bobrowo"}},
		{name: "blank lines first", in: "\n  \n\t\n---\ntitle: Bobrowo\n---\n", wantFormat: "yaml", wantMeta: []string{"4 map", "5 title string Bobrowo"}},
		{name: "TOML after blank lines", in: "\n\n+++\ntitle = \"Bobrowo\"\n+++\n", wantFormat: "toml", wantMeta: []string{"3 map", "4 title string Bobrowo"}},
		{name: "delimiters with spaces around", in: "--- \ntitle: Bobrowo\n  ---\n", wantFormat: "yaml", wantMeta: []string{"1 map", "2 title string Bobrowo"}},
		{name: "empty YAML", in: "---\n---\nTreść\n", wantFormat: "yaml", wantMeta: []string{"1 map"}},
		{name: "YAML with only a comment", in: "---\n# nic tu nie ma\n---\n", wantFormat: "yaml", wantMeta: []string{"1 map"}},
		{name: "YAML null", in: "---\n~\n---\n", wantFormat: "yaml", wantMeta: []string{"1 map"}},
		{name: "empty TOML", in: "+++\n+++\n", wantFormat: "toml", wantMeta: []string{"1 map"}},

		{name: "no front matter", in: "# Włocławek\n\nTreść\n", wantLine: 1, wantErr: noFrontMatter},
		{name: "empty file", in: "", wantLine: 1, wantErr: noFrontMatter},
		{name: "only blank lines", in: "\n\n\n", wantLine: 1, wantErr: noFrontMatter},
		{name: "title before the delimiter", in: "title: x\n---\n---\n", wantLine: 1, wantErr: noFrontMatter},
		{name: "JSON front matter", in: "{\"title\": \"x\"}\n\nTreść\n", wantLine: 1, wantErr: noFrontMatter},
		{name: "YAML never closed", in: "---\ntitle: Bobrowo\n\nTreść\n", wantLine: 1, wantErr: unclosedYAML},
		{name: "YAML never closed after blank lines", in: "\n\n---\ntitle: Bobrowo\n", wantLine: 3, wantErr: unclosedYAML},
		{name: "only an opening delimiter", in: "---", wantLine: 1, wantErr: unclosedYAML},
		{name: "YAML closed with +++", in: "---\ntitle: Bobrowo\n+++\n", wantLine: 1, wantErr: unclosedYAML},
		{name: "TOML never closed", in: "+++\ntitle = \"Bobrowo\"\n---\n", wantLine: 1, wantErr: unclosedTOML},

		{name: "YAML list", in: "---\n- Bobrowo\n- Brzozie\n---\n", wantLine: 2, wantErr: notAMap + "a list$"},
		{name: "YAML scalar", in: "\n---\nStrategia rozwoju\n---\n", wantLine: 3, wantErr: notAMap + "a single value$"},
		{name: "YAML key that is a list", in: "---\n? [a, b]\n: x\n---\n", wantLine: 2, wantErr: "^a key must be a plain name, not a list$"},
		{name: "YAML key that is a map", in: "---\ntitle: x\n{a: b}: x\n---\n", wantLine: 3, wantErr: "^a key must be a plain name, not a map$"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("cities/bobrowo.md", []byte(tt.in))
			if tt.wantErr != "" {
				checkError(t, err, "cities/bobrowo.md", tt.wantLine, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Path != "cities/bobrowo.md" || f.Format != tt.wantFormat {
				t.Errorf("got path %q, format %q; want cities/bobrowo.md, %q", f.Path, f.Format, tt.wantFormat)
			}
			if got := outline(f.Meta); !slices.Equal(got, tt.wantMeta) {
				t.Errorf("got front matter\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.wantMeta, "\n\t"))
			}
		})
	}
}

// TestParseSyntaxErrors checks that decoder errors point at the file line:
// the decoder's own line within the front matter plus the lines above it.
func TestParseSyntaxErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantLine int
		wantErr  string
		// ownLine: Parse names a better line than the decoder's own
		// (the quote that opens, not the end where the decoder gave up;
		// the first line, which yaml.v3 leaves out).
		ownLine bool
	}{
		{name: "YAML value with a colon", in: "---\ntitle: Bobrowo\nsummary: Gmina: wiejska\n---\n", wantLine: 3, wantErr: "^YAML front matter: mapping values are not allowed in this context; a value contains \": \" .* put the value in quotes"},
		{name: "YAML after blank lines", in: "\n\n---\ntitle: Bobrowo\nsummary: Gmina: wiejska\n---\n", wantLine: 5, wantErr: "^YAML front matter: mapping values are not allowed"},
		{name: "YAML tab indent", in: "---\ntitle: Bobrowo\nplace:\n\tname: Ratusz\n---\n", wantLine: 4, wantErr: "^YAML front matter: found character that cannot start any token; indent with spaces, not tabs"},
		{name: "YAML unclosed quote", in: "---\ntitle: \"Bobrowo\nsummary: x\n---\n", wantLine: 2, wantErr: "^YAML front matter: found unexpected end of stream; a value opened with a quote .* is never closed", ownLine: true},
		{name: "YAML bad indent", in: "---\ntitle: Bobrowo\ncities:\n  - a\n - b\n---\n", wantLine: 4, wantErr: "^YAML front matter: did not find expected key; check the indentation"},
		{name: "YAML unknown anchor", in: "---\ntitle: *nazwa\n---\n", wantLine: 2, wantErr: "^YAML front matter: unknown anchor 'nazwa' referenced$", ownLine: true},
		{name: "TOML missing value", in: "+++\ntitle = \"Bobrowo\"\nsummary =\n+++\n", wantLine: 3, wantErr: "^TOML front matter: expected value but found '\\\\n' instead$"},
		{name: "TOML after blank lines", in: "\n\n+++\ntitle = \"Bobrowo\"\nsummary =\n+++\n", wantLine: 5, wantErr: "^TOML front matter: "},
		{name: "TOML YAML-style key", in: "+++\ntitle = \"Bobrowo\"\n\nregion: kujawsko-pomorskie\n+++\n", wantLine: 4, wantErr: "^TOML front matter: expected '.' or '=', but got ':' instead$"},
		{name: "TOML duplicate key", in: "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n", wantLine: 3, wantErr: "^TOML front matter: .*title.*already"},
		{name: "TOML bare string", in: "+++\ntitle = Bobrowo\n+++\n", wantLine: 2, wantErr: "^TOML front matter: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("cities/bobrowo.md", []byte(tt.in))
			checkError(t, err, "cities/bobrowo.md", tt.wantLine, tt.wantErr)

			// The same line, from the decoder itself.
			if tt.ownLine {
				return
			}
			lines := strings.Split(tt.in, "\n")
			open := slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) != "" })
			end := open + 1 + slices.IndexFunc(lines[open+1:], func(l string) bool { return strings.TrimSpace(l) == strings.TrimSpace(lines[open]) })
			raw := strings.Join(lines[open+1:end], "\n") + "\n"
			decoderLine := 0
			if strings.TrimSpace(lines[open]) == "+++" {
				var m map[string]any
				var perr toml.ParseError
				if _, err := toml.Decode(raw, &m); errors.As(err, &perr) {
					decoderLine = perr.Position.Line
				}
			} else {
				var n yaml.Node
				if m := regexp.MustCompile(`^yaml: line (\d+):`).FindStringSubmatch(fmt.Sprint(yaml.Unmarshal([]byte(raw), &n))); m != nil {
					decoderLine, _ = strconv.Atoi(m[1])
				}
			}
			if want := decoderLine + open + 1; tt.wantLine != want {
				t.Errorf("the decoder puts the error on front-matter line %d, so file line %d; the table says %d", decoderLine, want, tt.wantLine)
			}
		})
	}
}

func TestParseYAMLRefusals(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	var bomb strings.Builder
	bomb.WriteString("---\ntitle: Bomba\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		// Each line stands for ten times the one above: a8 is 10⁹ values.
		fmt.Fprintf(&bomb, "a%d: &a%[1]d [%s]\n", i, strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 9)+fmt.Sprintf("*a%d", i-1))
	}
	bomb.WriteString("---\n")
	tests := []struct {
		name     string
		in       string
		wantLine int
		wantErr  string
	}{
		{name: "duplicate key", in: "---\ntitle: Brzozie\nregion: kujawsko-pomorskie\ntitle: Gmina Brzozie\n---\n", wantLine: 4, wantErr: `^key "title" appears twice \(first on line 2\); keep one$`},
		{name: "duplicate key after blank lines", in: "\n\n---\ntitle: Brzozie\ntitle: Gmina Brzozie\n---\n", wantLine: 5, wantErr: `^key "title" appears twice \(first on line 4\); keep one$`},
		{name: "duplicate nested key", in: "---\ntitle: x\nplace:\n  name: Ratusz\n  city: brzozie\n  name: Urząd\n---\n", wantLine: 6, wantErr: `^key "name" appears twice \(first on line 4\); keep one$`},
		{name: "duplicate key quoted", in: "---\ntitle: x\n\"title\": y\n---\n", wantLine: 3, wantErr: `^key "title" appears twice \(first on line 2\)`},
		{name: "merge key", in: "---\nbase: &base\n  region: kujawsko-pomorskie\ntitle: x\n<<: *base\n---\n", wantLine: 5, wantErr: `^YAML merge keys \(<<\) are not supported; write the keys out$`},
		{name: "merge key in a list item", in: "---\ntitle: x\nattachments:\n  - <<: {file: a.pdf}\n---\n", wantLine: 4, wantErr: `^YAML merge keys`},
		{name: "deep nesting", in: "---\ntitle: x\nparams: " + deep(100) + "\n---\n", wantLine: 3, wantErr: "^front matter nests deeper than 64 levels$"},
		{name: "alias of itself", in: "---\ntitle: x\nparams: &p [*p]\n---\n", wantLine: 3, wantErr: "^front matter (aliases )?nests? deeper than 64 levels$"},
		{name: "aliases of aliases", in: bomb.String(), wantLine: 6, wantErr: `^aliases \(\*name\) stand for more than 10000 values; write the values out$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse("cities/brzozie.md", []byte(tt.in))
			checkError(t, err, "cities/brzozie.md", tt.wantLine, tt.wantErr)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}

	// What the refusals leave alone.
	for _, in := range []string{
		"---\ntitle: x\nparams: " + deep(30) + "\n---\n",
		"---\ntitle: x\nbase: &b {region: kujawsko-pomorskie}\nparams: [*b, *b, *b]\n---\n",
		"---\ntitle: x\n'<<': quoted is a plain key\n---\n",
	} {
		if _, err := Parse("cities/brzozie.md", []byte(in)); err != nil {
			t.Errorf("Parse(%q): %v", in, err)
		}
	}
}

func TestParseYAMLValues(t *testing.T) {
	const in = `---
title: "Warsztaty Partnerstwa „Wspieramy rozwój naszych małych ojczyzn”"
draft: false
year: 2021
share: 0.5
date: 2021-01-17
start: 2021-01-17T10:00:00+01:00
version: "2021"
cities:
  - jablonowo-pomorskie
  - 'brzozie'

  - bobrowo
place:
  name: Centrum Kultury i Sportu
  city: jablonowo-pomorskie
attachments:
  - file: program.pdf
    title: Program
  - {file: lista.pdf, title: Lista obecności}
topics: [współpraca międzygminna, rozwój lokalny]
end:
summary: >
  Spotkanie warsztatowe
  partnerstwa.
shared: &shared [a]
again: *shared
source:
  https://jablonowo.pl/warsztaty
---
17 stycznia 2021 r.
`
	want := []string{
		"1 map",
		"2 title string Warsztaty Partnerstwa „Wspieramy rozwój naszych małych ojczyzn”",
		"3 draft bool false",
		"4 year int 2021",
		"5 share float 0.5",
		"6 date timestamp 2021-01-17",
		"7 start timestamp 2021-01-17T10:00:00+01:00",
		"8 version string 2021",
		"9 cities list",
		"10 cities[0] string jablonowo-pomorskie",
		"11 cities[1] string brzozie",
		"13 cities[2] string bobrowo",
		"14 place map",
		"15 place.name string Centrum Kultury i Sportu",
		"16 place.city string jablonowo-pomorskie",
		"17 attachments list",
		"18 attachments[0] map",
		"18 attachments[0].file string program.pdf",
		"19 attachments[0].title string Program",
		"20 attachments[1] map",
		"20 attachments[1].file string lista.pdf",
		"20 attachments[1].title string Lista obecności",
		"21 topics list",
		"21 topics[0] string współpraca międzygminna",
		"21 topics[1] string rozwój lokalny",
		"22 end null",
		"23 summary string Spotkanie warsztatowe partnerstwa.\n",
		"26 shared list",
		"26 shared[0] string a",
		"27 again list",
		"26 again[0] string a", // an alias keeps the lines of its anchor
		"28 source string https://jablonowo.pl/warsztaty (value on line 29)",
	}
	f, err := Parse("meetings/warsztaty.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := outline(f.Meta); !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if f.BodyLine != 31 || string(f.Body) != "17 stycznia 2021 r.\n" {
		t.Errorf("got body %q on line %d, want %q on line 31", f.Body, f.BodyLine, "17 stycznia 2021 r.\n")
	}
}

func TestParseTOMLValues(t *testing.T) {
	const in = `
+++
summary = """
Plan przygotowywany przez Lokalną Grupę Wsparcia.
draft = "this line is text, not a key"
"""
title = "Lokalny Plan Działania – Zabrze"
draft = true
year = 2021
share = 0.5
publish = 2015-03-19
updated = 2021-01-17T10:00:00+01:00
start = 2021-01-17T10:00:00
opens = 09:30:00
cities = ["zabrze"]
topics = [
  "partycypacja",
  "rozwój lokalny", # komentarz
]
place = { name = "Urząd Miasta", city = "zabrze" }
"quoted key" = 'x'
period.from = 2016
period.to = 2020 # koniec

[adopted] # uchwała
date = 2018-06-25
by = "Rada Miasta Zabrze"

[[attachments]]
file = "plan.pdf"
title = "Plan"

[[attachments]]
file = "mapa.pdf"
title = "Mapa dzielnicy"
+++
Przygotowanie Lokalnego Planu Działania
`
	want := []string{
		"2 map",
		"3 summary string Plan przygotowywany przez Lokalną Grupę Wsparcia.\ndraft = \"this line is text, not a key\"\n",
		"7 title string Lokalny Plan Działania – Zabrze",
		"8 draft bool true",
		"9 year int 2021",
		"10 share float 0.5",
		"11 publish timestamp 2015-03-19",
		"12 updated timestamp 2021-01-17T10:00:00+01:00",
		"13 start timestamp 2021-01-17T10:00:00",
		"14 opens timestamp 09:30:00",
		"15 cities list",
		"15 cities[0] string zabrze",
		"16 topics list",
		"16 topics[0] string partycypacja",
		"16 topics[1] string rozwój lokalny",
		"20 place map",
		"20 place.city string zabrze",
		"20 place.name string Urząd Miasta",
		"21 quoted key string x",
		"22 period map",
		"22 period.from int 2016",
		"23 period.to int 2020",
		"25 adopted map",
		"26 adopted.date timestamp 2018-06-25",
		"27 adopted.by string Rada Miasta Zabrze",
		"29 attachments list",
		"29 attachments[0] map",
		"30 attachments[0].file string plan.pdf",
		"31 attachments[0].title string Plan",
		"33 attachments[1] map",
		"34 attachments[1].file string mapa.pdf",
		"35 attachments[1].title string Mapa dzielnicy",
	}
	f, err := Parse("documents/plan.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := outline(f.Meta); !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if f.BodyLine != 37 || string(f.Body) != "Przygotowanie Lokalnego Planu Działania\n" {
		t.Errorf("got body %q on line %d, want %q on line 37", f.Body, f.BodyLine, "Przygotowanie Lokalnego Planu Działania\n")
	}
}

func TestParseTOMLTableLines(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "table in an array item",
			in: `+++
title = "x"
[[attachments]]
file = "a.pdf"
[attachments.meta]
lang = "pl"
[[attachments]]
file = "b.pdf"
[attachments.meta]
lang = "en"
+++
`,
			want: []string{
				"1 map", "2 title string x",
				"3 attachments list",
				"3 attachments[0] map", "4 attachments[0].file string a.pdf", "5 attachments[0].meta map", "6 attachments[0].meta.lang string pl",
				"7 attachments[1] map", "8 attachments[1].file string b.pdf", "9 attachments[1].meta map", "10 attachments[1].meta.lang string en",
			},
		},
		{
			name: "nested arrays of tables",
			in: `+++
[[a]]
[[a.b]]
k = 1
[[a.b]]
k = 2
[[a]]
[[a.b]]
k = 3
+++
`,
			want: []string{
				"1 map", "2 a list",
				"2 a[0] map", "3 a[0].b list", "3 a[0].b[0] map", "4 a[0].b[0].k int 1", "5 a[0].b[1] map", "6 a[0].b[1].k int 2",
				"7 a[1] map", "8 a[1].b list", "8 a[1].b[0] map", "9 a[1].b[0].k int 3",
			},
		},
		{
			name: "dotted and quoted headers",
			in: `+++
title = "x"

[ params . "mapa miasta" ]
zoom = 12
[params.kolory]
"tło" = "biały"
+++
`,
			want: []string{
				"1 map", "2 title string x",
				"4 params map", "4 params.mapa miasta map", "5 params.mapa miasta.zoom int 12",
				"6 params.kolory map", "7 params.kolory.tło string biały",
			},
		},
		{
			name: "inline array of tables",
			in: `+++
title = "x"
attachments = [
  { file = "a.pdf", title = "A" },
  { file = "b.pdf", title = "B" },
]
images = [{ file = "c.jpg", alt = "Ratusz" }]
+++
`,
			want: []string{
				"1 map", "2 title string x",
				"3 attachments list",
				"3 attachments[0] map", "3 attachments[0].file string a.pdf", "3 attachments[0].title string A",
				"3 attachments[1] map", "3 attachments[1].file string b.pdf", "3 attachments[1].title string B",
				"7 images list", "7 images[0] map", "7 images[0].alt string Ratusz", "7 images[0].file string c.jpg",
			},
		},
		{
			name: "multi-line inline table",
			in: `+++
place = {
  name = "Ratusz",
  city = "zabrze",
}
name = "x"
+++
`,
			want: []string{
				"1 map", "2 place map", "2 place.city string zabrze", "2 place.name string Ratusz", "6 name string x",
			},
		},
		{
			name: "literal multi-line string",
			in: `+++
summary = '''
title = "no"
'''
title = "yes"
+++
`,
			want: []string{"1 map", "2 summary string title = \"no\"\n", "5 title string yes"},
		},
		{
			name: "string with brackets and hashes",
			in: `+++
summary = "[nawias # nie komentarz {"
title = 'a [ b'
draft = false
+++
`,
			want: []string{"1 map", "2 summary string [nawias # nie komentarz {", "3 title string a [ b", "4 draft bool false"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("pages/x.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(f.Meta); !slices.Equal(got, tt.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestParseBody(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		wantBody     string
		wantBodyLine int
	}{
		{name: "YAML", in: "---\ntitle: x\n---\nAkapit.\n", wantBody: "Akapit.\n", wantBodyLine: 4},
		{name: "TOML", in: "+++\ntitle = \"x\"\n+++\nAkapit.\n", wantBody: "Akapit.\n", wantBodyLine: 4},
		{name: "no body", in: "---\ntitle: x\n---\n", wantBody: "", wantBodyLine: 4},
		{name: "no final newline", in: "---\ntitle: x\n---\nAkapit.", wantBody: "Akapit.", wantBodyLine: 4},
		{name: "blank line after front matter", in: "---\ntitle: x\n---\n\nAkapit.\n", wantBody: "\nAkapit.\n", wantBodyLine: 4},
		{name: "blank lines before front matter", in: "\n\n---\ntitle: x\n---\nAkapit.\n", wantBody: "Akapit.\n", wantBodyLine: 6},
		{name: "rule in the body", in: "---\ntitle: x\n---\nA\n\n---\n\nB\n", wantBody: "A\n\n---\n\nB\n", wantBodyLine: 4},
		{name: "TOML delimiter in the body", in: "+++\ntitle = \"x\"\n+++\n+++\n", wantBody: "+++\n", wantBodyLine: 4},
		{name: "CRLF", in: "---\r\ntitle: x\r\n---\r\nA\r\n\r\nB\r\n", wantBody: "A\n\nB\n", wantBodyLine: 4},
		{name: "BOM", in: "\uFEFF---\ntitle: x\n---\nA\n", wantBody: "A\n", wantBodyLine: 4},
		{name: "YAML rule in TOML front matter", in: "+++\ntitle = \"\"\"\n---\n\"\"\"\n+++\nA\n", wantBody: "A\n", wantBodyLine: 6},
		{name: "delimiters with spaces", in: "  ---  \ntitle: x\n --- \nA\n", wantBody: "A\n", wantBodyLine: 4},
		{name: "closing line without a newline", in: "---\ntitle: x\n---", wantBody: "", wantBodyLine: 3},
		{name: "long front matter", in: "---\ntitle: x\n" + strings.Repeat("# komentarz\n", 100) + "---\nA\n", wantBody: "A\n", wantBodyLine: 104},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("pages/o-nas.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(f.Body) != tt.wantBody || f.BodyLine != tt.wantBodyLine {
				t.Errorf("got body %q on line %d, want %q on line %d", f.Body, f.BodyLine, tt.wantBody, tt.wantBodyLine)
			}
		})
	}
}

func TestParseDoesNotChangeInput(t *testing.T) {
	in := []byte("\uFEFF---\r\ntitle: x\r\n---\r\nA\rB\r\n")
	orig := bytes.Clone(in)
	if _, err := Parse("pages/a.md", in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(in, orig) {
		t.Errorf("Parse changed its input to %q", in)
	}
}
