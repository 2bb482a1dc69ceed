package appwrite

import (
	"sort"
	"strings"
	"time"

	"actas/client"
)

// Account is the Account/User model as the console reads it. It deliberately has no
// password, hash or hashOptions fields: the User model carries the password hash, and the
// console must never decode or keep it.
type Account struct {
	ID                 string         `json:"$id"`
	CreatedAt          string         `json:"$createdAt"`
	UpdatedAt          string         `json:"$updatedAt"`
	Name               string         `json:"name"`
	Registration       string         `json:"registration"`
	Status             bool           `json:"status"`
	Labels             []string       `json:"labels"`
	PasswordUpdate     string         `json:"passwordUpdate"`
	Email              string         `json:"email"`
	Phone              string         `json:"phone"`
	EmailVerification  bool           `json:"emailVerification"`
	PhoneVerification  bool           `json:"phoneVerification"`
	MFA                bool           `json:"mfa"`
	Prefs              map[string]any `json:"prefs"`
	AccessedAt         string         `json:"accessedAt"`
	Impersonator       *bool          `json:"impersonator"`
	ImpersonatorUserID *string        `json:"impersonatorUserId"`
}

// Session is one signed-in device of the effective user.
type Session struct {
	ID            string   `json:"$id"`
	CreatedAt     string   `json:"$createdAt"`
	UpdatedAt     string   `json:"$updatedAt"`
	UserID        string   `json:"userId"`
	Expire        string   `json:"expire"`
	Provider      string   `json:"provider"`
	IP            string   `json:"ip"`
	OSName        string   `json:"osName"`
	OSVersion     string   `json:"osVersion"`
	ClientType    string   `json:"clientType"`
	ClientName    string   `json:"clientName"`
	ClientVersion string   `json:"clientVersion"`
	DeviceName    string   `json:"deviceName"`
	DeviceBrand   string   `json:"deviceBrand"`
	DeviceModel   string   `json:"deviceModel"`
	CountryName   string   `json:"countryName"`
	Current       bool     `json:"current"`
	Factors       []string `json:"factors"`
}

// MFAFactors says which second factors the effective user has.
type MFAFactors struct {
	TOTP         bool `json:"totp"`
	Phone        bool `json:"phone"`
	Email        bool `json:"email"`
	RecoveryCode bool `json:"recoveryCode"`
}

type userList struct {
	Total int       `json:"total"`
	Users []Account `json:"users"`
}

type sessionList struct {
	Total    int       `json:"total"`
	Sessions []Session `json:"sessions"`
}

type logEntry struct {
	Event         string `json:"event"`
	UserID        string `json:"userId"`
	UserEmail     string `json:"userEmail"`
	UserName      string `json:"userName"`
	IP            string `json:"ip"`
	Time          string `json:"time"`
	ClientName    string `json:"clientName"`
	ClientVersion string `json:"clientVersion"`
	OSName        string `json:"osName"`
}

type logList struct {
	Total int        `json:"total"`
	Logs  []logEntry `json:"logs"`
}

// ParseTime reads Appwrite's dates ("" is the zero time).
func ParseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{"2006-01-02T15:04:05.000-07:00", time.RFC3339Nano, "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

func (a Account) subject() client.Subject {
	return client.Subject{
		ID: a.ID, Name: a.Name, Email: a.Email, Phone: a.Phone,
		Blocked: !a.Status, Labels: a.Labels, Impersonator: a.Impersonator != nil && *a.Impersonator,
		MFA: a.MFA, EmailVerified: a.EmailVerification, PhoneVerified: a.PhoneVerification,
		Registered: ParseTime(a.Registration), LastAccess: ParseTime(a.AccessedAt),
		PasswordUpdated: ParseTime(a.PasswordUpdate),
	}
}

func (a Account) operator() client.Operator {
	// Any account reads its own logs; an impersonator acts as users, reading and writing.
	op := client.Operator{ID: a.ID, Name: a.Name, Email: a.Email, Can: client.CanAudit}
	if a.Impersonator != nil && *a.Impersonator {
		op.Can |= client.CanRead | client.CanWrite
		op.Roles = []string{"impersonator"}
	}
	return op
}

func (l logEntry) entry() client.AuditEntry {
	c := l.ClientName
	if l.ClientVersion != "" {
		c += " " + l.ClientVersion
	}
	if l.OSName != "" {
		c += " on " + l.OSName
	}
	return client.AuditEntry{Time: ParseTime(l.Time), Event: l.Event, ActorID: l.UserID,
		ActorEmail: l.UserEmail, ActorName: l.UserName, IP: l.IP, Client: c}
}

func (s Session) device() client.Device {
	clientName := strings.TrimSpace(s.ClientName + " " + s.ClientVersion)
	osName := strings.TrimSpace(s.OSName + " " + s.OSVersion)
	return client.Device{ID: s.ID, Client: clientName, OS: osName, IP: s.IP, Country: s.CountryName,
		Created: ParseTime(s.CreatedAt), Expires: ParseTime(s.Expire), Current: s.Current}
}

func (f MFAFactors) String() string {
	var on []string
	for _, x := range []struct {
		name string
		on   bool
	}{{"totp", f.TOTP}, {"email", f.Email}, {"phone", f.Phone}, {"recovery codes", f.RecoveryCode}} {
		if x.on {
			on = append(on, x.name)
		}
	}
	if len(on) == 0 {
		return "none"
	}
	return strings.Join(on, ", ")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
