package ironflow

import (
	"fmt"
	"strings"

	"actas/client"
)

// Dialect is Ironflow's entry in main's table.
type Dialect struct{}

var _ client.Dialect = Dialect{}

func (Dialect) Name() string { return "ironflow" }

func (Dialect) Describe() client.Description {
	return client.Description{
		Title:           "Ironflow",
		EndpointExample: "https://ironflow.example.com/api/v1",
		SignIn: []client.SignInField{{Label: "Email", Placeholder: "you@example.com", Credential: client.CredEmail},
			{Label: "Password", Placeholder: "or a platform API key (ifplatform_…)", Credential: client.CredPassword}},
		Subject:      client.Noun{One: "tenant", Many: "tenants"},
		TargetScope:  client.Field{Label: "Environment", Placeholder: DefaultEnvironment},
		DefaultScope: DefaultEnvironment,
		Actions: []client.Action{
			{Label: "Environments", Method: "GET", Path: "/environments"},
			{Label: "Projects", Method: "GET", Path: "/projects"},
			{Label: "Functions", Method: "GET", Path: "/functions"},
			{Label: "Recent events", Method: "GET", Path: "/events?limit=20"},
			{Label: "Workers", Method: "GET", Path: "/workers"},
			{Label: "Tenant audit", Method: "GET", Path: "/audit"},
		},
		Facts: []client.FactLine{
			{Label: "Tenant", Field: client.FactID}, {Label: "Name", Field: client.FactName},
			{Label: "Environments", Field: client.FactOf, Key: "environments"}, {Label: "API keys", Field: client.FactOf, Key: "keys"},
			{Label: "Created", Field: client.FactRegistered},
		},
		Columns: []client.Column{
			{Title: "TENANT", Field: client.ColID, Min: 14, Max: 24},
			{Title: "NAME", Field: client.ColName, Min: 16},
			{Title: "ENVS", Field: client.ColFact, Fact: "environments", Width: 5, Priority: 1},
			{Title: "CREATED", Field: client.ColCreated, Width: 10, Priority: 2},
		},
		SearchHint: "tenant name or id",
		Confirm:    client.ConfirmWords{Fields: []client.ConfirmField{client.ConfirmID}, Words: "tenant id", Brief: "tenant id"},
		Targets: client.TargetWords{Parse: parseTenant, Short: "tenant id", Example: "org_acme",
			Ways: "tenant id", Hint: "a tenant id (org_…)"},
		ExamplePath: "/environments",
		ExampleBody: `{"name":"order.created"}`,
		BasePath:    "/api/v1",
		AsHelp: []string{
			"PATH is relative to the endpoint (/functions) or from the server's root (/api/v1/functions).",
			"Requests act in the tenant's default environment (env_default) unless --env names another.",
			"  actas as org_acme --env env_staging -- GET /functions",
			"  actas as org_acme --write --reason HELP-4711 --data '{\"name\":\"order.created\"}' -- POST /events",
			"A viewer (platform_viewer) may read as a tenant but not write: the platform refuses every",
			"POST, PUT, PATCH and DELETE, ConnectRPC calls included.",
		},
		AccessHelp: []string{
			"Ask a platform administrator for a role that may act as tenants: platform_viewer",
			"(read-only), platform_operator or platform_admin (read and write). Your id is {id}.",
		},
	}
}

// parseTenant reads a typed tenant: an organization id, nothing else.
func parseTenant(typed string) (client.Target, error) {
	t, err := client.ParseTarget(typed)
	if err != nil {
		return t, err
	}
	if t.Kind != client.ByID || !strings.HasPrefix(t.Value, "org_") {
		return client.Target{}, fmt.Errorf("%q is not a tenant id: a tenant is named by its id (org_…)", strings.TrimSpace(typed))
	}
	return t, nil
}

// Open is New for a dialect-neutral configuration; Ironflow needs no scope.
func (Dialect) Open(cfg client.Config) (client.Backend, error) {
	c, err := New(Config{Endpoint: cfg.Endpoint, Insecure: cfg.Insecure, HTTP: cfg.HTTP})
	if err != nil {
		return nil, err // not a nil *Client inside a non-nil Backend
	}
	return c, nil
}
