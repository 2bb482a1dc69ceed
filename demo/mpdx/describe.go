package mpdx

import (
	"fmt"
	"strings"
)

// Describe is what `actas demo` prints at start for this dialect: where it answers, the
// demo-only credentials and the operator API token.
func (srv *Server) Describe(endpoint string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "actas demo backend (MPDX JSON:API subset) with %d members\n", srv.Members())
	fmt.Fprintf(&b, "  endpoint      %s\n", endpoint)
	fmt.Fprintf(&b, "  organization  %s (%s)\n", CruDemoID, CruDemoName)
	fmt.Fprintf(&b, "  API token     %s (acts as %s; paste it into the token field)\n", srv.OperatorToken(), OrgAdminEmail)
	b.WriteString("Demo-only credentials (POST /api/v2/user/authenticate with email and password):\n")
	for _, a := range srv.accounts() {
		fmt.Fprintf(&b, "  %-8s %s / %s (%s)\n", a.Role, a.Email, a.Password, a.about())
	}
	fmt.Fprintf(&b, "Members: %s (%s), two sharing %s, %s outside %s, and members with escape sequences and a 300-character name.\n",
		AdaEmail, AdaUserID, SharedEmail, OutsiderEmail, CruDemoName)
	if m := srv.faults.hostile(); m.on() {
		ids := "ids intact"
		if m.ids {
			ids = "ids too"
		}
		fmt.Fprintf(&b, "Hostile mode: every string served ends in control bytes, escape sequences and invalid UTF-8 (%s).\n", ids)
	}
	return b.String()
}

// Info is Describe for scripts: `actas demo --json` prints it.
type Info struct {
	Server        string    `json:"server"` // "mpdx (demo)"
	Endpoint      string    `json:"endpoint"`
	Organization  Org       `json:"organization"` // the profile's scope
	Members       int       `json:"members"`
	Accounts      []Account `json:"accounts"`
	OperatorToken string    `json:"operatorToken"` // acts as the orgadmin account
	Targets       []string  `json:"targets"`       // uuids of the fixed members
	Hostile       bool      `json:"hostile"`
}

// Org is an organization.
type Org struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Account is a fixed demo-only sign-in.
type Account struct {
	Role     string   `json:"role"` // orgadmin, member
	ID       string   `json:"id"`   // the user's uuid
	Email    string   `json:"email"`
	Password string   `json:"password"`
	AdminOf  []string `json:"adminOf"` // organization ids
}

func (a Account) about() string {
	if len(a.AdminOf) == 0 {
		return "administers no organization: refused impersonation"
	}
	return "admin of " + strings.Join(a.AdminOf, ", ")
}

func (srv *Server) accounts() []Account {
	return []Account{
		{Role: "orgadmin", ID: OrgAdminUserID, Email: OrgAdminEmail, Password: OrgAdminPassword, AdminOf: []string{CruDemoID}},
		{Role: "member", ID: MemberUserID, Email: MemberEmail, Password: MemberPassword, AdminOf: []string{}},
	}
}

// Info says what the server serves at endpoint.
func (srv *Server) Info(endpoint string) Info {
	return Info{Server: "mpdx (demo)", Endpoint: endpoint, Organization: Org{ID: CruDemoID, Name: CruDemoName},
		Members: srv.Members(), Accounts: srv.accounts(), OperatorToken: srv.OperatorToken(),
		Targets: []string{AdaUserID, EscapeUserID, LongNameUserID, SharedFirstUserID, SharedSecondUserID, OutsiderUserID},
		Hostile: srv.faults.hostile().on()}
}
