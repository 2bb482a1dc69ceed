package appwrite

import "actas/client"

// SecretFields are the User model's password hash fields: never shown, never kept.
var SecretFields = []string{"password", "hash", "hashOptions"}

// Dialect is Appwrite's entry in main's table.
type Dialect struct{}

var _ client.Dialect = Dialect{}

func (Dialect) Name() string { return "appwrite" }

func (Dialect) Describe() client.Description {
	return client.Description{
		Title:           "Appwrite",
		EndpointExample: "https://appwrite.example.com/v1",
		Scope:           client.Field{Label: "Project", Placeholder: "project id"},
		SignIn: []client.SignInField{{Label: "Email", Placeholder: "you@example.com", Credential: client.CredEmail},
			{Label: "Password", Credential: client.CredPassword}},
		Subject: client.Noun{One: "user", Many: "users"},
		Actions: []client.Action{
			{Label: "Account", Method: "GET", Path: "/account"},
			{Label: "Preferences", Method: "GET", Path: "/account/prefs"},
			{Label: "Sessions", Method: "GET", Path: "/account/sessions"},
			{Label: "Identities", Method: "GET", Path: "/account/identities"},
			{Label: "MFA factors", Method: "GET", Path: "/account/mfa/factors"},
			{Label: "Their logs", Method: "GET", Path: "/account/logs"},
		},
		Facts: []client.FactLine{
			{Label: "Email", Field: client.FactEmail}, {Label: "ID", Field: client.FactID}, {Label: "Name", Field: client.FactName},
			{Label: "Phone", Field: client.FactPhone}, {Label: "Status", Field: client.FactStatus}, {Label: "Role", Field: client.FactRole},
			{Label: "Labels", Field: client.FactLabels}, {Label: "MFA", Field: client.FactMFA},
			{Label: "Registered", Field: client.FactRegistered}, {Label: "Last access", Field: client.FactLastAccess},
			{Label: "Password set", Field: client.FactPasswordSet},
		},
		// A user's columns: NAME and EMAIL share the width, the others come as it grows.
		Columns: []client.Column{
			{Title: "NAME", Field: client.ColName, Min: 16},
			{Title: "EMAIL", Field: client.ColEmail, Min: 22},
			{Title: "PHONE", Field: client.ColPhone, Width: 16, Priority: 2},
			{Title: "STATUS", Field: client.ColStatus, Width: 7, Priority: 1},
			{Title: "LABELS", Field: client.ColLabels, Width: 16, Priority: 4},
			{Title: "LAST ACCESS", Field: client.ColLastAccess, Width: 11, Priority: 3},
		},
		SearchHint: "name, email, phone or id",
		Confirm:    client.ConfirmWords{Fields: []client.ConfirmField{client.ConfirmEmail, client.ConfirmID}, Words: "email or id", Brief: "email"},
		Targets: client.TargetWords{Parse: client.ParseTarget, Short: "email/phone", Example: "ada@example.com, +14155550100 or a user id",
			Ways: "email, phone or id", Hint: "an email, a +phone or a user id"},
		ExamplePath: "/account",
		ExampleBody: `{"name":"Ada King"}`,
		BasePath:    "/v1",
		AsHelp: []string{
			"PATH is relative to the endpoint (/account) or from the server's root (/v1/account).",
			"  actas as ada@example.com -- GET /v1/account",
			"  actas as ada --write --reason HELP-4711 --data '{\"name\":\"Ada King\"}' -- PATCH /account/name",
			"Appwrite's PATCH /account/prefs replaces the whole preferences object: to change one key, read",
			"them (GET /account/prefs) and send them all back with the change, e.g.",
			"  actas as ada -- GET /account/prefs | jq -c '{prefs: (. + {theme: \"light\"})}' |",
			"    actas as ada --write --reason HELP-4711 --data @- -- PATCH /account/prefs",
		},
		AccessHelp: []string{
			"Ask an administrator of this project to grant your account the impersonator",
			"capability. In Appwrite that is the user's \"impersonator\" flag, set with an API key:",
			"  PATCH /v1/users/{id}/impersonator  {\"impersonator\": true}",
		},
	}
}

// Open is New for a dialect-neutral configuration; Scope is the project id.
func (Dialect) Open(cfg client.Config) (client.Backend, error) {
	c, err := New(Config{Endpoint: cfg.Endpoint, Project: cfg.Scope, Insecure: cfg.Insecure, HTTP: cfg.HTTP})
	if err != nil {
		return nil, err // not a nil *Client inside a non-nil Backend
	}
	return c, nil
}
