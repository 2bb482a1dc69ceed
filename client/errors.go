package client

import (
	"errors"
	"fmt"
	"time"
)

// Sentinels for errors.Is. A backend error (*Error) matches the ones its status implies
// and the kind its dialect read from the body; transport problems wrap the others.
var (
	ErrUnauthorized = errors.New("not signed in or session expired")
	ErrForbidden    = errors.New("forbidden")
	ErrNotFound     = errors.New("not found")
	ErrConflict     = errors.New("conflict")
	ErrRateLimited  = errors.New("rate limited")
	ErrMFARequired  = errors.New("a second factor is required")
	ErrBlocked      = errors.New("account blocked")
	ErrBadPassword  = errors.New("wrong email or password")
	ErrBadCode      = errors.New("the second-factor code is not valid")
	ErrServer       = errors.New("backend error")

	ErrTimeout     = errors.New("request timed out")
	ErrNetwork     = errors.New("backend unreachable")
	ErrMalformed   = errors.New("backend sent a malformed response")
	ErrNotHonoured = errors.New("the backend did not honour impersonation")
	ErrStopped     = errors.New("impersonation stopped")
	ErrNotSignedIn = errors.New("not signed in")
)

// Error is an error answer from a backend.
type Error struct {
	Status     int
	Type       string // the backend's own name for the error, as it sent it
	Message    string // server text: sanitise before drawing it
	RetryAfter time.Duration
	// Kind is the sentinel the dialect reads Type as (ErrMFARequired, ErrBlocked,
	// ErrBadPassword, ErrBadCode); nil when the status says it all.
	Kind error
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("%d", e.Status)
	if e.Type != "" {
		msg += " " + e.Type
	}
	if e.Message != "" {
		msg += ": " + e.Message
	}
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter.Round(time.Second))
	}
	return msg
}

// Is maps the status and the kind to the sentinels.
func (e *Error) Is(target error) bool {
	if e.Kind != nil && target == e.Kind {
		return true
	}
	switch target {
	case ErrUnauthorized:
		return e.Status == 401 && e.Kind != ErrMFARequired // a pending factor is not signed out
	case ErrForbidden:
		return e.Status == 403
	case ErrNotFound:
		return e.Status == 404
	case ErrConflict:
		return e.Status == 409
	case ErrRateLimited:
		return e.Status == 429
	case ErrServer:
		return e.Status >= 500
	}
	return false
}
