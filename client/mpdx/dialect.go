package mpdx

import (
	"fmt"
	"strings"

	"actas/client"
)

// Dialect is MPDX's entry in main's table.
type Dialect struct{}

var _ client.Dialect = Dialect{}

func (Dialect) Name() string { return "mpdx" }

func (Dialect) Describe() client.Description {
	return client.Description{
		Title:           "MPDX",
		EndpointExample: "https://api.mpdx.example.org/api/v2",
		Scope:           client.Field{Label: "Org", Placeholder: "organization id (a uuid)"},
		SignIn: []client.SignInField{
			{Label: "Email", Placeholder: "demo only: with its password below", Credential: client.CredEmail, Optional: true},
			{Label: "Token", Placeholder: "your API token (or the demo password)", Credential: client.CredToken},
		},
		Subject: client.Noun{One: "member", Many: "members"},
		Actions: []client.Action{
			{Label: "User", Method: "GET", Path: "/user?include=email_addresses"},
			{Label: "Account lists", Method: "GET", Path: "/account_lists"},
		},
		Facts: []client.FactLine{
			{Label: "Email", Field: client.FactEmail}, {Label: "ID", Field: client.FactID}, {Label: "Name", Field: client.FactName},
			{Label: "Account lists", Field: client.FactOf, Key: "account lists"},
		},
		Columns: []client.Column{
			{Title: "NAME", Field: client.ColName, Min: 16},
			{Title: "EMAIL", Field: client.ColEmail, Min: 22},
			{Title: "ACCOUNT LISTS", Field: client.ColFact, Fact: "account lists", Width: 24, Priority: 1},
		},
		SearchHint: "name, email or account list",
		Confirm:    client.ConfirmWords{Fields: []client.ConfirmField{client.ConfirmEmail, client.ConfirmID}, Words: "email or uuid", Brief: "email"},
		Targets: client.TargetWords{Parse: parseMember, Short: "uuid/email", Example: "ada.lovelace@mpdx.example or a uuid",
			Ways: "uuid or Key/Relay email", Hint: "a member's uuid or Key/Relay email"},
		ExamplePath: "/user",
		ExampleBody: `{"data":{"type":"contacts","id":"…","attributes":{"updated_in_db_at":"…"}}}`,
		BasePath:    "/api/v2",
		AsHelp: []string{
			"PATH is relative to the endpoint (/user) or from the server's root (/api/v2/user).",
			"The reason is sent to the backend, which shows it to the member.",
			"  actas as ada.lovelace@mpdx.example --reason HELP-4711 -- GET /account_lists",
			"The member's token lasts an hour and is never kept: each actas as asks for a new one.",
			"An update sends the updated_in_db_at it read; a stale one is refused (409): read again.",
		},
		AccessHelp: []string{
			"Ask an administrator of this organization to make you one of its admins: only an",
			"organization admin may act as its members. Your id is {id}.",
		},
	}
}

// parseMember reads a typed member: a uuid, or an email (looked up, then named by uuid).
func parseMember(typed string) (client.Target, error) {
	t, err := client.ParseTarget(typed)
	if err != nil {
		return t, err
	}
	if t.Kind == client.ByPhone {
		return client.Target{}, fmt.Errorf("%q: a member is named by uuid or Key/Relay email, not by phone", strings.TrimSpace(typed))
	}
	return t, nil
}

// Open is New for a dialect-neutral configuration; Scope is the organization id.
func (Dialect) Open(cfg client.Config) (client.Backend, error) {
	c, err := New(Config{Endpoint: cfg.Endpoint, Organization: cfg.Scope, Insecure: cfg.Insecure, HTTP: cfg.HTTP})
	if err != nil {
		return nil, err
	}
	return c, nil
}
