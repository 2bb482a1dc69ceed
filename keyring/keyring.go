// Package keyring keeps session secrets in the OS keyring (the freedesktop Secret Service
// on Linux), else in the Linux kernel's user keyring, and nowhere else. When neither
// answers, the session lives in memory for this run only: it is never written to a file.
package keyring

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Service is the keyring service name of every actas entry.
const Service = "actas"

var (
	ErrNotFound    = errors.New("no stored session")
	ErrUnavailable = errors.New("keyring unavailable")
	ErrExpired     = errors.New("the session has already expired")
)

// Profile names one stored session: a backend and the operator signed in to it.
type Profile struct {
	Dialect  string // "" is Appwrite, the first dialect
	Endpoint string
	Project  string
	Email    string
}

// firstDialect is the dialect whose keys carry no prefix: they were written before
// there were others, and must still be found.
const firstDialect = "appwrite"

// Key is the keyring "user" of the entry. It holds no secret. The dialect is part of
// it, so that two dialects on one endpoint never share an entry.
func (p Profile) Key() string {
	k := strings.ToLower(p.Email) + " @ " + p.Endpoint + " (" + p.Project + ")"
	if p.Dialect != "" && p.Dialect != firstDialect {
		k = p.Dialect + ": " + k
	}
	return k
}

// Entry is what a profile keeps: the session value and what is needed to resume it.
type Entry struct {
	Dialect       string    `json:"dialect"`
	Endpoint      string    `json:"endpoint"`
	Project       string    `json:"project"`
	OperatorID    string    `json:"operatorId"`
	OperatorEmail string    `json:"operatorEmail"`
	Secret        string    `json:"secret"`
	SavedAt       time.Time `json:"savedAt"`
	// Expires is when the backend ends the session by itself (zero: it did not say).
	Expires time.Time `json:"expires,omitzero"`
}

// defaultLifetime bounds an entry whose session did not say when it ends: Appwrite's
// default session length.
const defaultLifetime = 365 * 24 * time.Hour

// Store is secret storage.
type Store interface {
	Get(p Profile) (Entry, error)
	Set(p Profile, e Entry) error
	Delete(p Profile) error
	// Durable says whether entries outlive this process.
	Durable() bool
	// Where names the store for one line to the operator ("the Secret Service").
	Where() string
}

func encode(e Entry) (string, error) {
	b, err := json.Marshal(e)
	return string(b), err
}

func decode(s string) (Entry, error) {
	var e Entry
	if err := json.Unmarshal([]byte(s), &e); err != nil || e.Secret == "" {
		return Entry{}, fmt.Errorf("%w: the stored entry is unreadable", ErrNotFound)
	}
	return e, nil
}
