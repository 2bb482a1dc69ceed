package appwrite

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// serverVersion is the Appwrite release whose behaviour the demo follows.
const serverVersion = "1.9.6"

// apiError is an Appwrite error: the HTTP status always equals Code.
type apiError struct {
	Code    int
	Type    string
	Message string
	// RetryAfter, when set, becomes a Retry-After header (whole seconds).
	RetryAfter time.Duration
}

func (e *apiError) Error() string { return e.Type + ": " + e.Message }

func errorf(code int, typ, msg string) *apiError {
	return &apiError{Code: code, Type: typ, Message: msg}
}

// The error types the demo raises, with Appwrite's own messages.
var (
	errRouteNotFound = errorf(404, "general_route_not_found",
		"The requested route was not found. Please refer to the API docs and try again.")
	errProjectNotFound = errorf(404, "project_not_found",
		"Project with the requested ID could not be found. Please check the value of the X-Appwrite-Project header to ensure the correct project ID is being used.")
	errInvalidCredentials = errorf(401, "user_invalid_credentials",
		"Invalid credentials. Please check the email and password.")
	errUserBlocked = errorf(403, "user_blocked",
		"The current user has been blocked.")
	errSessionExists = errorf(401, "user_session_already_exists",
		"Creation of a session is prohibited when a session is active.")
	errSessionNotFound = errorf(404, "user_session_not_found",
		"The current user session could not be found.")
	errUserNotFound = errorf(404, "user_not_found",
		"User with the requested ID could not be found.")
	errMoreFactors = errorf(401, "user_more_factors_required",
		"More factors are required to complete the sign in process.")
	errInvalidToken = errorf(401, "user_invalid_token",
		"Invalid token passed in the request.")
	errJWTAndCookie = errorf(403, "user_jwt_and_cookie_set",
		"Cannot use JWT and cookies together. Please use only one of them.")
	errKeyAndSession = errorf(403, "user_api_key_and_session_set",
		"API key and session used in the same request. Use either `setSession` or `setKey`.")
	errUnauthorized = errorf(401, "user_unauthorized",
		"The current user is not authorized to perform the requested action.")
	errCursorNotFound = errorf(400, "general_cursor_not_found",
		"The cursor is invalid. This can happen if the item represented by the cursor has been deleted.")
	errServerError = errorf(500, "general_unknown",
		"Server Error")
	errUnavailable = errorf(503, "general_service_disabled",
		"The requested service is temporarily unavailable.")
	errBadGateway = errorf(502, "general_server_error",
		"Bad gateway.")
	errGatewayTimeout = errorf(504, "general_server_error",
		"Gateway timeout.")
)

func errArgument(param, why string) *apiError {
	return errorf(400, "general_argument_invalid", "Invalid `"+param+"` param: "+why)
}

func errQuery(why string) *apiError {
	return errorf(400, "general_query_invalid", "Invalid query: "+why)
}

func errRateLimited(retry time.Duration) *apiError {
	e := errorf(429, "general_rate_limit_exceeded",
		"Rate limit for the current endpoint has been exceeded. Please try again after some time.")
	e.RetryAfter = retry
	return e
}

// errMissingScope mirrors Appwrite's wording: who, in which role, lacks which scope.
func errMissingScope(who, role, scope string) *apiError {
	scopes, _ := json.Marshal([]string{scope})
	return errorf(401, "general_unauthorized_scope",
		who+" (role: "+role+") missing scopes ("+string(scopes)+")")
}

// writeError sends the error JSON exactly as Appwrite shapes it.
func writeError(w http.ResponseWriter, e *apiError) {
	if e.RetryAfter > 0 {
		secs := int((e.RetryAfter + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	writeJSON(w, e.Code, errorJSON{Message: e.Message, Code: e.Code, Type: e.Type, Version: serverVersion})
}

type errorJSON struct {
	Message string `json:"message"`
	Code    int    `json:"code"`
	Type    string `json:"type"`
	Version string `json:"version"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"message":"Server Error","code":500,"type":"general_unknown","version":"` + serverVersion + `"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
