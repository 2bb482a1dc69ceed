package cli

import (
	"context"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"actas/client"
	"actas/ui/sanitize"
)

// subjectJSON is one subject in `actas search --json`: a user's fields where the dialect
// has them, and the dialect's own facts (a tenant's environments).
type subjectJSON struct {
	userJSON
	Facts map[string]string `json:"facts,omitempty"`
}

// subjectsJSON is `actas search --json`.
type subjectsJSON struct {
	Total       int           `json:"total"`
	TotalCapped bool          `json:"totalCapped"`
	Next        string        `json:"next"`
	Subjects    []subjectJSON `json:"subjects"`
}

// searchCommand finds whom to act as, in the dialect's terms: users, tenants or members.
func searchCommand(e *cliEnv, g *globalFlags) *cobra.Command {
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find whom to act as with the backend's own search (users, tenants…)",
		Args:  argsExactly(1, "one QUERY (quote it if it has spaces)"),
		RunE: wrap(func(cmd *cobra.Command, args []string) error {
			page, d, err := e.search(cmd, g, args[0], limit)
			if err != nil {
				return err
			}
			if asJSON {
				out := subjectsJSON{Total: page.Total, TotalCapped: page.TotalCapped, Next: page.Next, Subjects: []subjectJSON{}}
				for _, u := range toSearchJSON(page).Users {
					out.Subjects = append(out.Subjects, subjectJSON{userJSON: u})
				}
				for i, s := range page.Subjects {
					if len(s.Facts) > 0 {
						out.Subjects[i].Facts = s.Facts
					}
				}
				return writeJSON(e.stdout, out)
			}
			printSubjects(e, page, d.Describe().Columns)
			return nil
		}),
	}
	cmd.Flags().IntVar(&limit, "limit", 25, "how many to list (1-5000)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (see README: Scripting)")
	return cmd
}

// search runs one search of the profile's backend, signed in from the keyring.
func (e *cliEnv) search(cmd *cobra.Command, g *globalFlags, query string, limit int) (client.SubjectPage, client.Dialect, error) {
	if limit < 1 || limit > 5000 {
		return client.SubjectPage{}, nil, usageError("--limit must be between 1 and 5000")
	}
	s, err := e.settings(g, false)
	if err != nil {
		return client.SubjectPage{}, nil, err
	}
	c, _, err := e.signedIn(cmd.Context(), s.Profile)
	if err != nil {
		return client.SubjectPage{}, nil, err
	}
	ctx, cancel := context.WithTimeout(cmd.Context(), 30*time.Second)
	defer cancel()
	page, err := c.SearchSubjects(ctx, client.SubjectQuery{Search: query, Limit: limit})
	if err != nil {
		return page, nil, refused(err)
	}
	return page, e.dialects[s.Profile.Dialect], nil
}

// printSubjects writes the dialect's columns as a table: the id first and whole, the
// name the subject chose last and cut; every cell is sanitised server text.
func printSubjects(e *cliEnv, page client.SubjectPage, columns []client.Column) {
	var shown []client.Column
	for _, c := range columns {
		if c.Field != client.ColID && c.Field != client.ColName {
			shown = append(shown, c)
		}
	}
	w := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	head := []sanitize.Safe{"ID"}
	for _, c := range shown {
		head = append(head, sanitize.Text(c.Title))
	}
	say(w, "%s\tNAME\n", sanitize.Join(head, "\t"))
	for _, s := range page.Subjects {
		row := []sanitize.Safe{sanitize.Text(s.ID)}
		for _, c := range shown {
			row = append(row, sanitize.Line(columnText(s, c), 30))
		}
		say(w, "%s\t%s\n", sanitize.Join(row, "\t"), sanitize.Line(s.Name, 40))
	}
	w.Flush()
	plus := sanitize.Safe("")
	if page.TotalCapped {
		plus = "+"
	}
	say(e.stderr, "%s of %s%s\n", num(len(page.Subjects)), num(page.Total), plus)
}

// columnText is what a column says of a subject, as plain text.
func columnText(s client.Subject, c client.Column) string {
	switch c.Field {
	case client.ColEmail:
		return s.Email
	case client.ColPhone:
		return s.Phone
	case client.ColStatus:
		if s.Blocked {
			return "blocked"
		}
		return "active"
	case client.ColLabels:
		return strings.Join(s.Labels, ",")
	case client.ColLastAccess:
		if s.LastAccess.IsZero() {
			return "never"
		}
		return s.LastAccess.UTC().Format(time.RFC3339)
	case client.ColCreated:
		if s.Registered.IsZero() {
			return ""
		}
		return s.Registered.UTC().Format("2006-01-02")
	case client.ColFact:
		return s.Facts[c.Fact]
	}
	return ""
}
