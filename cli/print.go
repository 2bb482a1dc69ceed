package cli

import (
	"fmt"
	"io"

	"actas/ui/sanitize"
)

// say is the one way the commands print for people: the format is the command's own
// words, and every value is sanitize.Safe, so server text cannot reach the terminal
// without crossing sanitize (a test holds every print in the commands to this).
func say(w io.Writer, format string, args ...sanitize.Safe) {
	vals := make([]any, len(args))
	for i, a := range args {
		vals[i] = string(a)
	}
	fmt.Fprintf(w, format, vals...)
}

// num is a number for say.
func num(n int) sanitize.Safe { return sanitize.Text(fmt.Sprint(n)) }

// identityText names a user the way every screen does: email and id first, whole; the
// name after them, quoted and cut.
func identityText(email, id, name string) sanitize.Safe {
	out := sanitize.Text(email) + " (" + sanitize.Text(id) + ")"
	if n := sanitize.TrimSpace(sanitize.Text(name)); n != "" {
		out += " “" + sanitize.Fit(n, 40) + "”"
	}
	return out
}
