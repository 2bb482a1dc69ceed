package ironflow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"actas/client"
)

type platformUser struct {
	ID    string   `json:"id"`
	Email string   `json:"email"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

type loginAnswer struct {
	Token string       `json:"token"`
	User  platformUser `json:"user"`
}

// meAnswer is GET /platform/auth/me (defined by the demo: no public source shows one).
type meAnswer struct {
	User platformUser `json:"user"`
}

// capabilities are what each platform role may do; an unknown role may do nothing.
var capabilities = map[string]client.Capability{
	"platform_admin":    client.CanRead | client.CanWrite | client.CanAudit,
	"platform_operator": client.CanRead | client.CanWrite | client.CanAudit,
	"platform_viewer":   client.CanRead,
	"platform_auditor":  client.CanAudit, // the demo's: reads the audit, acts as nobody
}

func (u platformUser) operator() (client.Operator, error) {
	if u.ID == "" {
		return client.Operator{}, fmt.Errorf("%w: platform user without an id", client.ErrMalformed)
	}
	if err := client.CheckIdentity(u.ID, u.Email); err != nil {
		return client.Operator{}, err // the banner names the operator by it
	}
	op := client.Operator{ID: u.ID, Name: u.Name, Email: u.Email, Roles: u.Roles}
	for _, r := range u.Roles {
		op.Can |= capabilities[r]
	}
	return op, nil
}

// tokenExpiry reads the token's exp claim without checking its signature (only the
// platform holds the key; the platform checks it on every call): it is for warning the
// operator before the token lapses. Without one, a platform token lasts 24 hours.
func tokenExpiry(token string, now time.Time) time.Time {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(token, claims); err == nil {
		if exp, err := claims.GetExpirationTime(); err == nil && exp != nil {
			return exp.Time.UTC()
		}
	}
	return now.Add(tokenLife).UTC()
}

// stamp is a time as the platform writes it (RFC 3339); anything else reads as no time,
// so one odd field does not lose the whole answer.
type stamp time.Time

func (s *stamp) UnmarshalJSON(b []byte) error {
	var text string
	if json.Unmarshal(b, &text) != nil {
		*s = stamp{}
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, text)
	if err != nil {
		t = time.Time{}
	}
	*s = stamp(t)
	return nil
}

func (s stamp) Time() time.Time { return time.Time(s) }

// tenant is one organization of the tenant list.
type tenant struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	CreatedAt stamp  `json:"created_at"`
	EnvCount  *int   `json:"env_count"`
	KeyCount  *int   `json:"key_count"`
}

func (t tenant) subject() client.Subject {
	s := client.Subject{ID: t.ID, Name: t.Name, Registered: t.CreatedAt.Time(), Facts: map[string]string{}}
	if t.EnvCount != nil {
		s.Facts["environments"] = strconv.Itoa(*t.EnvCount)
	}
	if t.KeyCount != nil {
		s.Facts["keys"] = strconv.Itoa(*t.KeyCount)
	}
	return s
}

// environment is one of a tenant's environments; org_id says whose it is.
type environment struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	OrgID     string `json:"org_id"`
	ProjectID string `json:"project_id"`
	CreatedAt stamp  `json:"created_at"`
}

type project struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	OrgID       string `json:"org_id"`
}

type function struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status"`
	Mode   string `json:"preferred_mode"`
}

type event struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Source    string `json:"source"`
	Timestamp stamp  `json:"timestamp"`
}

type worker struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status"`
}

// list reads a bare array or an object holding it under key, as the real servers answer
// either ("[…]" or {"environments":[…]}).
func list[T any](body []byte, key string) ([]T, error) {
	body = bytes.TrimSpace(body)
	var out []T
	if len(body) > 0 && body[0] == '[' {
		err := json.Unmarshal(body, &out)
		return out, err
	}
	var wrapped map[string]json.RawMessage
	if err := json.Unmarshal(body, &wrapped); err != nil {
		return nil, err
	}
	raw, ok := wrapped[key]
	if !ok {
		return nil, fmt.Errorf("no %q list in the answer", key)
	}
	err := json.Unmarshal(raw, &out)
	return out, err
}

// auditEvent is one platform audit row: platform.impersonated carries what an
// impersonated request did.
type auditEvent struct {
	ID        string `json:"id"`
	EventType string `json:"event_type"`
	CreatedAt stamp  `json:"created_at"`
	Payload   struct {
		ActorID       string `json:"actor_id"`
		ActorType     string `json:"actor_type"`
		OrgID         string `json:"impersonated_org_id"`
		EnvironmentID string `json:"environment_id"`
		Method        string `json:"method"`
		Path          string `json:"path"`
		Status        int    `json:"status"`
	} `json:"payload"`
	Metadata map[string]string `json:"metadata"`
}

type auditList struct {
	Events     []auditEvent `json:"events"`
	NextCursor string       `json:"next_cursor"`
}

func (a auditEvent) entry() client.AuditEntry {
	return client.AuditEntry{Time: a.CreatedAt.Time(), Event: a.EventType, ActorID: a.Payload.ActorID, Client: a.Payload.ActorType,
		Target: a.Payload.OrgID, Scope: a.Payload.EnvironmentID, Method: a.Payload.Method, Path: a.Payload.Path, Status: a.Payload.Status,
		IP: a.Metadata["ip"]}
}
