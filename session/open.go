package session

import (
	"strings"

	"actas/client"
	"actas/keyring"
)

// Opener makes a signed-out backend client of the profile's dialect for an endpoint and
// scope (Appwrite's project, Ironflow's organization); main builds it from the dialect
// table. The console hands it to Open and never holds the client itself.
type Opener func(endpoint, scope string) (client.Backend, error)

// Open makes a signed-out session on a backend from open: the session owns the client from
// here on, and cfg's endpoint is the one the client normalised.
func Open(open Opener, cfg Config, endpoint, scope string) (*Session, error) {
	backend, err := open(endpoint, scope)
	if err != nil {
		return nil, err
	}
	cfg.Backend, cfg.Endpoint, cfg.Project = backend, backend.Endpoint(), scope
	return New(cfg), nil
}

// Endpoint is the backend's address as the client normalised it.
func (s *Session) Endpoint() string { return s.cfg.Endpoint }

// Key is the keyring entry's key for this session's operator email: dialect, endpoint as
// normalised, scope and the email in lower case.
func (s *Session) Key(email string) keyring.Profile {
	return keyring.Profile{Dialect: s.cfg.Dialect, Endpoint: s.cfg.Endpoint, Project: s.cfg.Project, Email: strings.ToLower(email)}
}
