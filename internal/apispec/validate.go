package apispec

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

var filterOptions = &openapi3filter.Options{
	// A 2xx the operation does not document is a bug, not "anything goes".
	IncludeResponseStatus: true,
	MultiError:            true, // report every schema violation at once
	AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
	// Path + reason is enough; the default dumps the whole (huge) schema.
	SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.DisableSchemaErrorDetails()},
}

// ValidateResponse checks one exchange: req as sent (path /v1/...), and the
// response status, header and (possibly Content-Encoded) body.
func (v *Validator) ValidateResponse(req *http.Request, status int, header http.Header, body []byte) error {
	if req.Method == "" {
		req = req.Clone(req.Context())
		req.Method = http.MethodGet
	}
	if req.Method == http.MethodHead {
		return nil // no body to check
	}
	body, err := decodeContent(header, body)
	if err != nil {
		return err
	}
	route, params := v.findRoute(req)
	allowed := route == nil && v.undocumented(req.Method, req.URL.Path)
	switch {
	case status >= 200 && status < 300:
		switch {
		case route != nil:
			return validateDocumented(req, route, params, status, header, body)
		case allowed:
			return checkAnyJSON(status, header, body)
		}
		return fmt.Errorf("no route for %s %s", req.Method, req.URL.Path)
	case status >= 300 && status < 400:
		// Redirects (e.g. OAuth2) carry no Appwrite body when expected.
		if allowed || route != nil && route.Operation.Responses.Status(status) != nil {
			return nil
		}
	}
	return checkErrorBody(status, header, body)
}

func validateDocumented(req *http.Request, route *routers.Route, params map[string]string, status int, header http.Header, body []byte) error {
	if status == http.StatusNoContent && len(body) > 0 {
		return fmt.Errorf("204 response has a %d-byte body", len(body))
	}
	if route.Operation.Responses.Status(status) == nil {
		return fmt.Errorf("status %d is not documented for %s %s (documented: %s)",
			status, route.Method, "/v1"+route.Path, strings.Join(slices.Sorted(maps.Keys(route.Operation.Responses.Map())), ", "))
	}
	// Request validation is skipped on purpose: tests send malformed requests.
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request:    req,
			PathParams: params,
			Route:      route,
			Options:    filterOptions,
		},
		Status:  status,
		Header:  header,
		Options: filterOptions,
	}
	in.SetBodyBytes(body)
	return openapi3filter.ValidateResponse(context.Background(), in)
}

// checkAnyJSON is all we can say about routes the spec does not document.
func checkAnyJSON(status int, header http.Header, body []byte) error {
	if status == http.StatusNoContent {
		if len(body) > 0 {
			return fmt.Errorf("204 response has a %d-byte body", len(body))
		}
		return nil
	}
	if err := checkJSONType(header); err != nil {
		return err
	}
	if !json.Valid(body) {
		return errors.New("body is not valid JSON")
	}
	return nil
}

var errorKeys = []string{"code", "message", "type", "version"}

// checkErrorBody enforces the error shape the real server sends. The spec's
// `error` schema types code as a string; the server sends an integer.
func checkErrorBody(status int, header http.Header, body []byte) error {
	if err := checkJSONType(header); err != nil {
		return fmt.Errorf("error response: %w", err)
	}
	var m map[string]json.RawMessage
	if err := decodeStrict(body, &m); err != nil {
		return fmt.Errorf("error body is not a JSON object: %v", err)
	} else if m == nil {
		return errors.New("error body is not a JSON object: null")
	}
	var extra, missing []string
	for k := range m {
		if !slices.Contains(errorKeys, k) {
			extra = append(extra, k)
		}
	}
	for _, k := range errorKeys {
		if _, ok := m[k]; !ok {
			missing = append(missing, k)
		}
	}
	slices.Sort(extra)
	if len(extra) > 0 {
		return fmt.Errorf("error body has extra keys %q", extra)
	}
	if len(missing) > 0 {
		return fmt.Errorf("error body lacks keys %q", missing)
	}

	// Only a bare integer literal will do: not "404", 404.0 or 4e2.
	if n, err := strconv.Atoi(string(m["code"])); err != nil || n != status {
		return fmt.Errorf("error body: code %s must be the integer HTTP status %d", m["code"], status)
	}
	for _, k := range []string{"message", "type", "version"} {
		s, ok := jsonString(m[k])
		if !ok {
			return fmt.Errorf("error body: %s must be a string, got %s", k, m[k])
		}
		if k == "type" && s == "" {
			return errors.New("error body: type is empty")
		}
	}
	return nil
}

// decodeStrict decodes exactly one JSON value.
func decodeStrict(data []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(dst); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data after JSON value")
	}
	return nil
}

// jsonString reports whether raw is a JSON string (null would decode silently).
func jsonString(raw json.RawMessage) (string, bool) {
	var s string
	if !bytes.HasPrefix(raw, []byte(`"`)) || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

func checkJSONType(header http.Header) error {
	ct := header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
		return fmt.Errorf("Content-Type %q is not application/json", ct)
	}
	return nil
}

// decodeContent undoes Content-Encoding, which http.Transport only removes
// when it added Accept-Encoding itself.
func decodeContent(header http.Header, body []byte) ([]byte, error) {
	var r io.ReadCloser
	var err error
	switch enc := strings.ToLower(strings.TrimSpace(header.Get("Content-Encoding"))); enc {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		r, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		r, err = zlib.NewReader(bytes.NewReader(body))
	default:
		return nil, fmt.Errorf("cannot validate Content-Encoding %q", enc)
	}
	if err == nil {
		body, err = io.ReadAll(r)
	}
	if err != nil {
		return nil, fmt.Errorf("decoding Content-Encoding: %w", err)
	}
	return body, nil
}
