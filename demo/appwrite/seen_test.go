package appwrite

import (
	"maps"
	"net/http"
	"net/url"
	"testing"
)

func TestSeenRecordsImpersonation(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	h.srv.ResetSeen()

	h.account(op, HeaderImpersonateID, AdaID, HeaderImpersonateEmail, AdaEmail)
	h.get("/v1/account?impersonatephone="+url.QueryEscape(AdaPhone)+"&impersonateUserId=ada", op)
	h.account(op)
	h.get("/v1/users/nobody", "", "X-Appwrite-Key", h.srv.APIKey(), HeaderImpersonatePhone, AdaPhone)

	seen := h.srv.Seen()
	if len(seen) != 4 {
		t.Fatalf("Seen has %d requests, want 4: %+v", len(seen), seen)
	}
	want := []struct {
		imp     map[string]string
		session bool
		status  int
		path    string
	}{
		{map[string]string{HeaderImpersonateID: AdaID, HeaderImpersonateEmail: AdaEmail}, true, 200, "/v1/account"},
		{map[string]string{"impersonatephone": AdaPhone, "impersonateUserId": AdaID}, true, 200, "/v1/account"},
		{nil, true, 200, "/v1/account"},
		{map[string]string{HeaderImpersonatePhone: AdaPhone}, false, 404, "/v1/users/nobody"},
	}
	for i, w := range want {
		s := seen[i]
		if !maps.Equal(s.Impersonation, w.imp) || s.Impersonating() != (w.imp != nil) {
			t.Errorf("request %d: Impersonation %v, want %v", i, s.Impersonation, w.imp)
		}
		if s.HasSession != w.session || s.Status != w.status || s.Path != w.path || s.Method != http.MethodGet {
			t.Errorf("request %d: %+v", i, s)
		}
	}
	if seen[1].Query == "" {
		t.Error("the query string was not kept")
	}

	h.srv.ResetSeen()
	if n := len(h.srv.Seen()); n != 0 {
		t.Errorf("after ResetSeen: %d requests", n)
	}
}

func TestSeenSessionByCookie(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	h.srv.ResetSeen()
	h.do(request{path: "/v1/account", header: headers("Cookie", "a_session_demo="+op)}).wantStatus(t, http.StatusOK)
	h.do(request{path: "/v1/account", header: headers("X-Fallback-Cookies", `{"a_session_demo":"`+op+`"}`)}).wantStatus(t, http.StatusOK)
	for i, s := range h.srv.Seen() {
		if !s.HasSession || s.Impersonating() {
			t.Errorf("request %d: HasSession %v, Impersonating %v", i, s.HasSession, s.Impersonating())
		}
	}
}
