package cli

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"actas/config"
	"actas/demo"
	appwritedemo "actas/demo/appwrite"
	"actas/keyring"
	"actas/session"
	"actas/ui"
	"actas/ui/sanitize"
)

type consoleOptions struct {
	demo      bool
	demoUsers int
}

func (o *consoleOptions) bind(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.demo, "demo", false, "start the embedded demo backend on a random loopback port and sign in to it")
	f.IntVar(&o.demoUsers, "demo-users", 10_000, "users seeded in the demo backend (with --demo)")
}

// runConsole starts the interactive console. A bad configuration stops it before the
// first frame: it never runs half-configured.
func runConsole(cmd *cobra.Command, e *cliEnv, g *globalFlags, o consoleOptions) error {
	s, err := e.settings(g, cmd.Flags().Changed("read-only"))
	if err != nil {
		return err
	}
	if e.terminal == nil || !e.terminal() {
		return usageError("the console needs a terminal, and stdin or stdout is not one: run actas in a terminal, " +
			"or use the commands (actas login, whoami, users search, as, audit; see actas --help)")
	}
	if o.demo {
		if err := checkCount("--demo-users", o.demoUsers, maxDemoUsers); err != nil {
			return err
		}
	}
	p := s.Profile
	deps := ui.Deps{Clock: e.now, Keyring: e.store, Policy: policyOf(p), Badge: badgeOf(p),
		Login: ui.LoginDefaults{Endpoint: p.Endpoint, Project: p.Project, Email: p.Email, Resume: true},
		Remember: func(r session.Recent) {
			r.Profile = p.Name
			_ = session.SaveRecent(e.recentPath, r)
		}}

	if o.demo {
		base, err := startDemo(o.demoUsers)
		if err != nil {
			return err
		}
		form, ok := demo.SignInFor(p.Dialect, base)
		if !ok {
			return usageError("the demo serves %s, not %s", strings.Join(demo.Dialects(), ", "), p.Dialect)
		}
		// The demo backend ends with this process: its session stays in memory and it is
		// not remembered as the last profile.
		deps.Keyring, deps.Remember = keyring.NewMemory(), nil
		deps.Login = ui.LoginDefaults{Endpoint: form.Endpoint, Project: form.Scope, Email: form.Email, Hint: form.Hint}
		if deps.Badge.Label == "" {
			deps.Badge = ui.Badge{Label: "DEMO"}
		}
	}

	journal, err := session.OpenJournal(e.journalPath)
	if err != nil {
		return fmt.Errorf("cannot open the audit journal (%s): %w", e.journalPath, err)
	}
	defer journal.Close()
	deps.Journal = journal

	d, err := e.dialect(p.Dialect)
	if err != nil {
		return err
	}
	deps.Open, deps.Dialect, deps.Description = e.opener(d, p.Insecure), d.Name(), d.Describe()
	deps.Insecure = p.Insecure // clear text to a remote host stays in sight: the header says INSECURE

	// A closed terminal window (SIGHUP) ends the program through its context, so that the
	// impersonation is still stopped and journaled below.
	ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGHUP)
	defer stop()
	opts := []tea.ProgramOption{tea.WithContext(ctx)}
	if e.getenv("NO_COLOR") != "" { // any non-empty value, as no-color.org says
		opts = append(opts, tea.WithColorProfile(colorprofile.ASCII))
	}
	// The stop key must not wait behind a paste: the terminal is read ahead of the program,
	// and ctrl+x pulls the brake the moment it arrives.
	brake := ui.NewBrake()
	deps.Brake = brake
	opts = append(opts, tea.WithFilter(brake.Filter))
	input, restore, err := watchTerminal(brake)
	if err != nil {
		return err
	}
	defer restore()
	if input != nil {
		opts = append(opts, tea.WithInput(input))
	}
	program := tea.NewProgram(ui.New(deps), opts...)
	brake.SetSend(program.Send)
	final, err := program.Run()
	if m, ok := final.(ui.Model); ok {
		// An interrupted program still stops and journals the impersonation.
		if serr := m.Shutdown(); serr != nil {
			say(e.stderr, "actas: %s\n", sanitize.Text("the journal could not record the end of the session: "+serr.Error()))
		}
	}
	return err
}

func badgeOf(p config.Profile) ui.Badge {
	if p.Name == "" {
		return ui.Badge{}
	}
	return ui.Badge{Label: p.Label, Color: p.Color}
}

func openDebugLog(path string) (io.Writer, func(), error) {
	if path == "" {
		return nil, func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot open the debug log: %w", err)
	}
	return f, func() { f.Close() }, nil
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
		srv := demo.New(demo.Options{Appwrite: appwritedemo.Options{Users: users}})
		_ = (&http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}).Serve(ln)
	}()
	return "http://" + ln.Addr().String(), nil
}
