package appwrite

import (
	"encoding/json"
	"testing"
)

func TestHostileRewriteExactBytes(t *testing.T) {
	m := hostileMode{text: "\x1b[2J\"\\\x7f\u009b\x9b\xff\u2028<"}
	const h = `\u001b[2J\"\\` + "\x7f\u009b\x9b\xff\u2028<" // the hostile text inside a JSON string
	in := `{"$id":"ada","name":"A \u003cb\u003e","n":12.50,"big":12345678901234567890,"ok":true,"no":null,` +
		`"userId":"ada","impersonatorUserId":null,"secret":"","labels":["vip"],"prefs":{"theme":"dark"},` +
		`"targets":[{"$id":"t1","identifier":"x"}]}`
	want := `{"$id":"ada","name":"A \u003cb\u003e` + h + `","n":12.50,"big":12345678901234567890,"ok":true,"no":null,` +
		`"userId":"ada","impersonatorUserId":null,"secret":"","labels":["vip` + h + `"],` +
		`"prefs":{"theme":"dark` + h + `","pref` + h + `":"` + h + `"},` +
		`"targets":[{"$id":"t1","identifier":"x` + h + `"}]}`
	got, ok := m.rewriteJSON([]byte(in), false)
	if !ok || string(got) != want {
		t.Fatalf("rewrite (ok %v):\n got %q\nwant %q", ok, got, want)
	}
	var v map[string]any
	if err := json.Unmarshal(got, &v); err != nil {
		t.Fatalf("json.Unmarshal refuses the rewritten body: %v", err)
	}

	m.ids = true
	got, _ = m.rewriteJSON([]byte(`{"$id":"ada","userId":"ada","secret":""}`), false)
	if want := `{"$id":"ada` + h + `","userId":"ada` + h + `","secret":""}`; string(got) != want {
		t.Errorf("with ids:\n got %q\nwant %q", got, want)
	}
}

func TestHostileRewritePrefsDocument(t *testing.T) {
	m := hostileMode{text: "!"}
	for in, want := range map[string]string{
		`{}`:                `{"pref!":"!"}`,
		`{"theme":"dark"}`:  `{"theme":"dark!","pref!":"!"}`,
		`{"prefs":"a"}`:     `{"prefs":"a!","pref!":"!"}`, // a string under "prefs" is just a string
		`{"prefs":{"a":1}}`: `{"prefs":{"a":1,"pref!":"!"},"pref!":"!"}`,
	} {
		if got, _ := m.rewriteJSON([]byte(in), true); string(got) != want {
			t.Errorf("prefs document %s: got %s, want %s", in, got, want)
		}
	}
}

func TestHostileRewriteLeavesNonJSONAlone(t *testing.T) {
	m := hostileMode{text: "!"}
	for _, in := range []string{`{"a":`, `not json`, `{"a":"b"} {"c":"d"}`, `{"a":"b"}x`} {
		if got, ok := m.rewriteJSON([]byte(in), false); ok || string(got) != in {
			t.Errorf("%q: got %q, ok %v; want it unchanged", in, got, ok)
		}
	}
}
