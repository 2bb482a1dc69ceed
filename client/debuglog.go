package client

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// debugTransport writes one line per HTTP attempt: time, method, path, status, duration
// and the headers, with every credential header, cookie and secret-looking query
// parameter replaced by [redacted]. Bodies are never logged.
type debugTransport struct {
	base http.RoundTripper
	out  *lockedWriter
}

const redacted = "[redacted]"

func (d *debugTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := d.base.RoundTrip(req)
	took := time.Since(start).Round(time.Millisecond)
	status := "error"
	if err != nil {
		status = "error " + strings.ReplaceAll(err.Error(), req.URL.String(), RedactURL(req.URL))
	} else {
		status = fmt.Sprint(resp.StatusCode)
	}
	line := fmt.Sprintf("%s %s %s %s %s req[%s]", start.UTC().Format(time.RFC3339), req.Method,
		RedactURL(req.URL), status, took, RedactHeaders(req.Header))
	if resp != nil {
		line += fmt.Sprintf(" resp[%s]", RedactHeaders(resp.Header))
	}
	d.out.writeLine(line)
	return resp, err
}

// sensitive says whether a header or parameter name may carry a credential.
func sensitive(name string) bool {
	n := strings.ToLower(name)
	for _, s := range []string{"session", "cookie", "authorization", "key", "jwt", "token", "secret", "password", "otp"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// RedactHeaders renders headers as "Name=value; …" sorted, credentials replaced.
func RedactHeaders(h http.Header) string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := make([]string, 0, len(names))
	for _, k := range names {
		v := strings.Join(h[k], ",")
		if sensitive(k) {
			v = redacted
		}
		parts = append(parts, k+"="+v)
	}
	return strings.Join(parts, "; ")
}

// RedactURL renders path and query for people to read (values unescaped, keys sorted),
// credential-like parameters replaced.
func RedactURL(u *url.URL) string {
	if u.RawQuery == "" {
		return u.EscapedPath()
	}
	q := u.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		for _, v := range q[k] {
			if sensitive(k) {
				v = redacted
			}
			parts = append(parts, k+"="+v)
		}
	}
	return u.EscapedPath() + "?" + strings.Join(parts, "&")
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func newLockedWriter(w io.Writer) *lockedWriter { return &lockedWriter{w: w} }

func (l *lockedWriter) writeLine(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = io.WriteString(l.w, s+"\n")
}
