package netfault

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestScriptedFaultsComeFirstAndRunOut(t *testing.T) {
	q := NewQueue(Random{}, 1)
	q.Inject("/v1/account", 2, Fault{Status: 503})
	if f := q.Next("/v1/users"); f.Status != 0 {
		t.Fatalf("another path got %+v", f)
	}
	for i := 0; i < 2; i++ {
		if f := q.Next("/v1/account/prefs"); f.Status != 503 {
			t.Fatalf("request %d: %+v", i, f)
		}
	}
	if f := q.Next("/v1/account"); f.Status != 0 {
		t.Fatalf("a third: %+v", f)
	}
	q.SetRandom(Random{FaultRate: 1, Latency: time.Millisecond})
	if f := q.Next("/x"); f.Status != 500 && f.Status != 503 || f.Delay != time.Millisecond {
		t.Fatalf("random: %+v", f)
	}
}

func TestApplyWritesTheDialectsErrorOrCutsTheBody(t *testing.T) {
	serve := func(w http.ResponseWriter) { _, _ = w.Write([]byte(`{"a":"0123456789"}`)) }
	var status int
	writeError := func(w http.ResponseWriter, s int, _ time.Duration) { status = s; w.WriteHeader(s) }
	r := httptest.NewRequest("GET", "/x", nil)
	w := httptest.NewRecorder()
	Apply(w, r, Fault{Status: 429}, serve, writeError)
	if status != 429 || w.Code != 429 {
		t.Fatalf("status %d, code %d", status, w.Code)
	}
	w = httptest.NewRecorder()
	Apply(w, r, Fault{Malformed: true}, serve, writeError)
	if w.Code != 200 || w.Body.String() != `{"a":"012` {
		t.Fatalf("malformed: %d %q", w.Code, w.Body.String())
	}
}

func TestSeenLogKeepsTheLatestWithWhomTheyActedAs(t *testing.T) {
	l := NewSeenLog(2, func(r *http.Request) map[string]string {
		if v := r.Header.Get("X-As"); v != "" {
			return map[string]string{"X-As": v}
		}
		return nil
	}, func(r *http.Request) bool { return r.Header.Get("X-Session") != "" })
	for i, as := range []string{"", "ada", "bob"} {
		r := httptest.NewRequest("GET", "/"+string(rune('a'+i)), nil)
		r.Header.Set("X-As", as)
		l.Arrive(r)(200 + i)
	}
	got := l.List()
	if len(got) != 2 || got[0].Path != "/b" || got[0].Impersonation["X-As"] != "ada" || got[1].Status != 202 || got[0].Impersonating() == false {
		t.Fatalf("%+v", got)
	}
	l.Reset()
	if len(l.List()) != 0 {
		t.Fatal("reset")
	}
}
