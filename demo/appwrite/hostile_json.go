package appwrite

import (
	"strings"

	"actas/demo/internal/netfault"
)

// hostileMode is Knobs.Hostile and Knobs.HostileIDs; the zero value is off.
type hostileMode struct {
	text string
	ids  bool
}

func (m hostileMode) on() bool { return m.text != "" }

// touches says whether a string under key gets the hostile text. The identity fields
// (ids, email, phone) stay intact unless HostileIDs, so that a client can still name a
// user and verify whom it acts as; a secret is never touched.
func (m hostileMode) touches(key string) bool {
	if key == "secret" {
		return false
	}
	return m.ids || !(key == "$id" || strings.HasSuffix(key, "Id") || key == "email" || key == "phone")
}

// rewriteJSON appends the hostile text to the string values of a JSON document, keeping
// everything else as it was (key order, numbers, the original strings' encoding). Every
// object under a "prefs" key, and the document itself when prefsDoc, gains one more entry
// with a hostile key. A body that is not one JSON value is reported as not rewritten.
func (m hostileMode) rewriteJSON(body []byte, prefsDoc bool) ([]byte, bool) {
	return netfault.HostileJSON{Text: m.text, Touches: m.touches,
		Extra: func(key string) bool { return key == "prefs" }, ExtraKey: "pref"}.Rewrite(body, prefsDoc)
}

// jsonStringBody is s as the inside of a JSON string with only the escapes JSON requires.
func jsonStringBody(s string) []byte { return netfault.JSONStringBody(s) }
