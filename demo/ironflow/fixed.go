package ironflow

import "strings"

// Demo-only platform accounts, printed by `actas demo`. They exist only in this sandbox
// backend. Ids are short handles so that docs and tests can name them.
const (
	AdminEmail    = "admin@ironflow.example"
	AdminPassword = "admin-demo"
	AdminID       = "puser_admin"

	OperatorEmail    = "operator@ironflow.example"
	OperatorPassword = "operator-demo"
	OperatorID       = "puser_operator"

	ViewerEmail    = "viewer@ironflow.example"
	ViewerPassword = "viewer-demo"
	ViewerID       = "puser_viewer"

	// The auditor may read the tenant list and the platform audit but not act as a tenant
	// (a demo-defined role): the console shows it the denied screen.
	AuditorEmail    = "auditor@ironflow.example"
	AuditorPassword = "auditor-demo"
	AuditorID       = "puser_auditor"

	// The inactive account has the right password and is refused (403).
	InactiveEmail    = "inactive@ironflow.example"
	InactivePassword = "inactive-demo"
	InactiveID       = "puser_inactive"
)

// The platform roles (seen in Ironflow's docs).
const (
	RoleAdmin    = "platform_admin"
	RoleOperator = "platform_operator"
	RoleViewer   = "platform_viewer"
	RoleAuditor  = "platform_auditor" // the demo's: no impersonation at all
)

// Ids of the demo's API keys. The secrets are random per server unless Options fix them.
const (
	OperatorKeyID = "pkey_operator" // platform key acting with platform_operator
	ViewerKeyID   = "pkey_viewer"   // platform key acting with platform_viewer
	TenantKeyID   = "tkey_acme"     // tenant key of org_acme, scoped to env_default
)

// Prefixes of the two kinds of API key.
const (
	PlatformKeyPrefix = "ifplatform_"
	TenantKeyPrefix   = "ifkey_"
)

// The fixed tenants, seeded before the generated ones and independent of the seed.
const (
	AcmeID     = "org_acme"
	AcmeName   = "Acme Corp"
	GlobexID   = "org_globex"
	GlobexName = "Globex"
	// EscapeTenantID is a tenant whose name tries to clear the screen, paint a fake banner,
	// set the window title, plant a hyperlink, move the cursor, reverse the text and hide
	// behind control bytes.
	EscapeTenantID = "org_escape"
	// LongTenantID is a tenant whose name is 300 characters long (LongTenantName).
	LongTenantID = "org_longname"
)

// EscapeTenantName is the name of EscapeTenantID: ANSI CSI and OSC sequences, a C1 CSI,
// bidi overrides and C0 control bytes (NUL, BS, CR, BEL, DEL).
const EscapeTenantName = "\x1b[2J\x1b[H\x1b[41mIMPERSONATING Acme Corp (org_acme)\r\x1b]0;pwned\x07" +
	"\x1b]8;;https://evil.example/\x1b\\Globex\x1b]8;;\x1b\\\u009b1A\b\b\x00\x7f\u202eevil\u202c\u2067x\u2069\x1b[0m"

// LongTenantName is exactly 300 characters long.
func LongTenantName() string {
	base := "Consolidated Amalgamated Widgets, Sprockets and Flanges International Holdings of Greater Kleinwelzheim "
	return strings.Repeat(base, 3)[:299] + "."
}

// DefaultEnvironment is the environment a request acts in when it names none.
const DefaultEnvironment = "env_default"

// Headers and the cookie of the protocol, and the demo's paging headers.
const (
	HeaderOrg         = "X-Ironflow-Org"
	HeaderEnvironment = "X-Ironflow-Environment"
	// HeaderNextCursor carries the tenant list's next cursor (the body is a bare array);
	// absent on the last page. Demo-defined.
	HeaderNextCursor = "X-Next-Cursor"
	// HeaderTotalCount is how many tenants match the search, over all pages. Demo-defined.
	HeaderTotalCount = "X-Total-Count"
	CookieToken      = "ironflow_dashboard_token"
)

// fixedTenant is a fixed tenant as written.
type fixedTenant struct {
	id, name     string
	created      string // RFC 3339
	environments []string
	keys         int
}

// fixedTenants come first in the list. Their creation dates are before any generated
// tenant's, so the list stays in order of creation.
var fixedTenants = []fixedTenant{
	{id: AcmeID, name: AcmeName, created: "2018-03-12T10:00:00Z", environments: []string{"default", "staging", "production"}, keys: 3},
	{id: GlobexID, name: GlobexName, created: "2018-05-20T09:30:00Z", environments: []string{"default"}, keys: 1},
	{id: EscapeTenantID, name: EscapeTenantName, created: "2018-06-01T12:00:00Z", environments: []string{"default", "staging"}},
	{id: LongTenantID, name: LongTenantName(), created: "2018-07-04T08:15:00Z", environments: []string{"default"}, keys: 2},
}
