package main

import (
	"os"

	"github.com/spf13/cobra"

	"actas/session"
)

// profileFlags locate a backend and an operator: flag, else environment, else the last
// profile signed in to (no secret), else empty.
type profileFlags struct {
	endpoint, project, email string
}

func (p *profileFlags) bind(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&p.endpoint, "endpoint", "", "backend endpoint, e.g. https://appwrite.example.com/v1 (env ACTAS_ENDPOINT)")
	f.StringVar(&p.project, "project", "", "project id (env ACTAS_PROJECT)")
	f.StringVar(&p.email, "email", "", "operator email (env ACTAS_EMAIL)")
}

func (p profileFlags) resolve() session.Recent {
	recent, _ := session.LoadRecent(session.DefaultRecentPath())
	out := session.Recent{
		Endpoint: first(p.endpoint, os.Getenv("ACTAS_ENDPOINT"), recent.Endpoint),
		Project:  first(p.project, os.Getenv("ACTAS_PROJECT"), recent.Project),
		Email:    first(p.email, os.Getenv("ACTAS_EMAIL")),
	}
	if out.Email == "" && out.Endpoint == recent.Endpoint && out.Project == recent.Project {
		out.Email = recent.Email // the last operator of this same backend
	}
	return out
}

func first(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
