package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"actas/demo"
	appwritedemo "actas/demo/appwrite"
	"actas/ui/sanitize"
)

// maxDemoUsers bounds --users: the picker is measured at a million rows.
const maxDemoUsers = 1_000_000

func demoCommand() *cobra.Command {
	var (
		listen  string
		opts    appwritedemo.Options
		hostile bool
		asJSON  bool
	)
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Serve the embedded demo backend (Appwrite-compatible, seeded users)",
		Long: "Serve the embedded demo backend until ctrl+c. It prints the endpoint, the project, the\n" +
			"demo accounts and the API key (as one JSON line with --json). The credentials are fixed and\n" +
			"public: listen on a loopback address unless you mean to serve them to the network.",
		Args: noArgsOrSuggest,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkDemoOptions(opts); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if hostile || opts.Knobs.HostileIDs {
				opts.Knobs.Hostile = appwritedemo.HostileString()
			}
			return serveDemo(ctx, listen, opts, asJSON, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&listen, "listen", "127.0.0.1:9080", "address to listen on (loopback by default)")
	f.IntVar(&opts.Users, "users", 10_000, "number of seeded users")
	f.Uint64Var(&opts.Seed, "seed", 1, "seed of the generated data")
	f.IntVar(&opts.LoginLimit, "login-limit", 10, "sign-ins per email per hour (-1: unlimited)")
	f.DurationVar(&opts.Knobs.Latency, "latency", 0, "delay added to every request")
	f.Float64Var(&opts.Knobs.FaultRate, "fault-rate", 0, "share of requests answered with 500 or 503")
	f.Float64Var(&opts.Knobs.DropRate, "drop-rate", 0, "share of connections dropped without an answer")
	f.DurationVar(&opts.Knobs.SlowBody, "slow-body", 0, "time over which each response body trickles out")
	f.BoolVar(&hostile, "hostile", false, "append escape sequences, control bytes, bidi overrides and invalid UTF-8 to every string served")
	f.BoolVar(&opts.Knobs.HostileIDs, "hostile-ids", false, "with --hostile, ids too (acting as a user by id then fails); implies --hostile")
	f.BoolVar(&asJSON, "json", false, "print what is served (endpoint, project, accounts, API key) as one JSON line")
	cmd.AddCommand(&cobra.Command{
		Use:   "totp",
		Short: "Print the current TOTP code of the demo MFA operator",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := appwritedemo.TOTPCode(appwritedemo.MFATOTPSecret, time.Now())
			if err != nil {
				return err
			}
			say(cmd.OutOrStdout(), "%s\n", sanitize.Text(code))
			return nil
		},
	})
	return cmd
}

// checkDemoOptions refuses values the demo would misread: no users, negative counts,
// shares outside 0–1.
func checkDemoOptions(o appwritedemo.Options) error {
	if err := checkCount("--users", o.Users, maxDemoUsers); err != nil {
		return err
	}
	switch {
	case o.LoginLimit < -1 || o.LoginLimit == 0:
		return usageError("--login-limit %d: give sign-ins per hour (1 or more), or -1 for no limit", o.LoginLimit)
	case o.Knobs.Latency < 0:
		return usageError("--latency %s: a delay cannot be negative", o.Knobs.Latency)
	case o.Knobs.SlowBody < 0:
		return usageError("--slow-body %s: a duration cannot be negative", o.Knobs.SlowBody)
	case !(o.Knobs.FaultRate >= 0 && o.Knobs.FaultRate <= 1):
		return usageError("--fault-rate %v: give a share between 0 and 1", o.Knobs.FaultRate)
	case !(o.Knobs.DropRate >= 0 && o.Knobs.DropRate <= 1):
		return usageError("--drop-rate %v: give a share between 0 and 1", o.Knobs.DropRate)
	}
	return nil
}

// checkCount refuses a count of seeded records outside 1–max.
func checkCount(flag string, n, max int) error {
	if n < 1 || n > max {
		return usageError("%s %d: give a number from 1 to %d", flag, n, max)
	}
	return nil
}

// loopback says whether addr (host:port) listens on loopback only.
func loopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

func serveDemo(ctx context.Context, listen string, opts appwritedemo.Options, asJSON bool, out, errOut io.Writer) error {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("demo: cannot listen on %s: %w", listen, err)
	}
	if !loopback(ln.Addr()) {
		say(errOut, "actas demo: warning: listening on %s, not a loopback address: the fixed demo passwords and API key are served to the network\n",
			sanitize.Text(ln.Addr().String()))
	}
	srv := demo.New(demo.Options{Appwrite: opts})
	endpoint := "http://" + ln.Addr().String()
	if asJSON {
		if err := writeJSONLine(out, srv.Info(endpoint)); err != nil {
			return err
		}
	} else {
		for _, l := range strings.Split(strings.TrimSuffix(srv.Describe(endpoint), "\n"), "\n") {
			say(out, "%s\n", sanitize.Text(l))
		}
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(shutdown)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
