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
		Subject:         client.Noun{One: "user", Many: "users"},
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
