package mpdx

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// APITokenLifetime is how long a token from POST /api/v2/user/authenticate lasts (seen:
// 30 days).
const APITokenLifetime = 30 * 24 * time.Hour

// DefaultImpersonationLifetime is how long an impersonation token lasts: exp is
// created_at + 3600 s (derived).
const DefaultImpersonationLifetime = time.Hour

// Claims are an MPDX JWT's payload, exactly {"user_id","exp"} (derived). UserUUID is the
// legacy name of user_id, still accepted; the demo never issues it.
type Claims struct {
	UserID   string           `json:"user_id,omitempty"`
	UserUUID string           `json:"user_uuid,omitempty"`
	Exp      *jwt.NumericDate `json:"exp,omitempty"`
}

// Subject is the user the claims name: user_id, else user_uuid.
func (c Claims) Subject() string {
	if c.UserID != "" {
		return c.UserID
	}
	return c.UserUUID
}

// jwt.Claims: only exp is used.
func (c Claims) GetExpirationTime() (*jwt.NumericDate, error) { return c.Exp, nil }
func (c Claims) GetIssuedAt() (*jwt.NumericDate, error)       { return nil, nil }
func (c Claims) GetNotBefore() (*jwt.NumericDate, error)      { return nil, nil }
func (c Claims) GetIssuer() (string, error)                   { return "", nil }
func (c Claims) GetSubject() (string, error)                  { return c.Subject(), nil }
func (c Claims) GetAudience() (jwt.ClaimStrings, error)       { return nil, nil }

// SignToken signs claims with the server's secret, HS256, under the header {"alg":"HS256"}
// that Ruby's JWT writes (the documented token starts eyJhbGciOiJIUzI1NiJ9): no "typ".
// Tests use it for what the server refuses or accepts (expired, legacy user_uuid).
func (srv *Server) SignToken(c Claims) string {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	delete(t.Header, "typ")
	signed, _ := t.SignedString(srv.secret)
	return signed
}

// issueToken is a token for user id valid until exp.
func (srv *Server) issueToken(userID string, exp time.Time) string {
	return srv.SignToken(Claims{UserID: userID, Exp: jwt.NewNumericDate(exp)})
}

// parseToken checks a token's signature (HS256 only) and expiry (required) on the
// server's clock.
func (srv *Server) parseToken(s string) (*Claims, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(s, &c, func(*jwt.Token) (any, error) { return srv.secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(srv.now))
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// unverifiedSubject is the user a JWT names, without checking it: what Seen records.
func unverifiedSubject(s string) string {
	var c Claims
	if _, _, err := jwt.NewParser().ParseUnverified(s, &c); err != nil {
		return ""
	}
	return c.Subject()
}
