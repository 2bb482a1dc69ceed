package keyring

import (
	"errors"
	"fmt"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// backend is the part of go-keyring used here, so tests can stand in for it.
type backend interface {
	Set(service, user, secret string) error
	Get(service, user string) (string, error)
	Delete(service, user string) error
}

type goKeyring struct{}

func (goKeyring) Set(s, u, p string) error        { return gokeyring.Set(s, u, p) }
func (goKeyring) Get(s, u string) (string, error) { return gokeyring.Get(s, u) }
func (goKeyring) Delete(s, u string) error        { return gokeyring.Delete(s, u) }

// DefaultTimeout bounds every keyring call: a Secret Service that is locked or gone can
// otherwise hang the caller (D-Bus calls wait for a prompt that never comes).
const DefaultTimeout = 3 * time.Second

// OSKeyring is the OS keyring with every call bounded by a timeout.
type OSKeyring struct {
	b       backend
	timeout time.Duration
}

func newOS(b backend, timeout time.Duration) *OSKeyring {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &OSKeyring{b: b, timeout: timeout}
}

// call runs fn with the timeout. A call that times out keeps running in the background;
// its result is dropped.
func (k *OSKeyring) call(fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return classify(err)
	case <-time.After(k.timeout):
		return fmt.Errorf("%w: the keyring did not answer within %s", ErrUnavailable, k.timeout)
	}
}

// classify maps go-keyring's errors: only its ErrNotFound means "no entry"; a missing
// Secret Service shows up as other errors (no dbus-launch, name not provided, locked
// collection).
func classify(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gokeyring.ErrNotFound):
		return ErrNotFound
	}
	return fmt.Errorf("%w: %v", ErrUnavailable, err)
}

func (k *OSKeyring) Get(p Profile) (Entry, error) {
	var raw string
	err := k.call(func() error {
		var err error
		raw, err = k.b.Get(Service, p.Key())
		return err
	})
	if err != nil {
		return Entry{}, err
	}
	return decode(raw)
}

func (k *OSKeyring) Set(p Profile, e Entry) error {
	raw, err := encode(e)
	if err != nil {
		return err
	}
	return k.call(func() error { return k.b.Set(Service, p.Key(), raw) })
}

func (k *OSKeyring) Delete(p Profile) error {
	err := k.call(func() error { return k.b.Delete(Service, p.Key()) })
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

func (k *OSKeyring) Durable() bool { return true }

func (k *OSKeyring) Where() string { return "the Secret Service" }
