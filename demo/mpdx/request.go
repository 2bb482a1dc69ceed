package mpdx

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"

	"github.com/hashicorp/jsonapi"
)

// maxBody bounds request bodies.
const maxBody = 1 << 20

// envelope is a request document as far as the checks before unmarshalling need it: does
// it have data, of which type, with which attributes.
type envelope struct {
	Data *struct {
		Type       *string                    `json:"type"`
		ID         string                     `json:"id"`
		Attributes map[string]json.RawMessage `json:"attributes"`
	} `json:"data"`
}

// readResource reads a request document whose data must be of type want into model (a
// struct pointer tagged for hashicorp/jsonapi), and returns its envelope. A body without
// data is errBadBody; a type other than want, or none, is MPDX's 409 (seen).
func readResource(x *exchange, want string, model any) (*envelope, *apiError) {
	raw, err := io.ReadAll(http.MaxBytesReader(x.w, x.r.Body, maxBody))
	var env envelope
	if err != nil || json.Unmarshal(raw, &env) != nil || env.Data == nil {
		return nil, errBadBody
	}
	if got := env.Data.Type; got == nil || *got != want {
		t := ""
		if got != nil {
			t = *got
		}
		return nil, errWrongType(t, want)
	}
	if err := jsonapi.UnmarshalPayload(bytes.NewReader(raw), model); err != nil {
		return nil, newError(http.StatusBadRequest, "The request body is not a valid '"+want+"' resource")
	}
	return &env, nil
}
