package appwrite

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

// Info is Describe for scripts: `actas demo --json` prints it as one line.
type Info struct {
	Server       string    `json:"server"` // the API it follows, e.g. "appwrite 1.9.6"
	Endpoint     string    `json:"endpoint"`
	Project      string    `json:"project"`
	APIKey       string    `json:"apiKey"`
	APIKeyScopes []string  `json:"apiKeyScopes"`
	Users        int       `json:"users"`
	Accounts     []Account `json:"accounts"`
	Targets      []string  `json:"targets"` // ids of fixed users to act as
	Hostile      bool      `json:"hostile"`
}

// Account is a fixed demo sign-in.
type Account struct {
	Role         string `json:"role"` // operator, viewer (not an impersonator), mfa
	ID           string `json:"id"`
	Email        string `json:"email"`
	Password     string `json:"password"`
	Impersonator bool   `json:"impersonator"`
	TOTPSecret   string `json:"totpSecret,omitempty"`
}

// Info says what the server serves at endpoint.
func (srv *Server) Info(endpoint string) Info {
	return Info{Server: "appwrite " + serverVersion, Endpoint: endpoint, Project: srv.Project(), APIKey: srv.APIKey(),
		APIKeyScopes: []string{"users.read", "users.write"}, Users: srv.Users(),
		Accounts: []Account{
			{Role: "operator", ID: OperatorID, Email: OperatorEmail, Password: OperatorPassword, Impersonator: true},
			{Role: "viewer", ID: ViewerID, Email: ViewerEmail, Password: ViewerPassword},
			{Role: "mfa", ID: MFAID, Email: MFAEmail, Password: MFAPassword, Impersonator: true, TOTPSecret: MFATOTPSecret},
		},
		Targets: []string{AdaID, BlockedID}, Hostile: srv.faults.hostile().on()}
}
