package mpdx

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/hashicorp/jsonapi"
)

// apiError is a JSON:API error document with one error object, as MPDX's ApiController
// renders them (seen): status as a string, a title, detail left out when empty.
type apiError struct {
	status     int
	title      string
	detail     string
	pointer    string         // source.pointer, for an attribute of the request body
	parameter  string         // source.parameter, for a query parameter
	meta       map[string]any // on the error object and the document (see errStale)
	retryAfter time.Duration  // a Retry-After header, whole seconds rounded up
}

func newError(status int, detail string) *apiError {
	return &apiError{status: status, title: http.StatusText(status), detail: detail}
}

// The documented errors (seen, unless said).
var (
	errUnsupportedMediaType = newError(http.StatusUnsupportedMediaType, "")
	errNotAcceptable        = newError(http.StatusNotAcceptable, "")
	errUnauthorized         = newError(http.StatusUnauthorized, "Exceptions::AuthenticationError")
	errForbidden            = newError(http.StatusForbidden, "") // no detail
	errCASTicketMissing     = newError(http.StatusBadRequest, "Expected a cas_ticket to be provided in the attributes")
	// The demo's: a body that is not a JSON:API document with "data".
	errBadBody = newError(http.StatusBadRequest, "The request body must be a JSON:API document with a data object")
	// A missing updated_in_db_at is 409 like a stale one: MPDX's validation files it under
	// updated_in_db_at, which its ApiController renders as a conflict (seen in its code).
	errStaleMissing = newError(http.StatusConflict, "updated_in_db_at has to be sent in the list of attributes in order to update resource")
)

// errRoute is a path or method no route matches: Rails' message, as a JSON:API error
// (the demo's rendering).
func errRoute(r *http.Request) *apiError {
	return newError(http.StatusNotFound, "No route matches ["+r.Method+"] \""+r.URL.Path+"\"")
}

// errNotFound is ActiveRecord's RecordNotFound, e.g. Couldn't find User with 'id'=<uuid>.
func errNotFound(model, id string) *apiError {
	return newError(http.StatusNotFound, "Couldn't find "+model+" with 'id'="+id)
}

func errUserEmailNotFound(email string) *apiError {
	return newError(http.StatusNotFound, "Couldn't find User with email "+email)
}

// errWrongType is a request resource of another type, or none (” then).
func errWrongType(got, want string) *apiError {
	return newError(http.StatusConflict, "'"+got+"' is not a valid resource type for this endpoint. Expected '"+want+"' instead")
}

// errWrongID is a PUT whose data.id is not the resource at the URL (the demo's wording).
func errWrongID(got, want string) *apiError {
	return newError(http.StatusConflict, "'"+got+"' is not the id of the resource at this endpoint. Expected '"+want+"' instead")
}

// errForbiddenRecord is Pundit's refusal of one record (seen).
func errForbiddenRecord(uuid string) *apiError {
	return newError(http.StatusForbidden, "Not allowed to perform that action on the resource with ID "+uuid)
}

// errMissingAttribute is a required attribute left out (the demo's wording).
func errMissingAttribute(name string) *apiError {
	e := newError(http.StatusBadRequest, "Expected a "+name+" to be provided at /data/attributes/"+name)
	e.pointer = "/data/attributes/" + name
	return e
}

// errBadAttribute is an attribute of the wrong kind (the demo's wording).
func errBadAttribute(name, detail string) *apiError {
	e := newError(http.StatusBadRequest, detail)
	e.pointer = "/data/attributes/" + name
	return e
}

// errBadParameter is a query parameter the demo cannot read.
func errBadParameter(name, detail string) *apiError {
	e := newError(http.StatusBadRequest, detail)
	e.parameter = name
	return e
}

// errCASTicketRefused is MPDX's answer to a ticket CAS does not know (seen); the demo has
// no CAS, so every ticket gets it.
func errCASTicketRefused(ticket string) *apiError {
	return newError(http.StatusUnauthorized, "INVALID_TICKET: Ticket '"+ticket+"' not recognized")
}

// errStale is an update whose updated_in_db_at is not the record's (MPDX's message,
// seen in its code). The doc's "meta.updated_in_db_at" does not say which meta: it is in both the
// error object's and the document's.
func errStale(current time.Time) *apiError {
	at := stamp(current)
	e := newError(http.StatusConflict, "updated_in_db_at is not equal to the current value in the database ("+at+")")
	e.meta = map[string]any{"updated_in_db_at": at}
	return e
}

func errSignInLimited(retry time.Duration) *apiError {
	e := newError(http.StatusTooManyRequests, "Retry later")
	e.retryAfter = retry
	return e
}

// faultError is what an injected or random fault's status looks like: a JSON:API error
// like the server's own, as MPDX's proxies are not modelled.
func faultError(status int, retry time.Duration) *apiError {
	e := newError(status, "")
	e.retryAfter = retry
	return e
}

// errorsDocument is hashicorp/jsonapi's ErrorsPayload plus the top-level meta.
type errorsDocument struct {
	Errors []*jsonapi.ErrorObject `json:"errors"`
	Meta   map[string]any         `json:"meta,omitempty"`
}

func writeError(w http.ResponseWriter, e *apiError) {
	if e.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int((e.retryAfter+time.Second-1)/time.Second)))
	}
	obj := &jsonapi.ErrorObject{Status: strconv.Itoa(e.status), Title: e.title, Detail: e.detail}
	if e.pointer != "" || e.parameter != "" {
		obj.Source = &jsonapi.ErrorSource{Pointer: e.pointer, Parameter: e.parameter}
	}
	if e.meta != nil {
		m := e.meta
		obj.Meta = &m
	}
	body, _ := json.Marshal(errorsDocument{Errors: []*jsonapi.ErrorObject{obj}, Meta: e.meta})
	writeBody(w, e.status, body)
}

// writeBody sends a JSON:API document.
func writeBody(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", ContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// stamp is how MPDX writes times: UTC, to the second.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
