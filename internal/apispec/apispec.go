// Package apispec checks HTTP responses of the server against the Appwrite
// OpenAPI 3 document in testdata. It is test support: import it only from
// _test.go files.
package apispec

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

const specFile = "testdata/appwrite-open-api3-1.9.3-server.json"

// Validator holds the parsed spec and its routers. It is safe for concurrent use.
type Validator struct {
	doc *openapi3.T
	// One router per method: gorillamux stops at the first path that matches
	// regardless of method, so /users/{userId} would be shadowed by literal
	// siblings such as /users/argon2 (POST only) if all methods shared one.
	routers map[string]routers.Router

	mu         sync.RWMutex
	undocument []template
}

var (
	loadOnce sync.Once
	loaded   *Validator
	loadErr  error
)

// Load parses the spec once per process and returns the shared validator.
func Load(t testing.TB) *Validator {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = load() })
	if loadErr != nil {
		t.Fatalf("apispec: %v", loadErr)
	}
	return loaded
}

func load() (*Validator, error) {
	path, err := findSpec()
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	// No doc.Validate: the spec fails it (an invalid example in `any`, a
	// default outside its enum, array schemas without items) in ways that do
	// not affect response validation.
	patchSpec(doc)
	return newValidator(doc)
}

// findSpec walks up from this source file to the module root (go.mod).
func findSpec() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("runtime.Caller failed")
	}
	for dir := filepath.Dir(file); ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, filepath.FromSlash(specFile)), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above %s", file)
		}
		dir = parent
	}
}

// patchSpec fixes spec bugs that contradict the real server.
func patchSpec(doc *openapi3.T) {
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			for _, resp := range op.Responses.Map() {
				// POST /functions/{functionId}/executions documents its 201 as
				// multipart/form-data, but the server answers with JSON.
				c := resp.Value.Content
				if mt := c["multipart/form-data"]; mt != nil && c["application/json"] == nil {
					c["application/json"] = mt
				}
			}
		}
	}
}

func newValidator(doc *openapi3.T) (*Validator, error) {
	// Match on the path only: the test server's host and scheme are arbitrary.
	servers := openapi3.Servers{{URL: "/v1"}}
	byMethod := map[string]*openapi3.Paths{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			if byMethod[method] == nil {
				byMethod[method] = openapi3.NewPaths()
			}
			byMethod[method].Set(path, item)
		}
	}
	v := &Validator{doc: doc, routers: map[string]routers.Router{}}
	for method, paths := range byMethod {
		sub := &openapi3.T{OpenAPI: doc.OpenAPI, Info: doc.Info, Components: doc.Components, Paths: paths, Servers: servers}
		r, err := gorillamux.NewRouter(sub)
		if err != nil {
			return nil, fmt.Errorf("router for %s: %w", method, err)
		}
		v.routers[method] = r
	}
	return v, nil
}

// findRoute returns the documented operation for req, or nil.
func (v *Validator) findRoute(req *http.Request) (*routers.Route, map[string]string) {
	r := v.routers[req.Method]
	if r == nil {
		return nil, nil
	}
	route, params, err := r.FindRoute(req)
	if err != nil {
		return nil, nil
	}
	return route, params
}

// template is a path pattern like /v1/users/{userId}, split into segments.
type template struct {
	method   string
	segments []string
}

// AllowUndocumented accepts method + pathTemplate (e.g. "/v1/account/sessions")
// although the spec lacks it; such 2xx responses only need a JSON body.
func (v *Validator) AllowUndocumented(method, pathTemplate string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.undocument = append(v.undocument, template{strings.ToUpper(method), strings.Split(pathTemplate, "/")})
}

func (v *Validator) undocumented(method, path string) bool {
	segs := strings.Split(path, "/")
	v.mu.RLock()
	defer v.mu.RUnlock()
	for _, tpl := range v.undocument {
		if tpl.method == method && tpl.matches(segs) {
			return true
		}
	}
	return false
}

func (tpl template) matches(segs []string) bool {
	if len(segs) != len(tpl.segments) {
		return false
	}
	for i, s := range tpl.segments {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			if segs[i] == "" {
				return false
			}
		} else if s != segs[i] {
			return false
		}
	}
	return true
}
