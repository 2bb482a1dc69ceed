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

// userFacts are the details of a subject when the dialect names none: a user's.
var userFacts = []client.FactLine{
	{Label: "Email", Field: client.FactEmail}, {Label: "ID", Field: client.FactID}, {Label: "Name", Field: client.FactName},
	{Label: "Phone", Field: client.FactPhone}, {Label: "Status", Field: client.FactStatus}, {Label: "Role", Field: client.FactRole},
	{Label: "Labels", Field: client.FactLabels}, {Label: "MFA", Field: client.FactMFA},
	{Label: "Registered", Field: client.FactRegistered}, {Label: "Last access", Field: client.FactLastAccess},
	{Label: "Password set", Field: client.FactPasswordSet},
}

// subjectFacts are the lines the dialect shows of a subject (noun names an ordinary one).
func subjectFacts(s client.Subject, now time.Time, lines []client.FactLine, noun sanitize.Safe) []fact {
	if len(lines) == 0 {
		lines = userFacts
	}
	out := make([]fact, 0, len(lines))
	for _, l := range lines {
		out = append(out, fact{sanitize.Text(l.Label), factValue(s, now, l, noun)})
	}
	return out
}

func factValue(s client.Subject, now time.Time, l client.FactLine, noun sanitize.Safe) sanitize.Safe {
	t := sanitize.Short
	switch l.Field {
	case client.FactEmail:
		return verified(s.Email, s.EmailVerified)
	case client.FactID:
		return t(s.ID)
	case client.FactName:
		return quoted(s.Name)
	case client.FactPhone:
		return verified(s.Phone, s.PhoneVerified)
	case client.FactStatus:
		if s.Blocked {
			return "BLOCKED"
		}
		return "active"
	case client.FactRole:
		if s.Impersonator {
			return "operator (impersonator)"
		}
		return noun
	case client.FactLabels:
		return orNone(t(strings.Join(s.Labels, ", ")))
	case client.FactMFA:
		return onOff(s.MFA)
	case client.FactRegistered:
		return when(s.Registered, now)
	case client.FactLastAccess:
		return when(s.LastAccess, now)
	case client.FactPasswordSet:
		return when(s.PasswordUpdated, now)
	case client.FactOf:
		return orNone(t(s.Facts[l.Key]))
	}
	return ""
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
