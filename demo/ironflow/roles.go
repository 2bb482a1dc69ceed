package ironflow

import (
	"net/http"
	"slices"
)

// Platform permissions (seen in Ironflow's docs, except that the split of tenants:write is
// the demo's).
const (
	permTenantsRead     = "platform:tenants:read"
	permTenantsWrite    = "platform:tenants:write"
	permImpersonateRead = "platform:impersonate:read"
	permImpersonate     = "platform:impersonate"
	permAuditRead       = "platform:audit:read"
)

// rolePermissions: admin everything; operator read and write impersonation, manage tenants
// and read the audit; viewer read-only impersonation and the tenant list. Refusing the
// viewer the platform audit is the demo's decision (the docs name no role for it).
var rolePermissions = map[string][]string{
	RoleAdmin:    {permTenantsRead, permTenantsWrite, permImpersonateRead, permImpersonate, permAuditRead},
	RoleOperator: {permTenantsRead, permTenantsWrite, permImpersonateRead, permImpersonate, permAuditRead},
	RoleViewer:   {permTenantsRead, permImpersonateRead},
	RoleAuditor:  {permTenantsRead, permAuditRead},
}

func (p *principal) can(perm string) bool {
	for _, r := range p.roles {
		if slices.Contains(rolePermissions[r], perm) {
			return true
		}
	}
	return false
}

// impersonationPermission is the method rule, applied literally: a ConnectRPC read is a
// POST and so a write.
func impersonationPermission(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return permImpersonateRead
	}
	return permImpersonate
}
