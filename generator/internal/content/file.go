package content

import (
	"github.com/ratusz/ratusz/generator/internal/problem"

	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest content file read. A Markdown file larger than
// this is almost certainly a mistake (a pasted binary, an export).
const MaxFileSize = 4 << 20

// tooBig is the error for a content file over MaxFileSize.
func tooBig(path string, size int64) *problem.Problem {
	return problem.At(path, 1, "file is %.1f MiB (%d bytes); a content file may be at most %d MiB (%d bytes) — move large text into an attachment", float64(size)/(1<<20), size, MaxFileSize>>20, MaxFileSize)
}

// A File is one content file, split into front matter and body.
type File struct {
	Path     string // relative to the content root, slash-separated
	Origin   string // as messages name it: Path under the content folder's name (LoadOptions.Dir)
	Format   string // "yaml" or "toml"
	Meta     *Value // the front matter, a Map
	Body     []byte // the Markdown after the front matter, UTF-8 with LF line ends
	BodyLine int    // the file line on which Body starts
	Lead     bool   // Body is only the start of the body (LoadOptions.Lead)

	// Where Body starts in the file once decoded and with LF line ends,
	// and that text's length: ReadBody reads the whole body again when
	// Body holds only its start (LoadOptions.Lead). sum is the CRC-32 of
	// the file's bytes as read, which tells ReadBody the file is the one
	// checked then.
	bodyStart, size int
	sum             uint32
}

// A BodyRef says where a file's body is, for ReadBody.
type BodyRef struct {
	Path        string
	start, size int
	sum         uint32
}

// BodyRef says where f's body is.
func (f *File) BodyRef() BodyRef { return BodyRef{f.Path, f.bodyStart, f.size, f.sum} }

// ReadBody reads the body of a file again: the whole of it, when a load
// kept only its start. The file must not have changed since. With a buf,
// it reads into *buf's memory and leaves in *buf the memory it read into,
// for the next call: a build reads thousands of bodies one after the
// other, and need not allocate each.
func ReadBody(fsys fs.FS, ref BodyRef, buf *[]byte) ([]byte, error) {
	data, err := readFile(fsys, ref.Path, int64(ref.size), buf)
	if err != nil {
		return nil, err
	}
	// The same bytes as when the file was read and its encoding checked
	// (a CRC-32 costs a tenth of checking UTF-8 again), so only what
	// parse did to them is left to do, and they come to ref.size bytes.
	if crc32.ChecksumIEEE(data) != ref.sum {
		return nil, fmt.Errorf("the file changed during the build; build again")
	}
	return normaliseNewlines(bytes.TrimPrefix(data, []byte(bom)))[ref.start:], nil
}

// readFile is fs.ReadFile, reading into *buf's memory when buf is not nil
// and leaving in *buf, empty, the memory it read into. size is how long
// the file is expected to be, as the folder listed it: enough room is
// made for that without asking the file system again; the file is read
// to its end whatever its size.
func readFile(fsys fs.FS, name string, size int64, buf *[]byte) ([]byte, error) {
	if buf == nil {
		return fs.ReadFile(fsys, name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := bytes.NewBuffer((*buf)[:0])
	if size >= 0 && size <= MaxFileSize {
		b.Grow(int(size) + bytes.MinRead)
	}
	_, err = b.ReadFrom(f)
	*buf = b.Bytes()[:0]
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Parse reads one content file: it checks the encoding, normalises line
// ends, and splits and decodes the front matter. path is used in errors.
func Parse(path string, data []byte) (*File, error) {
	return parse(path, path, data, nil)
}

// parse is Parse of the file path, which messages name origin, with a
// reader to give the front-matter parser instead of the one it would make
// (4 KB a file), or nil.
func parse(path, origin string, data []byte, br *bufio.Reader) (*File, error) {
	p := path
	path = origin // what the errors below name
	if len(data) > MaxFileSize {
		return nil, tooBig(path, int64(len(data)))
	}
	sum := crc32.ChecksumIEEE(data)
	data, err := checkEncoding(path, data)
	if err != nil {
		return nil, err
	}
	data = normaliseNewlines(data)

	var (
		format string
		raw    []byte
	)
	capture := func(name string) frontmatter.UnmarshalFunc {
		return func(b []byte, _ any) error {
			format, raw = name, b
			return nil
		}
	}
	// The parser copies what it reads; given only the front matter, it
	// does not copy the body too. What it leaves after the closing line
	// is the start of the body.
	end := frontMatterEnd(data)
	var r io.Reader = bytes.NewReader(data[:end])
	if br != nil {
		br.Reset(r)
		r = br // bufio.NewReader(br) is br
	}
	rest, ferr := frontmatter.MustParse(r, nil,
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")),
	)
	rest = data[end-len(rest):]
	open, openLine := openingDelimiter(data)
	if ferr != nil {
		if open != "" {
			return nil, problem.At(path, openLine, "front matter opened with %s is never closed; add a line with %s after the last key", open, open)
		}
		return nil, problem.At(path, 1, "no front matter; a content file starts with a --- line (YAML) or a +++ line (TOML), then title: and the other keys, then the same line again")
	}
	f := &File{Path: p, Origin: origin, Format: format}
	f.BodyLine = bytes.Count(data[:len(data)-len(rest)], []byte("\n")) + 1
	f.Body = rest
	f.bodyStart, f.size, f.sum = len(data)-len(rest), len(data), sum
	f.Meta, err = decodeMeta(path, format, raw, openLine)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// frontMatterEnd returns where the line that closes the front matter ends,
// found as the front-matter parser finds it: the first line that is not
// blank opens it with --- or +++, and the next line that is the same
// delimiter closes it (spaces around either are ignored). Without one, it
// returns len(data).
func frontMatterEnd(data []byte) int {
	open := ""
	for off := 0; off < len(data); {
		line, _, _ := bytes.Cut(data[off:], []byte("\n"))
		next := min(off+len(line)+1, len(data))
		t := string(bytes.TrimSpace(line))
		switch {
		case open == "" && t == "":
		case open == "" && (t == "---" || t == "+++"):
			open = t
		case open == "":
			return len(data)
		case t == open:
			return next
		}
		off = next
	}
	return len(data)
}

// openingDelimiter returns the front-matter delimiter the file starts with,
// if any, and its line.
func openingDelimiter(data []byte) (string, int) {
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		l, data, _ = bytes.Cut(data, []byte("\n"))
		switch t := string(bytes.TrimSpace(l)); t {
		case "":
			continue
		case "---", "+++":
			return t, line
		default:
			return "", line
		}
	}
	return "", 1
}

// ParseTOML reads a whole TOML file, such as a site's ratusz.toml, into
// values with their lines. A file that is not UTF-8 or not TOML is a
// problem at path:line.
func ParseTOML(path string, data []byte) (*Value, error) {
	data, err := checkEncoding(path, data)
	if err != nil {
		return nil, err
	}
	return decodeTOML(path, "TOML", data, 0)
}

// decodeTOML reads raw, TOML that starts after line openLine of the file
// at path, which messages call what.
func decodeTOML(path, what string, raw []byte, openLine int) (*Value, error) {
	var m map[string]any
	if _, err := toml.Decode(string(raw), &m); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, problem.At(path, perr.Position.Line+openLine, "%s: %s", what, perr.Message)
		}
		return nil, problem.At(path, max(openLine, 1), "%s: %v", what, err)
	}
	return fromTOML(m, newTOMLLocator(string(raw), openLine), nil, max(openLine, 1)), nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func decodeMeta(path, format string, raw []byte, openLine int) (*Value, error) {
	switch format {
	case "toml":
		return decodeTOML(path, "TOML front matter", raw, openLine)
	default:
		var n yaml.Node
		if err := yaml.Unmarshal(raw, &n); err != nil {
			msg := err.Error()
			line := openLine
			if m := yamlLine.FindStringSubmatch(msg); m != nil {
				l, _ := strconv.Atoi(m[1])
				line += l
				msg = msg[len(m[0]):]
			} else {
				// yaml.v3 leaves the line out when it is the first one.
				line++
				msg = strings.TrimPrefix(msg, "yaml: ")
			}
			var l int
			switch {
			case strings.Contains(msg, "found unexpected end of stream"):
				l = unclosedQuote(raw)
			case strings.Contains(msg, "did not find expected ',' or ']'"):
				l = unclosedBracket(raw, '[', ']')
			case strings.Contains(msg, "did not find expected ',' or '}'"):
				l = unclosedBracket(raw, '{', '}')
			}
			if l > 0 {
				line = openLine + l
			}
			return nil, problem.At(path, line, "YAML front matter: %s%s", msg, yamlHint(msg))
		}
		v, err := fromYAML(&n, openLine, 0)
		if err != nil {
			msg := err.Error()
			line := openLine
			if l, m, ok := strings.Cut(strings.TrimPrefix(msg, "line "), ": "); ok {
				if n, err := strconv.Atoi(l); err == nil {
					line, msg = n, m
				}
			}
			return nil, problem.At(path, line, "%s", msg)
		}
		if v.Kind == Null {
			v = &Value{Kind: Map}
		}
		if v.Kind != Map {
			return nil, problem.At(path, v.Line, "front matter must be keys with values (title: …), not %s", v.Kind)
		}
		v.Line = openLine
		return v, nil
	}
}

// yamlHint says in an editor's words what usually causes a YAML syntax
// error and how to fix it.
func yamlHint(msg string) string {
	switch {
	case strings.Contains(msg, "found unexpected end of stream"):
		return "; a value opened with a quote (\" or ') is never closed — end it with the same quote on the same line"
	case strings.Contains(msg, "did not find expected ',' or ']'"):
		return "; a list opened with [ is never closed — end it with ] on the same line"
	case strings.Contains(msg, "did not find expected ',' or '}'"):
		return "; a map opened with { is never closed — end it with } on the same line"
	case strings.Contains(msg, "mapping values are not allowed"):
		return "; a value contains \": \" or a line is indented more than the key above it — put the value in quotes or fix the indentation"
	case strings.Contains(msg, "tab character"), strings.Contains(msg, "found character that cannot start any token"):
		return "; indent with spaces, not tabs, and put values that start with @, ` or % in quotes"
	case strings.Contains(msg, "did not find expected key"):
		return "; check the indentation: keys of one map start in the same column"
	}
	return ""
}

// unclosedQuote returns the 1-based line of raw YAML on which a quoted
// value starts and does not end, or 0.
func unclosedQuote(raw []byte) int {
	for i, l := range strings.Split(string(raw), "\n") {
		_, v, ok := strings.Cut(l, ": ")
		if !ok {
			v, ok = strings.CutPrefix(strings.TrimSpace(l), "- ")
		}
		v = strings.TrimSpace(v)
		if !ok || v == "" || (v[0] != '"' && v[0] != '\'') {
			continue
		}
		q := v[0]
		rest := v[1:]
		closed := false
		for j := 0; j < len(rest); j++ {
			if q == '"' && rest[j] == '\\' {
				j++
				continue
			}
			if rest[j] == q {
				if q == '\'' && j+1 < len(rest) && rest[j+1] == '\'' {
					j++
					continue
				}
				closed = true
				break
			}
		}
		if !closed {
			return i + 1
		}
	}
	return 0
}

// unclosedBracket returns the 1-based line of raw YAML on which a flow
// list or map opens and does not close, or 0.
func unclosedBracket(raw []byte, open, close byte) int {
	for i, l := range strings.Split(string(raw), "\n") {
		depth := 0
		for j := 0; j < len(l); j++ {
			switch l[j] {
			case open:
				depth++
			case close:
				depth--
			}
		}
		if depth > 0 {
			return i + 1
		}
	}
	return 0
}

// bom is the UTF-8 byte order mark, which some editors start a file with.
const bom = "\xEF\xBB\xBF"

// checkEncoding accepts UTF-8 (with or without a byte-order mark) and says
// what else the file is when it is not.
func checkEncoding(path string, data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte(bom)):
		data = data[len(bom):]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return nil, problem.At(path, 1, "file is UTF-16; save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, problem.At(path, lineAt(data, i), "file contains a NUL byte, so it is binary or UTF-16, not Markdown; save it as UTF-8 text")
	}
	if utf8.Valid(data) {
		return data, nil
	}
	i := firstInvalid(data)
	guess := "another encoding"
	if looksWindows1250(data) {
		guess = "Windows-1250 (or ISO-8859-2)"
	}
	return nil, problem.At(path, lineAt(data, i), "file is not UTF-8 (byte 0x%02X at offset %d; it looks like %s); convert it to UTF-8, e.g. iconv -f WINDOWS-1250 -t UTF-8, or choose UTF-8 when saving", data[i], i, guess)
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// lineAt returns the line of byte i, counting CRLF, CR and LF as line ends,
// as Parse does once it has normalised them.
func lineAt(data []byte, i int) int {
	return bytes.Count(normaliseNewlines(data[:i]), []byte("\n")) + 1
}

// looksWindows1250 reports whether the high bytes of data are mostly the
// Windows-1250 or ISO-8859-2 codes of Polish letters.
func looksWindows1250(data []byte) bool {
	const polish = "\xA5\xB9\xC6\xE6\xCA\xEA\xA3\xB3\xD1\xF1\xD3\xF3\x8C\x9C\x8F\x9F\xAF\xBF\xA1\xB1\xA6\xB6\xAC\xBC"
	high, hits := 0, 0
	for _, b := range data {
		if b >= 0x80 {
			high++
			if strings.IndexByte(polish, b) >= 0 {
				hits++
			}
		}
	}
	return high > 0 && hits*2 >= high
}

func normaliseNewlines(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
}
