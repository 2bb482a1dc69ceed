package client

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// passwordFields are the User model's password hash fields: never shown, never kept.
var passwordFields = []string{"password", "hash", "hashOptions"}

// ScrubPasswordFields removes password hash fields from every object of a JSON body.
// A body that is not JSON is returned unchanged. Key order is kept.
func ScrubPasswordFields(body []byte) []byte {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	var out bytes.Buffer
	if err := scrubValue(dec, &out); err != nil || dec.More() {
		return []byte(`{"error":"response withheld: not valid JSON, so it could not be checked for hash fields"}`)
	}
	return out.Bytes()
}

// scrubValue copies one JSON value token by token, skipping password fields of objects.
func scrubValue(dec *json.Decoder, out *bytes.Buffer) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			out.WriteByte('{')
			first := true
			for dec.More() {
				keyTok, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := keyTok.(string)
				if isPasswordField(key) {
					var skip json.RawMessage
					if err := dec.Decode(&skip); err != nil {
						return err
					}
					continue
				}
				if !first {
					out.WriteByte(',')
				}
				first = false
				k, _ := json.Marshal(key)
				out.Write(k)
				out.WriteByte(':')
				if err := scrubValue(dec, out); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			out.WriteByte('}')
		case '[':
			out.WriteByte('[')
			for i := 0; dec.More(); i++ {
				if i > 0 {
					out.WriteByte(',')
				}
				if err := scrubValue(dec, out); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			out.WriteByte(']')
		}
	default:
		b, _ := json.Marshal(t)
		out.Write(b)
	}
	return nil
}

func isPasswordField(k string) bool {
	for _, f := range passwordFields {
		if k == f {
			return true
		}
	}
	return false
}

// credentialHeaders are response headers that hand out session values.
var credentialHeaders = []string{"Set-Cookie", "X-Fallback-Cookies"}

// WithoutCredentials copies response headers without the ones that carry credentials.
func WithoutCredentials(h http.Header) http.Header {
	out := h.Clone()
	for _, k := range credentialHeaders {
		out.Del(k)
	}
	for k := range out {
		if sensitive(k) {
			out.Del(k)
		}
	}
	return out
}
