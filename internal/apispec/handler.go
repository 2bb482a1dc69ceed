package apispec

import (
	"bufio"
	"bytes"
	"net"
	"net/http"
	"strings"
	"testing"
)

// Handler wraps h so that every /v1/ response it writes is validated,
// reporting failures with t.Errorf. Hijacked connections are not checked.
func (v *Validator) Handler(t testing.TB, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/v1/") {
			h.ServeHTTP(w, r)
			return
		}
		method, path := r.Method, r.URL.Path
		rec := &recorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		if rec.hijacked {
			return
		}
		if rec.status == 0 {
			rec.WriteHeader(http.StatusOK)
		}
		body := rec.body.Bytes()
		header := rec.header
		// net/http sniffs a Content-Type when the handler sets none.
		if _, ok := header["Content-Type"]; !ok && len(body) > 0 {
			header.Set("Content-Type", http.DetectContentType(body))
		}
		if err := v.ValidateResponse(r, rec.status, header, body); err != nil {
			t.Errorf("apispec: %s %s -> %d: %v\nbody: %s", method, path, rec.status, err, head(body))
		}
	})
}

// recorder passes everything through to the real writer and keeps a copy of
// the final status, the header as sent and the body bytes written.
type recorder struct {
	http.ResponseWriter
	status   int
	header   http.Header
	body     bytes.Buffer
	hijacked bool
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 && (code >= 200 || code == http.StatusSwitchingProtocols) {
		r.status = code
		r.header = r.ResponseWriter.Header().Clone()
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.WriteHeader(http.StatusOK)
	}
	n, err := r.ResponseWriter.Write(p)
	r.body.Write(p[:n])
	return n, err
}

func (r *recorder) Flush() {
	if r.status == 0 {
		r.WriteHeader(http.StatusOK)
	}
	_ = http.NewResponseController(r.ResponseWriter).Flush()
}

func (r *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := http.NewResponseController(r.ResponseWriter).Hijack()
	if err == nil {
		r.hijacked = true
	}
	return conn, rw, err
}

// Unwrap lets http.ResponseController reach deadlines etc. of the real writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
