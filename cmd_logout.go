package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"actas/client"
	"actas/client/appwrite"
	"actas/keyring"
	"actas/session"
)

func logoutCommand() *cobra.Command {
	var prof profileFlags
	cmd := &cobra.Command{
		Use:   "logout",
		Short: "End the stored session on the backend and delete it from the keyring",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return logout(cmd.Context(), cmd.OutOrStdout(), prof.resolve(),
				keyring.NewLazy(keyring.DefaultTimeout), session.DefaultJournalPath())
		},
	}
	prof.bind(cmd)
	return cmd
}

// logout ends the stored session of a profile on the backend, deletes the keyring entry
// and journals it. An unreachable backend still loses the entry (and says so).
func logout(ctx context.Context, out io.Writer, r session.Recent, store keyring.Store, journalPath string) error {
	if r.Endpoint == "" || r.Project == "" || r.Email == "" {
		return errors.New("no profile to sign out of: give --endpoint, --project and --email")
	}
	c, err := appwrite.New(appwrite.Config{Endpoint: r.Endpoint, Project: r.Project})
	if err != nil {
		return err
	}
	profile := keyring.Profile{Endpoint: c.Endpoint(), Project: r.Project, Email: strings.ToLower(r.Email)}
	entry, err := store.Get(profile)
	if errors.Is(err, keyring.ErrNotFound) {
		fmt.Fprintf(out, "No stored session for %s.\n", profile.Key())
		return nil
	}
	if err != nil {
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
	if err := store.Delete(profile); err != nil {
		return fmt.Errorf("the keyring entry could not be deleted: %w", err)
	}
	if j, err := session.OpenJournal(journalPath); err == nil {
		_ = j.Append(session.Entry{Time: time.Now().UTC(), Event: session.EventLogout, Backend: profile.Endpoint,
			Project: profile.Project, Operator: entry.OperatorEmail, OperatorID: entry.OperatorID, Via: "actas logout"})
		j.Close()
	}
	if backendErr != nil {
		return fmt.Errorf("deleted the keyring entry, but the backend could not end the session: %w", backendErr)
	}
	fmt.Fprintf(out, "Signed out %s; the keyring entry is deleted.\n", profile.Key())
	return nil
}
