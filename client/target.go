package client

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TargetKind says how a target is named.
type TargetKind int

const (
	ByID TargetKind = iota
	ByEmail
	ByPhone
)

func (k TargetKind) String() string {
	switch k {
	case ByEmail:
		return "email"
	case ByPhone:
		return "phone"
	}
	return "id"
}

// Target names exactly one subject to act as.
type Target struct {
	Kind  TargetKind
	Value string
	// Scope is where in the subject to act, for dialects whose subjects have several
	// places (an Ironflow tenant's environment); "" otherwise.
	Scope string
}

func (t Target) String() string { return t.Kind.String() + " " + t.Value }

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// ParseTarget reads what an operator typed: an E.164 phone number (+…), an email address
// (…@…) or else an id. It rejects what cannot be any of them.
func ParseTarget(s string) (Target, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexFunc(s, hidden); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return Target{}, fmt.Errorf("the target has an invisible or control character (U+%04X) at position %d: retype it (text copied from a ticket can carry them)", r, utf8.RuneCountInString(s[:i])+1)
	}
	switch {
	case s == "":
		return Target{}, fmt.Errorf("empty target: give an id, an email or a +phone")
	case strings.HasPrefix(s, "+"):
		if !e164.MatchString(s) {
			return Target{}, fmt.Errorf("%q is not an E.164 phone number (e.g. +14155550100)", s)
		}
		return Target{Kind: ByPhone, Value: s}, nil
	case strings.Contains(s, "@"):
		if at := strings.LastIndex(s, "@"); at == 0 || at == len(s)-1 || strings.ContainsAny(s, " \t") {
			return Target{}, fmt.Errorf("%q is not an email address", s)
		}
		return Target{Kind: ByEmail, Value: s}, nil
	case strings.ContainsAny(s, " \t/?#"):
		return Target{}, fmt.Errorf("%q is not a user id", s)
	}
	return Target{Kind: ByID, Value: s}, nil
}

// hidden says whether r cannot be seen in a target as typed: control characters, format
// characters (bidi controls, zero-width spaces) and bytes that are not UTF-8. None of
// them belongs in an id, an email or a phone number, and a header cannot carry most.
func hidden(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// Check refuses a target no backend could name a user by: an id or email CheckIdentity
// refuses (one read off a hostile answer, say), or a phone that is not E.164. It is for
// targets that were not typed: ParseTarget already checks those.
func (t Target) Check() error {
	if t.Scope != "" && (utf8.RuneCountInString(t.Scope) > maxIDLength || strings.IndexFunc(t.Scope, notIdentity) >= 0) {
		return fmt.Errorf("%q is not a place to act in: give its id or name", t.Scope)
	}
	switch t.Kind {
	case ByEmail:
		if !PlausibleEmail(t.Value) {
			return fmt.Errorf("%w: the target is not an email address", ErrMalformed)
		}
	case ByPhone:
		if !e164.MatchString(t.Value) {
			return fmt.Errorf("%w: the target is not an E.164 phone number", ErrMalformed)
		}
	default:
		return CheckIdentity(t.Value, "")
	}
	return nil
}
