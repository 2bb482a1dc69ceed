package appwrite

import (
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

const sessionLifetime = 365 * 24 * time.Hour

func createSession(x *exchange) *apiError {
	var body struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := x.decode(&body); err != nil {
		return err
	}
	if !strings.Contains(body.Email, "@") {
		return errArgument("email", "Value must be a valid email address")
	}
	if len(body.Password) < 8 {
		return errArgument("password", "Password must be between 8 and 256 characters long.")
	}
	email := strings.ToLower(body.Email)
	ok, remaining, reset := x.srv.limiter.Allow(x.r.URL.Path+"|"+email, x.now)
	h := x.w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(x.srv.limiter.Limit()))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
	if !ok {
		return errRateLimited(reset.Sub(x.now))
	}
	if x.c.sess != nil {
		return errSessionExists
	}
	seq := x.st.userByEmail(email)
	if seq < 0 || !x.st.users[seq].password.matches(body.Password) {
		return errInvalidCredentials
	}
	if !x.st.users[seq].status {
		return errUserBlocked
	}
	now := x.now.UnixMilli()
	sess := &session{
		id: newID(), user: seq, created: now, updated: now,
		expire:      x.now.Add(sessionLifetime).UnixMilli(),
		providerUID: email, ip: x.ip(), client: parseClient(x.r.UserAgent()),
		factors: []string{"password"},
	}
	secret := newSecret()
	x.st.sessions.add(sess, secret)
	x.st.record("session.create", seq, -1, x.ip(), now, sess.client)
	x.setSessionCookies(secret, time.UnixMilli(sess.expire))
	return x.reply(http.StatusCreated, sess.json(x.st.users[seq].id, true))
}

// setSessionCookies hands out the session value as Appwrite does: two cookies, and the
// X-Fallback-Cookies header unless the caller is a browser page on the API's own domain.
// An empty secret clears them.
func (x *exchange) setSessionCookies(secret string, expires time.Time) {
	name := cookieName(x.c.project)
	secure := x.r.TLS != nil
	same := http.SameSiteLaxMode
	if secure {
		same = http.SameSiteNoneMode
	}
	for _, n := range []string{name, name + "_legacy"} {
		c := &http.Cookie{Name: n, Value: secret, Path: "/", Expires: expires.UTC(), HttpOnly: true, Secure: secure, SameSite: same}
		if secret == "" {
			c.MaxAge = -1
		}
		http.SetCookie(x.w, c)
	}
	if secret == "" {
		x.w.Header().Set(headerFallback, "[]")
		return
	}
	if !sameSite(x.r) {
		jar, _ := json.Marshal(map[string]string{name: secret})
		x.w.Header().Set(headerFallback, string(jar))
	}
}

// sameSite says whether Origin (or Referer) shares the API host's registrable domain,
// approximated by the last two labels.
func sameSite(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		origin = r.Header.Get("Referer")
	}
	if origin == "" {
		return false
	}
	u, err := url.Parse(origin)
	if err != nil {
		return false
	}
	return registrable(u.Hostname()) == registrable(hostOnly(r.Host))
}

func hostOnly(h string) string {
	if u, err := url.Parse("http://" + h); err == nil {
		return u.Hostname()
	}
	return h
}

func registrable(host string) string {
	if net.ParseIP(host) != nil {
		return host // an IP address has no parent domain: 10.0.0.1 is not on 127.0.0.1's site
	}
	parts := strings.Split(host, ".")
	if len(parts) <= 2 {
		return host
	}
	return strings.Join(parts[len(parts)-2:], ".")
}

func getAccount(x *exchange) *apiError {
	return x.reply(http.StatusOK, x.accountDoc())
}

func (x *exchange) accountDoc() accountJSON {
	by := ""
	if x.c.impersonating {
		by = x.st.users[x.c.sessionUser].id
	}
	return x.effective().account(by)
}

func getPrefs(x *exchange) *apiError {
	return x.reply(http.StatusOK, x.accountDoc().Prefs)
}

func updatePrefs(x *exchange) *apiError {
	var body struct {
		Prefs map[string]any `json:"prefs"`
	}
	if err := x.decode(&body); err != nil {
		return err
	}
	if body.Prefs == nil {
		return errArgument("prefs", "Value must be a valid object")
	}
	u := x.effective()
	u.prefs = body.Prefs
	u.updatedAt = x.now.UnixMilli()
	x.record("user.update")
	return x.reply(http.StatusOK, x.accountDoc())
}

func updateName(x *exchange) *apiError {
	name, err := x.decodeName()
	if err != nil {
		return err
	}
	u := x.effective()
	u.name = name
	u.updatedAt = x.now.UnixMilli()
	x.st.markChanged(x.c.effective)
	x.record("user.update")
	return x.reply(http.StatusOK, x.accountDoc())
}

// decodeName reads a rename's body: Appwrite takes names of up to 128 characters.
func (x *exchange) decodeName() (string, *apiError) {
	var body struct {
		Name *string `json:"name"`
	}
	if err := x.decode(&body); err != nil {
		return "", err
	}
	if body.Name == nil || utf8.RuneCountInString(*body.Name) > 128 {
		return "", errArgument("name", "Value must be a valid string and at least 1 chars and no longer than 128 chars")
	}
	return *body.Name, nil
}

func listSessions(x *exchange) *apiError {
	list := x.st.sessions.byUser[x.c.effective]
	out := make([]sessionJSON, 0, len(list))
	for _, s := range list {
		out = append(out, s.json(x.effective().id, s == x.c.sess))
	}
	return x.reply(http.StatusOK, map[string]any{"total": len(out), "sessions": out})
}

// findSession resolves {sessionId} ("current" is the request's own) among the effective
// user's sessions. While impersonating, "current" is the operator's session, which the
// target does not own, so it is not found: that is why logout must go without the headers.
func (x *exchange) findSession() *session {
	id := x.r.PathValue("sessionId")
	if id == "current" {
		if x.c.sess == nil {
			return nil
		}
		id = x.c.sess.id
	}
	return x.st.sessions.ofUser(x.c.effective, id)
}

func getSession(x *exchange) *apiError {
	s := x.findSession()
	if s == nil {
		return errSessionNotFound
	}
	return x.reply(http.StatusOK, s.json(x.effective().id, s == x.c.sess))
}

func deleteSession(x *exchange) *apiError {
	s := x.findSession()
	if s == nil {
		return errSessionNotFound
	}
	x.st.sessions.remove(s)
	x.record("session.delete")
	if s == x.c.sess {
		x.setSessionCookies("", time.Unix(0, 0))
	}
	x.w.WriteHeader(http.StatusNoContent)
	return nil
}

func accountLogs(x *exchange) *apiError {
	return x.logs(x.c.effective)
}

// logs answers the two logs endpoints: limit and offset only, newest first.
func (x *exchange) logs(seq int32) *apiError {
	spec, err := parseQueries(queryParams(x.r.URL.Query()), nil, true)
	if err != nil {
		return err
	}
	wantTotal, err := totalParam(x.r)
	if err != nil {
		return err
	}
	total, page := x.st.logPage(seq, spec.offset, spec.limit)
	if !wantTotal {
		total = 0
	}
	return x.reply(http.StatusOK, map[string]any{"total": total, "logs": page})
}

func totalParam(r *http.Request) (bool, *apiError) {
	v := r.URL.Query().Get("total")
	if v == "" {
		return true, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, errArgument("total", "Value must be a valid boolean")
	}
	return b, nil
}

func listIdentities(x *exchange) *apiError {
	return x.reply(http.StatusOK, map[string]any{"total": 0, "identities": []any{}})
}
