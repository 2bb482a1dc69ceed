package ironflow

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// apiError is one of the error shapes Ironflow clients meet: {"error":…} from the
// authentication layer, {"code","message"} from the API, {"message":…} for the licence,
// and plain text from a gateway in front of the server.
type apiError struct {
	Status     int
	Shape      errorShape
	Code       string // for shapeCode
	Message    string
	RetryAfter time.Duration // a Retry-After header (whole seconds, rounded up)
}

type errorShape int

const (
	shapeCode    errorShape = iota // {"code":…,"message":…}
	shapeError                     // {"error":…}
	shapeMessage                   // {"message":…}
	shapeText                      // text/plain
)

func (e *apiError) Error() string { return e.Message }

func authError(status int, msg string) *apiError {
	return &apiError{Status: status, Shape: shapeError, Message: msg}
}

func codeError(status int, code, msg string) *apiError {
	return &apiError{Status: status, Shape: shapeCode, Code: code, Message: msg}
}

// The authentication layer's errors ({"error":…}).
var (
	errAuthRequired       = authError(401, "authentication required") // seen
	errInvalidToken       = authError(401, "invalid or expired token")
	errInvalidKey         = authError(401, "invalid API key")
	errInvalidCredentials = authError(401, "invalid credentials")
	errInactive           = authError(403, "account is inactive")
	errPlatformRequired   = authError(403, "platform credentials required") // seen (message)
	errBadLoginBody       = authError(400, "email and password are required")
)

// The API's errors ({"code","message"}).
var (
	errOrgRequired    = codeError(403, "forbidden", "X-Ironflow-Org required")
	errKeyEnvironment = codeError(403, "forbidden", "environment does not match API key scope") // seen
	errEnvConflict    = codeError(400, "invalid_argument", HeaderEnvironment+" and env name different environments")
	errBadCursor      = codeError(400, "invalid_argument", "invalid cursor")
	errBadBody        = codeError(400, "invalid_argument", "invalid JSON body")
	errRouteNotFound  = codeError(404, "not_found", "route not found")
	errUnlicensed     = &apiError{Status: 402, Shape: shapeMessage, Message: "enterprise license required"} // seen
)

func errPermission(perm string) *apiError {
	return codeError(403, "permission_denied", perm+" required")
}

func errForeignEnvironment(env, org string) *apiError {
	return codeError(403, "forbidden", "environment "+env+" does not belong to organization "+org)
}

func errOrgNotFound(org string) *apiError {
	return codeError(404, "not_found", "organization "+org+" not found")
}

func errNotFound(what, id string) *apiError {
	return codeError(404, "not_found", what+" "+id+" not found")
}

func errArgument(msg string) *apiError { return codeError(400, "invalid_argument", msg) }

func errLoginLimited(retry time.Duration) *apiError {
	e := authError(429, "too many login attempts, try again later")
	e.RetryAfter = retry
	return e
}

// faultError is what a fault's status looks like: the API's shape from the server, plain
// text from the gateway statuses (502, 504), as a proxy in front would answer.
func faultError(status int, retry time.Duration) *apiError {
	var e *apiError
	switch status {
	case 429:
		e = authError(429, "rate limit exceeded")
	case 502:
		e = &apiError{Status: 502, Shape: shapeText, Message: "502 Bad Gateway"}
	case 503:
		e = codeError(503, "unavailable", "service unavailable")
	case 504:
		e = &apiError{Status: 504, Shape: shapeText, Message: "504 Gateway Timeout"}
	default:
		e = codeError(status, "internal", "internal server error")
	}
	e.RetryAfter = retry
	return e
}

func writeError(w http.ResponseWriter, e *apiError) {
	if e.RetryAfter > 0 {
		secs := int((e.RetryAfter + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	switch e.Shape {
	case shapeError:
		writeJSON(w, e.Status, map[string]string{"error": e.Message})
	case shapeMessage:
		writeJSON(w, e.Status, map[string]string{"message": e.Message})
	case shapeText:
		body := e.Message + "\n"
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(e.Status)
		_, _ = w.Write([]byte(body))
	default:
		writeJSON(w, e.Status, struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		}{e.Code, e.Message})
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"code":"internal","message":"internal server error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
