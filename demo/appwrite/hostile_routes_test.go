package appwrite

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// newHostileHarness is a demo server in hostile mode with ShortHostileString.
func newHostileHarness(t *testing.T, ids bool) *harness {
	t.Helper()
	return newHarness(t, Options{Knobs: Knobs{Hostile: ShortHostileString(), HostileIDs: ids}})
}

// isIDKey is the rule of hostileMode.touches, restated for the tests: an identity field
// (id, email, phone) is spared unless HostileIDs.
func isIDKey(key string) bool {
	return key == "$id" || strings.HasSuffix(key, "Id") || key == "email" || key == "phone"
}

// walkStrings calls fn for every string value of a decoded JSON document and for every
// object key, with the key each sits under (array elements inherit their array's key).
func walkStrings(v any, key string, fn func(key, s string, isKey bool)) {
	switch t := v.(type) {
	case map[string]any:
		for k, c := range t {
			fn(k, k, true)
			walkStrings(c, k, fn)
		}
	case []any:
		for _, c := range t {
			walkStrings(c, key, fn)
		}
	case string:
		fn(key, t, false)
	}
}

// checkHostile checks one answer of a hostile server: the hostile bytes raw in every string
// (control bytes escaped as JSON demands), ids intact unless ids, a body json.Unmarshal
// accepts, and the X-Hostile header. It reports the number of strings that carried it.
func checkHostile(t *testing.T, r *response, ids bool) int {
	t.Helper()
	text := ShortHostileString()
	if got := r.header.Get(HeaderHostile); got != headerSafe(text) {
		t.Errorf("X-Hostile %q, want %q", got, headerSafe(text))
	}
	if len(r.body) == 0 {
		return 0
	}
	var doc any
	if err := json.Unmarshal(r.body, &doc); err != nil {
		t.Fatalf("json.Unmarshal refuses the hostile body: %v\n%q", err, r.body)
	}
	carried := 0
	walkStrings(doc, "", func(key, s string, isKey bool) {
		has := strings.Contains(s, ForgedBanner)
		want := !isKey && key != "secret" && (ids || !isIDKey(key))
		if isKey {
			want = strings.HasPrefix(s, "pref") && has // only the extra preference key
		}
		if has != want {
			t.Errorf("%q = %q: carries the hostile text %v, want %v", key, truncate(s), has, want)
		}
		if has && !isKey {
			carried++
		}
	})
	if carried == 0 {
		return 0
	}
	if n := bytes.Count(r.body, jsonStringBody(text)); n < carried {
		t.Errorf("the raw hostile bytes appear %d times, want at least %d", n, carried)
	}
	for _, raw := range []string{"\x9b2J", "\x7f", "\u009b1A", "\xff\xfe", `\u001b[2J`, `\u0000`, "\u202e"} {
		if !bytes.Contains(r.body, []byte(raw)) {
			t.Errorf("body lacks %q as raw bytes", raw)
		}
	}
	if bytes.IndexByte(r.body, 0x1b) >= 0 || bytes.IndexByte(r.body, 0) >= 0 {
		t.Error("body holds a raw ESC or NUL: JSON requires them escaped")
	}
	return carried
}

func truncate(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// wantHostileError checks an error answer whose type starts with typ.
func wantHostileError(t *testing.T, r *response, status int, typ string) {
	t.Helper()
	r.wantStatus(t, status)
	m := r.object(t)
	for _, k := range []string{"type", "message", "version"} {
		if s, _ := m[k].(string); !strings.Contains(s, ForgedBanner) {
			t.Errorf("error %s %q lacks the hostile text", k, truncate(s))
		}
	}
	if s, _ := m["type"].(string); !strings.HasPrefix(s, typ) {
		t.Errorf("error type %q, want it to start with %s", truncate(s), typ)
	}
	if code, _ := m["code"].(float64); int(code) != status {
		t.Errorf("error code %v, want %d", m["code"], status)
	}
}

func TestHostileEveryRoute(t *testing.T) {
	h := newHostileHarness(t, false)
	key := h.srv.APIKey()
	login := signIn(h, OperatorEmail, OperatorPassword).wantStatus(t, http.StatusCreated)
	op := fallbackSession(t, login, h.srv.Project())
	asAda := headers(HeaderImpersonateID, AdaID)
	mfa := h.login(MFAEmail, MFAPassword)
	spare := h.operator() // a second session of the operator, to sign out

	challenge := h.do(request{method: "POST", path: "/v1/account/mfa/challenges", session: mfa,
		body: map[string]string{"factor": "totp"}}).wantStatus(t, http.StatusCreated)
	challengeID, _ := challenge.object(t)["$id"].(string)
	code, err := TOTPCode(MFATOTPSecret, h.clock.Now())
	if err != nil {
		t.Fatal(err)
	}

	ok := []struct {
		name   string
		req    request
		status int
	}{
		{"health", request{path: "/v1/health/version"}, 200},
		{"account", request{path: "/v1/account", session: op}, 200},
		{"account as ada", request{path: "/v1/account", session: op, header: asAda}, 200},
		{"prefs as ada", request{path: "/v1/account/prefs", session: op, header: asAda}, 200},
		{"update prefs as ada", request{method: "PATCH", path: "/v1/account/prefs", session: op, header: asAda,
			body: map[string]any{"prefs": map[string]any{"theme": "light", "pageSize": 50}}}, 200},
		{"rename", request{method: "PATCH", path: "/v1/account/name", session: op, body: map[string]string{"name": "Sam"}}, 200},
		{"sessions", request{path: "/v1/account/sessions", session: op}, 200},
		{"current session", request{path: "/v1/account/sessions/current", session: op}, 200},
		{"account logs", request{path: "/v1/account/logs", session: op}, 200},
		{"identities", request{path: "/v1/account/identities", session: op}, 200},
		{"mfa factors", request{path: "/v1/account/mfa/factors", session: op}, 200},
		{"mfa verify", request{method: "PUT", path: "/v1/account/mfa/challenges", session: mfa,
			body: map[string]string{"challengeId": challengeID, "otp": code}}, 200},
		{"users", request{path: usersPath(nil, "search", "lovelace"), session: op}, 200},
		{"users page", request{path: usersPath([]string{q("limit", "", 3)}), key: key}, 200},
		{"user", request{path: "/v1/users/" + AdaID, session: op}, 200},
		{"user logs", request{path: "/v1/users/" + OperatorID + "/logs", key: key}, 200},
		{"impersonator flag", request{method: "PATCH", path: "/v1/users/" + ViewerID + "/impersonator", key: key,
			body: map[string]bool{"impersonator": false}}, 200},
		{"delete user sessions", request{method: "DELETE", path: "/v1/users/" + ViewerID + "/sessions", key: key}, 204},
		{"sign out", request{method: "DELETE", path: "/v1/account/sessions/current", session: spare}, 204},
	}
	if n := checkHostile(t, login, false); n == 0 {
		t.Error("sign-in answer carries no hostile text")
	}
	if n := checkHostile(t, challenge, false); n == 0 {
		t.Error("MFA challenge answer carries no hostile text")
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			r := h.do(tc.req).wantStatus(t, tc.status)
			n := checkHostile(t, r, false)
			// These answers hold no string at all: only the header can carry it.
			noStrings := tc.status == 204 || tc.name == "identities" || tc.name == "mfa factors"
			if (n == 0) != noStrings {
				t.Errorf("%d strings carry the hostile text; body %q", n, truncate(string(r.body)))
			}
		})
	}
}

func TestHostilePrefsKeys(t *testing.T) {
	h := newHostileHarness(t, false)
	op := h.operator()
	text := ShortHostileString()
	for path, prefsOf := range map[string]func(map[string]any) map[string]any{
		"/v1/account/prefs": func(m map[string]any) map[string]any { return m },
		"/v1/account":       func(m map[string]any) map[string]any { p, _ := m["prefs"].(map[string]any); return p },
	} {
		r := h.get(path, op, HeaderImpersonateID, AdaID).wantStatus(t, http.StatusOK)
		if !bytes.Contains(r.body, []byte(`"pref`+string(jsonStringBody(text))+`":"`+string(jsonStringBody(text))+`"`)) {
			t.Errorf("%s: no raw hostile preference key in %q", path, truncate(string(r.body)))
		}
		prefs := prefsOf(r.object(t))
		if len(prefs) != 4 {
			t.Errorf("%s: %d preferences, want ada's 3 and the hostile one", path, len(prefs))
		}
		if s, _ := prefs["theme"].(string); !strings.HasPrefix(s, "dark") || !strings.Contains(s, ForgedBanner) {
			t.Errorf("%s: theme %q, want dark followed by the hostile text", path, truncate(s))
		}
		if prefs["newsletter"] != false {
			t.Errorf("%s: newsletter %v, want false untouched", path, prefs["newsletter"])
		}
	}
	// Users listed through users.read carry the hostile key in their prefs too.
	r := h.get("/v1/users/"+AdaID, op).wantStatus(t, http.StatusOK)
	if !bytes.Contains(r.body, []byte(`"pref`+string(jsonStringBody(text)))) {
		t.Error("GET /v1/users/ada: no hostile preference key")
	}
}

func TestHostileErrorBodies(t *testing.T) {
	h := newHostileHarness(t, false)
	op := h.operator()
	for _, tc := range []struct {
		name   string
		req    request
		status int
		typ    string
	}{
		{"user not found", request{path: "/v1/users/nobody", session: op}, 404, "user_not_found"},
		{"guest", request{path: "/v1/account"}, 401, "general_unauthorized_scope"},
		{"bad key", request{path: "/v1/users", key: "standard_wrong"}, 401, "user_unauthorized"},
		{"no route", request{path: "/v1/nowhere"}, 404, "general_route_not_found"},
		{"bad argument", request{method: "PATCH", path: "/v1/account/prefs", session: op, body: map[string]any{}}, 400, "general_argument_invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := h.do(tc.req)
			wantHostileError(t, r, tc.status, tc.typ)
			checkHostile(t, r, false)
		})
	}
	t.Run("injected fault", func(t *testing.T) {
		h.srv.Inject("/v1/account", 1, Fault{Status: 503})
		r := h.get("/v1/account", op)
		wantHostileError(t, r, 503, "general_service_disabled")
		checkHostile(t, r, false)
	})
}

func TestHostileWarningHeader(t *testing.T) {
	h := newHostileHarness(t, false)
	op := h.operator()
	r := h.get("/v1/account", op, "X-Appwrite-Response-Format", "9.9.9").wantStatus(t, http.StatusOK)
	warn := r.header.Get("X-Appwrite-Warning")
	if !strings.HasPrefix(warn, "The current SDK is built for Appwrite 9.9.9") || !strings.HasSuffix(warn, headerSafe(ShortHostileString())) {
		t.Errorf("X-Appwrite-Warning %q, want Appwrite's warning followed by the hostile text", truncate(warn))
	}
	if r := h.get("/v1/account", op).wantStatus(t, http.StatusOK); r.header.Get("X-Appwrite-Warning") != "" {
		t.Error("X-Appwrite-Warning added where the server sends none")
	}
}
