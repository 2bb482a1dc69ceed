package ui

import (
	"strconv"
	"strings"
	"time"

	"actas/client"
	"actas/ui/sanitize"
)

// fact is one "label  value" line of a details view. Both are safe text: a preference
// key is the user's, like its value.
type fact struct{ label, value sanitize.Safe }

// maxLabel bounds the label column: a user's preference key cannot push the values off.
const maxLabel = 24

// renderFacts lays out facts in two columns, indented: no server text starts a line.
func renderFacts(st Styles, facts []fact, w int) []sanitize.Safe {
	lw := 0
	for _, f := range facts {
		lw = max(lw, min(maxLabel, sanitize.Width(f.label)))
	}
	lines := make([]sanitize.Safe, 0, len(facts))
	for _, f := range facts {
		lines = append(lines, "  "+st.Label.Render(sanitize.Pad(f.label, lw))+"  "+sanitize.Fit(f.value, max(1, w-lw-4)))
	}
	return lines
}

func subjectFacts(s client.Subject, now time.Time) []fact {
	status := sanitize.Safe("active")
	if s.Blocked {
		status = "BLOCKED"
	}
	role := sanitize.Safe("user")
	if s.Impersonator {
		role = "operator (impersonator)"
	}
	t := sanitize.Short
	return []fact{
		{"Email", verified(s.Email, s.EmailVerified)}, {"ID", t(s.ID)}, {"Name", quoted(s.Name)},
		{"Phone", verified(s.Phone, s.PhoneVerified)}, {"Status", status}, {"Role", role},
		{"Labels", orNone(t(strings.Join(s.Labels, ", ")))},
		{"MFA", onOff(s.MFA)}, {"Registered", when(s.Registered, now)}, {"Last access", when(s.LastAccess, now)},
		{"Password set", when(s.PasswordUpdated, now)},
	}
}

// overviewFacts are the further facts a backend reports of a user (preferences, second
// factors): its labels are server text too.
func overviewFacts(ov client.Overview) []fact {
	out := make([]fact, 0, len(ov.Facts))
	for _, f := range ov.Facts {
		out = append(out, fact{sanitize.Short(f.Label), sanitize.Short(f.Value)})
	}
	return out
}

func verified(v string, ok bool) sanitize.Safe {
	switch {
	case v == "":
		return "none"
	case ok:
		return sanitize.Short(v) + " (verified)"
	}
	return sanitize.Short(v) + " (not verified)"
}

func orNone(s sanitize.Safe) sanitize.Safe {
	if s == "" {
		return "none"
	}
	return s
}

func onOff(b bool) sanitize.Safe {
	if b {
		return "on"
	}
	return "off"
}

// when is a date with how long ago it was.
func when(t, now time.Time) sanitize.Safe {
	if t.IsZero() {
		return "never"
	}
	return sanitize.Text(t.UTC().Format("2006-01-02 15:04 UTC") + " (" + ago(now.Sub(t)) + ")")
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
