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
	ironflowdemo "actas/demo/ironflow"
	mpdxdemo "actas/demo/mpdx"
	"actas/ui/sanitize"
)

// maxDemoUsers bounds --users: the picker is measured at a million rows; maxDemoTenants
// bounds --tenants, measured at 100,000.
const (
	maxDemoUsers   = 1_000_000
	maxDemoTenants = 100_000
	maxDemoMembers = 100_000
)

func demoCommand() *cobra.Command {
	var (
		listen  string
		opts    demoOptions
		hostile bool
		asJSON  bool
	)
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Serve the embedded demo backend (Appwrite users, Ironflow tenants, MPDX members, seeded)",
		Long: "Serve the embedded demo backend until ctrl+c: Appwrite under /v1, Ironflow under /api/v1 and\n" +
			"MPDX under /api/v2 on one listener. It prints each dialect's endpoint, demo accounts and API keys (as one JSON\n" +
			"line with --json). The credentials are fixed and public: listen on a loopback address unless\n" +
			"you mean to serve them to the network.",
		Args: noArgsOrSuggest,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkDemoOptions(opts); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			opts.hostile = hostile || opts.knobs.HostileIDs
			return serveDemo(ctx, listen, opts, asJSON, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&listen, "listen", "127.0.0.1:9080", "address to listen on (loopback by default)")
	f.IntVar(&opts.users, "users", 10_000, "number of seeded Appwrite users")
	f.IntVar(&opts.tenants, "tenants", 2_000, "number of seeded Ironflow tenants")
	f.IntVar(&opts.members, "members", 5_000, "number of seeded MPDX members")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the generated data")
	f.IntVar(&opts.loginLimit, "login-limit", 10, "sign-ins per email per hour (-1: unlimited)")
	f.DurationVar(&opts.knobs.Latency, "latency", 0, "delay added to every request")
	f.Float64Var(&opts.knobs.FaultRate, "fault-rate", 0, "share of requests answered with 500 or 503")
	f.Float64Var(&opts.knobs.DropRate, "drop-rate", 0, "share of connections dropped without an answer")
	f.DurationVar(&opts.knobs.SlowBody, "slow-body", 0, "time over which each response body trickles out")
	f.BoolVar(&hostile, "hostile", false, "append escape sequences, control bytes, bidi overrides and invalid UTF-8 to every string served")
	f.BoolVar(&opts.knobs.HostileIDs, "hostile-ids", false, "with --hostile, ids too (acting as a user by id then fails); implies --hostile")
	f.BoolVar(&opts.unlicensed, "unlicensed", false, "Ironflow: the tenant list answers 402 (no enterprise licence)")
	f.BoolVar(&opts.plainTenants, "plain-tenant-list", false, "Ironflow: the tenant list ignores search and paging, as a plain server does")
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

// demoOptions are actas demo's flags, for every dialect's demo.
type demoOptions struct {
	users, tenants, members  int
	loginLimit               int
	seed                     uint64
	knobs                    demo.Knobs
	hostile                  bool // each dialect's own hostile text
	unlicensed, plainTenants bool
}

// options are the demo's, each dialect's from the flags that concern it.
func (o demoOptions) options() demo.Options {
	k := o.knobs
	aw, ir, mp := k, k, k
	if o.hostile {
		aw.Hostile, ir.Hostile, mp.Hostile = appwritedemo.HostileString(), ironflowdemo.HostileString(), mpdxdemo.HostileString()
	}
	return demo.Options{
		Appwrite: appwritedemo.Options{Users: o.users, Seed: o.seed, LoginLimit: o.loginLimit, Knobs: aw},
		Ironflow: ironflowdemo.Options{Tenants: o.tenants, Seed: o.seed, LoginLimit: o.loginLimit, Knobs: ir,
			Unlicensed: o.unlicensed, PlainTenantList: o.plainTenants},
		Mpdx: mpdxdemo.Options{Members: o.members, Seed: o.seed, LoginLimit: o.loginLimit, Knobs: mp},
	}
}

// checkDemoOptions refuses values the demo would misread: no users, negative counts,
// shares outside 0–1.
func checkDemoOptions(o demoOptions) error {
	if err := checkCount("--users", o.users, maxDemoUsers); err != nil {
		return err
	}
	if err := checkCount("--tenants", o.tenants, maxDemoTenants); err != nil {
		return err
	}
	if err := checkCount("--members", o.members, maxDemoMembers); err != nil {
		return err
	}
	switch k := o.knobs; {
	case o.loginLimit < -1 || o.loginLimit == 0:
		return usageError("--login-limit %d: give sign-ins per hour (1 or more), or -1 for no limit", o.loginLimit)
	case k.Latency < 0:
		return usageError("--latency %s: a delay cannot be negative", k.Latency)
	case k.SlowBody < 0:
		return usageError("--slow-body %s: a duration cannot be negative", k.SlowBody)
	case !(k.FaultRate >= 0 && k.FaultRate <= 1):
		return usageError("--fault-rate %v: give a share between 0 and 1", k.FaultRate)
	case !(k.DropRate >= 0 && k.DropRate <= 1):
		return usageError("--drop-rate %v: give a share between 0 and 1", k.DropRate)
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

func serveDemo(ctx context.Context, listen string, opts demoOptions, asJSON bool, out, errOut io.Writer) error {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("demo: cannot listen on %s: %w", listen, err)
	}
	if !loopback(ln.Addr()) {
		say(errOut, "actas demo: warning: listening on %s, not a loopback address: the fixed demo passwords and API key are served to the network\n",
			sanitize.Text(ln.Addr().String()))
	}
	srv := demo.New(opts.options())
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
