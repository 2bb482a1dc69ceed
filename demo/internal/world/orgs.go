package world

import (
	"time"
)

// Org is an organization: a tenant in Ironflow's words, an organization with account
// lists in MPDX's.
type Org struct {
	ID           string // unique: a short handle for fixed organizations ("acme"), 8 hex digits otherwise
	Name         string
	Created      time.Time
	Environments []Environment // at least one; the first, named "default", is the default
	Members      []Membership  // the owner first, then in order of joining
}

// Environment is one of an organization's deployments (default, staging, development).
type Environment struct {
	ID      string // OrgID + "-" + Name, unique across the world
	OrgID   string
	Name    string
	Created time.Time
}

// Role is what a member may do in an organization.
type Role string

const (
	RoleOwner  Role = "owner" // exactly one per organization
	RoleAdmin  Role = "admin"
	RoleMember Role = "member"
)

// Membership says a person belongs to an organization.
type Membership struct {
	OrgID    string
	PersonID string
	Role     Role
	Joined   time.Time // never before the organization was created or the person registered
}

// DefaultEnvironment is the name of the environment every organization has.
const DefaultEnvironment = "default"

func newEnvironment(orgID, name string, created time.Time) Environment {
	return Environment{ID: orgID + "-" + name, OrgID: orgID, Name: name, Created: created}
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
