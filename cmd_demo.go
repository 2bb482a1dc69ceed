package main

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
	"actas/ui/sanitize"
)

func demoCommand() *cobra.Command {
	var (
		listen  string
		opts    demo.Options
		hostile bool
	)
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Serve the embedded demo backend (Appwrite-compatible, seeded users)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if hostile || opts.Knobs.HostileIDs {
				opts.Knobs.Hostile = demo.HostileString()
			}
			return serveDemo(ctx, listen, opts, cmd.OutOrStdout())
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
	cmd.AddCommand(&cobra.Command{
		Use:   "totp",
		Short: "Print the current TOTP code of the demo MFA operator",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			code, err := demo.TOTPCode(demo.MFATOTPSecret, time.Now())
			if err != nil {
				return err
			}
			say(cmd.OutOrStdout(), "%s\n", sanitize.Text(code))
			return nil
		},
	})
	return cmd
}

func serveDemo(ctx context.Context, listen string, opts demo.Options, out io.Writer) error {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("demo: cannot listen on %s: %w", listen, err)
	}
	srv := demo.New(opts)
	for _, l := range strings.Split(strings.TrimSuffix(srv.Describe("http://"+ln.Addr().String()+"/v1"), "\n"), "\n") {
		say(out, "%s\n", sanitize.Text(l))
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
