package client

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
)

// ScrubFields removes the fields a dialect names as secrets (Appwrite's password hashes,
// MPDX's json_web_token) from every object of a JSON body, at any depth. A body that is
// not JSON is returned unchanged; JSON that cannot be read whole is withheld. Key order
// is kept.
func ScrubFields(body []byte, fields []string) []byte {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	var out bytes.Buffer
	if err := scrubValue(dec, &out, fields); err != nil || dec.More() {
		return []byte(`{"error":"response withheld: not valid JSON, so it could not be checked for credential fields"}`)
	}
	return out.Bytes()
}

// scrubValue copies one JSON value token by token, skipping the secret fields of objects.
func scrubValue(dec *json.Decoder, out *bytes.Buffer, fields []string) error {
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
				if slices.Contains(fields, key) {
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
				if err := scrubValue(dec, out, fields); err != nil {
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
				if err := scrubValue(dec, out, fields); err != nil {
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

// WithoutCredentials copies response headers without the ones that carry credentials:
// every name the debug log redacts (cookies, sessions, tokens, keys…).
func WithoutCredentials(h http.Header) http.Header {
	out := h.Clone()
	for k := range out {
		if sensitive(k) {
			out.Del(k)
		}
	}
	return out
}
