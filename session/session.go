// Package session is the operator/impersonation state machine and the console's own audit
// journal. It is the only place that knows whether impersonation is on: signed out →
// operator → impersonating exactly one target → operator.
package session

import (
	"context"
	"errors"
	"sync"
	"time"

	"actas/client"
)

// State is where the session is.
type State int

const (
	SignedOut State = iota
	SignedIn        // as the operator, not impersonating
	Impersonating
)

func (s State) String() string {
	return [...]string{"signed out", "signed in", "impersonating"}[s]
}

// StopReason says why impersonation ended; it goes into the journal.
type StopReason string

const (
	StopKey    StopReason = "key"
	StopQuit   StopReason = "quit"
	StopError  StopReason = "error"
	StopExpiry StopReason = "expiry"
	StopSwitch StopReason = "switch"
	StopLogout StopReason = "logout"
	StopDone   StopReason = "done"   // a scripted request (actas as) is finished
	StopSignal StopReason = "signal" // the process was told to end (ctrl+c, SIGTERM, SIGHUP)
)

var (
	ErrNotImpersonating = errors.New("not impersonating anyone")
	ErrNotOperator      = errors.New("this account may not impersonate: ask an administrator for the impersonator capability")
)

// Config wires a session.
type Config struct {
	Backend client.Backend
	Dialect string // the backend's kind, on every journal line
	// ConfirmBy are the subject's fields that, typed, confirm a write (none: id or email).
	ConfirmBy []client.ConfirmField
	// DefaultScope is where in a subject the operator acts unless the target names a place
	// (Ironflow: env_default); "" for dialects without places.
	DefaultScope string
	Journal      *Journal // nil: no journal (tests of other layers)
	Clock        func() time.Time
	Endpoint     string
	Project      string
	Policy       Policy
}

// Session is safe for use from several goroutines (Bubble Tea commands run on their own).
type Session struct {
	cfg Config

	mu       sync.Mutex
	state    State
	operator client.Operator
	imp      client.Impersonation
	current  *attempt  // the impersonation being verified or running
	started  time.Time // of the running impersonation
	write    bool      // elevated to write for this impersonation
	active   time.Time // the operator's last action while impersonating (idle limit)
	gen      int       // counts impersonations, so a late answer for an old one is recognisable
	ended    Ending    // how the last impersonation ended
	lost     string    // why the session ended by itself, if it did
}

// attempt is one impersonation from the moment it is asked for: its requests are
// journaled with its target and reason even when they finish after it ended.
type attempt struct {
	id      string // names the impersonation on every journal line about it
	gen     int
	target  client.Target
	reason  string
	subject client.Subject // set once verified
	sent    bool           // a request went out as the target
	ctx     context.Context
	cancel  context.CancelFunc // a stop cancels everything the attempt does
}

// Ending says how an impersonation ended, for a console that must say why.
type Ending struct {
	Gen        int
	Why        StopReason
	Detail     string
	JournalErr error // the stop itself could not be journaled
}

// wallClock is time.Now without the monotonic reading: deadlines are wall time, so a
// laptop that slept past a limit is past it when it wakes.
func wallClock() time.Time { return time.Now().Round(0) }

// New starts signed out.
func New(cfg Config) *Session {
	if cfg.Clock == nil {
		cfg.Clock = wallClock
	}
	return &Session{cfg: cfg}
}

// State reports where the session is.
func (s *Session) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// Operator is the signed-in operator.
func (s *Session) Operator() (client.Operator, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.operator, s.state != SignedOut
}

// Policy is what the profile allows.
func (s *Session) Policy() Policy { return s.cfg.Policy }

// Secret is the session value to keep in the keyring.
func (s *Session) Secret() string { return s.cfg.Backend.Secret() }

// Expires is when the backend ends the operator's session by itself, when its sign-in
// said so (zero otherwise): the keyring keeps the entry no longer than that.
func (s *Session) Expires() time.Time {
	if b, ok := s.cfg.Backend.(interface{ SessionExpires() time.Time }); ok {
		return b.SessionExpires()
	}
	return time.Time{}
}

func (s *Session) journal(e Entry) error {
	if s.cfg.Journal == nil {
		return nil
	}
	e.Time = s.cfg.Clock().UTC()
	e.Dialect, e.Backend, e.Project = s.cfg.Dialect, s.cfg.Endpoint, s.cfg.Project
	if e.Operator == "" {
		e.Operator, e.OperatorID = s.operator.Email, s.operator.ID
	}
	return s.cfg.Journal.Append(e)
}

func (s *Session) signedIn(ctx context.Context, op client.Operator, event, via string) (client.Operator, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.journal(Entry{Event: event, Via: via, Operator: op.Email, OperatorID: op.ID}); err != nil {
		if event == EventLogin {
			// A sign-in nobody could audit is not kept: end the session it created.
			_ = s.cfg.Backend.Logout(ctx)
			return client.Operator{}, errors.Join(errors.New("signed in, but the journal could not be written, so the session was ended"), err)
		}
		return client.Operator{}, err
	}
	s.operator, s.state = op, SignedIn
	return op, nil
}

// Login signs in with a password; an error matching client.ErrMFARequired asks for
// CompleteMFA.
func (s *Session) Login(ctx context.Context, cred client.Credentials) (client.Operator, error) {
	op, err := s.cfg.Backend.Login(ctx, cred)
	if err != nil {
		return op, err
	}
	return s.signedIn(ctx, op, EventLogin, "password")
}

// CompleteMFA finishes a sign-in with a second factor.
func (s *Session) CompleteMFA(ctx context.Context, code string) (client.Operator, error) {
	op, err := s.cfg.Backend.CompleteMFA(ctx, code)
	if err != nil {
		return op, err
	}
	return s.signedIn(ctx, op, EventLogin, "password+totp")
}

// Resume signs in with a stored session value, validated by the backend. It is not a
// sign-in, and the journal says so.
func (s *Session) Resume(ctx context.Context, secret string) (client.Operator, error) {
	op, err := s.cfg.Backend.Resume(ctx, secret)
	if err != nil {
		return op, err
	}
	return s.signedIn(ctx, op, EventResumed, "stored session")
}

// SignedOutWhy says why the session ended by itself ("" when it did not).
func (s *Session) SignedOutWhy() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lost
}

// endSessionLocked signs out here after the backend stopped knowing the operator
// (revoked elsewhere, expired): any impersonation stops, and both are journaled.
func (s *Session) endSessionLocked() {
	if s.state == SignedOut {
		return
	}
	s.stopLocked(StopError, sessionLost)
	if err := s.journal(Entry{Event: EventSessionEnded, Why: sessionLost}); err != nil {
		s.ended.JournalErr = errors.Join(s.ended.JournalErr, err)
	}
	s.state, s.lost = SignedOut, sessionLost
}

// sessionLost is why a session ends when the backend answers 401 to the operator.
const sessionLost = "the backend no longer accepts the operator's session (revoked elsewhere or expired): sign in again"

// Search pages through subjects as the operator.
func (s *Session) Search(ctx context.Context, q client.SubjectQuery) (client.SubjectPage, error) {
	page, err := s.cfg.Backend.SearchSubjects(ctx, q)
	return page, s.asOperator(err)
}

// Subject reads one subject as the operator sees them.
func (s *Session) Subject(ctx context.Context, id string) (client.Subject, error) {
	sub, err := s.cfg.Backend.Subject(ctx, id)
	return sub, s.asOperator(err)
}

// Find looks a target up as the operator, before anything is sent as them.
func (s *Session) Find(ctx context.Context, target client.Target) (client.Subject, error) {
	sub, err := s.cfg.Backend.Find(ctx, target)
	return sub, s.asOperator(err)
}

// OperatorAudit reads the backend's audit log of the operator.
func (s *Session) OperatorAudit(ctx context.Context, limit int) ([]client.AuditEntry, error) {
	rows, err := s.cfg.Backend.OperatorAudit(ctx, limit)
	return rows, s.asOperator(err)
}

// asOperator ends the session when the backend stopped knowing the operator.
func (s *Session) asOperator(err error) error {
	if s.operatorLost(err) {
		s.mu.Lock()
		s.endSessionLocked()
		s.mu.Unlock()
	}
	return err
}

// operatorLost says whether err is a 401 because the backend no longer knows the
// operator's session. A 401 is also how a backend refuses a missing scope (a user without
// users.read), so the session itself is checked again before anything is ended.
func (s *Session) operatorLost(err error) bool {
	if !errors.Is(err, client.ErrUnauthorized) {
		return false
	}
	secret := s.cfg.Backend.Secret()
	if secret == "" {
		return true
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, again := s.cfg.Backend.Resume(ctx, secret)
	return errors.Is(again, client.ErrUnauthorized)
}

// Logout stops any impersonation, ends the backend session and signs out here, even when
// the backend cannot be reached (that error is returned).
func (s *Session) Logout(ctx context.Context) error {
	s.Stop(StopLogout)
	err := s.cfg.Backend.Logout(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == SignedOut {
		return err
	}
	jerr := s.journal(Entry{Event: EventLogout})
	s.state, s.operator = SignedOut, client.Operator{}
	return errors.Join(err, jerr)
}
