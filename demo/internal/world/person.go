package world

import "time"

// Person is someone every dialect can serve. Times are UTC; a zero LastSeen means never.
type Person struct {
	ID     string // unique and stable; a dialect may derive its own id form from it
	Name   string // display name, in its own script
	Given  string // the parts of Name (a hostile fixture keeps all of it in Given)
	Family string
	Email  string // lower case, unique
	Phone  string // E.164, unique; "" for none
	Locale string // BCP 47, e.g. "ja-JP"

	Active        bool // false: blocked, may not sign in or be acted as
	EmailVerified bool
	PhoneVerified bool
	TwoFactor     bool     // has a second sign-in factor enrolled
	Tags          []string // segments such as "vip" or "staff"; shared between people, never modify

	Registered      time.Time
	LastSeen        time.Time
	PasswordChanged time.Time
}

// at turns the generator's Unix milliseconds into a time; 0 stays the zero time.
func at(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}
