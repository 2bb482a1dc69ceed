package appwrite

import (
	"time"

	"actas/demo/internal/world"
)

// seedUsers builds the world's people for this seed as Appwrite users: the fixed demo
// accounts, then n-len(fixed) generated users (at least the fixed ones). Everything but
// the password salts follows from seed.
func seedUsers(n int, seed uint64) []user {
	return usersOf(world.New(n, seed).People)
}

// usersOf turns people into users; the fixed people, who come first, get their
// Appwrite-only extras.
func usersOf(people []world.Person) []user {
	users := make([]user, len(people))
	fixed := len(world.FixedPeople())
	for i := range people {
		users[i] = fromPerson(&people[i])
		if i < fixed {
			addAppwriteOnly(&users[i])
		}
	}
	return users
}

// fromPerson maps the neutral facts: Appwrite calls tags labels, a second factor mfa, and
// a document is last updated when its user was last seen.
func fromPerson(p *world.Person) user {
	u := user{
		id: p.ID, name: p.Name, email: p.Email, phone: p.Phone,
		labels:         p.Tags,
		status:         p.Active,
		emailVerified:  p.EmailVerified,
		phoneVerified:  p.PhoneVerified,
		mfa:            p.TwoFactor,
		registration:   millis(p.Registered),
		passwordUpdate: millis(p.PasswordChanged),
		accessedAt:     millis(p.LastSeen),
	}
	u.updatedAt = max(u.registration, u.accessedAt)
	return u
}

// millis is a user's date field: Unix milliseconds, 0 for the zero time.
func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
