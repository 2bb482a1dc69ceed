package demo

import (
	"fmt"
	"strings"
)

// Describe is what `actas demo` prints at start: where it listens and the demo-only
// credentials.
func (srv *Server) Describe(endpoint string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "actas demo backend (Appwrite %s subset) with %d users\n", serverVersion, srv.Users())
	fmt.Fprintf(&b, "  endpoint  %s\n", endpoint)
	fmt.Fprintf(&b, "  project   %s\n", srv.Project())
	fmt.Fprintf(&b, "  API key   %s (users.read, users.write)\n", srv.APIKey())
	b.WriteString("Demo-only credentials:\n")
	fmt.Fprintf(&b, "  operator      %s / %s (impersonator)\n", OperatorEmail, OperatorPassword)
	fmt.Fprintf(&b, "  not allowed   %s / %s (not an impersonator)\n", ViewerEmail, ViewerPassword)
	fmt.Fprintf(&b, "  with MFA      %s / %s, TOTP secret %s (`actas demo totp` prints a code)\n", MFAEmail, MFAPassword, MFATOTPSecret)
	fmt.Fprintf(&b, "Targets: %s (%s, %s), blocked %s, and users with escape sequences, long and non-Latin names.\n",
		AdaEmail, AdaID, AdaPhone, BlockedEmail)
	if m := srv.faults.hostile(); m.on() {
		ids := "ids intact"
		if m.ids {
			ids = "ids too"
		}
		fmt.Fprintf(&b, "Hostile mode: every string served ends in control bytes, escape sequences and invalid UTF-8 (%s).\n", ids)
	}
	return b.String()
}
