package appwrite

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestHostileOffChangesNothing(t *testing.T) {
	plain := newHarness(t, Options{})
	idsOnly := newHarness(t, Options{Knobs: Knobs{HostileIDs: true}}) // no text: still off
	// Past the three accounts with passwords, whose hashes have random salts.
	page := usersPath([]string{q("limit", "", 5), q("offset", "", 3)})
	paths := []string{"/v1/users/" + AdaID, page, "/v1/users/nobody", "/v1/health/version"}
	before := map[string]*response{}
	for _, p := range paths {
		before[p] = plain.do(request{path: p, key: plain.srv.APIKey()})
		other := idsOnly.do(request{path: p, key: idsOnly.srv.APIKey()})
		if !bytes.Equal(before[p].body, other.body) {
			t.Errorf("%s: HostileIDs without Hostile changed the body", p)
		}
	}

	plain.srv.SetKnobs(Knobs{Hostile: ShortHostileString()})
	for _, p := range paths {
		if r := plain.do(request{path: p, key: plain.srv.APIKey()}); bytes.Equal(r.body, before[p].body) {
			t.Errorf("%s: hostile mode changed nothing", p)
		}
	}
	plain.srv.SetKnobs(Knobs{})
	for _, p := range paths {
		r := plain.do(request{path: p, key: plain.srv.APIKey()})
		if !bytes.Equal(r.body, before[p].body) {
			t.Errorf("%s: body after hostile mode is off differs:\n%s\n%s", p, r.body, before[p].body)
		}
		if _, ok := r.header[HeaderHostile]; ok || r.header.Get("Content-Length") != before[p].header.Get("Content-Length") {
			t.Errorf("%s: headers differ: %v vs %v", p, r.header, before[p].header)
		}
	}
}

func TestHostileIDs(t *testing.T) {
	h := newHostileHarness(t, true)
	op := h.operator()
	r := h.get(usersPath(nil, "search", "lovelace"), op).wantStatus(t, http.StatusOK)
	checkHostile(t, r, true)
	var l userList
	r.decode(t, &l)
	if len(l.Users) != 1 {
		t.Fatalf("search lovelace: %d users", len(l.Users))
	}
	id, _ := l.Users[0]["$id"].(string)
	if !strings.HasPrefix(id, AdaID) || id == AdaID {
		t.Fatalf("listed $id %q, want ada followed by the hostile text", truncate(id))
	}
	// The listed id names nobody: looking it up fails, acting as it runs as the operator.
	wantHostileError(t, h.get("/v1/users/"+url.PathEscape(id), op), 404, "user_not_found")
	a := h.get("/v1/account?impersonateUserId="+url.QueryEscape(id), op).wantStatus(t, http.StatusOK).object(t)
	if s, _ := a["$id"].(string); !strings.HasPrefix(s, OperatorID) || a["impersonatorUserId"] != nil {
		t.Errorf("acting as the hostile id: $id %q, impersonatorUserId %v; want the operator, not impersonated", truncate(s), a["impersonatorUserId"])
	}
	// Secrets are never touched; the session value itself travels in headers, intact.
	s := signIn(h, ViewerEmail, ViewerPassword).wantStatus(t, http.StatusCreated)
	checkHostile(t, s, true)
	if m := s.object(t); m["secret"] != "" {
		t.Errorf("secret %q, want empty", m["secret"])
	}
	h.account(fallbackSession(t, s, h.srv.Project()))
}

func TestHostileWithFaults(t *testing.T) {
	h := newHostileHarness(t, false)
	op := h.operator()
	want := h.get("/v1/users/"+AdaID, op).wantStatus(t, http.StatusOK).body
	if !bytes.Contains(want, jsonStringBody(ShortHostileString())) {
		t.Fatal("no hostile text to compare with")
	}
	h.srv.Inject("/v1/users/", 1, Fault{SlowBody: 100 * time.Millisecond})
	if r := h.get("/v1/users/"+AdaID, op).wantStatus(t, http.StatusOK); !bytes.Equal(r.body, want) {
		t.Errorf("slow body: %d bytes, want the %d of the hostile answer", len(r.body), len(want))
	}

	// Malformed cuts the hostile answer in half: through a plain client, as the spec
	// validator would (rightly) fail the test.
	h.srv.Inject("/v1/users/", 1, Fault{Malformed: true})
	resp, err := h.ts.Client().Do(h.newRequest(request{path: "/v1/users/" + AdaID, session: op}))
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	_, _ = got.ReadFrom(resp.Body)
	resp.Body.Close()
	if got.Len() != len(want)/2 || !bytes.HasPrefix(want, got.Bytes()) || json.Valid(got.Bytes()) {
		t.Errorf("malformed: %d bytes, want the first %d of the hostile answer", got.Len(), len(want)/2)
	}
	if resp.Header.Get(HeaderHostile) == "" {
		t.Error("malformed: no X-Hostile header")
	}
}

func TestHostileModeIsAnnounced(t *testing.T) {
	if d := New(Options{Users: 30}).Describe("http://x/v1"); strings.Contains(d, "Hostile") {
		t.Errorf("announced while off:\n%s", d)
	}
	d := New(Options{Users: 30, Knobs: Knobs{Hostile: "!", HostileIDs: true}}).Describe("http://x/v1")
	if !strings.Contains(d, "Hostile mode") || !strings.Contains(d, "ids too") {
		t.Errorf("hostile mode not announced:\n%s", d)
	}
}
