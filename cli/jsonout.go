package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode"
	"unicode/utf16"

	"actas/ui/sanitize"
)

// writeJSON prints v as indented JSON. Strings keep their data, but characters a terminal
// would act on or that hide text (C1 controls such as U+009B, bidi overrides, the other
// invisible characters sanitize shows as U+FFFD) are written as \u escapes, which
// encoding/json leaves raw: the output is safe to print and still the same JSON.
func writeJSON(w io.Writer, v any) error { return encodeJSON(w, v, "  ") }

// writeJSONLine is writeJSON on one line: an error on stderr, a line a script reads.
func writeJSONLine(w io.Writer, v any) error { return encodeJSON(w, v, "") }

func encodeJSON(w io.Writer, v any, indent string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return err
	}
	var out bytes.Buffer
	for _, r := range buf.String() {
		if r > 0x7e && (unicode.IsControl(r) || sanitize.Invisible(r)) {
			for _, u := range utf16.Encode([]rune{r}) { // beyond U+FFFF: a surrogate pair
				fmt.Fprintf(&out, `\u%04x`, u)
			}
			continue
		}
		out.WriteRune(r)
	}
	_, err := w.Write(out.Bytes())
	return err
}
