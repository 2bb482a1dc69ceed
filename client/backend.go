// Package client holds what every backend dialect shares: the Backend interface the
// console talks to, typed errors, and an HTTP transport (resty) with timeouts, retries for
// idempotent requests and a redacting debug log. Each dialect lives in a sub-package.
package client

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Credentials are the operator's own sign-in details.
type Credentials struct {
	Email    string
	Password string
	Token    string // a pasted API token or key, for a dialect that signs in with one
}

// Operator is the signed-in support person.
type Operator struct {
	ID    string
	Name  string
	Email string
	Roles []string   // the backend's names for what the operator is, for messages
	Can   Capability // what the backend lets them do
}

// Capability is what an operator may do; dialects map their roles onto it.
type Capability uint8

const (
	CanRead  Capability = 1 << iota // act as a subject and read as them
	CanWrite                        // write as them too (after elevation, as always)
	CanAudit                        // read the backend's audit log
)

// Has says whether c includes all of x.
func (c Capability) Has(x Capability) bool { return c&x == x }

// CanImpersonate says whether the operator may act as anyone at all.
func (o Operator) CanImpersonate() bool { return o.Can.Has(CanRead) }

// Subject is someone an operator can act as: a user, or a tenant in tenant dialects.
type Subject struct {
	ID              string
	Name            string
	Email           string
	Phone           string
	Blocked         bool
	Labels          []string
	Impersonator    bool // the subject is itself an operator
	MFA             bool
	EmailVerified   bool
	PhoneVerified   bool
	Registered      time.Time
	LastAccess      time.Time // zero: never
	PasswordUpdated time.Time
	// Facts are what a dialect knows of a subject beyond these (an Ironflow tenant's
	// environments), by key: server text, shown through the picker's columns.
	Facts map[string]string
}

// SubjectQuery asks for one page of subjects.
type SubjectQuery struct {
	Search string
	Limit  int    // 0: the backend's default page size
	After  string // the previous page's Next: opaque, only its backend reads it
}

// SubjectPage is one page of a search. Total counts all matches, up to a backend cap;
// TotalCapped says the real number may be larger ("5000+").
type SubjectPage struct {
	Subjects    []Subject
	Total       int
	TotalCapped bool
	Next        string // cursor for the next page, "" at the end
}

// AuditEntry is one row of a backend's audit log.
type AuditEntry struct {
	Time       time.Time
	Event      string
	ActorID    string
	ActorEmail string
	ActorName  string
	IP         string
	Client     string
	// What an impersonated request did, where the backend records it (Ironflow's
	// platform.impersonated events); empty otherwise.
	Target string // the subject acted as
	Scope  string // where in it: an environment
	Method string
	Path   string
	Status int
}

// Request is a raw request made as the subject; Path is relative to the endpoint.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	Body   []byte // JSON, or nil
}

// Response is what came back, with credentials removed from the headers and password
// hash fields removed from JSON bodies.
type Response struct {
	Status   int
	Header   http.Header
	Body     []byte
	Duration time.Duration
}

// Backend is a server the console signs an operator in to, finds subjects on, acts as
// one of them through, and reads audit entries from.
type Backend interface {
	// Login signs in. A backend that needs a second factor returns an error matching
	// ErrMFARequired; then CompleteMFA finishes the sign-in.
	Login(ctx context.Context, cred Credentials) (Operator, error)
	CompleteMFA(ctx context.Context, code string) (Operator, error)
	// Resume validates a stored session secret with the backend.
	Resume(ctx context.Context, secret string) (Operator, error)
	// Secret is the session value to keep in the OS keyring ("" when signed out).
	Secret() string
	// Endpoint is the endpoint as the backend normalised it: what the keyring keys on.
	Endpoint() string
	// Logout ends the session on the backend and forgets it here, even on error.
	Logout(ctx context.Context) error

	SearchSubjects(ctx context.Context, q SubjectQuery) (SubjectPage, error)
	Subject(ctx context.Context, id string) (Subject, error)
	// Find looks a target up as the operator: the one subject it names, or an error
	// matching ErrNotFound when it names nobody.
	Find(ctx context.Context, target Target) (Subject, error)
	OperatorAudit(ctx context.Context, limit int) ([]AuditEntry, error)
	SubjectAudit(ctx context.Context, id string, limit int) ([]AuditEntry, error)

	// Impersonate starts acting as the target and verifies with the backend that it
	// really does; it fails with ErrNotHonoured otherwise.
	Impersonate(ctx context.Context, target Target, opts ImpersonateOptions) (Impersonation, error)
}

// ImpersonateOptions go with an impersonation for its whole life.
type ImpersonateOptions struct {
	Reason string // for backends that record one
	// Before, if set, is called before every request made as the subject (the
	// verification included); the request goes out only if it returns nil. The console's
	// journal must accept a line for a request before it is sent.
	Before func(Exchange) error
	// Observe, if set, is called after every request Before let through, with its outcome.
	Observe func(Exchange)
}

// Exchange describes one request made as the subject: never a body or a credential.
type Exchange struct {
	Seq      int // counts the impersonation's requests, so Before and Observe pair up
	Attempt  int // which sending of the request this is: a retried read is sent again
	Method   string
	Path     string // with credential-like query parameters redacted
	Status   int    // 0 before the request, or when no answer came
	Duration time.Duration
}

// Impersonation is a verified act-as session. Stop discards it: in-flight requests are
// cancelled and later calls fail with ErrStopped.
type Impersonation interface {
	Subject() Subject
	Target() Target
	// Expires is when the backend stops acting as the subject by itself (an MPDX JWT's
	// exp); zero when only the console's own limits end it.
	Expires() time.Time
	// Overview reads, as the subject, what the console shows of them.
	Overview(ctx context.Context) (Overview, error)
	Do(ctx context.Context, req Request) (Response, error)
	// Verify asks the backend whom it acts as now: an error matching ErrNotHonoured when
	// it no longer acts as the subject (answers read before it are not theirs).
	Verify(ctx context.Context) error
	Stop()
}

// Overview is the subject's own view: their account, then either a user's devices and
// recent activity or the dialect's own sections (a tenant's environments, projects…).
type Overview struct {
	Subject  Subject
	Facts    []Fact // further account facts, e.g. preferences and second factors
	Devices  []Device
	Activity []AuditEntry
	// Sections, when any, are shown instead of Devices and Activity.
	Sections []Section
}

// Section is one list of the subject's own view, read as them.
type Section struct {
	Title string     // "Environments"
	Rows  [][]string // each row's cells: server text
	More  bool       // the backend has more rows than these
}

// Fact is one labelled piece of account information.
type Fact struct {
	Label string
	Value string
}

// Device is one signed-in session of the subject.
type Device struct {
	ID      string
	Client  string
	OS      string
	IP      string
	Country string
	Created time.Time
	Expires time.Time
	Current bool
}
