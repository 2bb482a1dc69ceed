package ironflow

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// tenantJSON is an item of the tenant list: the JS SDK's fields (seen) plus created_at
// (the CLI's CREATED column).
type tenantJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	CreatedAt string `json:"created_at"`
	EnvCount  int    `json:"env_count"`
	KeyCount  int    `json:"key_count"`
}

func (t *tenant) json() tenantJSON {
	return tenantJSON{ID: t.id, Name: t.name, CreatedAt: stamp(t.created), EnvCount: len(t.environments), KeyCount: t.keys}
}

// maxTenantPage bounds ?limit= on the platform list.
const maxTenantPage = 1_000

// listSDKTenants is GET /api/v1/tenants (the JS SDK's, seen): every tenant, a bare array,
// no search or paging.
func listSDKTenants(x *exchange) *apiError {
	if x.srv.unlicensed.Load() {
		return errUnlicensed
	}
	writeTenants(x.w, x.srv.tenants, nil)
	return nil
}

// listPlatformTenants is GET /api/v1/platform/tenants (the path is unverified; search and
// paging are the demo's). The body is a bare array, so paging travels in headers:
//   - ?search= keeps tenants whose id or name contains it, ignoring case (as SQL ILIKE
//     '%…%' would);
//   - ?limit= (1–1000; larger is clamped) pages; without it every match is answered;
//   - X-Total-Count is the number of matches over all pages;
//   - X-Next-Cursor, and Link <…>; rel="next" with the same query, are set while more
//     matches follow; ?cursor= takes the value back (opaque; 400 if not one of ours).
//
// With Options.PlainTenantList the parameters are ignored and no header is set.
func listPlatformTenants(x *exchange) *apiError {
	if x.srv.unlicensed.Load() {
		return errUnlicensed
	}
	if x.srv.plainList.Load() {
		writeTenants(x.w, x.srv.tenants, nil)
		return nil
	}
	q := x.r.URL.Query()
	limit, err := limitOf(q, len(x.srv.tenants), maxTenantPage) // no limit: every match
	if err != nil {
		return err
	}
	start := 0
	if c := q.Get("cursor"); c != "" {
		pos, err := decodeCursor("t", c)
		if err != nil || pos >= int64(len(x.srv.tenants)) {
			return errBadCursor
		}
		start = int(pos) + 1
	}
	search := strings.ToLower(strings.TrimSpace(q.Get("search")))
	var page []tenant
	total, last, more := 0, -1, false
	for i := range x.srv.tenants {
		t := &x.srv.tenants[i]
		if search != "" && !strings.Contains(t.search, search) {
			continue
		}
		total++
		if i < start {
			continue
		}
		if len(page) < limit {
			page, last = append(page, *t), i
		} else {
			more = true
		}
	}
	h := http.Header{HeaderTotalCount: {strconv.Itoa(total)}}
	if more {
		next := encodeCursor("t", int64(last))
		h.Set(HeaderNextCursor, next)
		nq := url.Values{"cursor": {next}, "limit": {strconv.Itoa(limit)}}
		if search != "" {
			nq.Set("search", q.Get("search"))
		}
		h.Set("Link", "<"+x.r.URL.Path+"?"+nq.Encode()+`>; rel="next"`)
	}
	writeTenants(x.w, page, h)
	return nil
}

func writeTenants(w http.ResponseWriter, ts []tenant, h http.Header) {
	out := make([]tenantJSON, len(ts))
	for i := range ts {
		out[i] = ts[i].json()
	}
	for k, v := range h {
		w.Header()[k] = v
	}
	writeJSON(w, http.StatusOK, out)
}
