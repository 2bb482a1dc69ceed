package client

import (
	"errors"
	"fmt"
	"time"
)

// Sentinels for errors.Is. A backend error (*Error) matches the ones its status and type
// imply; transport problems wrap the others.
var (
	ErrUnauthorized = errors.New("not signed in or session expired")
	ErrForbidden    = errors.New("forbidden")
	ErrNotFound     = errors.New("not found")
	ErrConflict     = errors.New("conflict")
	ErrRateLimited  = errors.New("rate limited")
	ErrMFARequired  = errors.New("a second factor is required")
	ErrBlocked      = errors.New("account blocked")
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
	Type       string // the backend's error type, e.g. user_invalid_credentials
	Message    string // server text: sanitise before drawing it
	RetryAfter time.Duration
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

// Is maps the status and type to the sentinels.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrMFARequired:
		return e.Type == "user_more_factors_required"
	case ErrUnauthorized:
		return e.Status == 401 && e.Type != "user_more_factors_required"
	case ErrBlocked:
		return e.Type == "user_blocked"
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
