package netfault

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHostileJSONFollowsTheDialectsRules(t *testing.T) {
	h := HostileJSON{Text: "!", Touches: func(k string) bool { return k != "id" },
		Extra: func(k string) bool { return k == "x" }, ExtraKey: "k"}
	in := `{"id":"a","name":"b","list":["c",1,null,true],"x":{"y":"z"},"n":1.50}`
	want := `{"id":"a","name":"b!","list":["c!",1,null,true],"x":{"y":"z!","k!":"!"},"n":1.50}`
	if got, ok := h.Rewrite([]byte(in), false); !ok || string(got) != want {
		t.Errorf("got %s (ok %v), want %s", got, ok, want)
	}
	if got, _ := h.Rewrite([]byte(`{}`), true); string(got) != `{"k!":"!"}` {
		t.Errorf("extra at the root: %s", got)
	}
	if got, ok := (HostileJSON{Text: "!"}).Rewrite([]byte(`"s"`), false); !ok || string(got) != `"s!"` {
		t.Errorf("no rules: every string: %s", got)
	}
	if _, ok := h.Rewrite([]byte(`{"a":`), false); ok {
		t.Error("broken JSON rewritten")
	}
}

func TestWrapHostileSetsHeadersAndLength(t *testing.T) {
	serve := func(w http.ResponseWriter) {
		w.Header().Set("Content-Length", "9")
		w.Header().Set("Retry-After", "3")
		w.WriteHeader(418)
		_, _ = w.Write([]byte(`{"a":"b"}`))
	}
	w := httptest.NewRecorder()
	WrapHostile(serve, func(b []byte) []byte { return append(b, ' ') }, func(h http.Header) { h.Set(HeaderHostile, "x") })(w)
	if w.Code != 418 || w.Body.String() != `{"a":"b"} ` || w.Header().Get("Content-Length") != "10" ||
		w.Header().Get("Retry-After") != "3" || w.Header().Get(HeaderHostile) != "x" {
		t.Errorf("%d %q %v", w.Code, w.Body.String(), w.Header())
	}
	if got := HeaderSafe("a\x1b\tb\x7f\x9b"); got != "a?\tb?\x9b" {
		t.Errorf("HeaderSafe %q", got)
	}
}

func TestHostileTextAndKnobs(t *testing.T) {
	s := HostileText("BANNER", 3, 2)
	if !strings.Contains(s, "\x1b[1;7mBANNER") || strings.Count(s, "\u0301") != 3 || strings.Count(s, "全") != 2 {
		t.Errorf("%q", s)
	}
	k := Knobs{Latency: time.Second, FaultRate: 0.5, DropRate: 0.25, SlowBody: time.Minute, Hostile: "!"}
	if r := k.Random(); r != (Random{Latency: time.Second, FaultRate: 0.5, DropRate: 0.25, SlowBody: time.Minute}) {
		t.Errorf("%+v", r)
	}
}
