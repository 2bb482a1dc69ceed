package ironflow

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TokenLifetime is how long a platform token is valid (seen: 24 hours).
const TokenLifetime = 24 * time.Hour

// Claims are a demo token's payload: {"sub","platform","roles","iat","exp"}. Only
// "platform": true is seen (it separates platform tokens from tenant tokens); the rest is
// the demo's.
type Claims struct {
	Platform bool     `json:"platform"`
	Roles    []string `json:"roles,omitempty"`
	jwt.RegisteredClaims
}

// issueToken signs an HS256 platform token for u, valid TokenLifetime from now.
func (srv *Server) issueToken(u *platformUser, now time.Time) (string, time.Time) {
	exp := now.Add(TokenLifetime)
	c := Claims{Platform: true, Roles: u.roles, RegisteredClaims: jwt.RegisteredClaims{
		Subject: u.id, IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(exp)}}
	signed, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(srv.secret)
	return signed, exp
}

// SignToken signs any claims with the server's secret, for tests of what the server
// refuses (expired tokens, tenant tokens without "platform": true).
func (srv *Server) SignToken(c Claims) string {
	signed, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(srv.secret)
	return signed
}

var errNotPlatform = errors.New("not a platform token")

// parseToken checks a token's signature (HS256 only), its expiry (required) and its
// platform claim, on the server's clock.
func (srv *Server) parseToken(s string) (*Claims, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(s, &c, func(*jwt.Token) (any, error) { return srv.secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(srv.now))
	if err != nil {
		return nil, err
	}
	if !c.Platform {
		return &c, errNotPlatform
	}
	return &c, nil
}
