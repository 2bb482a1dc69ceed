package cli

import (
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"actas/client"
	"actas/ui/sanitize"
)

// userJSON is one user in `actas users search --json`.
type userJSON struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Email        string    `json:"email"`
	Phone        string    `json:"phone"`
	Blocked      bool      `json:"blocked"`
	Labels       []string  `json:"labels"`
	Impersonator bool      `json:"impersonator"`
	MFA          bool      `json:"mfa"`
	Registered   time.Time `json:"registered"`
	LastAccess   *string   `json:"lastAccess"` // RFC 3339, null: never
}

// searchJSON is `actas users search --json`.
type searchJSON struct {
	Total       int        `json:"total"`
	TotalCapped bool       `json:"totalCapped"`
	Next        string     `json:"next"` // cursor of the next page ("" at the end)
	Users       []userJSON `json:"users"`
}

func usersCommand(e *cliEnv, g *globalFlags) *cobra.Command {
	users := &cobra.Command{Use: "users", Short: "Find users to act as (Appwrite; actas search works for every dialect)", Args: noArgsOrSuggest,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError("users needs a subcommand: actas users search QUERY (see actas users --help)")
		}}
	var limit int
	var asJSON bool
	search := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search users by name, email, phone or id",
		Args:  argsExactly(1, "one QUERY (quote it if it has spaces)"),
		RunE: wrap(func(cmd *cobra.Command, args []string) error {
			page, _, err := e.search(cmd, g, args[0], limit)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.stdout, toSearchJSON(page))
			}
			printUsers(e, page)
			return nil
		}),
	}
	search.Flags().IntVar(&limit, "limit", 25, "users to list (1-5000)")
	search.Flags().BoolVar(&asJSON, "json", false, "print JSON (see README: Scripting)")
	users.AddCommand(search)
	return users
}

func toSearchJSON(page client.SubjectPage) searchJSON {
	out := searchJSON{Total: page.Total, TotalCapped: page.TotalCapped, Next: page.Next, Users: []userJSON{}}
	for _, s := range page.Subjects {
		u := userJSON{ID: s.ID, Name: s.Name, Email: s.Email, Phone: s.Phone, Blocked: s.Blocked, Labels: s.Labels,
			Impersonator: s.Impersonator, MFA: s.MFA, Registered: s.Registered.UTC()}
		if u.Labels == nil {
			u.Labels = []string{}
		}
		if !s.LastAccess.IsZero() {
			t := s.LastAccess.UTC().Format(time.RFC3339)
			u.LastAccess = &t
		}
		out.Users = append(out.Users, u)
	}
	return out
}

// printUsers writes a table; every cell is sanitised server text.
func printUsers(e *cliEnv, page client.SubjectPage) {
	w := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	// The identity (id, email) is never cut; the name the user chose comes last, cut.
	say(w, "ID\tEMAIL\tPHONE\tSTATUS\tLABELS\tNAME\n")
	for _, s := range page.Subjects {
		status := sanitize.Safe("active")
		if s.Blocked {
			status = "blocked"
		}
		say(w, "%s\t%s\t%s\t%s\t%s\t%s\n", sanitize.Text(s.ID), sanitize.Text(s.Email), sanitize.Line(s.Phone, 20), status,
			sanitize.Line(strings.Join(s.Labels, ","), 30), sanitize.Line(s.Name, 40))
	}
	w.Flush()
	plus := sanitize.Safe("")
	if page.TotalCapped {
		plus = "+"
	}
	say(e.stderr, "%s of %s%s\n", num(len(page.Subjects)), num(page.Total), plus)
}
