package ui

// What the banner names: the verified identity, and the memoised frame of it.

import (
	"strings"
	"time"
	"unicode/utf8"

	"actas/client"
	"actas/ui/sanitize"
)

// identity names a user by what the backend verified: email and id first, never the
// name, which the user chose. One that no backend would issue (a hostile answer) is not
// drawn: it is said what it is.
func identity(s client.Subject) sanitize.Safe {
	return shownEmail(s.Email) + " (" + shownID(s.ID) + ")"
}

// identity names a subject in the dialect's terms: a subject of a dialect whose
// subjects have no email (a tenant) is named by its id alone.
func (e *env) identity(s client.Subject) sanitize.Safe {
	if !e.subjectsHaveEmail() {
		return shownID(s.ID)
	}
	return identity(s)
}

// subjectsHaveEmail says whether the dialect's subjects are people with an email: its
// details show one (a user's do, by default).
func (e *env) subjectsHaveEmail() bool {
	facts := e.deps.Description.Facts
	if len(facts) == 0 {
		return true
	}
	for _, f := range facts {
		if f.Field == client.FactEmail {
			return true
		}
	}
	return false
}

func shownEmail(email string) sanitize.Safe {
	switch {
	case email == "":
		return "no email"
	case !client.PlausibleEmail(email):
		return sanitize.Text("not an email address, " + itoa(utf8.RuneCountInString(email)) + " characters")
	}
	return sanitize.Text(email)
}

func shownID(id string) sanitize.Safe {
	if client.CheckIdentity(id, "") != nil {
		return sanitize.Text("not an id, " + itoa(utf8.RuneCountInString(id)) + " characters")
	}
	return sanitize.Text(id)
}

func (m Model) bannerInfo() bannerInfo {
	info := bannerInfo{StopKey: m.env.keys.Global.Stop.Help().Key}
	if a := m.active; a != nil {
		s := a.Subject
		info.Name, info.Email, info.ID, info.Started = s.Name, s.Email, s.ID, a.Started
		info.Write, info.Reason, info.Deadline = a.Write, a.Reason, a.Deadline
		info.Scope, info.NoEmail, info.Role = a.Target.Scope, !m.env.subjectsHaveEmail(), a.Role
		info.Expires = a.Expires
	}
	info.Operator = m.env.operator.Email
	return info
}

// bannerView is the banner for this frame; it changes once a second at most.
func (m Model) bannerView() sanitize.Safe {
	info := m.bannerInfo()
	// Everything the banner shows is in the key: generations start again with each session.
	key := strings.Join([]string{itoa(m.width), itoa(m.height), itoa(m.active.Gen), itoa(int(m.now.Sub(info.Started) / time.Second)),
		info.Operator, boolStr(m.env.styles.IsDark), boolStr(info.Write), itoa(int(info.Deadline.Unix())),
		info.ID, info.Email, info.Name, info.Reason, itoa(int(info.Started.UnixNano())), info.Scope, boolStr(info.NoEmail), info.Role, itoa(int(info.Expires.Unix()))}, "\x00")
	// The banner may take the whole terminal but the header, status and help lines.
	return m.env.banner.get(key, func() sanitize.Safe { return renderBanner(m.env.styles, info, m.now, m.width, m.height-3) })
}
