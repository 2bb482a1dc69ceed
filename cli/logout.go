package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"actas/client"
	"actas/config"
	"actas/session"
	"actas/ui/sanitize"
)

func logoutCommand(e *cliEnv, g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "End the stored session on the backend and delete it from the keyring",
		Args:  argsExactly(0, "no arguments"),
		RunE: wrap(func(cmd *cobra.Command, _ []string) error {
			s, err := e.settings(g, false)
			if err != nil {
				return err
			}
			return e.logout(cmd.Context(), s.Profile)
		}),
	}
}

// logout ends the stored session of a profile on the backend, deletes the keyring entry
// and journals it. An unreachable backend still loses the entry (and says so).
func (e *cliEnv) logout(ctx context.Context, p config.Profile) error {
	if !e.backendNamed(p) || p.Email == "" {
		return usageError("no profile to sign out of: give --endpoint, --project and --email, or --profile")
	}
	c, err := e.connect(p)
	if err != nil {
		return err
	}
	entry, err := e.storedSession(c, p)
	if err != nil {
		var x *exitError
		if errors.As(err, &x) && x.code == exitNotSignedIn {
			say(e.stdout, "No stored session for %s.\n", sanitize.Text(profileKey(c, p).Key()))
			return nil
		}
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	var backendErr error
	if _, err := c.Resume(ctx, entry.Secret); err == nil {
		backendErr = c.Logout(ctx)
	} else if !errors.Is(err, client.ErrUnauthorized) {
		backendErr = err // unreachable: the keyring entry goes anyway, the backend session may live on
	}
	if err := e.stored(c, p).Forget(); err != nil {
		return fmt.Errorf("the keyring entry could not be deleted: %w", err)
	}
	j, jerr := session.OpenJournal(e.journalPath)
	if jerr == nil {
		jerr = j.Append(session.Entry{Time: e.now().UTC(), Event: session.EventLogout, Backend: c.Endpoint(),
			Project: p.Project, Operator: entry.OperatorEmail, OperatorID: entry.OperatorID, Via: "actas logout"})
		j.Close()
	}
	if jerr != nil {
		backendErr = errors.Join(backendErr, jerr)
		return refused(fmt.Errorf("signed out, but the sign-out could not be journaled: %w", errors.Join(backendErr)))
	}
	if backendErr != nil {
		return refused(fmt.Errorf("deleted the keyring entry, but the backend could not end the session: %w", backendErr))
	}
	say(e.stdout, "Signed out %s; the keyring entry is deleted.\n", sanitize.Text(profileKey(c, p).Key()))
	return nil
}
