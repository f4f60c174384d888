package content

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// A Value is one node of a front-matter block, with the line it stands on.
// YAML and TOML both decode to Values, so that the site model reads one
// shape and every problem can name its line.
type Value struct {
	Kind ValueKind
	Line int // 1-based line in the file

	// Scalar: Text is the value as written (unquoted); Type says what the
	// format made of it.
	Text string
	Type ScalarType

	Fields []Field  // Map, in file order
	Items  []*Value // List
}

// A Field is one key of a map.
type Field struct {
	Key   string
	Line  int
	Value *Value
}

// ValueKind is the shape of a Value.
type ValueKind int

const (
	Null ValueKind = iota
	Scalar
	Map
	List
)

func (k ValueKind) String() string {
	switch k {
	case Scalar:
		return "a single value"
	case Map:
		return "a map of keys"
	case List:
		return "a list"
	}
	return "empty"
}

// ScalarType is what the front-matter format read a scalar as.
type ScalarType int

const (
	String ScalarType = iota
	Int
	Float
	Bool
	Timestamp
)

// Get returns the field with the given key of a map, or nil.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Map {
		return nil
	}
	for _, f := range v.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Describe names a value's shape for an error message: "a list", "the text
// \"abc\"".
func (v *Value) Describe() string {
	if v == nil || v.Kind == Null {
		return "nothing"
	}
	if v.Kind == Scalar {
		return strconv.Quote(v.Text)
	}
	return v.Kind.String()
}

// maxAliasValues is how many values aliases (*name) may add to a front
// matter. Following an alias copies its anchor's values, so a few lines of
// aliases of aliases could otherwise stand for billions of values.
const maxAliasValues = 10000

// fromYAML converts a yaml.v3 node; lines are shifted by offset so that they
// count from the top of the file.
func fromYAML(n *yaml.Node, offset int, depth int) (*Value, error) {
	d := &yamlDecoder{offset: offset, aliasBudget: maxAliasValues}
	return d.value(n, depth, 0)
}

type yamlDecoder struct {
	offset      int // file line of the front matter's first line, minus one
	aliasBudget int // values that aliases may still add
}

// value converts n. aliasLine is the file line of the alias that led to n,
// or 0 when n is read where it is written.
func (d *yamlDecoder) value(n *yaml.Node, depth, aliasLine int) (*Value, error) {
	offset := d.offset
	if depth > 64 {
		return nil, fmt.Errorf("line %d: front matter nests deeper than 64 levels", n.Line+offset)
	}
	for n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			break
		}
		if aliasLine == 0 {
			aliasLine = n.Line + offset
		}
		n = n.Alias
		depth++
		if depth > 64 {
			return nil, fmt.Errorf("line %d: front matter aliases nest deeper than 64 levels", n.Line+offset)
		}
	}
	if aliasLine > 0 {
		d.aliasBudget--
		if d.aliasBudget < 0 {
			return nil, fmt.Errorf("line %d: aliases (*name) stand for more than %d values; write the values out", aliasLine, maxAliasValues)
		}
	}
	v := &Value{Line: n.Line + offset}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			v.Kind = Map
			return v, nil
		}
		return d.value(n.Content[0], depth+1, aliasLine)
	case yaml.MappingNode:
		v.Kind = Map
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: a key must be a plain name, not %s", k.Line+offset, yamlKind(k))
			}
			if k.Tag == "!!merge" || k.Value == "<<" && k.Style == 0 {
				return nil, fmt.Errorf("line %d: YAML merge keys (<<) are not supported; write the keys out", k.Line+offset)
			}
			for _, f := range v.Fields {
				if f.Key == k.Value {
					return nil, fmt.Errorf("line %d: key %q appears twice (first on line %d); keep one", k.Line+offset, k.Value, f.Line)
				}
			}
			cv, err := d.value(val, depth+1, aliasLine)
			if err != nil {
				return nil, err
			}
			if cv.Kind == Map || cv.Kind == List {
				// A block map or list starts on the line after its key;
				// problems with it as a whole are the key's.
				cv.Line = k.Line + offset
			}
			v.Fields = append(v.Fields, Field{Key: k.Value, Line: k.Line + offset, Value: cv})
		}
	case yaml.SequenceNode:
		v.Kind = List
		for _, c := range n.Content {
			cv, err := d.value(c, depth+1, aliasLine)
			if err != nil {
				return nil, err
			}
			v.Items = append(v.Items, cv)
		}
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			v.Kind = Null
			return v, nil
		case "!!int":
			v.Type = Int
		case "!!float":
			v.Type = Float
		case "!!bool":
			v.Type = Bool
		case "!!timestamp":
			v.Type = Timestamp
		case "!!str", "!!binary":
			v.Type = String
		default:
			v.Type = String
		}
		v.Kind = Scalar
		v.Text = n.Value
	default:
		v.Kind = Null
	}
	return v, nil
}

func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	}
	return "a value"
}

// fromTOML converts a decoded TOML value. TOML decoders do not keep key
// positions, so lines come from locating each key in the front-matter text.
// path is the value's key path, with list items as their index.
func fromTOML(x any, loc *tomlLocator, path []string, line int) *Value {
	v := &Value{Line: line}
	child := func(k string) []string { return append(slices.Clip(path), k) }
	switch x := x.(type) {
	case map[string]any:
		v.Kind = Map
		keys := make([]string, 0, len(x))
		lines := make(map[string]int, len(x))
		for k := range x {
			keys = append(keys, k)
			lines[k] = loc.line(child(k), line)
		}
		slices.SortFunc(keys, func(a, b string) int {
			return cmp.Or(cmp.Compare(lines[a], lines[b]), strings.Compare(a, b))
		})
		for _, k := range keys {
			l := lines[k]
			v.Fields = append(v.Fields, Field{Key: k, Line: l, Value: fromTOML(x[k], loc, child(k), l)})
		}
	case []map[string]any:
		v.Kind = List
		for i, m := range x {
			p := child(strconv.Itoa(i))
			v.Items = append(v.Items, fromTOML(m, loc, p, loc.line(p, line)))
		}
	case []any:
		v.Kind = List
		for i, c := range x {
			p := child(strconv.Itoa(i))
			v.Items = append(v.Items, fromTOML(c, loc, p, loc.line(p, line)))
		}
	case string:
		v.Kind, v.Type, v.Text = Scalar, String, x
	case bool:
		v.Kind, v.Type, v.Text = Scalar, Bool, strconv.FormatBool(x)
	case int64:
		v.Kind, v.Type, v.Text = Scalar, Int, strconv.FormatInt(x, 10)
	case float64:
		v.Kind, v.Type, v.Text = Scalar, Float, strconv.FormatFloat(x, 'g', -1, 64)
	case time.Time:
		v.Kind, v.Type = Scalar, Timestamp
		switch x.Location().String() {
		case "date-local":
			v.Text = x.Format(time.DateOnly)
		case "datetime-local":
			v.Text = x.Format("2006-01-02T15:04:05.999999999")
		case "time-local":
			v.Text = x.Format("15:04:05.999999999")
		default:
			v.Text = x.Format(time.RFC3339Nano)
		}
	default:
		v.Kind, v.Type, v.Text = Scalar, String, fmt.Sprint(x)
	}
	return v
}

// A tomlLocator knows the file line of each key in TOML text. It reads the
// lines editors write: key = value (dotted and quoted keys too), [table]
// and [[array]] headers, comments. It skips the inside of multi-line
// strings, arrays and inline tables: keys and items there share the line of
// the key that holds them.
type tomlLocator struct {
	lines map[string]int // key path, [[array]] items by index, joined by tomlPathSep → file line
}

const tomlPathSep = "\x00"

func newTOMLLocator(text string, offset int) *tomlLocator {
	l := &tomlLocator{lines: map[string]int{}}
	record := func(path []string, line int) {
		k := strings.Join(path, tomlPathSep)
		if _, ok := l.lines[k]; !ok {
			l.lines[k] = line
		}
	}
	var (
		items = map[string]int{} // [[array]] path → its items so far
		table []string           // the path of the current [table] or [[array]] item
		open  tomlScan           // what a value left open at the end of the previous line
	)
	for i, text := range strings.Split(text, "\n") {
		line := i + 1 + offset
		if open.inside() {
			open = open.scan(text)
			continue
		}
		s := strings.TrimSpace(text)
		if strings.HasPrefix(s, "[") {
			array := strings.HasPrefix(s, "[[")
			keys, rest, ok := parseTOMLKey(strings.TrimPrefix(s[1:], "["))
			if !ok || !strings.HasPrefix(rest, "]") || array && !strings.HasPrefix(rest, "]]") {
				continue
			}
			// [a.b] after [[a]] is a table in a's last item.
			var p []string
			for j, k := range keys {
				p = append(p, k)
				record(p, line)
				if n, ok := items[strings.Join(p, tomlPathSep)]; ok && j < len(keys)-1 {
					p = append(p, strconv.Itoa(n-1))
				}
			}
			if array {
				k := strings.Join(p, tomlPathSep)
				p = append(p, strconv.Itoa(items[k]))
				items[k]++
				record(p, line)
			}
			table = p
			continue
		}
		keys, rest, ok := parseTOMLKey(s)
		if !ok || !strings.HasPrefix(rest, "=") {
			continue
		}
		p := slices.Clone(table)
		for _, k := range keys {
			p = append(p, k)
			record(p, line)
		}
		open = open.scan(rest[1:])
	}
	return l
}

// line returns the file line of the key at path, or fallback.
func (l *tomlLocator) line(path []string, fallback int) int {
	if n, ok := l.lines[strings.Join(path, tomlPathSep)]; ok {
		return n
	}
	return fallback
}

// parseTOMLKey reads a key (bare, quoted or dotted) at the start of s and
// returns its parts and the rest of s after spaces.
func parseTOMLKey(s string) (keys []string, rest string, ok bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		var k string
		switch {
		case strings.HasPrefix(s, `"`):
			end := 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(s) {
				return nil, "", false
			}
			k, s = s[1:end], s[end+1:]
			if u, err := strconv.Unquote(`"` + k + `"`); err == nil {
				k = u
			}
		case strings.HasPrefix(s, "'"):
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return nil, "", false
			}
			k, s = s[1:end+1], s[end+2:]
		default:
			end := strings.IndexFunc(s, func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
			})
			if end < 0 {
				end = len(s)
			}
			if end == 0 {
				return nil, "", false
			}
			k, s = s[:end], s[end:]
		}
		keys = append(keys, k)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return keys, s, true
		}
		s = s[1:]
	}
}

// A tomlScan is what a TOML value leaves open at the end of a line: a
// multi-line string, or brackets and braces.
type tomlScan struct {
	quote string // `"""` or `'''` inside a multi-line string
	depth int    // [ and { not yet closed
}

func (t tomlScan) inside() bool { return t.quote != "" || t.depth > 0 }

// scan reads one more line of a value.
func (t tomlScan) scan(s string) tomlScan {
	for i := 0; i < len(s); i++ {
		switch {
		case t.quote != "":
			if t.quote == `"""` && s[i] == '\\' {
				i++
			} else if strings.HasPrefix(s[i:], t.quote) {
				i += len(t.quote) - 1
				t.quote = ""
			}
		case strings.HasPrefix(s[i:], `"""`), strings.HasPrefix(s[i:], `'''`):
			t.quote = s[i : i+3]
			i += 2
		case s[i] == '"':
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case s[i] == '\'':
			if end := strings.IndexByte(s[i+1:], '\''); end >= 0 {
				i += end + 1
			} else {
				i = len(s)
			}
		case s[i] == '#':
			return t
		case s[i] == '[' || s[i] == '{':
			t.depth++
		case s[i] == ']' || s[i] == '}':
			if t.depth > 0 {
				t.depth--
			}
		}
	}
	return t
}
