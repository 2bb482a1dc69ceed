package session

import (
	"errors"
	"strings"
	"time"

	"actas/client"
)

// Policy is what a profile allows while acting as someone.
type Policy struct {
	ReadOnly             bool          // impersonation can never be elevated to write
	RequireReason        bool          // a reason must be given before impersonating
	IdleTimeout          time.Duration // stop after this long without the operator doing anything (0: never)
	MaxDuration          time.Duration // stop this long after the start, whatever happens (0: never)
	AllowOperatorTargets bool          // may act as another impersonator
}

var (
	ErrReasonRequired   = errors.New("a reason is required before impersonating (ticket id or text)")
	ErrTargetIsOperator = errors.New("that account is an operator (impersonator): the profile does not allow acting as operators")
	ErrWriteForbidden   = errors.New("writes are forbidden: the profile is read-only")
	ErrRoleReadOnly     = errors.New("the backend's role for this impersonation may not write (an unknown role counts as read-only)")
	ErrCannotWrite      = errors.New("this account may act as the subject read-only: the backend does not let it write as them")
	ErrReadOnly         = errors.New("refused: this impersonation is read-only (elevate to write first)")
	ErrNotConfirmed     = errors.New("refused: to send a write, type the user's email or id exactly")
	ErrExpired          = errors.New("the impersonation has reached its time limit")
)

// ExpiryMargin is how long before the backend's own end of an impersonation the console
// stops it: an answer that comes back after the backend stopped would not be theirs.
const ExpiryMargin = 30 * time.Second

// deadline is when the current impersonation ends by itself, and why; zero when never:
// the earliest of the profile's limits and the backend's expiry less ExpiryMargin.
// expiryMargin is ExpiryMargin, or a tenth of a life shorter than ten of them (a token of
// 30 seconds is not over before it starts).
func expiryMargin(started, expires time.Time) time.Duration {
	if life := expires.Sub(started); life < 10*ExpiryMargin {
		return max(0, life/10)
	}
	return ExpiryMargin
}

// EndingExpiry is Active.Ending when the backend's own expiry comes first (MPDX's
// one-hour token), rather than a limit of the profile.
const EndingExpiry = "the backend's impersonation expires"

func (p Policy) deadline(started, lastActive, expires time.Time) (time.Time, string) {
	var at time.Time
	var why string
	if !expires.IsZero() {
		at, why = expires.Add(-expiryMargin(started, expires)), EndingExpiry
	}
	if p.IdleTimeout > 0 {
		if limit := lastActive.Add(p.IdleTimeout); at.IsZero() || limit.Before(at) {
			at, why = limit, "idle for "+p.IdleTimeout.String()
		}
	}
	if p.MaxDuration > 0 {
		if limit := started.Add(p.MaxDuration); at.IsZero() || limit.Before(at) {
			at, why = limit, "reached the "+p.MaxDuration.String()+" limit"
		}
	}
	return at, why
}

// Confirmation is what confirms a write as sub by the session's fields, for a caller whose
// operator confirmed another way (the command line's --write and --reason).
func (s *Session) Confirmation(sub client.Subject) string {
	if len(s.cfg.ConfirmBy) > 0 && s.cfg.ConfirmBy[0] == client.ConfirmEmail && sub.Email != "" {
		return sub.Email
	}
	return sub.ID
}

// Confirms says whether what the operator typed confirms a write as sub, by the
// dialect's fields (none: their email, in any case, or their id, exactly).
func Confirms(typed string, sub client.Subject, by ...client.ConfirmField) bool {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return false
	}
	if len(by) == 0 {
		by = []client.ConfirmField{client.ConfirmID, client.ConfirmEmail}
	}
	for _, f := range by {
		switch {
		case f == client.ConfirmID && typed == sub.ID:
			return true
		case f == client.ConfirmEmail && sub.Email != "" && strings.EqualFold(typed, sub.Email):
			return true
		}
	}
	return false
}
