package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"actas/session"
	"actas/ui/sanitize"
)

// auditJSON is one entry of `actas audit --json`.
type auditJSON struct {
	Time     time.Time `json:"time"`
	Source   string    `json:"source"` // "backend" or "console"
	Event    string    `json:"event"`
	Operator string    `json:"operator"`
	Target   string    `json:"target,omitempty"`
	Scope    string    `json:"scope,omitempty"` // where in the target: an environment
	Method   string    `json:"method,omitempty"`
	Path     string    `json:"path,omitempty"`
	Status   int       `json:"status,omitempty"`
	Attempts int       `json:"attempts,omitempty"` // a retried read: how many times it was sent
	Reason   string    `json:"reason,omitempty"`
	Why      string    `json:"why,omitempty"`
	IP       string    `json:"ip,omitempty"`
}

func auditCommand(e *cliEnv, g *globalFlags) *cobra.Command {
	var since time.Duration
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Show recent audit entries: the backend's log of you, and this console's journal",
		Long: "Newest first. The console's journal needs no sign-in; the backend's entries are added when\n" +
			"a stored session works.",
		Args: argsExactly(0, "no arguments"),
		RunE: wrap(func(cmd *cobra.Command, _ []string) error {
			if since <= 0 {
				return usageError("--since must be a positive duration, e.g. 24h")
			}
			from := e.now().Add(-since)
			entries, skipped, err := session.ReadJournal(e.journalPath)
			if err != nil {
				return err
			}
			reportSkipped(e, skipped)
			var out []auditJSON
			for _, j := range session.Answered(entries) {
				if !j.Time.Before(from) {
					out = append(out, auditJSON{Time: j.Time, Source: "console", Event: j.Event, Operator: j.Operator,
						Target: first(j.TargetName, j.Target, j.NamedAs), Scope: j.Scope, Method: j.Method, Path: j.Path, Status: j.Status, Attempts: j.Attempt,
						Reason: j.Reason, Why: first(j.Why, j.Detail)})
				}
			}
			out = append(out, e.backendAudit(cmd.Context(), g, from)...)
			sort.SliceStable(out, func(i, k int) bool { return out[i].Time.After(out[k].Time) })
			if asJSON {
				if out == nil {
					out = []auditJSON{}
				}
				return writeJSON(e.stdout, out)
			}
			printAudit(e, out)
			return nil
		}),
	}
	cmd.Flags().DurationVar(&since, "since", 24*time.Hour, "how far back")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (see README: Scripting)")
	return cmd
}

// reportSkipped says on stderr (stdout may be JSON) that some journal lines, torn by a
// crash or damaged, are not in the output.
func reportSkipped(e *cliEnv, skipped int) {
	switch {
	case skipped == 1:
		say(e.stderr, "actas: 1 journal line could not be read and was skipped (%s)\n", sanitize.Text(e.journalPath))
	case skipped > 1:
		say(e.stderr, "actas: %s journal lines could not be read and were skipped (%s)\n", num(skipped), sanitize.Text(e.journalPath))
	}
}

// backendAudit adds the operator's backend log when a stored session works; otherwise it
// says why on stderr and the journal stands alone.
func (e *cliEnv) backendAudit(ctx context.Context, g *globalFlags, from time.Time) []auditJSON {
	s, err := e.settings(g, false)
	if err != nil || s.Profile.Endpoint == "" {
		return nil
	}
	c, _, err := e.signedIn(ctx, s.Profile)
	if err != nil {
		say(e.stderr, "Only the console's journal: %s\n", sanitize.Text(err.Error()))
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	rows, err := c.OperatorAudit(ctx, 100)
	if err != nil {
		say(e.stderr, "Only the console's journal: the backend's log: %s\n", sanitize.Text(err.Error()))
		return nil
	}
	var out []auditJSON
	for _, r := range rows {
		if !r.Time.Before(from) {
			out = append(out, auditJSON{Time: r.Time, Source: "backend", Event: r.Event, Operator: first(r.ActorEmail, r.ActorID), IP: r.IP,
				Target: r.Target, Scope: r.Scope, Method: r.Method, Path: r.Path, Status: r.Status})
		}
	}
	return out
}

// auditDetailWidth caps the last column. It is wide enough for a reason and the whole
// story of an unterminated impersonation (start time, pid, host, "the console was killed").
const auditDetailWidth = 200

func printAudit(e *cliEnv, rows []auditJSON) {
	w := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	say(w, "TIME\tSOURCE\tEVENT\tOPERATOR\tTARGET\tDETAIL\n")
	for _, r := range rows {
		detail := strings.TrimSpace(r.Method + " " + r.Path)
		if r.Status != 0 {
			detail += fmt.Sprintf(" %d", r.Status)
		}
		if r.Attempts > 1 {
			detail += fmt.Sprintf(" (sent %d times)", r.Attempts)
		}
		for _, extra := range []struct{ k, v string }{{"reason", r.Reason}, {"why", r.Why}, {"ip", r.IP}} {
			if extra.v != "" {
				detail += " " + extra.k + ": " + extra.v
			}
		}
		say(w, "%s\t%s\t%s\t%s\t%s\t%s\n", sanitize.Text(r.Time.UTC().Format(time.RFC3339)), sanitize.Text(r.Source), sanitize.Text(r.Event),
			sanitize.Line(r.Operator, 40), sanitize.Line(r.Target, 40), sanitize.Line(strings.TrimSpace(detail), auditDetailWidth))
	}
	w.Flush()
}

func first(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
