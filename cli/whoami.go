package cli

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"actas/client"
	"actas/config"
	"actas/session"
	"actas/ui/sanitize"
)

// signedIn resumes the stored session of the settings' profile, validated by the backend.
// An expired one is deleted and reported as "not signed in".
func (e *cliEnv) signedIn(ctx context.Context, p config.Profile) (client.Backend, client.Operator, error) {
	if !e.backendNamed(p) {
		return nil, client.Operator{}, notSignedIn("not signed in: run actas login (or name the backend with --endpoint and --project, or --profile)")
	}
	c, err := e.connect(p)
	if err != nil {
		return nil, client.Operator{}, err
	}
	entry, err := e.storedSession(c, p)
	if err != nil {
		return nil, client.Operator{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	// A session without a journal: reading who one is journals nothing.
	sess := session.New(session.Config{Backend: c, Dialect: p.Dialect, Clock: e.now, Endpoint: c.Endpoint(), Project: p.Project})
	op, err := e.resume(ctx, c, p, sess, entry)
	if err != nil {
		return nil, op, err
	}
	return c, op, nil
}

// operatorJSON is `actas whoami --json`.
type operatorJSON struct {
	SignedIn     bool   `json:"signedIn"`
	ID           string `json:"id"`
	Email        string `json:"email"`
	Name         string `json:"name"`
	Impersonator bool   `json:"impersonator"`
	Endpoint     string `json:"endpoint"`
	Project      string `json:"project"`
	Profile      string `json:"profile"`
}

// signedOutJSON is `actas whoami --json` without a usable stored session.
type signedOutJSON struct {
	SignedIn bool   `json:"signedIn"` // false
	Endpoint string `json:"endpoint"`
	Project  string `json:"project"`
	Email    string `json:"email"`
	Profile  string `json:"profile"`
}

func whoamiCommand(e *cliEnv, g *globalFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "whoami",
		Short: "Show who you are signed in as (checked with the backend)",
		Args:  argsExactly(0, "no arguments"),
		RunE: wrap(func(cmd *cobra.Command, _ []string) error {
			s, err := e.settings(g, false)
			if err != nil {
				return err
			}
			c, op, err := e.signedIn(cmd.Context(), s.Profile)
			var x *exitError
			if asJSON && errors.As(err, &x) && x.code == exitNotSignedIn {
				// An answer, not silence: a script reads signedIn (and the exit code, 3).
				_ = writeJSON(e.stdout, signedOutJSON{Endpoint: s.Profile.Endpoint, Project: s.Profile.Project,
					Email: strings.ToLower(s.Profile.Email), Profile: s.Profile.Name})
				return err
			}
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.stdout, operatorJSON{SignedIn: true, ID: op.ID, Email: op.Email, Name: op.Name,
					Impersonator: op.CanImpersonate(), Endpoint: c.Endpoint(), Project: s.Profile.Project, Profile: s.Profile.Name})
			}
			role := "not an impersonator"
			if op.CanImpersonate() {
				role = "impersonator"
			}
			say(e.stdout, "%s, %s, on %s (%s)\n", identityText(op.Email, op.ID, op.Name), sanitize.Text(role),
				sanitize.Text(c.Endpoint()), sanitize.Text(s.Profile.Project))
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (see README: Scripting)")
	return cmd
}
