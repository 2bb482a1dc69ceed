package ui

import (
	"strconv"
	"strings"
	"time"

	"actas/client"
	"actas/ui/sanitize"
)

// fact is one "label  value" line of a details view.
type fact struct{ label, value string }

// renderFacts lays out facts in two columns; values are sanitised and cut to fit.
func renderFacts(st Styles, facts []fact, w int) []string {
	lw := 0
	for _, f := range facts {
		lw = max(lw, sanitize.Width(f.label))
	}
	lines := make([]string, 0, len(facts))
	for _, f := range facts {
		label := f.label + strings.Repeat(" ", lw-sanitize.Width(f.label))
		lines = append(lines, "  "+st.Label.Render(label)+"  "+sanitize.Line(f.value, max(1, w-lw-4)))
	}
	return lines
}

func subjectFacts(s client.Subject, now time.Time) []fact {
	status := "active"
	if s.Blocked {
		status = "BLOCKED"
	}
	role := "user"
	if s.Impersonator {
		role = "operator (impersonator)"
	}
	return []fact{
		{"Name", s.Name}, {"Email", verified(s.Email, s.EmailVerified)}, {"Phone", verified(s.Phone, s.PhoneVerified)},
		{"ID", s.ID}, {"Status", status}, {"Role", role}, {"Labels", orNone(strings.Join(s.Labels, ", "))},
		{"MFA", onOff(s.MFA)}, {"Registered", when(s.Registered, now)}, {"Last access", when(s.LastAccess, now)},
		{"Password set", when(s.PasswordUpdated, now)},
	}
}

func verified(v string, ok bool) string {
	switch {
	case v == "":
		return "none"
	case ok:
		return v + " (verified)"
	}
	return v + " (not verified)"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// when is a date with how long ago it was.
func when(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC") + " (" + ago(now.Sub(t)) + ")"
}

func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + "m ago"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + "h ago"
	}
	return strconv.Itoa(int(d/(24*time.Hour))) + "d ago"
}

func formatCount(n int) string { return strconv.Itoa(n) }
