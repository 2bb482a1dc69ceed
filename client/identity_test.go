package client

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckIdentity(t *testing.T) {
	for _, ok := range [][2]string{{"ada", "ada@example.com"}, {"6650aa01c3f2e9a1b2c3", ""}, {"yuki", "yuki.yamada@example.jp"},
		{"u_1-2.3", "o'brien+tag@xn--exmple-cua.com"}, {"zoe", "zoë@exämple.se"}} {
		if err := CheckIdentity(ok[0], ok[1]); err != nil {
			t.Errorf("%q %q: %v", ok[0], ok[1], err)
		}
	}
	for _, bad := range [][2]string{
		{"", "ada@example.com"},
		{"ada (ada)", "ada@example.com"},
		{"ada", "ada@example.com (ada)"},
		{"ada", "Ada Lovelace <ada@example.com>"},
		{"ada", "ada@example.com\u202e"},
		{"ada", "ada@example.com\x1b[2J"},
		{"ada", "ada@@example.com"},
		{"ada", "@example.com"},
		{"ada", strings.Repeat("a", 250) + "@x.com"},
		{strings.Repeat("a", 129), ""},
		{"ada", "ada@example.com·operator"},
	} {
		if err := CheckIdentity(bad[0], bad[1]); !errors.Is(err, ErrMalformed) {
			t.Errorf("%q %q accepted", bad[0], bad[1])
		} else if strings.ContainsAny(err.Error(), "\x1b\u202e") {
			t.Errorf("the error carries the bad text: %q", err)
		}
	}
}

func TestTargetCheck(t *testing.T) {
	for _, ok := range []Target{{Kind: ByID, Value: "ada"}, {Kind: ByEmail, Value: "ada@example.com"}, {Kind: ByPhone, Value: "+14155550100"}} {
		if err := ok.Check(); err != nil {
			t.Errorf("%v: %v", ok, err)
		}
	}
	for _, bad := range []Target{{Kind: ByID, Value: "ada\x1b[2J"}, {Kind: ByID, Value: ""}, {Kind: ByEmail, Value: "ada@example.com (ada)"}, {Kind: ByPhone, Value: "+1 415"}} {
		if err := bad.Check(); !errors.Is(err, ErrMalformed) {
			t.Errorf("%v accepted", bad)
		}
	}
}

// A backend error matches the kind its dialect read from the body, and the status's
// sentinels; a pending second factor is not "signed out".
func TestErrorKinds(t *testing.T) {
	mfa := &Error{Status: 401, Type: "whatever_the_backend_says", Kind: ErrMFARequired}
	if !errors.Is(mfa, ErrMFARequired) || errors.Is(mfa, ErrUnauthorized) || errors.Is(mfa, ErrBlocked) {
		t.Fatal("mfa")
	}
	blocked := &Error{Status: 401, Kind: ErrBlocked}
	if !errors.Is(blocked, ErrBlocked) || !errors.Is(blocked, ErrUnauthorized) {
		t.Fatal("blocked")
	}
	plain := &Error{Status: 409, Type: "user_blocked"} // a type alone means nothing here
	if errors.Is(plain, ErrBlocked) || !errors.Is(plain, ErrConflict) {
		t.Fatal("plain")
	}
}
