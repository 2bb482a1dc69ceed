// Package cli is the actas command line: the console command, the scripting commands
// (one file each, named for the command), their environment and their JSON output.
package cli

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"actas/client"
	"actas/config"
	"actas/ui/sanitize"
)

// Main runs one command line of the actas binary against the real terminal, keyrings
// and files, with main's table of dialects, and returns the exit code.
func Main(args []string, dialects client.Dialects) int { return run(args, defaultEnv(dialects)) }

// run executes one command line and returns the exit code: 0 ok, 1 refused, 2 usage,
// 3 not signed in.
func run(args []string, e *cliEnv) int {
	root := rootCommand(e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	if suggest := unknownSubcommand(cmd, args); suggest != nil {
		err = suggest // "actas whoamii --json": the command is what is wrong, not the flag
	}
	code := exitUsage // what cobra itself rejects: unknown command, flag or argument count
	var x *exitError
	if errors.As(err, &x) {
		code = x.code
	}
	if wantsJSON(cmd, args) {
		_ = writeJSONLine(e.stderr, errorJSON{Error: err.Error(), Code: code, Kind: exitKinds[code]})
		return code
	}
	say(e.stderr, "actas: %s\n", sanitize.Text(err.Error()))
	return code
}

// errorJSON is what a --json command prints on stderr when it fails.
type errorJSON struct {
	Error string `json:"error"`
	Code  int    `json:"code"` // the exit code
	Kind  string `json:"kind"`
}

var exitKinds = map[int]string{exitRefused: "refused", exitUsage: "usage", exitNotSignedIn: "not_signed_in"}

// wantsJSON says whether the command line asked a command that has --json for JSON:
// the parsed flag, or, when parsing stopped before it, the flag as written ahead of "--"
// (not as the value of another flag: --reason --json).
func wantsJSON(cmd *cobra.Command, args []string) bool {
	if cmd == nil || cmd.Flags().Lookup("json") == nil {
		return false
	}
	if f := cmd.Flags().Lookup("json"); f.Changed {
		return f.Value.String() == "true"
	}
	want := false
	scanFlags(cmd, args, func(name, value string, hasValue bool) {
		if name == "json" {
			b, err := strconv.ParseBool(value)
			want = !hasValue || (err == nil && b)
		}
	}, nil)
	return want
}

// scanFlags walks args up to "--" as cmd's flags would be read: onFlag for each long
// flag, onArg for each argument that is not a flag's value.
func scanFlags(cmd *cobra.Command, args []string, onFlag func(name, value string, hasValue bool), onArg func(string)) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return
		case strings.HasPrefix(a, "--"):
			name, value, hasValue := strings.Cut(a[2:], "=")
			if onFlag != nil {
				onFlag(name, value, hasValue)
			}
			if f := cmd.Flags().Lookup(name); f != nil && !hasValue && f.NoOptDefVal == "" {
				i++ // the next word is its value
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
			if f := cmd.Flags().ShorthandLookup(a[1:2]); f != nil && len(a) == 2 && f.NoOptDefVal == "" {
				i++
			}
		default:
			if onArg != nil {
				onArg(a)
			}
		}
	}
}

// unknownSubcommand is the did-you-mean error for a command with subcommands whose first
// argument names none of them, even when a flag after it was refused first.
func unknownSubcommand(cmd *cobra.Command, args []string) error {
	if cmd == nil || !cmd.HasSubCommands() {
		return nil
	}
	path := strings.Fields(cmd.CommandPath())[1:] // the words that named cmd
	var positional []string
	scanFlags(cmd, args, nil, func(a string) { positional = append(positional, a) })
	if len(positional) <= len(path) {
		return nil
	}
	name := positional[len(path)]
	for _, sub := range cmd.Commands() {
		if sub.Name() == name || sub.HasAlias(name) {
			return nil
		}
	}
	return noArgsOrSuggest(cmd, []string{name})
}

// noArgsOrSuggest is cobra.NoArgs that names the command meant ("did you mean login?").
func noArgsOrSuggest(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // cobra's own default, set only on its own path
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, " or ") + "?"
	}
	return usageError("%s (see %s --help)", msg, cmd.CommandPath())
}

// completeProfiles offers the configured profile names for --profile.
func completeProfiles(e *cliEnv) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
		f, err := config.Load(e.configPath, e.dialects.Names()...)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var names []string
		for name := range f.Profiles {
			if strings.HasPrefix(name, prefix) {
				names = append(names, name)
			}
		}
		sort.Strings(names)
		return names, cobra.ShellCompDirectiveNoFileComp
	}
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			return v
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "devel-" + s.Value[:12]
			}
		}
	}
	return "devel"
}

func rootCommand(e *cliEnv) *cobra.Command {
	g := &globalFlags{}
	var console consoleOptions
	root := &cobra.Command{
		Use:   "actas",
		Short: "A support console for acting as a customer, with an always-visible banner",
		Long: "actas signs you in as yourself, finds a customer, acts as them under a banner that is\n" +
			"always visible, stops with one key (ctrl+x) and keeps an audit journal.\n\n" +
			"  actas --demo    run against the embedded demo backend\n\n" +
			"Settings come from flags, then ACTAS_* environment variables, then the profile\n" +
			"(--profile or ACTAS_PROFILE, from $XDG_CONFIG_HOME/actas/config.toml), then defaults.\n" +
			"Exit codes: 0 ok, 1 refused by the backend or the profile, 2 usage error, 3 not signed in.",
		Version:       version(),
		Args:          noArgsOrSuggest,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: wrap(func(cmd *cobra.Command, _ []string) error {
			return runConsole(cmd, e, g, console)
		}),
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.profile, "profile", "", "profile from the config file (env ACTAS_PROFILE)")
	pf.StringVar(&g.dialect, "dialect", "", "the backend's kind: "+strings.Join(e.dialects.Names(), ", ")+" (env ACTAS_DIALECT; default appwrite)")
	pf.StringVar(&g.endpoint, "endpoint", "", "backend endpoint, e.g. "+perDialect(e.dialects, func(d client.Description) string { return d.EndpointExample })+" (env ACTAS_ENDPOINT)")
	pf.StringVar(&g.project, "project", "", "what the backend names besides the endpoint: "+
		perDialect(e.dialects, func(d client.Description) string { return strings.ToLower(d.Scope.Label) })+" (env ACTAS_PROJECT)")
	pf.StringVar(&g.email, "email", "", "operator email (env ACTAS_EMAIL)")
	pf.BoolVar(&g.readOnly, "read-only", false, "never allow writes as anyone, whatever the profile says (env ACTAS_READ_ONLY)")
	pf.Var(&g.insecure, "insecure", "allow plain http to a non-loopback endpoint: the session travels in clear text (env ACTAS_INSECURE)")
	pf.Lookup("insecure").NoOptDefVal = "true"
	pf.StringVar(&g.debugLog, "debug-log", "", "append a debug log of HTTP requests (credentials redacted) to this file")
	console.bind(root)
	var closeDebug func()
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if err := e.openStore(); err != nil {
			return err
		}
		w, closeFn, err := openDebugLog(g.debugLog)
		if err != nil {
			return usageError("%v", err)
		}
		e.debug, closeDebug = w, closeFn
		return nil
	}
	root.PersistentPostRun = func(*cobra.Command, []string) {
		if closeDebug != nil {
			closeDebug()
		}
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v (see %s --help)", err, c.CommandPath())
	})
	_ = root.RegisterFlagCompletionFunc("profile", completeProfiles(e))
	root.AddCommand(demoCommand(), loginCommand(e, g), logoutCommand(e, g), whoamiCommand(e, g),
		usersCommand(e, g), searchCommand(e, g), auditCommand(e, g), asCommand(e, g))
	return root
}

// wrap makes every error a command returns carry an exit code (1 unless it says otherwise),
// so that only cobra's own complaints count as usage errors.
func wrap(fn func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		err := fn(cmd, args)
		var x *exitError
		if err != nil && !errors.As(err, &x) {
			return refused(err)
		}
		return err
	}
}

// argsExactly is cobra.ExactArgs with a usage exit code.
func argsExactly(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError("expected %s", what)
		}
		return nil
	}
}

// perDialect says one thing of each dialect for a flag's help: alone, just it; with
// several, "appwrite: …, ironflow: …".
func perDialect(dialects client.Dialects, of func(client.Description) string) string {
	names := dialects.Names()
	if len(names) == 1 {
		return of(dialects[names[0]].Describe())
	}
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n + ": " + of(dialects[n].Describe())
	}
	return strings.Join(parts, ", ")
}
