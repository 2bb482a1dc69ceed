package appwrite

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestSignInRateLimit(t *testing.T) {
	h := newHarness(t, Options{LoginLimit: 10}) // the default limit, on a fake clock at 10:15
	for i := 1; i <= 10; i++ {
		r := signIn(h, ViewerEmail, ViewerPassword).wantStatus(t, http.StatusCreated)
		if got := r.header.Get("X-RateLimit-Remaining"); got != strconv.Itoa(10-i) {
			t.Errorf("attempt %d: X-RateLimit-Remaining %q, want %d", i, got, 10-i)
		}
	}
	// The limit counts the email, whatever its case, and wrong passwords too.
	r := signIn(h, "Viewer@Example.com", "wrong-password")
	r.wantError(t, http.StatusTooManyRequests, "general_rate_limit_exceeded")
	windowEnd := time.Date(2026, 11, 20, 11, 0, 0, 0, time.UTC)
	wantHeaders := map[string]string{
		"Retry-After":           "2700", // 45 minutes to the end of the hour window
		"X-RateLimit-Limit":     "10",
		"X-RateLimit-Remaining": "0",
		"X-RateLimit-Reset":     strconv.FormatInt(windowEnd.Unix(), 10),
	}
	for k, want := range wantHeaders {
		if got := r.header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}

	// Another email is not limited.
	signIn(h, OperatorEmail, OperatorPassword).wantStatus(t, http.StatusCreated)

	// Still limited just before the window ends, and free again an hour after it began.
	h.clock.Advance(44 * time.Minute)
	signIn(h, ViewerEmail, ViewerPassword).wantError(t, http.StatusTooManyRequests, "general_rate_limit_exceeded")
	h.clock.Advance(time.Hour - 44*time.Minute)
	r = signIn(h, ViewerEmail, ViewerPassword).wantStatus(t, http.StatusCreated)
	if got := r.header.Get("X-RateLimit-Remaining"); got != "9" {
		t.Errorf("after the window: X-RateLimit-Remaining %q, want 9", got)
	}
}
