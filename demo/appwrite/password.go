package appwrite

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"

	"golang.org/x/crypto/argon2"
)

// passwordHash is an argon2id hash, as Appwrite stores passwords. The demo uses small cost
// parameters so that start-up stays fast; only the fixed demo accounts have one.
type passwordHash struct {
	salt, key []byte
	encoded   string
}

const (
	argonTime    = 1
	argonMemory  = 8 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

func hashPassword(password string) *passwordHash {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	raw := base64.RawStdEncoding
	return &passwordHash{
		salt: salt,
		key:  key,
		encoded: fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
			argon2.Version, argonMemory, argonTime, argonThreads, raw.EncodeToString(salt), raw.EncodeToString(key)),
	}
}

func (h *passwordHash) matches(password string) bool {
	if h == nil {
		return false
	}
	key := argon2.IDKey([]byte(password), h.salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return subtle.ConstantTimeCompare(key, h.key) == 1
}
