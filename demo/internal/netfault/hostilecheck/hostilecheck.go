// Package hostilecheck checks one answer of a demo in hostile mode, for the dialects'
// tests: the hostile text in every JSON string but the identity fields (unless ids) and
// the machine ones, a body Go still decodes, the raw bytes, the X-Hostile header.
package hostilecheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"actas/demo/internal/netfault"
)

// Rules are a dialect's: which keys are machine-readable (never touched) and which are
// identity fields (touched only with HostileIDs).
type Rules struct {
	Text     string // the hostile text served
	Banner   string // the forged banner inside it, looked for in each string
	Machine  func(key string) bool
	Identity func(key string) bool
}

// Check returns how many strings carried the text and what broke the rules.
func (r Rules) Check(header http.Header, body []byte, ids bool) (carried int, problems []string) {
	if got := header.Get(netfault.HeaderHostile); got != netfault.HeaderSafe(r.Text) {
		problems = append(problems, fmt.Sprintf("X-Hostile %q", short(got)))
	}
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		return 0, append(problems, fmt.Sprintf("json.Unmarshal refuses the hostile body: %v", err))
	}
	walkStrings(doc, "", func(key, s string) {
		has := strings.Contains(s, r.Banner)
		want := !r.Machine(key) && (ids || !r.Identity(key))
		if has != want {
			problems = append(problems, fmt.Sprintf("%q = %q carries the hostile text %v, want %v", key, short(s), has, want))
		}
		if has {
			carried++
		}
	})
	if carried > 0 && !bytes.Contains(body, netfault.JSONStringBody(r.Text)) {
		problems = append(problems, "the raw hostile bytes are missing")
	}
	return carried, problems
}

// walkStrings calls fn for every string value of a decoded JSON document, with the key it
// sits under (array elements inherit their array's key).
func walkStrings(v any, key string, fn func(key, s string)) {
	switch t := v.(type) {
	case map[string]any:
		for k, c := range t {
			walkStrings(c, k, fn)
		}
	case []any:
		for _, c := range t {
			walkStrings(c, key, fn)
		}
	case string:
		fn(key, t)
	}
}

func short(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}
