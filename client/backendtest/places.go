package backendtest

import (
	"context"
	"errors"
	"slices"
	"sync"

	"actas/client"
)

// WithPlaces gives the subjects of b places to act in (an Ironflow tenant's environments),
// for the tests of layers above the client: requests start in the first place, a move is
// checked with a real request as the subject, and a place not among them is refused.
func WithPlaces(b client.Backend, places ...client.Choice) client.Backend {
	return placesBackend{Backend: b, places: places}
}

type placesBackend struct {
	client.Backend
	places []client.Choice
}

func (b placesBackend) Impersonate(ctx context.Context, t client.Target, o client.ImpersonateOptions) (client.Impersonation, error) {
	imp, err := b.Backend.Impersonate(ctx, t, o)
	if err != nil {
		return nil, err
	}
	return &placed{Impersonation: imp, places: b.places, scope: b.places[0].ID}, nil
}

type placed struct {
	client.Impersonation
	places []client.Choice
	mu     sync.Mutex
	scope  string
}

func (p *placed) Scopes() []client.Choice { return slices.Clone(p.places) }

func (p *placed) Scope() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.scope
}

func (p *placed) Target() client.Target {
	t := p.Impersonation.Target()
	t.Scope = p.Scope()
	return t
}

func (p *placed) SetScope(ctx context.Context, scope string) error {
	if err := p.Verify(ctx); err != nil { // a request as the subject, journaled as any
		return err
	}
	if !slices.ContainsFunc(p.places, func(c client.Choice) bool { return c.ID == scope }) {
		return errors.New("that place is not theirs")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.scope = scope
	return nil
}

// WithRole gives the impersonations of b a role of the backend's (MPDX's
// impersonation_role), read-only or not, for the tests of layers above the client.
func WithRole(b client.Backend, role string, readOnly bool) client.Backend {
	return roleBackend{Backend: b, role: role, readOnly: readOnly}
}

type roleBackend struct {
	client.Backend
	role     string
	readOnly bool
}

func (b roleBackend) Impersonate(ctx context.Context, t client.Target, o client.ImpersonateOptions) (client.Impersonation, error) {
	imp, err := b.Backend.Impersonate(ctx, t, o)
	if err != nil {
		return nil, err
	}
	return roled{Impersonation: imp, role: b.role, readOnly: b.readOnly}, nil
}

type roled struct {
	client.Impersonation
	role     string
	readOnly bool
}

func (r roled) Role() string   { return r.role }
func (r roled) ReadOnly() bool { return r.readOnly }
