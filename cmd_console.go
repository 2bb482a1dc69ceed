package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"actas/client"
	"actas/client/appwrite"
	"actas/demo"
	"actas/keyring"
	"actas/session"
	"actas/ui"
)

type consoleOptions struct {
	profile   profileFlags
	demo      bool
	demoUsers int
	debugLog  string
}

func (o *consoleOptions) bind(cmd *cobra.Command) {
	o.profile.bind(cmd)
	f := cmd.Flags()
	f.BoolVar(&o.demo, "demo", false, "start the embedded demo backend on a random loopback port and sign in to it")
	f.IntVar(&o.demoUsers, "demo-users", 10_000, "users seeded in the demo backend (with --demo)")
	f.StringVar(&o.debugLog, "debug-log", "", "append a debug log of HTTP requests (credentials redacted) to this file")
}

func runConsole(ctx context.Context, o consoleOptions) error {
	prof := o.profile.resolve()
	deps := ui.Deps{Clock: time.Now, Keyring: keyring.NewLazy(keyring.DefaultTimeout),
		Login:    ui.LoginDefaults{Endpoint: prof.Endpoint, Project: prof.Project, Email: prof.Email, Resume: true},
		Remember: func(r session.Recent) { _ = session.SaveRecent(session.DefaultRecentPath(), r) }}

	if o.demo {
		endpoint, err := startDemo(o.demoUsers)
		if err != nil {
			return err
		}
		// The demo backend ends with this process: its session stays in memory and it is
		// not remembered as the last profile.
		deps.Keyring, deps.Remember = keyring.NewMemory(), nil
		deps.Login = ui.LoginDefaults{Endpoint: endpoint, Project: demo.DefaultProject, Email: demo.OperatorEmail,
			Hint: "Demo backend, demo-only credentials: " + demo.OperatorEmail + " / " + demo.OperatorPassword + "\n" +
				"Also " + demo.ViewerEmail + " / " + demo.ViewerPassword + " (not an impersonator), " +
				demo.MFAEmail + " / " + demo.MFAPassword + " (TOTP: actas demo totp)."}
	}

	journal, err := session.OpenJournal(session.DefaultJournalPath())
	if err != nil {
		return fmt.Errorf("cannot open the audit journal (%s): %w", session.DefaultJournalPath(), err)
	}
	defer journal.Close()
	deps.Journal = journal

	var debug io.Writer
	if o.debugLog != "" {
		f, err := os.OpenFile(o.debugLog, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return fmt.Errorf("cannot open the debug log: %w", err)
		}
		defer f.Close()
		debug = f
	}
	deps.Connect = func(endpoint, project string) (client.Backend, string, error) {
		c, err := appwrite.New(appwrite.Config{Endpoint: endpoint, Project: project,
			HTTP: client.HTTPConfig{DebugLog: debug, UserAgent: "actas"}})
		if err != nil {
			return nil, "", err
		}
		return c, c.Endpoint(), nil
	}

	opts := []tea.ProgramOption{tea.WithContext(ctx)}
	if os.Getenv("NO_COLOR") != "" { // any non-empty value, as no-color.org says
		opts = append(opts, tea.WithColorProfile(colorprofile.ASCII))
	}
	final, err := tea.NewProgram(ui.New(deps), opts...).Run()
	if m, ok := final.(ui.Model); ok {
		m.Shutdown() // an interrupted program still stops and journals the impersonation
	}
	return err
}

// startDemo serves the demo backend on a random loopback port. The port is bound at once,
// so the endpoint is known for the login form; seeding runs in the background, and the
// first request waits for it.
func startDemo(users int) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("demo: %w", err)
	}
	go func() {
		srv := demo.New(demo.Options{Users: users})
		_ = (&http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}).Serve(ln)
	}()
	return "http://" + ln.Addr().String() + "/v1", nil
}
