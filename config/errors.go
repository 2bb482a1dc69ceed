package config

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// fileError is a problem with the configuration file: one line,
// "config PATH:LINE: KEY: MESSAGE" (LINE and KEY left out when unknown).
type fileError struct {
	path   string
	line   int // 1-based; 0 = unknown
	offset int // byte offset, to order errors
	key    string
	msg    string
}

func (e *fileError) Error() string {
	var b strings.Builder
	b.WriteString("config ")
	b.WriteString(e.path)
	if e.line > 0 {
		fmt.Fprintf(&b, ":%d", e.line)
	}
	b.WriteString(": ")
	if e.key != "" {
		b.WriteString(e.key)
		b.WriteString(": ")
	}
	b.WriteString(e.msg)
	return oneLine(b.String())
}

// oneLine makes sure an error never spans lines, whatever a value held.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// entry is where a key is written in the document: a table header, or a
// key = value (also inside inline tables), with its full dotted key.
type entry struct {
	key        []string
	start, end int // byte range: from the key to the end of the value or header
	kind       unstable.Kind
}

// index lists the document's entries, in order, up to a syntax error if any.
func index(doc []byte) ([]entry, *unstable.ParserError) {
	var p unstable.Parser
	p.Reset(doc)
	var entries []entry
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			key, start, end := keyOf(&p, e.Key())
			table = key
			entries = append(entries, entry{key: key, start: start, end: end, kind: e.Kind})
		case unstable.KeyValue:
			entries = appendKeyValue(&p, entries, table, e)
		}
	}
	var perr *unstable.ParserError
	if err := p.Error(); err != nil && !errors.As(err, &perr) {
		perr = &unstable.ParserError{Message: err.Error()}
	}
	return entries, perr
}

func appendKeyValue(p *unstable.Parser, entries []entry, table []string, kv *unstable.Node) []entry {
	rel, start, _ := keyOf(p, kv.Key())
	key := append(slices.Clone(table), rel...)
	value := kv.Value()
	end := int(kv.Raw.Offset + kv.Raw.Length)
	entries = append(entries, entry{key: key, start: start, end: end, kind: value.Kind})
	if value.Kind == unstable.InlineTable {
		it := value.Children()
		for it.Next() {
			if n := it.Node(); n.Kind == unstable.KeyValue {
				entries = appendKeyValue(p, entries, key, n)
			}
		}
	}
	return entries
}

// keyOf reads a (dotted) key: its parts and the byte range they span.
func keyOf(p *unstable.Parser, it unstable.Iterator) (parts []string, start, end int) {
	start = -1
	for it.Next() {
		n := it.Node()
		parts = append(parts, string(n.Data))
		if start < 0 {
			start = int(n.Raw.Offset)
		}
		end = int(n.Raw.Offset + n.Raw.Length)
	}
	return parts, max(start, 0), end
}

// locate finds the offset where key is written: its own entry, else the
// first entry inside it (a profile written only as dotted keys).
func locate(entries []entry, key []string) (offset int, ok bool) {
	for _, e := range entries {
		if slices.Equal(e.key, key) {
			return e.start, true
		}
	}
	for _, e := range entries {
		if len(e.key) > len(key) && slices.Equal(e.key[:len(key)], key) {
			return e.start, true
		}
	}
	return 0, false
}

// keyString writes a key as TOML does: parts joined by dots, quoted when not bare.
// A long part (a pasted profile name) is cut, and then quoted for its "…".
func keyString(parts []string) string {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		switch shown, rest := cutEscaped(p, echoCells); {
		case rest > 0:
			quoted[i] = `"` + shown + `…"`
		case bareKey.MatchString(p):
			quoted[i] = p
		default:
			quoted[i] = strconv.Quote(p)
		}
	}
	return strings.Join(quoted, ".")
}

var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// lineAt is the 1-based line of a byte offset.
func lineAt(doc []byte, offset int) int {
	offset = min(max(offset, 0), len(doc))
	return bytes.Count(doc[:offset], []byte("\n")) + 1
}

// offsetAt is the byte offset of a 1-based line and column.
func offsetAt(doc []byte, line, column int) int {
	offset := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(doc[offset:], '\n')
		if i < 0 {
			return len(doc)
		}
		offset += i + 1
	}
	return min(offset+max(column-1, 0), len(doc))
}

// syntaxError reports a document that is not TOML. The key is the one being
// written on that line, when it can be read.
func syntaxError(path string, doc []byte, entries []entry, perr *unstable.ParserError) error {
	offset := len(doc)
	if h := perr.Highlight; h != nil {
		offset = min(max(cap(doc)-cap(h), 0), len(doc))
	}
	line := lineAt(doc, offset)
	return &fileError{path: path, line: line, offset: offset, key: keyOnLine(doc, entries, offset), msg: "invalid TOML: " + perr.Message}
}

// keyOnLine guesses the full key written on the line holding offset: the
// last table header before it, plus the (bare, possibly dotted) key that
// starts the line.
func keyOnLine(doc []byte, entries []entry, offset int) string {
	lineStart := bytes.LastIndexByte(doc[:offset], '\n') + 1
	lineEnd := bytes.IndexByte(doc[lineStart:], '\n')
	if lineEnd < 0 {
		lineEnd = len(doc) - lineStart
	}
	m := lineKey.FindSubmatch(doc[lineStart : lineStart+lineEnd])
	if m == nil {
		return ""
	}
	var table []string
	for _, e := range entries {
		if e.start < lineStart && (e.kind == unstable.Table || e.kind == unstable.ArrayTable) {
			table = e.key
		}
	}
	key := slices.Clone(table)
	for _, part := range strings.Split(string(m[1]), ".") {
		key = append(key, strings.TrimSpace(part))
	}
	return keyString(key)
}

var lineKey = regexp.MustCompile(`^[ \t]*([A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*=`)

// decodeError reports what the decoder refused in a well-formed document:
// an unknown key, a value of the wrong type, a key written twice.
func decodeError(path string, doc []byte, entries []entry, err error) error {
	var de *toml.DecodeError
	var se *toml.StrictMissingError
	switch {
	case errors.As(err, &se) && len(se.Errors) > 0:
		// Strict-mode errors come all together: report the first in the file.
		de = &se.Errors[0]
		for i := range se.Errors {
			r, c := se.Errors[i].Position()
			r0, c0 := de.Position()
			if r < r0 || (r == r0 && c < c0) {
				de = &se.Errors[i]
			}
		}
	case errors.As(err, &de):
	default:
		return &fileError{path: path, msg: err.Error()}
	}

	row, col := de.Position()
	offset := offsetAt(doc, row, col)
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	key := []string(de.Key())

	// The innermost entry written at the error's position says which key,
	// and whether it is unknown or of the wrong type.
	var found *entry
	for i := range entries {
		e := &entries[i]
		if e.start <= offset && offset < max(e.end, e.start+1) {
			if found == nil || e.end-e.start <= found.end-found.start {
				found = e
			}
		}
	}
	if found != nil {
		key = found.key
		if n := unknownPrefix(key); n > 0 {
			key, msg = key[:n], "unknown key"
		} else if want, ok := expectedKind(key); ok && !kindMatches(want, found.kind) {
			msg = fmt.Sprintf("expected %s, got %s", describeWant(key, want), describeKind(found.kind))
		} else if strings.Contains(msg, "already") {
			for _, e := range entries {
				if e.start < found.start && slices.Equal(e.key, found.key) {
					msg = fmt.Sprintf("written twice (first on line %d)", lineAt(doc, e.start))
					break
				}
			}
		}
	}
	return &fileError{path: path, line: row, offset: offset, key: keyString(key), msg: msg}
}

// unknownPrefix is the length of the shortest prefix of key that the file's
// schema does not allow, or 0 when all of key is allowed.
func unknownPrefix(key []string) int {
	if len(key) == 0 {
		return 0
	}
	if key[0] != "default_profile" && key[0] != "profiles" {
		return 1
	}
	if key[0] == "default_profile" && len(key) > 1 {
		return 2
	}
	if len(key) >= 3 {
		if _, ok := profileKeyKinds[key[2]]; !ok {
			return 3
		}
	}
	if len(key) > 3 {
		return 4
	}
	return 0
}

// foldedKey is the allowed key that key's last part spells in another case,
// or "".
func foldedKey(key []string) string {
	last := key[len(key)-1]
	var known []string
	switch len(key) {
	case 1:
		known = []string{"default_profile", "profiles"}
	case 3:
		for k := range profileKeyKinds {
			known = append(known, k)
		}
	}
	for _, k := range known {
		if strings.EqualFold(k, last) {
			return k
		}
	}
	return ""
}

// wantTable marks keys that must hold a table.
const wantTable = reflect.Struct

// expectedKind is the kind of value an allowed key must hold.
func expectedKind(key []string) (reflect.Kind, bool) {
	switch {
	case len(key) == 1 && key[0] == "default_profile":
		return reflect.String, true
	case len(key) == 1 || len(key) == 2: // profiles, profiles.NAME
		return wantTable, true
	case len(key) == 3:
		k, ok := profileKeyKinds[key[2]]
		return k, ok
	}
	return 0, false
}

func kindMatches(want reflect.Kind, got unstable.Kind) bool {
	switch want {
	case reflect.String:
		return got == unstable.String
	case reflect.Bool:
		return got == unstable.Bool
	case wantTable:
		return got == unstable.Table || got == unstable.InlineTable
	}
	return false
}

func describeWant(key []string, want reflect.Kind) string {
	switch {
	case want == reflect.Bool:
		return "true or false"
	case want == wantTable:
		return "a table"
	case len(key) == 3 && (key[2] == "idle_timeout" || key[2] == "max_duration"):
		return `a duration in quotes (e.g. "15m", "1h", "0")`
	default:
		return "a string in quotes"
	}
}

func describeKind(k unstable.Kind) string {
	switch k {
	case unstable.String:
		return "a string"
	case unstable.Bool:
		return "a boolean"
	case unstable.Integer:
		return "an integer"
	case unstable.Float:
		return "a number"
	case unstable.Array:
		return "an array"
	case unstable.Table, unstable.InlineTable:
		return "a table"
	case unstable.ArrayTable:
		return "an array of tables"
	case unstable.LocalDate, unstable.LocalTime, unstable.LocalDateTime, unstable.DateTime:
		return "a date or time"
	}
	return strings.ToLower(k.String())
}
