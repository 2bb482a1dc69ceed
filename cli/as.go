package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"actas/client"
	"actas/config"
	"actas/session"
	"actas/ui/sanitize"
)

// responseJSON is `actas as --json`.
type responseJSON struct {
	Status     int               `json:"status"`
	DurationMS int64             `json:"durationMs"`
	Headers    map[string]string `json:"headers"`
	Body       json.RawMessage   `json:"body"` // the JSON answer, or a JSON string when it is not JSON
}

type asOptions struct {
	write  bool
	reason string
	data   string
	json   bool
	env    string // where in the subject to act (a tenant's environment)
}

// dialectHelp is what each dialect of the table says of `actas as`, under its title.
func dialectHelp(dialects client.Dialects) string {
	var b strings.Builder
	for _, name := range dialects.Names() {
		d := dialects[name].Describe()
		b.WriteString("\n\n" + d.Title + " (--dialect " + name + "):\n")
		b.WriteString(strings.Join(d.AsHelp, "\n"))
	}
	return b.String()
}

func asCommand(e *cliEnv, g *globalFlags) *cobra.Command {
	var o asOptions
	cmd := &cobra.Command{
		Use:   "as USER -- METHOD PATH",
		Short: "Send one request as a user (read-only unless --write and --reason)",
		Long: "USER is an id, an email or a +phone. The impersonation is verified with the backend,\n" +
			"journaled with the reason, and stopped after the request. A write (POST, PUT, PATCH, DELETE)\n" +
			"needs --write and --reason, and is refused by a read-only profile." + dialectHelp(e.dialects),
		Args: argsExactly(3, "USER -- METHOD PATH"),
		RunE: wrap(func(cmd *cobra.Command, args []string) error {
			return e.actAs(cmd, g, o, args)
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&o.write, "write", false, "allow a write (needs --reason)")
	f.StringVar(&o.reason, "reason", "", "why you act as them: a ticket id or a note (journaled)")
	f.StringVar(&o.data, "data", "", "JSON body, @FILE to read it from a file, or @- for stdin")
	f.StringVar(&o.env, "env", "", "where in the subject to act, for a dialect whose subjects have places (Ironflow: an environment id or name; default env_default)")
	f.BoolVar(&o.json, "json", false, "print status, headers and body as JSON (see README: Scripting)")
	return cmd
}

func (e *cliEnv) actAs(cmd *cobra.Command, g *globalFlags, o asOptions, args []string) error {
	s, err := e.settings(g, cmd.Flags().Changed("read-only"))
	if err != nil {
		return err
	}
	d, err := e.dialect(s.Profile.Dialect)
	if err != nil {
		return err
	}
	desc := d.Describe()
	target, err := desc.ParseTarget(args[0])
	if err != nil {
		return usageError("%v", err)
	}
	if o.env = strings.TrimSpace(o.env); o.env != "" {
		if desc.TargetScope.Label == "" {
			return usageError("--env: %s subjects have no places to act in", d.Name())
		}
		target.Scope = o.env
	}
	req, err := e.request(args[1], args[2], o.data, d.Describe().ExamplePath)
	if err != nil {
		return err
	}
	policy := policyOf(s.Profile)
	reason := strings.TrimSpace(o.reason)
	switch {
	case o.write && reason == "":
		return usageError("--write needs --reason (a ticket id or a note)")
	case policy.RequireReason && reason == "":
		return usageError("the profile requires --reason (a ticket id or a note)")
	case client.IsWrite(req.Method) && !o.write:
		return e.refuseWrite(s.Profile, target, req, reason, fmt.Errorf("refused: %s is a write; nothing was sent (add --write and --reason)", req.Method))
	case o.write && policy.ReadOnly:
		return e.refuseWrite(s.Profile, target, req, reason, errors.New("refused: the profile (or --read-only) forbids writes; nothing was sent"))
	}

	ctx, cancel := context.WithTimeout(cmd.Context(), 60*time.Second)
	defer cancel()
	sess, closeJournal, err := e.openSession(ctx, s.Profile, policy)
	if err != nil {
		return err
	}
	defer closeJournal()
	// ctrl+c, SIGTERM and SIGHUP end the command through its context, so that the stop is
	// journaled as the console journals it, with the signal.
	ctx, interrupted := e.interruptible(ctx)
	defer func() {
		if why := interrupted(); why != "" {
			sess.StopWith(session.StopSignal, why)
		}
		sess.Stop(session.StopDone)
	}()
	act, err := sess.Impersonate(ctx, target, reason)
	if err != nil {
		return e.failed(err, interrupted)
	}
	say(e.stderr, "As %s\n", identityText(act.Subject.Email, act.Subject.ID, act.Subject.Name))
	if o.write {
		if _, err := sess.Elevate(act.Gen); err != nil {
			return refused(err)
		}
	}
	// The command line's --write and --reason are the operator's confirmation.
	resp, err := sess.Do(ctx, act.Gen, req, sess.Confirmation(act.Subject))
	if resp.Status == 0 && err != nil {
		return e.failed(err, interrupted)
	}
	if err := e.printResponse(resp, o.json); err != nil {
		return err
	}
	if resp.Status >= 400 {
		return refused(fmt.Errorf("%d %s", resp.Status, http.StatusText(resp.Status)))
	}
	return nil
}

// failed says why the request did not go through: an interruption by its signal.
func (e *cliEnv) failed(err error, interrupted func() string) error {
	if why := interrupted(); why != "" {
		return &exitError{exitRefused, fmt.Errorf("%s: the impersonation was stopped and journaled", why)}
	}
	return refused(err)
}

// interruptible is ctx ended by ctrl+c, SIGTERM or SIGHUP; interrupted says by which
// ("" when none came).
func (e *cliEnv) interruptible(ctx context.Context) (context.Context, func() string) {
	sigs := e.signals
	if sigs == nil {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		sigs = ch
	}
	ctx, cancel := context.WithCancelCause(ctx)
	var mu sync.Mutex
	var why string
	go func() {
		select {
		case sig := <-sigs:
			mu.Lock()
			why = "interrupted by " + signalName(sig)
			mu.Unlock()
			cancel(errors.New(why))
		case <-ctx.Done():
		}
	}()
	return ctx, func() string {
		mu.Lock()
		defer mu.Unlock()
		return why
	}
}

func signalName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "SIGINT (ctrl+c)"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return s.String()
}

// refuseWrite journals a write refused before anything was sent, like the console does;
// a journal that cannot take the line is said too.
func (e *cliEnv) refuseWrite(p config.Profile, target client.Target, req client.Request, reason string, why error) error {
	endpoint := p.Endpoint
	if u, err := client.CheckEndpoint(p.Endpoint, p.Insecure); err == nil {
		endpoint = u.String()
	}
	j, err := session.OpenJournal(e.journalPath)
	if err == nil {
		err = j.Append(session.Entry{Time: e.now().UTC(), Event: session.EventRequestRefused, Backend: endpoint,
			Project: p.Project, Operator: p.Email, NamedBy: target.Kind.String(), NamedAs: target.Value,
			Method: req.Method, Path: client.RedactPath(req.Path), Reason: reason, Why: why.Error()})
		j.Close()
	}
	if err != nil {
		return refused(fmt.Errorf("%w; and the refusal could not be journaled: %v", why, err))
	}
	return refused(why)
}

// request checks METHOD, PATH and the body; any problem is a usage error. example is a
// path of the dialect's, for the hint.
func (e *cliEnv) request(method, path, data, example string) (client.Request, error) {
	method = strings.ToUpper(method)
	if !client.ValidMethod(method) {
		return client.Request{}, usageError("%q is not a method (GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE)", method)
	}
	if _, err := client.CleanPath(path); err != nil {
		return client.Request{}, usageError("%v (e.g. %s)", err, example)
	}
	req := client.Request{Method: method, Path: path}
	body, err := e.body(data)
	if err != nil {
		return req, err
	}
	if len(body) > 0 {
		if !json.Valid(body) {
			return req, usageError("--data is not valid JSON")
		}
		req.Body = body
	}
	return req, nil
}

func (e *cliEnv) body(data string) ([]byte, error) {
	switch {
	case data == "@-":
		return io.ReadAll(e.stdin)
	case strings.HasPrefix(data, "@"):
		b, err := os.ReadFile(data[1:])
		if err != nil {
			return nil, usageError("--data: %v", err)
		}
		return b, nil
	}
	return []byte(data), nil
}

// openSession resumes the stored session into a session with the profile's policy and the
// journal, so that the impersonation is verified and journaled as in the console.
func (e *cliEnv) openSession(ctx context.Context, p config.Profile, policy session.Policy) (*session.Session, func(), error) {
	if !e.backendNamed(p) {
		return nil, nil, notSignedIn("not signed in: run actas login (or name the backend with --endpoint and --project, or --profile)")
	}
	c, err := e.connect(p)
	if err != nil {
		return nil, nil, err
	}
	entry, err := e.storedSession(c, p)
	if err != nil {
		return nil, nil, err
	}
	journal, err := session.OpenJournal(e.journalPath)
	if err != nil {
		return nil, nil, err
	}
	desc := e.dialects[p.Dialect].Describe() // connect found it
	sess := session.New(session.Config{Backend: c, Dialect: p.Dialect, Journal: journal, Clock: e.now, Endpoint: c.Endpoint(),
		Project: p.Project, Policy: policy, ConfirmBy: desc.Confirm.Fields, DefaultScope: desc.DefaultScope})
	if _, err := e.resume(ctx, c, p, sess, entry); err != nil {
		journal.Close()
		return nil, nil, err
	}
	return sess, func() { journal.Close() }, nil
}

func (e *cliEnv) printResponse(resp client.Response, asJSON bool) error {
	if asJSON {
		out := responseJSON{Status: resp.Status, DurationMS: resp.Duration.Milliseconds(), Headers: map[string]string{}}
		for k, v := range resp.Header {
			out.Headers[k] = strings.Join(v, ", ")
		}
		out.Body = resp.Body
		if !json.Valid(resp.Body) {
			out.Body, _ = json.Marshal(string(resp.Body))
		}
		return writeJSON(e.stdout, out)
	}
	say(e.stderr, "%s %s (%s)\n", num(resp.Status), sanitize.Text(http.StatusText(resp.Status)), sanitize.Text(resp.Duration.Round(time.Millisecond).String()))
	var pretty bytes.Buffer
	if json.Indent(&pretty, resp.Body, "", "  ") != nil {
		pretty.Reset()
		pretty.Write(resp.Body)
	}
	for _, l := range strings.Split(pretty.String(), "\n") {
		say(e.stdout, "%s\n", sanitize.Text(l)) // line breaks kept, nothing else a terminal would act on
	}
	return nil
}
