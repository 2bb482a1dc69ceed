package mpdx

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"regexp"
)

// uuidOf is a version-4-shaped UUID drawn from seed, a kind ("user", "email"…) and a key
// unique within the kind (SHA-256, so that neighbouring keys give unrelated ids): the
// same seed always gives the same ids, and no two ever collide in practice.
func uuidOf(seed uint64, kind, key string) string {
	buf := make([]byte, 8, 8+len(kind)+1+len(key))
	binary.LittleEndian.PutUint64(buf, seed)
	buf = append(append(append(buf, kind...), 0), key...)
	sum := sha256.Sum256(buf)
	sum[6] = sum[6]&0x0f | 0x40 // version 4
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	var out [36]byte
	hex.Encode(out[0:8], sum[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], sum[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], sum[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], sum[8:10])
	out[23] = '-'
	hex.Encode(out[24:], sum[10:16])
	return string(out[:])
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// isUUID says whether s is written as a UUID, which the impersonation route looks up by
// id rather than by email.
func isUUID(s string) bool { return uuidPattern.MatchString(s) }
