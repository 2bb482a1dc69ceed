package ironflow

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
)

// platformUser is a fixed platform account. Only these exist: the demo has no route that
// creates one.
type platformUser struct {
	id, email, name string
	roles           []string
	active          bool
	salt, hash      []byte
}

// principal is who a credential acts as: a platform user, a platform key, or a tenant key
// (which belongs to one tenant and one of its environments).
type principal struct {
	kind        string // actorUser, actorKey or tenantKind
	id          string
	name, email string
	roles       []string
	org, env    string // a tenant key's scope
}

const (
	actorUser  = "user"
	actorKey   = "key"
	tenantKind = "tenant_key"
)

func (p *principal) platform() bool { return p.kind == actorUser || p.kind == actorKey }

func newPlatformUser(id, email, name, password string, active bool, roles ...string) *platformUser {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	return &platformUser{id: id, email: email, name: name, roles: roles, active: active, salt: salt, hash: saltedHash(salt, password)}
}

// saltedHash stands in for the server's password hash: the demo only needs the four fixed
// accounts to compare in constant time, and start-up to stay fast.
func saltedHash(salt []byte, password string) []byte {
	sum := sha256.Sum256(append(append([]byte(nil), salt...), password...))
	return sum[:]
}

func (u *platformUser) passwordMatches(password string) bool {
	return subtle.ConstantTimeCompare(saltedHash(u.salt, password), u.hash) == 1
}

func (u *platformUser) principal() *principal {
	return &principal{kind: actorUser, id: u.id, name: u.name, email: u.email, roles: u.roles}
}

func fixedUsers() []*platformUser {
	return []*platformUser{
		newPlatformUser(AdminID, AdminEmail, "Platform Admin", AdminPassword, true, RoleAdmin),
		newPlatformUser(OperatorID, OperatorEmail, "Olivia Operator", OperatorPassword, true, RoleOperator),
		newPlatformUser(ViewerID, ViewerEmail, "Victor Viewer", ViewerPassword, true, RoleViewer),
		newPlatformUser(AuditorID, AuditorEmail, "Audrey Auditor", AuditorPassword, true, RoleAuditor),
		newPlatformUser(InactiveID, InactiveEmail, "Ina Inactive", InactivePassword, false, RoleOperator),
	}
}

// randomKey is a fresh API key secret with the kind's prefix.
func randomKey(prefix string) string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// apiKeys are the demo's keys by secret: two platform keys and org_acme's tenant key.
func apiKeys(operator, viewer, tenantKey string) map[string]*principal {
	return map[string]*principal{
		operator:  {kind: actorKey, id: OperatorKeyID, name: "Demo operator key", roles: []string{RoleOperator}},
		viewer:    {kind: actorKey, id: ViewerKeyID, name: "Demo viewer key", roles: []string{RoleViewer}},
		tenantKey: {kind: tenantKind, id: TenantKeyID, name: "Acme default key", org: AcmeID, env: DefaultEnvironment},
	}
}
