package client

import "context"

// Choice is one place a subject can be acted in: an Ironflow tenant's environment.
type Choice struct {
	ID   string // what requests name it by ("env_staging")
	Name string // the subject's name for it: server text
}

// Scoped is an Impersonation whose subject has several places to act in. Requests act in
// one at a time; moving to another is the operator's explicit choice, checked as the
// subject before any request acts there.
type Scoped interface {
	// Scopes are the subject's own places, as read (and verified) as them.
	Scopes() []Choice
	// Scope is the place requests act in now.
	Scope() string
	// SetScope moves every later request to scope once the backend, asked as the subject,
	// shows it is theirs; an error leaves the scope as it was.
	SetScope(ctx context.Context, scope string) error
}

// Roled is an Impersonation the backend gave a role of its own (MPDX's
// impersonation_role): the banner names it, and a role that may not write (an unknown one
// counts as the most restricted) keeps the impersonation read-only.
type Roled interface {
	Role() string
	ReadOnly() bool
}
