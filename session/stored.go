package session

import (
	"context"
	"errors"
	"time"

	"actas/client"
	"actas/keyring"
)

// Stored is the one place where a session meets the keyring: the console and every
// command save, resume and forget the operator's session through it, so that they all
// keep the same entry the same way.
type Stored struct {
	Store   keyring.Store
	Profile keyring.Profile // the entry's key: dialect, endpoint as normalised, project, email
}

// Entry is what the store keeps for the profile: an error matching keyring.ErrNotFound
// when nothing (or nothing readable) is stored.
func (st Stored) Entry() (keyring.Entry, error) {
	if st.Store == nil {
		return keyring.Entry{}, keyring.ErrNotFound
	}
	return st.Store.Get(st.Profile)
}

// Resume takes the stored session up into sess, validated by the backend (journaled as
// session.resumed when sess has a journal). A session the backend no longer accepts is
// forgotten: the error then matches client.ErrUnauthorized.
func (st Stored) Resume(ctx context.Context, sess *Session) (client.Operator, keyring.Entry, error) {
	entry, err := st.Entry()
	if err != nil {
		return client.Operator{}, entry, err
	}
	op, err := st.ResumeEntry(ctx, sess, entry)
	return op, entry, err
}

// ResumeEntry is Resume for an entry already read with Entry.
func (st Stored) ResumeEntry(ctx context.Context, sess *Session, entry keyring.Entry) (client.Operator, error) {
	op, err := sess.Resume(ctx, entry.Secret)
	if errors.Is(err, client.ErrUnauthorized) {
		_ = st.Forget() // expired or revoked: nobody can use it again
	}
	return op, err
}

// Save keeps sess's session value, with when the backend ends it, for the next start.
func (st Stored) Save(sess *Session, op client.Operator, now time.Time) error {
	if st.Store == nil {
		return nil
	}
	return st.Store.Set(st.Profile, keyring.Entry{Dialect: st.Profile.Dialect, Endpoint: st.Profile.Endpoint,
		Project: st.Profile.Project, OperatorID: op.ID, OperatorEmail: op.Email, Secret: sess.Secret(),
		SavedAt: now.UTC(), Expires: sess.Expires()})
}

// Forget deletes the entry.
func (st Stored) Forget() error {
	if st.Store == nil {
		return nil
	}
	return st.Store.Delete(st.Profile)
}
