package client

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of an identity the console will show as verified: RFC 5321's longest address,
// and an id longer than any backend issues.
const (
	maxEmailLength = 254
	maxIDLength    = 128
)

// CheckIdentity refuses an id or email that no backend issues: one the console could not
// show whole and honestly in its banner (spaces, quotes, brackets, control or invisible
// characters, thousands of characters). A backend that answers with one is not trusted
// to say whom it acts as.
func CheckIdentity(id, email string) error {
	switch {
	case id == "" || utf8.RuneCountInString(id) > maxIDLength || strings.IndexFunc(id, notIdentity) >= 0:
		return fmt.Errorf("%w: the account's id is not an id (%d characters)", ErrMalformed, utf8.RuneCountInString(id))
	case email == "":
		return nil // accounts may have a phone and no email
	case len(email) > maxEmailLength || strings.IndexFunc(email, notIdentity) >= 0 || !oneAt(email):
		return fmt.Errorf("%w: the account's email is not an address (%d characters)", ErrMalformed, utf8.RuneCountInString(email))
	}
	return nil
}

// PlausibleEmail says whether an email could be an address as CheckIdentity takes it.
func PlausibleEmail(email string) bool {
	return email != "" && len(email) <= maxEmailLength && strings.IndexFunc(email, notIdentity) < 0 && oneAt(email)
}

func oneAt(email string) bool {
	at := strings.Index(email, "@")
	return at > 0 && at == strings.LastIndex(email, "@") && at < len(email)-1
}

// notIdentity is a character that has no place in an id or an address: anything but
// letters, digits and the punctuation of RFC 5322's atoms.
func notIdentity(r rune) bool {
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return r >= utf8.RuneSelf || !strings.ContainsRune(".!#$%&'*+/=?^_`{|}~-@", r)
}
