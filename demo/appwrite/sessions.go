package appwrite

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"slices"
)

// session is a signed-in device. The server keeps only a hash of the secret value.
type session struct {
	id           string
	user         int32
	secretHash   [32]byte
	created      int64
	updated      int64
	expire       int64
	providerUID  string
	ip           string
	client       clientInfo
	factors      []string
	mfaUpdatedAt int64
}

// clientInfo is what Appwrite parses from the User-Agent and the IP address.
type clientInfo struct {
	osCode, osName, osVersion                    string
	clientType, clientCode, clientName           string
	clientVersion, clientEngine, clientEngineVer string
	deviceName, deviceBrand, deviceModel         string
	countryCode, countryName                     string
}

type sessionTable struct {
	bySecret map[[32]byte]*session
	byUser   map[int32][]*session
}

func newSessionTable() *sessionTable {
	return &sessionTable{bySecret: map[[32]byte]*session{}, byUser: map[int32][]*session{}}
}

// newSecret is the opaque session value handed to the client: 256 random bits, unrelated
// to the user.
func newSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func newID() string {
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (t *sessionTable) add(sess *session, secret string) {
	sess.secretHash = sha256.Sum256([]byte(secret))
	t.bySecret[sess.secretHash] = sess
	t.byUser[sess.user] = append(t.byUser[sess.user], sess)
}

func (t *sessionTable) lookup(secret string, now int64) *session {
	if secret == "" {
		return nil
	}
	sess := t.bySecret[sha256.Sum256([]byte(secret))]
	if sess == nil || sess.expire <= now {
		return nil
	}
	return sess
}

func (t *sessionTable) remove(sess *session) {
	delete(t.bySecret, sess.secretHash)
	list := t.byUser[sess.user]
	t.byUser[sess.user] = slices.DeleteFunc(list, func(s *session) bool { return s == sess })
}

// ofUser finds one of the user's sessions by id.
func (t *sessionTable) ofUser(user int32, id string) *session {
	for _, s := range t.byUser[user] {
		if s.id == id {
			return s
		}
	}
	return nil
}

type sessionJSON struct {
	ID                        string   `json:"$id"`
	CreatedAt                 string   `json:"$createdAt"`
	UpdatedAt                 string   `json:"$updatedAt"`
	UserID                    string   `json:"userId"`
	Expire                    string   `json:"expire"`
	Provider                  string   `json:"provider"`
	ProviderUID               string   `json:"providerUid"`
	ProviderAccessToken       string   `json:"providerAccessToken"`
	ProviderAccessTokenExpiry string   `json:"providerAccessTokenExpiry"`
	ProviderRefreshToken      string   `json:"providerRefreshToken"`
	IP                        string   `json:"ip"`
	OSCode                    string   `json:"osCode"`
	OSName                    string   `json:"osName"`
	OSVersion                 string   `json:"osVersion"`
	ClientType                string   `json:"clientType"`
	ClientCode                string   `json:"clientCode"`
	ClientName                string   `json:"clientName"`
	ClientVersion             string   `json:"clientVersion"`
	ClientEngine              string   `json:"clientEngine"`
	ClientEngineVersion       string   `json:"clientEngineVersion"`
	DeviceName                string   `json:"deviceName"`
	DeviceBrand               string   `json:"deviceBrand"`
	DeviceModel               string   `json:"deviceModel"`
	CountryCode               string   `json:"countryCode"`
	CountryName               string   `json:"countryName"`
	Current                   bool     `json:"current"`
	Factors                   []string `json:"factors"`
	Secret                    string   `json:"secret"`
	MFAUpdatedAt              string   `json:"mfaUpdatedAt"`
}

func (sess *session) json(userID string, current bool) sessionJSON {
	c := sess.client
	return sessionJSON{
		ID: sess.id, CreatedAt: formatTime(sess.created), UpdatedAt: formatTime(sess.updated),
		UserID: userID, Expire: formatTime(sess.expire), Provider: "email", ProviderUID: sess.providerUID,
		IP: sess.ip, OSCode: c.osCode, OSName: c.osName, OSVersion: c.osVersion,
		ClientType: c.clientType, ClientCode: c.clientCode, ClientName: c.clientName,
		ClientVersion: c.clientVersion, ClientEngine: c.clientEngine, ClientEngineVersion: c.clientEngineVer,
		DeviceName: c.deviceName, DeviceBrand: c.deviceBrand, DeviceModel: c.deviceModel,
		CountryCode: c.countryCode, CountryName: c.countryName,
		Current: current, Factors: slices.Clone(sess.factors), Secret: "", MFAUpdatedAt: formatTime(sess.mfaUpdatedAt),
	}
}
