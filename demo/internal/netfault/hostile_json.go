package netfault

import (
	"bytes"
	"encoding/json"
)

// HostileJSON appends hostile text to the string values of JSON answers. The walk is
// every dialect's; which keys keep their values intact (ids, secrets) and where objects
// gain an extra hostile entry are the dialect's own rules.
type HostileJSON struct {
	Text string
	// Touches says whether a string value under key gets the text (array elements sit
	// under their array's key; a top-level string under "").
	Touches func(key string) bool
	// Extra, when set, says whether an object under key gains one more entry, ExtraKey
	// followed by the text, whose value is the text (Appwrite's preferences). Nil: no
	// object gains one.
	Extra    func(key string) bool
	ExtraKey string
}

// Rewrite appends the text to the string values of a JSON document, keeping everything
// else as it was (key order, numbers, the original strings' encoding); the document itself
// gains the extra entry when extraAtRoot. A body that is not one JSON value is returned
// unchanged and reported as not rewritten.
func (h HostileJSON) Rewrite(body []byte, extraAtRoot bool) ([]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	rw := hostileRewriter{rules: h, dec: dec, hostile: JSONStringBody(h.Text)}
	rw.out.Grow(len(body) * 2)
	if err := rw.value("", extraAtRoot); err != nil || dec.More() {
		return body, false
	}
	if _, err := dec.Token(); err == nil {
		return body, false // trailing data
	}
	return rw.out.Bytes(), true
}

type hostileRewriter struct {
	rules   HostileJSON
	dec     *json.Decoder
	out     bytes.Buffer
	hostile []byte // the hostile text as the inside of a JSON string
}

// value copies one JSON value; key is the object key it sits under (an array passes its
// own key on to its elements), and extra says whether an object here gets the extra entry.
func (rw *hostileRewriter) value(key string, extra bool) error {
	tok, err := rw.dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return rw.object(extra)
		}
		return rw.array(key)
	case string:
		rw.string(t, rw.rules.Touches == nil || rw.rules.Touches(key))
	case json.Number:
		rw.out.WriteString(t.String())
	case bool:
		if t {
			rw.out.WriteString("true")
		} else {
			rw.out.WriteString("false")
		}
	case nil:
		rw.out.WriteString("null")
	}
	return nil
}

func (rw *hostileRewriter) object(extra bool) error {
	rw.out.WriteByte('{')
	first := true
	for rw.dec.More() {
		tok, err := rw.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if !first {
			rw.out.WriteByte(',')
		}
		first = false
		rw.string(key, false)
		rw.out.WriteByte(':')
		if err := rw.value(key, rw.rules.Extra != nil && rw.rules.Extra(key)); err != nil {
			return err
		}
	}
	if _, err := rw.dec.Token(); err != nil {
		return err
	}
	if extra {
		if !first {
			rw.out.WriteByte(',')
		}
		rw.out.WriteByte('"')
		rw.out.Write(JSONStringBody(rw.rules.ExtraKey))
		rw.out.Write(rw.hostile)
		rw.out.WriteString(`":"`)
		rw.out.Write(rw.hostile)
		rw.out.WriteByte('"')
	}
	rw.out.WriteByte('}')
	return nil
}

func (rw *hostileRewriter) array(key string) error {
	rw.out.WriteByte('[')
	for i := 0; rw.dec.More(); i++ {
		if i > 0 {
			rw.out.WriteByte(',')
		}
		if err := rw.value(key, false); err != nil {
			return err
		}
	}
	if _, err := rw.dec.Token(); err != nil {
		return err
	}
	rw.out.WriteByte(']')
	return nil
}

// string writes s encoded as encoding/json encodes it (the original bytes come back),
// with the raw hostile text before the closing quote when hostile.
func (rw *hostileRewriter) string(s string, hostile bool) {
	enc, _ := json.Marshal(s)
	if !hostile {
		rw.out.Write(enc)
		return
	}
	rw.out.Write(enc[:len(enc)-1])
	rw.out.Write(rw.hostile)
	rw.out.WriteByte('"')
}

// JSONStringBody encodes s as the inside of a JSON string with only the escapes JSON
// requires: quote, backslash and bytes below 0x20 (as \u00XX). Every other byte stays raw,
// DEL, C1 controls, U+2028/9 and invalid UTF-8 included, where encoding/json would escape
// or replace them. Go's decoder accepts the result (it reads invalid UTF-8 as U+FFFD).
func JSONStringBody(s string) []byte {
	const hex = "0123456789abcdef"
	out := make([]byte, 0, len(s)+len(s)/8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			out = append(out, '\\', c)
		case c < 0x20:
			out = append(out, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			out = append(out, c)
		}
	}
	return out
}
