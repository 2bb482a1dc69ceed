package ui

import (
	"actas/session"
	"actas/ui/sanitize"
)

// unterminatedNote says that impersonations cut off by a killed console were found, and
// that the journal now records them as such.
func unterminatedNote(lines []session.Entry) sanitize.Safe {
	switch len(lines) {
	case 0:
		return ""
	case 1:
		return "An earlier impersonation of " + sanitize.Text(lines[0].TargetName) + " (" + sanitize.Text(lines[0].Target) +
			") never ended (the console was killed); the journal now says so."
	}
	return sanitize.Text(itoa(len(lines)) + " earlier impersonations never ended (the console was killed); the journal now says so.")
}
