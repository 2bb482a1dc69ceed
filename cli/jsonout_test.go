package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// JSON output keeps every string's data, yet carries no character a terminal acts on or
// that hides text: they are \u escapes, characters beyond U+FFFF as surrogate pairs.
func TestJSONOutputIsSafeAndTheSame(t *testing.T) {
	in := map[string]string{"name": "a\u009b1Ab\u202ec\u200bd\U000e0041e 山田"}
	var out bytes.Buffer
	if err := writeJSON(&out, in); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(out.String(), "\u009b\u202e\u200b\U000e0041") {
		t.Fatalf("raw: %q", out.String())
	}
	var back map[string]string
	if err := json.Unmarshal(out.Bytes(), &back); err != nil || back["name"] != in["name"] {
		t.Fatalf("%q: %v", back["name"], err)
	}
}
