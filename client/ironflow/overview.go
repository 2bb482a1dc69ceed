package ironflow

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"actas/client"
)

// overviewRows is how many rows of each list the subject's view shows.
const overviewRows = 10

// Overview reads, as the tenant in the current environment, what the console shows of
// it: its environments, projects, functions, recent events and workers.
func (imp *Impersonation) Overview(ctx context.Context) (client.Overview, error) {
	// The environments are the last verification's; the session verifies again after the
	// last read, before any of this is shown.
	ov := client.Overview{Subject: imp.subject}
	env := imp.Scope()
	envs := client.Section{Title: "Environments"}
	for _, e := range imp.Scopes() {
		mark := ""
		if e.ID == env {
			mark = "acting in"
		}
		envs.Rows = append(envs.Rows, []string{e.ID, e.Name, mark})
	}
	ov.Sections = append(ov.Sections, envs)

	projects, err := readList[project](ctx, imp, "/projects", "projects", nil)
	if err != nil {
		return ov, err
	}
	for _, p := range projects {
		if p.OrgID != "" && p.OrgID != imp.target.Value {
			return client.Overview{}, fmt.Errorf("%w: acting as %s, GET /projects answered project %q of organization %q",
				client.ErrNotHonoured, imp.target.Value, p.ID, p.OrgID)
		}
	}
	ov.Sections = append(ov.Sections, section("Projects", projects, func(p project) []string { return []string{p.ID, p.Name, p.Description} }))

	functions, err := readList[function](ctx, imp, "/functions", "functions", nil)
	if err != nil {
		return ov, err
	}
	ov.Sections = append(ov.Sections, section("Functions", functions, func(f function) []string { return []string{f.ID, f.Name, f.Status, f.Mode} }))

	events, err := readList[event](ctx, imp, "/events", "events", url.Values{"limit": {"10"}})
	if err != nil {
		return ov, err
	}
	ov.Sections = append(ov.Sections, section("Recent events", events, func(e event) []string {
		return []string{e.Timestamp.Time().UTC().Format("2006-01-02 15:04"), e.Name, e.Source}
	}))

	workers, err := readList[worker](ctx, imp, "/workers", "workers", nil)
	if err != nil && !errors.Is(err, client.ErrNotFound) {
		return ov, err
	}
	ov.Sections = append(ov.Sections, section("Workers", workers, func(w worker) []string { return []string{w.ID, w.Name, w.Status} }))
	return ov, nil
}

// readList reads one tenant list as the tenant.
func readList[T any](ctx context.Context, imp *Impersonation, path, key string, query url.Values) ([]T, error) {
	resp, err := imp.exec(ctx, http.MethodGet, path, query, nil)
	if err != nil {
		return nil, err
	}
	items, err := list[T](resp.Body(), key)
	if err != nil {
		return nil, fmt.Errorf("%w: GET %s: %v", client.ErrMalformed, path, err)
	}
	return items, nil
}

// section is the first rows of a list, saying when there are more.
func section[T any](title string, items []T, row func(T) []string) client.Section {
	s := client.Section{Title: title, More: len(items) > overviewRows}
	for _, it := range items[:min(len(items), overviewRows)] {
		s.Rows = append(s.Rows, row(it))
	}
	return s
}
