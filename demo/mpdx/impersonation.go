package mpdx

import (
	"net/http"
	"strings"
	"time"
)

// impersonationRequest is the body of both impersonation routes (seen).
type impersonationRequest struct {
	ID     string `jsonapi:"primary,impersonation"`
	User   string `jsonapi:"attr,user"`
	Reason string `jsonapi:"attr,reason"`
}

// impersonationDoc is their answer (seen): the impersonated user's uuid as the id, and
// updated_at and updated_in_db_at null. The role attributes are sent only when
// Options.ImpersonationRole is set.
type impersonationDoc struct {
	ID            string     `jsonapi:"primary,impersonation"`
	CreatedAt     time.Time  `jsonapi:"attr,created_at,rfc3339"`
	JSONWebToken  string     `jsonapi:"attr,json_web_token"`
	UpdatedAt     *time.Time `jsonapi:"attr,updated_at,rfc3339"`
	UpdatedInDBAt *time.Time `jsonapi:"attr,updated_in_db_at,rfc3339"`
	Role          string     `jsonapi:"attr,impersonation_role,omitempty"`
	Scope         string     `jsonapi:"attr,impersonation_scope,omitempty"`
}

// impersonateAsSiteAdmin is POST /api/v2/admin/impersonation: nobody in the demo is a
// site admin, so it is 403 before the body is read.
func impersonateAsSiteAdmin(*exchange) *apiError { return errForbidden }

// impersonateInOrganization is POST /api/v2/organizations/{organizationId}/impersonation,
// for the organization's admins. The organization is found first (404), then the caller
// must administer it (403, no detail), then the body is read: a type other than
// "impersonation" is 409, a missing user 400 (the demo's, with source.pointer
// /data/attributes/user). The reason is optional and logged as sent.
func impersonateInOrganization(x *exchange) *apiError {
	orgID := x.r.PathValue("organizationId")
	org, ok := x.srv.store.org(strings.ToLower(orgID))
	if !ok {
		return errNotFound("Organization", orgID)
	}
	if !x.srv.isAdmin(x.u, org) {
		return errForbidden
	}
	var req impersonationRequest
	if _, err := readResource(x, "impersonation", &req); err != nil {
		return err
	}
	if req.User == "" {
		return errMissingAttribute("user")
	}
	target, err := x.srv.findUser(req.User, org)
	if err != nil {
		return err
	}
	lifetime, role := x.srv.settings()
	created := x.now.UTC().Truncate(time.Second)
	expires := created.Add(lifetime)
	tokenUser := target.id
	if x.srv.opts.MintsForCaller {
		tokenUser = x.u.id
	}
	token := x.srv.issueToken(tokenUser, expires)
	x.srv.log.add(Impersonation{Impersonator: x.u.id, ImpersonatorEmail: x.u.primaryEmail(), Impersonated: target.id,
		Reason: req.Reason, OrganizationID: x.srv.store.orgs[org].id, Requested: req.User, CreatedAt: created, ExpiresAt: expires})
	doc := &impersonationDoc{ID: target.id, CreatedAt: created, JSONWebToken: token}
	if role.value != "" {
		if role.attribute == "impersonation_scope" {
			doc.Scope = role.value
		} else {
			doc.Role = role.value
		}
	}
	writeDocument(x.w, http.StatusOK, doc, nil, nil)
	return nil
}

// findUser resolves the user attribute (seen): a UUID by id, anything else by email among
// the Key/Relay emails, ignoring case (the first user seeded with it; no ambiguity
// error). A user outside org is answered like an unknown one.
func (srv *Server) findUser(ref string, org int32) (*user, *apiError) {
	if isUUID(ref) {
		u, ok := srv.store.user(strings.ToLower(ref))
		if !ok || !srv.store.inOrg(u, org) {
			return nil, errNotFound("User", ref)
		}
		return u, nil
	}
	i, ok := srv.store.email[strings.ToLower(ref)]
	if !ok || !srv.store.inOrg(&srv.store.users[i], org) {
		return nil, errUserEmailNotFound(ref)
	}
	return &srv.store.users[i], nil
}

// isAdmin says whether u administers organization org.
func (srv *Server) isAdmin(u *user, org int32) bool {
	for _, a := range srv.store.orgs[org].admins {
		if srv.store.users[a].id == u.id {
			return true
		}
	}
	return false
}
