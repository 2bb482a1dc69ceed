package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"actas/client"
	"actas/config"
	"actas/session"
	"actas/ui/sanitize"
)

func loginCommand(e *cliEnv, g *globalFlags) *cobra.Command {
	var passwordStdin bool
	var totp string
	cmd := &cobra.Command{
		Use:   "login",
		Short: "Sign in as yourself and keep the session in the OS keyring",
		Long: "Sign in with your own email and password (asked without echo, or one line on stdin with\n" +
			"--password-stdin). An account with TOTP needs --totp CODE, or is asked for the code.",
		Args: argsExactly(0, "no arguments"),
		RunE: wrap(func(cmd *cobra.Command, _ []string) error {
			s, err := e.settings(g, cmd.Flags().Changed("read-only"))
			if err != nil {
				return err
			}
			p := s.Profile
			d, err := e.dialect(p.Dialect)
			if err != nil {
				return err
			}
			fields := d.Describe().SignInFields()
			if p.Email == "" && asksEmail(fields) {
				return usageError("no operator email: give --email (or ACTAS_EMAIL, or a profile with email)")
			}
			c, err := e.connect(p)
			if err != nil {
				return err
			}
			if err := e.checkStore(); err != nil { // before a sign-in is spent for nothing
				return err
			}
			cred, err := e.credentials(fields, p, passwordStdin)
			if err != nil {
				return err
			}
			journal, err := session.OpenJournal(e.journalPath)
			if err != nil {
				return err
			}
			defer journal.Close()
			sess := session.New(session.Config{Backend: c, Dialect: p.Dialect, Journal: journal, Clock: e.now, Endpoint: c.Endpoint(), Project: p.Project})
			ctx, cancel := context.WithTimeout(cmd.Context(), 60*time.Second)
			defer cancel()
			op, err := sess.Login(ctx, cred)
			if errors.Is(err, client.ErrMFARequired) {
				code := totp
				if code == "" && passwordStdin {
					_ = sess.Logout(ctx) // the half-open session is not left behind
					return usageError("%s has a second factor: give the current code with --totp CODE", p.Email)
				}
				if code == "" {
					if code, err = e.secret(false, "TOTP code: "); err != nil {
						return err
					}
				}
				op, err = sess.CompleteMFA(ctx, code)
			}
			if err != nil {
				return refused(err)
			}
			if p.Email == "" { // signed in with a token: the backend said who
				p.Email = op.Email
			}
			if err := e.stored(c, p).Save(sess, op, e.now()); err != nil {
				_ = sess.Logout(ctx) // a session nobody can use again is ended, not left alive
				return refused(fmt.Errorf("signed in, but the session could not be stored in %s, so it was ended: %w", e.store.Where(), err))
			}
			_ = session.SaveRecent(e.recentPath, session.Recent{Profile: p.Name, Endpoint: c.Endpoint(), Project: p.Project, Email: strings.ToLower(p.Email)})
			say(e.stdout, "Signed in as %s on %s%s.\n", identityText(op.Email, op.ID, op.Name), sanitize.Text(c.Endpoint()), scopeText(p.Project))
			say(e.stdout, "Session kept in %s.\n", sanitize.Text(e.store.Where()))
			if exp := sess.Expires(); !exp.IsZero() && exp.Sub(e.now()) < 7*24*time.Hour { // a platform token's day, say
				say(e.stdout, "The backend ends it at %s: sign in again then.\n", sanitize.Text(exp.UTC().Format("2006-01-02 15:04 UTC")))
			}
			if !op.CanImpersonate() {
				say(e.stderr, "Note: this account is not an impersonator; ask an administrator for the impersonator capability.\n")
			}
			return nil
		}),
	}
	cmd.Flags().BoolVar(&passwordStdin, "password-stdin", false, "read the password from the first line of stdin")
	cmd.Flags().StringVar(&totp, "totp", "", "the current TOTP code, for accounts with a second factor")
	return cmd
}

// asksEmail says whether the dialect's sign-in asks for the operator's email.
func asksEmail(fields []client.SignInField) bool {
	for _, f := range fields {
		if f.Credential == client.CredEmail && !f.Optional {
			return true
		}
	}
	return false
}

// credentials fills the dialect's sign-in fields: the email from the profile, each secret
// asked without echo (or read from stdin, a line each, with --password-stdin).
func (e *cliEnv) credentials(fields []client.SignInField, p config.Profile, fromStdin bool) (client.Credentials, error) {
	cred := client.Credentials{Email: p.Email}
	for _, f := range fields {
		if !f.Secret() {
			continue
		}
		prompt := f.Label + ": "
		if p.Email != "" {
			prompt = f.Label + " for " + p.Email + ": "
		}
		v, err := e.secret(fromStdin, prompt)
		if err != nil {
			return cred, err
		}
		if f.Credential != client.CredPassword {
			v = strings.TrimSpace(v)
		}
		cred.Set(f.Credential, v)
	}
	return cred, nil
}

// scopeText is " (project)", or nothing for a dialect without a scope.
func scopeText(scope string) sanitize.Safe {
	if scope == "" {
		return ""
	}
	return " (" + sanitize.Text(scope) + ")"
}

// checkStore refuses to sign in when no store would keep the session for the next
// command: exit 3, with what to do.
func (e *cliEnv) checkStore() error {
	if e.store.Durable() {
		return nil
	}
	why := ""
	if r, ok := e.store.(interface{ Refusals() string }); ok && r.Refusals() != "" {
		why = " (" + r.Refusals() + ")"
	}
	return notSignedIn("no keyring can keep the session for later commands, so nothing was signed in: install gnome-keyring (a Secret Service), "+
		"run under scripts/with-secret-service, or allow the keyctl system calls for the kernel keyring; the console (actas) works with a session in memory%s", why)
}

// secret reads a password or code: from stdin when asked to, else without echo from the
// terminal; with neither it is a usage error (nothing would be read).
func (e *cliEnv) secret(fromStdin bool, prompt string) (string, error) {
	if fromStdin {
		s, err := e.readLine()
		if err != nil || s == "" {
			return "", usageError("--password-stdin: no password on stdin")
		}
		return s, nil
	}
	if e.readSecret == nil {
		return "", usageError("stdin is not a terminal: use --password-stdin (and --totp for a second factor)")
	}
	s, err := e.readSecret(prompt)
	if err != nil {
		return "", err
	}
	return strings.TrimRight(s, "\r\n"), nil
}
