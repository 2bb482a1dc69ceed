package mpdx

import (
	"net/http"
	"strings"
)

// authenticateRequest is POST /api/v2/user/authenticate's resource: MPDX's cas_ticket
// (seen), or the demo-only email and password.
type authenticateRequest struct {
	ID        string `jsonapi:"primary,authenticate"`
	CASTicket string `jsonapi:"attr,cas_ticket"`
	Email     string `jsonapi:"attr,email"`
	Password  string `jsonapi:"attr,password"`
}

// authenticateDoc is its answer (seen) plus the signed-in user's uuid as the id, which a
// JSON:API 1.0 resource in a response must have (the real server sends none).
type authenticateDoc struct {
	ID           string `jsonapi:"primary,authenticate"`
	JSONWebToken string `jsonapi:"attr,json_web_token"`
}

// signIn is POST /api/v2/user/authenticate. Without a body, or with neither email nor
// password, it is MPDX's CAS exchange: a missing ticket is 400 (seen), and any ticket is
// 401 INVALID_TICKET, as the demo has no CAS. With an email or a password it is the
// demo-only variant: an operator's email and password get a 30-day API token, a JWT of
// the same form as impersonation tokens; anything else is the documented 401. The
// sign-in limit counts every attempt per email, whatever its case and whether the
// password was right.
func signIn(x *exchange) *apiError {
	var req authenticateRequest
	env, err := readResource(x, "authenticate", &req)
	switch {
	case err == errBadBody:
		return errCASTicketMissing // Rails sees no attributes at all
	case err != nil:
		return err
	}
	_, hasEmail := env.Data.Attributes["email"]
	_, hasPassword := env.Data.Attributes["password"]
	if !hasEmail && !hasPassword {
		if req.CASTicket == "" {
			return errCASTicketMissing
		}
		return errCASTicketRefused(req.CASTicket)
	}
	email := strings.ToLower(strings.TrimSpace(req.Email))
	if ok, _, reset := x.srv.limiter.Allow(email, x.now); !ok {
		return errSignInLimited(reset.Sub(x.now))
	}
	id, ok := checkPassword(email, req.Password)
	if !ok {
		return errUnauthorized
	}
	token := x.srv.issueToken(id, x.now.Add(APITokenLifetime))
	writeDocument(x.w, http.StatusOK, &authenticateDoc{ID: id, JSONWebToken: token}, nil, nil)
	return nil
}
