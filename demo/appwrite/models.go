package appwrite

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// user is one account of the demo project. Dates are Unix milliseconds, 0 = unset.
type user struct {
	id, name, email, phone string
	labels                 []string // shared, never mutated in place
	status                 bool     // false = blocked
	impersonator           bool
	emailVerified          bool
	phoneVerified          bool
	mfa                    bool
	registration           int64
	passwordUpdate         int64
	accessedAt             int64
	updatedAt              int64
	prefs                  map[string]any
	password               *passwordHash // nil: nobody can sign in as this user
	totpSecret             string        // base32; set only for users with a TOTP factor
}

func formatTime(ms int64) string {
	if ms == 0 {
		return ""
	}
	return time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05.000+00:00")
}

// accountJSON is the Account model: the User model without the password fields.
type accountJSON struct {
	ID                 string         `json:"$id"`
	CreatedAt          string         `json:"$createdAt"`
	UpdatedAt          string         `json:"$updatedAt"`
	Name               string         `json:"name"`
	Registration       string         `json:"registration"`
	Status             bool           `json:"status"`
	Labels             []string       `json:"labels"`
	PasswordUpdate     string         `json:"passwordUpdate"`
	Email              string         `json:"email"`
	Phone              string         `json:"phone"`
	EmailVerification  bool           `json:"emailVerification"`
	PhoneVerification  bool           `json:"phoneVerification"`
	MFA                bool           `json:"mfa"`
	Prefs              map[string]any `json:"prefs"`
	Targets            []targetJSON   `json:"targets"`
	AccessedAt         string         `json:"accessedAt"`
	Impersonator       bool           `json:"impersonator"`
	ImpersonatorUserID *string        `json:"impersonatorUserId"`
}

// userJSON is the User model as /v1/users* returns it. Like the real server it carries the
// password hash: the console must never show or keep it, and tests check that it does not.
type userJSON struct {
	accountJSON
	Password    *string        `json:"password"`
	Hash        *string        `json:"hash"`
	HashOptions map[string]any `json:"hashOptions"`
}

type targetJSON struct {
	ID           string  `json:"$id"`
	CreatedAt    string  `json:"$createdAt"`
	UpdatedAt    string  `json:"$updatedAt"`
	Name         string  `json:"name"`
	UserID       string  `json:"userId"`
	ProviderID   *string `json:"providerId"`
	ProviderType string  `json:"providerType"`
	Identifier   string  `json:"identifier"`
	Expired      bool    `json:"expired"`
}

func (u *user) account(impersonatorID string) accountJSON {
	labels := u.labels
	if labels == nil {
		labels = []string{}
	}
	prefs := u.prefs
	if prefs == nil {
		prefs = map[string]any{}
	}
	a := accountJSON{
		ID:                u.id,
		CreatedAt:         formatTime(u.registration),
		UpdatedAt:         formatTime(u.updatedAt),
		Name:              u.name,
		Registration:      formatTime(u.registration),
		Status:            u.status,
		Labels:            labels,
		PasswordUpdate:    formatTime(u.passwordUpdate),
		Email:             u.email,
		Phone:             u.phone,
		EmailVerification: u.emailVerified,
		PhoneVerification: u.phoneVerified,
		MFA:               u.mfa,
		Prefs:             prefs,
		Targets:           u.targets(),
		AccessedAt:        formatTime(u.accessedAt),
		Impersonator:      u.impersonator,
	}
	if impersonatorID != "" {
		a.ImpersonatorUserID = &impersonatorID
	}
	return a
}

func (u *user) userDoc() userJSON {
	doc := userJSON{accountJSON: u.account("")}
	hash, algo := u.storedHash()
	doc.Password, doc.Hash = &hash, &algo
	doc.HashOptions = map[string]any{"type": "argon2", "memoryCost": 65536, "timeCost": 4, "threads": 3}
	return doc
}

// storedHash is what the server would store; for seeded users it is a stand-in derived from
// the id, so a million users cost no hashing at start.
func (u *user) storedHash() (hash, algo string) {
	if u.password != nil {
		return u.password.encoded, "argon2"
	}
	sum := sha256.Sum256([]byte("demo-password:" + u.id))
	raw := base64.RawStdEncoding
	return "$argon2id$v=19$m=65536,t=4,p=3$" + raw.EncodeToString(sum[:16]) + "$" + raw.EncodeToString(sum[16:]), "argon2"
}

// targets are the messaging targets Appwrite creates for a user's email and phone.
func (u *user) targets() []targetJSON {
	out := []targetJSON{}
	add := func(kind, identifier string) {
		sum := sha256.Sum256([]byte(kind + ":" + u.id))
		out = append(out, targetJSON{
			ID:           hex.EncodeToString(sum[:10]),
			CreatedAt:    formatTime(u.registration),
			UpdatedAt:    formatTime(u.registration),
			UserID:       u.id,
			ProviderType: kind,
			Identifier:   identifier,
		})
	}
	if u.email != "" {
		add("email", u.email)
	}
	if u.phone != "" {
		add("sms", u.phone)
	}
	return out
}

// needsMFA says whether a session of this user needs a second factor before it is
// complete: MFA on and at least one verified factor (TOTP, email or phone).
func (u *user) needsMFA() bool {
	if !u.mfa {
		return false
	}
	for _, on := range u.factors() {
		if on {
			return true
		}
	}
	return false
}
