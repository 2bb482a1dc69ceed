package ironflow

import (
	"fmt"
	"strings"
)

// Describe is what `actas demo` prints at start for this dialect: where it answers and the
// demo-only credentials and keys.
func (srv *Server) Describe(endpoint string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "actas demo backend (Ironflow platform subset) with %d tenants\n", srv.Tenants())
	fmt.Fprintf(&b, "  endpoint      %s\n", endpoint)
	fmt.Fprintf(&b, "  platform key  %s (%s, acts as %s)\n", srv.OperatorKey(), OperatorKeyID, RoleOperator)
	fmt.Fprintf(&b, "  platform key  %s (%s, acts as %s)\n", srv.ViewerKey(), ViewerKeyID, RoleViewer)
	fmt.Fprintf(&b, "  tenant key    %s (%s, %s %s; refused on platform routes)\n", srv.TenantKey(), TenantKeyID, AcmeID, DefaultEnvironment)
	b.WriteString("Demo-only credentials:\n")
	for _, a := range srv.accounts() {
		fmt.Fprintf(&b, "  %-9s %s / %s (%s)\n", a.Role, a.Email, a.Password, a.about())
	}
	fmt.Fprintf(&b, "Tenants: %s (%s; env_default, env_staging, env_production), %s (%s), and tenants with escape sequences and a 300-character name.\n",
		AcmeID, AcmeName, GlobexID, GlobexName)
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
	Server       string    `json:"server"` // "ironflow (demo)"
	Endpoint     string    `json:"endpoint"`
	Tenants      int       `json:"tenants"`
	Accounts     []Account `json:"accounts"`
	PlatformKeys []Key     `json:"platformKeys"`
	TenantKeys   []Key     `json:"tenantKeys"`
	Targets      []string  `json:"targets"` // ids of the fixed tenants
	Hostile      bool      `json:"hostile"`
}

// Account is a fixed platform sign-in.
type Account struct {
	Role     string   `json:"role"` // admin, operator, viewer, inactive
	ID       string   `json:"id"`
	Email    string   `json:"email"`
	Password string   `json:"password"`
	Roles    []string `json:"roles"`
	Active   bool     `json:"active"`
}

func (a Account) about() string {
	if !a.Active {
		return "inactive: refused"
	}
	return strings.Join(a.Roles, ", ")
}

// Key is an API key: a platform key with roles, or a tenant key with its scope.
type Key struct {
	ID            string   `json:"id"`
	Key           string   `json:"key"`
	Roles         []string `json:"roles,omitempty"`
	OrgID         string   `json:"orgId,omitempty"`
	EnvironmentID string   `json:"environmentId,omitempty"`
}

func (srv *Server) accounts() []Account {
	roles := []string{"admin", "operator", "viewer", "auditor", "inactive"}
	pw := map[string]string{AdminID: AdminPassword, OperatorID: OperatorPassword, ViewerID: ViewerPassword, AuditorID: AuditorPassword, InactiveID: InactivePassword}
	out := make([]Account, len(srv.users))
	for i, u := range srv.users {
		out[i] = Account{Role: roles[i], ID: u.id, Email: u.email, Password: pw[u.id], Roles: append([]string{}, u.roles...), Active: u.active}
	}
	return out
}

// Info says what the server serves at endpoint.
func (srv *Server) Info(endpoint string) Info {
	targets := make([]string, len(fixedTenants))
	for i, t := range fixedTenants {
		targets[i] = t.id
	}
	return Info{Server: "ironflow (demo)", Endpoint: endpoint, Tenants: srv.Tenants(), Accounts: srv.accounts(),
		PlatformKeys: []Key{
			{ID: OperatorKeyID, Key: srv.OperatorKey(), Roles: []string{RoleOperator}},
			{ID: ViewerKeyID, Key: srv.ViewerKey(), Roles: []string{RoleViewer}},
		},
		TenantKeys: []Key{{ID: TenantKeyID, Key: srv.TenantKey(), OrgID: AcmeID, EnvironmentID: DefaultEnvironment}},
		Targets:    targets, Hostile: srv.faults.hostile().on()}
}
