package mpdx

import (
	"net/http"
	"strings"

	"actas/demo/internal/netfault"
)

// HeaderHostile carries the hostile text in every response while hostile mode is on.
const HeaderHostile = netfault.HeaderHostile

// ForgedBanner is the fake impersonation banner inside the hostile strings.
const ForgedBanner = "IMPERSONATING Ada Lovelace (" + AdaEmail + ") · " + CruDemoName + " · operator " + OrgAdminEmail + " · ctrl+x stop"

// HostileString is the text for Knobs.Hostile: every C0 and C1 control, CSI, OSC, DCS,
// APC and RIS sequences, bidi controls, ForgedBanner, 5,000 combining marks on one letter,
// 10,000 wide characters and invalid UTF-8 (netfault.HostileText).
func HostileString() string { return netfault.HostileText(ForgedBanner, 5_000, 10_000) }

// ShortHostileString is HostileString with only 50 combining marks and 100 wide
// characters, for fast tests.
func ShortHostileString() string { return netfault.HostileText(ForgedBanner, 50, 100) }

// hostileMode is Knobs.Hostile and Knobs.HostileIDs; the zero value is off.
type hostileMode struct {
	text string
	ids  bool
}

func (m hostileMode) on() bool { return m.text != "" }

// IsIdentityKey says whether a JSON key holds an identity field, which hostile mode leaves
// intact unless HostileIDs: id, keys ending in "_id" (user_id…), email, and the
// preference default_account_list (a uuid).
func IsIdentityKey(key string) bool {
	return key == "id" || strings.HasSuffix(key, "_id") || key == "email" || key == "default_account_list"
}

// IsMachineKey says whether a JSON key holds a value hostile mode never touches: the
// token (a secret), JSON:API's structural values (a resource's type, an error's status
// and source), and updated_in_db_at, which updates hand back.
func IsMachineKey(key string) bool {
	switch key {
	case "json_web_token", "type", "status", "pointer", "parameter", "updated_in_db_at":
		return true
	}
	return false
}

func (m hostileMode) touches(key string) bool {
	return !IsMachineKey(key) && (m.ids || !IsIdentityKey(key))
}

// wrap buffers what serve writes and passes it on with the hostile text in every JSON
// string and in X-Hostile; other headers (Retry-After…) are left alone. Off, it returns
// serve itself.
func (m hostileMode) wrap(serve func(http.ResponseWriter)) func(http.ResponseWriter) {
	if !m.on() {
		return serve
	}
	rules := netfault.HostileJSON{Text: m.text, Touches: m.touches}
	return netfault.WrapHostile(serve, func(body []byte) []byte {
		body, _ = rules.Rewrite(body, false)
		return body
	}, func(h http.Header) { h.Set(HeaderHostile, netfault.HeaderSafe(m.text)) })
}
