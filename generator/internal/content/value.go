package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
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

// fromYAML converts a yaml.v3 node; lines are shifted by offset so that they
// count from the top of the file.
func fromYAML(n *yaml.Node, offset int, depth int) (*Value, error) {
	if depth > 64 {
		return nil, fmt.Errorf("line %d: front matter nests deeper than 64 levels", n.Line+offset)
	}
	for n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			break
		}
		n = n.Alias
		depth++
		if depth > 64 {
			return nil, fmt.Errorf("line %d: front matter aliases nest deeper than 64 levels", n.Line+offset)
		}
	}
	v := &Value{Line: n.Line + offset}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			v.Kind = Map
			return v, nil
		}
		return fromYAML(n.Content[0], offset, depth+1)
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
			cv, err := fromYAML(val, offset, depth+1)
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
			cv, err := fromYAML(c, offset, depth+1)
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
func fromTOML(x any, loc *tomlLocator, path []string, line int) *Value {
	v := &Value{Line: line}
	switch x := x.(type) {
	case map[string]any:
		v.Kind = Map
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		lines := make(map[string]int, len(keys))
		for _, k := range keys {
			lines[k] = loc.find(append(slices.Clone(path), k), line)
		}
		slices.SortFunc(keys, func(a, b string) int {
			if lines[a] != lines[b] {
				return lines[a] - lines[b]
			}
			return strings.Compare(a, b)
		})
		for _, k := range keys {
			l := lines[k]
			v.Fields = append(v.Fields, Field{Key: k, Line: l, Value: fromTOML(x[k], loc, append(slices.Clone(path), k), l)})
		}
	case []map[string]any:
		v.Kind = List
		for i, m := range x {
			l := loc.findTable(path, i, line)
			v.Items = append(v.Items, fromTOML(m, loc, append(slices.Clone(path), strconv.Itoa(i)), l))
		}
	case []any:
		v.Kind = List
		for i, c := range x {
			l := line
			if _, ok := c.(map[string]any); ok {
				l = loc.findTable(path, i, line)
			}
			v.Items = append(v.Items, fromTOML(c, loc, append(slices.Clone(path), strconv.Itoa(i)), l))
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

// tomlLocator finds the line of a key in TOML text. It understands the
// shapes editors write: top-level keys, [table] and [[array]] headers, and
// keys inside them; keys in inline tables share the line of their table.
type tomlLocator struct {
	lines  []string
	offset int // file line of lines[0], minus one
}

func newTOMLLocator(text string, offset int) *tomlLocator {
	return &tomlLocator{lines: strings.Split(text, "\n"), offset: offset}
}

func tomlKeyOf(line string) (string, bool) {
	line = strings.TrimSpace(line)
	if line == "" || line[0] == '#' || line[0] == '[' {
		return "", false
	}
	eq := strings.IndexByte(line, '=')
	if eq <= 0 {
		return "", false
	}
	k := strings.TrimSpace(line[:eq])
	k = strings.Trim(k, `"'`)
	return k, true
}

func tomlHeaderOf(line string) (name string, array, ok bool) {
	line = strings.TrimSpace(line)
	if i := strings.IndexByte(line, '#'); i > 0 {
		line = strings.TrimSpace(line[:i])
	}
	if strings.HasPrefix(line, "[[") && strings.HasSuffix(line, "]]") {
		return strings.TrimSpace(line[2 : len(line)-2]), true, true
	}
	if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
		return strings.TrimSpace(line[1 : len(line)-1]), false, true
	}
	return "", false, false
}

// find returns the line of the key at path (path's last element being the
// key, earlier ones its tables), or fallback.
func (l *tomlLocator) find(path []string, fallback int) int {
	// Only the first level is worth locating precisely; deeper keys live in
	// a [table] section or an inline table.
	key := path[len(path)-1]
	section := strings.Join(path[:len(path)-1], ".")
	cur := ""
	for i, line := range l.lines {
		if name, _, ok := tomlHeaderOf(line); ok {
			cur = name
			if name == strings.Join(path, ".") {
				return i + 1 + l.offset
			}
			continue
		}
		if k, ok := tomlKeyOf(line); ok && cur == stripIndexes(section) && k == key {
			return i + 1 + l.offset
		}
	}
	return fallback
}

// findTable returns the line of the i-th [[path]] header, or fallback.
func (l *tomlLocator) findTable(path []string, i int, fallback int) int {
	want := stripIndexes(strings.Join(path, "."))
	n := 0
	for j, line := range l.lines {
		if name, array, ok := tomlHeaderOf(line); ok && array && name == want {
			if n == i {
				return j + 1 + l.offset
			}
			n++
		}
	}
	return fallback
}

func stripIndexes(p string) string {
	parts := strings.Split(p, ".")
	out := parts[:0]
	for _, s := range parts {
		if _, err := strconv.Atoi(s); err == nil {
			continue
		}
		out = append(out, s)
	}
	return strings.Join(out, ".")
}
