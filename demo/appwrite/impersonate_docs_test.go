package appwrite

import (
	"net/http"
	"testing"
)

var passwordKeys = []string{"password", "hash", "hashOptions"}

func TestImpersonatedAccountDocument(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	a := h.account(op, HeaderImpersonateID, AdaID)
	if a["$id"] != AdaID || a["email"] != AdaEmail || a["impersonator"] != false || a["impersonatorUserId"] != OperatorID {
		t.Errorf("account while impersonating: %v", a)
	}
	for _, k := range passwordKeys {
		if _, ok := a[k]; ok {
			t.Errorf("the Account model carries %q", k)
		}
	}
	if prefs, _ := a["prefs"].(map[string]any); prefs["theme"] != "dark" {
		t.Errorf("prefs are not ada's: %v", a["prefs"])
	}
	own := h.account(op)
	if v, ok := own["impersonatorUserId"]; !ok || v != nil || own["impersonator"] != true {
		t.Errorf("own account: impersonator %v, impersonatorUserId %v (present %v); want true, null", own["impersonator"], v, ok)
	}
}

func TestUsersDocumentsNeverNameTheImpersonator(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	check := func(where string, u map[string]any) {
		t.Helper()
		if v, ok := u["impersonatorUserId"]; !ok || v != nil {
			t.Errorf("%s %v: impersonatorUserId %v (present %v), want null", where, u["$id"], v, ok)
		}
		// The real server's quirk: /v1/users* documents carry the password hash.
		for _, k := range passwordKeys {
			if _, ok := u[k]; !ok {
				t.Errorf("%s %v: no %q key", where, u["$id"], k)
			}
		}
		if s, _ := u["password"].(string); len(s) < 10 {
			t.Errorf("%s %v: password %q is not a hash", where, u["$id"], s)
		}
	}
	for _, kv := range [][]string{nil, {HeaderImpersonateID, AdaID}} {
		u := h.get("/v1/users/"+AdaID, op, kv...).wantStatus(t, http.StatusOK).object(t)
		check("GET /v1/users/ada", u)
		var l userList
		h.get(usersPath([]string{q("limit", "", 10)}), op, kv...).wantStatus(t, http.StatusOK).decode(t, &l)
		for _, u := range l.Users {
			check("GET /v1/users", u)
		}
	}
}

func TestResponseFormatVersions(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	imp := []string{HeaderImpersonateID, AdaID}
	keys := []string{"impersonator", "impersonatorUserId"}
	tests := []struct {
		format  string
		keep    bool
		warning bool
	}{
		{"", true, false},
		{"1.8.0", false, false},
		{"1.8.1", false, false}, // what the Appwrite CLI sends
		{"1.9.0", true, false},
		{"1.9.6", true, false},
		{"1.9.7", true, true},
		{"2.0.0", true, true},
	}
	for _, tc := range tests {
		t.Run("format "+tc.format, func(t *testing.T) {
			kv := imp
			if tc.format != "" {
				kv = append([]string{"X-Appwrite-Response-Format", tc.format}, imp...)
			}
			r := h.get("/v1/account", op, kv...).wantStatus(t, http.StatusOK)
			docs := []map[string]any{r.object(t)}
			docs = append(docs, h.get("/v1/users/"+AdaID, op, kv...).wantStatus(t, http.StatusOK).object(t))
			var l userList
			h.get(usersPath([]string{q("limit", "", 3)}), op, kv...).wantStatus(t, http.StatusOK).decode(t, &l)
			docs = append(docs, l.Users...)
			for _, d := range docs {
				for _, k := range keys {
					if _, ok := d[k]; ok != tc.keep {
						t.Errorf("%v: key %q present %v, want %v", d["$id"], k, ok, tc.keep)
					}
				}
			}
			if w := r.header.Get("X-Appwrite-Warning"); (w != "") != tc.warning {
				t.Errorf("X-Appwrite-Warning %q, want present %v", w, tc.warning)
			}
			if tc.keep && docs[0]["impersonatorUserId"] != OperatorID {
				t.Errorf("impersonatorUserId %v", docs[0]["impersonatorUserId"])
			}
		})
	}
}
