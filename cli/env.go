package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"actas/client"
	"actas/config"
	"actas/keyring"
	"actas/session"
	"actas/ui/sanitize"
)

// Exit codes, documented in the README.
const (
	exitOK          = 0
	exitRefused     = 1 // the backend (or the profile's policy) refused
	exitUsage       = 2 // a bad command line or configuration
	exitNotSignedIn = 3
)

// exitError carries an exit code with the one line to print.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(format string, a ...any) error {
	return &exitError{exitUsage, fmt.Errorf(format, a...)}
}

func refused(err error) error { return &exitError{exitRefused, err} }

func notSignedIn(format string, a ...any) error {
	return &exitError{exitNotSignedIn, fmt.Errorf(format, a...)}
}

// cliEnv is what the commands need from outside: tests replace every part.
type cliEnv struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	dialects       client.Dialects // main's table
	store          keyring.Store   // nil until openStore: the stores ACTAS_KEYRING names, in order
	configPath     string
	journalPath    string
	recentPath     string
	debug          io.Writer // --debug-log, for every command
	// readSecret asks for a password or a code without echo; nil when stdin is no terminal.
	readSecret func(prompt string) (string, error)
	// signals, when set, stand in for the process's ctrl+c, SIGTERM and SIGHUP (tests).
	signals <-chan os.Signal
	// terminal says whether stdin and stdout are a terminal, which the console needs.
	terminal func() bool
}

func defaultEnv(dialects client.Dialects) *cliEnv {
	e := &cliEnv{dialects: dialects, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, now: wallClock,
		configPath:  config.DefaultPath(),
		journalPath: session.DefaultJournalPath(), recentPath: session.DefaultRecentPath()}
	e.terminal = func() bool { return term.IsTerminal(int(os.Stdin.Fd())) && term.IsTerminal(int(os.Stdout.Fd())) }
	if term.IsTerminal(int(os.Stdin.Fd())) {
		e.readSecret = func(prompt string) (string, error) {
			say(os.Stderr, "%s", sanitize.Text(prompt))
			b, err := term.ReadPassword(int(os.Stdin.Fd()))
			say(os.Stderr, "\n")
			return string(b), err
		}
	}
	return e
}

// openStore chooses the session store by ACTAS_KEYRING (tests give their own). Nothing
// is asked of D-Bus or the kernel yet: the store opens on first use.
func (e *cliEnv) openStore() error {
	if e.store != nil {
		return nil
	}
	order, err := keyring.ParseOrder(e.getenv(keyring.OrderEnv))
	if err != nil {
		return usageError("%v", err)
	}
	e.store = keyring.NewLazy(keyring.DefaultTimeout, order)
	return nil
}

// globalFlags are the root's persistent flags.
type globalFlags struct {
	profile, dialect, endpoint, project, email, debugLog string
	readOnly                                             bool
	insecure                                             optionalBool
}

// optionalBool is a bool flag that knows whether it was given, so that an absent
// --insecure leaves the setting to the environment and the profile (whose settings()
// callers pass only whether --read-only was given).
type optionalBool struct{ v *bool }

func (o *optionalBool) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	o.v = &b
	return nil
}

func (o *optionalBool) String() string   { return strconv.FormatBool(o.v != nil && *o.v) }
func (o *optionalBool) Type() string     { return "bool" }
func (o *optionalBool) IsBoolFlag() bool { return true }

// settings resolves flag > environment > profile > default; with nothing else, the last
// profile signed in to (no secret) gives endpoint, project and email. A bad configuration
// file stops everything with its one line.
func (e *cliEnv) settings(g *globalFlags, readOnlySet bool) (config.Settings, error) {
	f, err := config.Load(e.configPath, e.dialects.Names()...)
	if err != nil {
		return config.Settings{}, &exitError{exitUsage, err}
	}
	o := config.Overrides{Profile: g.profile, Dialect: g.dialect, Endpoint: g.endpoint, Project: g.project, Email: g.email, Insecure: g.insecure.v}
	if readOnlySet {
		o.ReadOnly = &g.readOnly
	}
	s, err := config.Resolve(f, o, e.getenv)
	if err != nil {
		return s, &exitError{exitUsage, err}
	}
	if s.Profile.Endpoint == "" && s.Profile.Name == "" {
		return e.recentSettings(f, o, s)
	}
	return s, nil
}

// recentSettings falls back to the last profile signed in to. When that came from (or
// matches) a configured profile, the profile is used whole, policy included: a read-only
// production profile must not turn writable because --profile was left out.
func (e *cliEnv) recentSettings(f *config.File, o config.Overrides, s config.Settings) (config.Settings, error) {
	r, ok := session.LoadRecent(e.recentPath)
	if !ok {
		return s, nil
	}
	name := r.Profile
	if _, known := f.Profiles[name]; !known {
		name = ""
		var matches []string
		for n, p := range f.Profiles {
			if p.Endpoint == r.Endpoint && p.Project == r.Project {
				matches = append(matches, n)
			}
		}
		if len(matches) > 0 {
			sort.Strings(matches)
			name = matches[0]
		}
	}
	if name != "" {
		o.Profile = name
		resolved, err := config.Resolve(f, o, e.getenv)
		if err != nil {
			return resolved, &exitError{exitUsage, err}
		}
		resolved.Sources["profile"] = "recent"
		return resolved, nil
	}
	s.Profile.Endpoint, s.Sources["endpoint"] = r.Endpoint, "recent"
	if s.Profile.Project == "" {
		s.Profile.Project, s.Sources["project"] = r.Project, "recent"
	}
	if s.Profile.Email == "" {
		s.Profile.Email, s.Sources["email"] = r.Email, "recent"
	}
	return s, nil
}

func policyOf(p config.Profile) session.Policy {
	return session.Policy{ReadOnly: p.ReadOnly, RequireReason: p.RequireReason, IdleTimeout: p.IdleTimeout,
		MaxDuration: p.MaxDuration, AllowOperatorTargets: p.AllowImpersonatingOperators}
}

// backendNamed says whether the profile names a backend: an endpoint, and the scope its
// dialect needs (Appwrite's project; an Ironflow platform needs none).
func (e *cliEnv) backendNamed(p config.Profile) bool {
	if p.Endpoint == "" {
		return false
	}
	d, ok := e.dialects[p.Dialect]
	return p.Project != "" || ok && d.Describe().Scope.Label == ""
}

// dialect is the table's entry the profile names.
func (e *cliEnv) dialect(name string) (client.Dialect, error) {
	d, ok := e.dialects[name]
	if !ok {
		return nil, usageError("%s", config.CheckDialect(name, e.dialects.Names()))
	}
	return d, nil
}

// connect makes a signed-out backend of the profile's dialect. The endpoint is checked
// again here (client.CheckEndpoint, through the dialect's Open): one from recent.json has
// not been through config.Resolve.
func (e *cliEnv) connect(p config.Profile) (client.Backend, error) {
	if !e.backendNamed(p) {
		return nil, usageError("no backend: give --endpoint and --project, or --profile (see actas --help)")
	}
	d, err := e.dialect(p.Dialect)
	if err != nil {
		return nil, err
	}
	c, err := e.open(d, p.Endpoint, p.Project, p.Insecure)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return c, nil
}

// opener is the console's session.Opener: the login form's endpoint gets the same check
// as a flag's, with the profile's insecure.
func (e *cliEnv) opener(d client.Dialect, insecure bool) session.Opener {
	return func(endpoint, scope string) (client.Backend, error) {
		return e.open(d, endpoint, scope, insecure)
	}
}

func (e *cliEnv) open(d client.Dialect, endpoint, scope string, insecure bool) (client.Backend, error) {
	return d.Open(client.Config{Endpoint: endpoint, Scope: scope, Insecure: insecure,
		HTTP: client.HTTPConfig{DebugLog: e.debug, UserAgent: "actas"}})
}

func profileKey(c client.Backend, p config.Profile) keyring.Profile {
	return keyring.Profile{Dialect: p.Dialect, Endpoint: c.Endpoint(), Project: p.Project, Email: strings.ToLower(p.Email)}
}

// stored is where the profile's session on backend c is kept.
func (e *cliEnv) stored(c client.Backend, p config.Profile) session.Stored {
	return session.Stored{Store: e.store, Profile: profileKey(c, p)}
}

// storedSession finds the keyring entry of the settings' profile.
func (e *cliEnv) storedSession(c client.Backend, p config.Profile) (keyring.Entry, error) {
	if p.Email == "" {
		return keyring.Entry{}, notSignedIn("no operator email: give --email or sign in with actas login")
	}
	entry, err := e.stored(c, p).Entry()
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return entry, notSignedIn("not signed in to %s (%s) as %s: run actas login", c.Endpoint(), p.Project, p.Email)
	case err != nil:
		return entry, refused(err)
	}
	return entry, nil
}

// resume takes the profile's stored entry (from storedSession) up into sess: exit 3 when
// the backend no longer accepts it (then it is forgotten).
func (e *cliEnv) resume(ctx context.Context, c client.Backend, p config.Profile, sess *session.Session, entry keyring.Entry) (client.Operator, error) {
	op, err := e.stored(c, p).ResumeEntry(ctx, sess, entry)
	switch {
	case errors.Is(err, client.ErrUnauthorized):
		return op, notSignedIn("the stored session has expired or was revoked: run actas login")
	case err != nil:
		return op, refused(err)
	}
	return op, nil
}

// readLine reads one line of stdin (for --password-stdin).
func (e *cliEnv) readLine() (string, error) {
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// wallClock is time.Now without the monotonic reading: time limits are wall time, so a
// laptop that slept past a limit is past it when it wakes.
func wallClock() time.Time { return time.Now().Round(0) }
