package ironflow

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
)

// credential is what a request authenticates with: the bearer token or key, else the
// dashboard's cookie (which the login sets; a CLI ignores it).
func credential(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, value, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return h // not a bearer credential: matches nothing
		}
		return strings.TrimSpace(value)
	}
	if c, err := r.Cookie(CookieToken); err == nil {
		return c.Value
	}
	return ""
}

// authenticate finds who a request acts as: an API key by its secret, else a platform JWT
// of an active platform user. A token without "platform": true is a tenant token, which
// the demo never issues and refuses everywhere.
func (srv *Server) authenticate(r *http.Request) (*principal, *apiError) {
	cred := credential(r)
	if cred == "" {
		return nil, errAuthRequired
	}
	if p, ok := srv.keys[cred]; ok {
		c := *p
		return &c, nil
	}
	if strings.HasPrefix(cred, PlatformKeyPrefix) || strings.HasPrefix(cred, TenantKeyPrefix) {
		return nil, errInvalidKey
	}
	claims, err := srv.parseToken(cred)
	switch {
	case errors.Is(err, errNotPlatform):
		return nil, errPlatformRequired
	case err != nil:
		return nil, errInvalidToken
	}
	u := srv.userByID(claims.Subject)
	if u == nil {
		return nil, errInvalidToken
	}
	if !u.active {
		return nil, errInactive
	}
	return u.principal(), nil
}

// authenticatePlatform is authenticate for platform routes: tenant keys are refused.
func (srv *Server) authenticatePlatform(r *http.Request) (*principal, *apiError) {
	p, err := srv.authenticate(r)
	if err != nil {
		return nil, err
	}
	if !p.platform() {
		return nil, errPlatformRequired
	}
	return p, nil
}

func (srv *Server) userByID(id string) *platformUser {
	for _, u := range srv.users {
		if u.id == id {
			return u
		}
	}
	return nil
}

func (srv *Server) userByEmail(email string) *platformUser {
	for _, u := range srv.users {
		if u.email == email {
			return u
		}
	}
	return nil
}

// userJSON is a platform user in the login answer (seen) and in /auth/me.
type userJSON struct {
	ID    string   `json:"id"`
	Email string   `json:"email"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

func (p *principal) json() userJSON {
	return userJSON{ID: p.id, Email: p.email, Name: p.name, Roles: append([]string{}, p.roles...)}
}

// login is POST /api/v1/platform/auth/login (seen). The sign-in limit counts every attempt
// per email, whatever its case and whether the password was right, as Appwrite's does.
func (srv *Server) login(w http.ResponseWriter, r *http.Request) *apiError {
	var body struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil ||
		body.Email == "" || body.Password == "" {
		return errBadLoginBody
	}
	email := strings.ToLower(strings.TrimSpace(body.Email))
	now := srv.now()
	ok, remaining, reset := srv.limiter.Allow(email, now)
	if limit := srv.limiter.Limit(); limit >= 0 {
		h := w.Header()
		h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
		h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
		h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
	}
	if !ok {
		return errLoginLimited(reset.Sub(now))
	}
	u := srv.userByEmail(email)
	if u == nil || !u.passwordMatches(body.Password) {
		return errInvalidCredentials
	}
	if !u.active {
		return errInactive
	}
	token, exp := srv.issueToken(u, now)
	http.SetCookie(w, &http.Cookie{Name: CookieToken, Value: token, Path: "/", Expires: exp,
		MaxAge: int(TokenLifetime.Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode})
	writeJSON(w, http.StatusOK, struct {
		Token string   `json:"token"`
		User  userJSON `json:"user"`
	}{token, u.principal().json()})
	return nil
}

// me is GET /api/v1/platform/auth/me: demo-defined (the protocol has no "who am I" call),
// so that a console can validate a token or key and learn whom it acts as. A platform key
// answers as itself: its key id, no email, its name and its roles; actor_type says which.
func me(x *exchange) *apiError {
	writeJSON(x.w, http.StatusOK, struct {
		User      userJSON `json:"user"`
		ActorType string   `json:"actor_type"`
	}{x.p.json(), x.p.kind})
	return nil
}
