package ironflow

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

type tenantItem struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	CreatedAt string `json:"created_at"`
	EnvCount  int    `json:"env_count"`
	KeyCount  int    `json:"key_count"`
}

func (h *harness) tenants(path, auth string) ([]tenantItem, *response) {
	h.t.Helper()
	r := h.do(request{path: path, auth: auth}).wantStatus(h.t, http.StatusOK)
	var out []tenantItem
	r.decode(h.t, &out)
	return out, r
}

func TestTenantListOnBothRoutes(t *testing.T) {
	h := newHarness(t, Options{Tenants: 150})
	for _, path := range []string{"/api/v1/platform/tenants", "/api/v1/tenants"} {
		for _, auth := range []string{h.login(ViewerEmail, ViewerPassword), h.srv.OperatorKey(), h.srv.ViewerKey()} {
			list, _ := h.tenants(path, auth)
			if len(list) != 150 {
				t.Fatalf("%s: %d tenants, want 150", path, len(list))
			}
			want := []tenantItem{
				{AcmeID, AcmeName, "2018-03-12T10:00:00Z", 3, 3},
				{GlobexID, GlobexName, "2018-05-20T09:30:00Z", 1, 1},
			}
			for i, w := range want {
				if list[i] != w {
					t.Errorf("%s: tenant %d = %+v, want %+v", path, i, list[i], w)
				}
			}
			if list[2].ID != EscapeTenantID || list[2].Name != EscapeTenantName {
				t.Errorf("escape tenant %q", list[2].Name)
			}
			if list[3].ID != LongTenantID || utf8.RuneCountInString(list[3].Name) != 300 {
				t.Errorf("long tenant: %d characters", utf8.RuneCountInString(list[3].Name))
			}
			for i, tn := range list[4:] {
				if !strings.HasPrefix(tn.ID, "org_") || len(tn.ID) != 12 || tn.Name == "" || tn.EnvCount < 1 || tn.CreatedAt < list[3+i].CreatedAt {
					t.Fatalf("generated tenant %d: %+v", i, tn)
				}
			}
		}
		h.do(request{path: path, auth: h.srv.TenantKey()}).wantBody(t, 403, `{"error":"platform credentials required"}`)
		h.do(request{path: path}).wantBody(t, 401, `{"error":"authentication required"}`)
	}
	if !strings.ContainsAny(EscapeTenantName, "\x1b\x07\x00\b\r\u202e\u009b") || !strings.Contains(EscapeTenantName, "\x1b]0;") {
		t.Error("the escape tenant's name lacks CSI, OSC, bidi or control bytes")
	}
}

func TestTenantSearchAndPaging(t *testing.T) {
	h := newHarness(t, Options{Tenants: 500})
	key := h.srv.OperatorKey()
	all, r := h.tenants("/api/v1/platform/tenants", key)
	if len(all) != 500 || r.header.Get(HeaderNextCursor) != "" || r.header.Get(HeaderTotalCount) != "500" {
		t.Fatalf("without limit: %d tenants, headers %v", len(all), r.header)
	}

	// Search ignores case and matches ids and names (the escape tenant's name forges Acme's).
	found, r := h.tenants("/api/v1/platform/tenants?search=ACME", key)
	if len(found) != 2 || found[0].ID != AcmeID || found[1].ID != EscapeTenantID || r.header.Get(HeaderTotalCount) != "2" {
		t.Errorf("search ACME: %+v", found)
	}
	if found, _ = h.tenants("/api/v1/platform/tenants?search=org_glob", key); len(found) != 1 || found[0].ID != GlobexID {
		t.Errorf("search by id: %+v", found)
	}
	word := strings.Fields(all[10].Name)[0] // a generated name's first word, shared by many
	want := 0
	for _, tn := range all {
		if strings.Contains(strings.ToLower(tn.ID+" "+tn.Name), strings.ToLower(word)) {
			want++
		}
	}

	// Paging by cursor reaches every match once, in order, following X-Next-Cursor and Link.
	var got []tenantItem
	path := "/api/v1/platform/tenants?search=" + url.QueryEscape(word) + "&limit=7"
	for pages := 0; ; pages++ {
		page, r := h.tenants(path, key)
		if r.header.Get(HeaderTotalCount) != strconv.Itoa(want) || len(page) > 7 || pages > want {
			t.Fatalf("page %d: %d items, total %q, want %d", pages, len(page), r.header.Get(HeaderTotalCount), want)
		}
		got = append(got, page...)
		next := r.header.Get(HeaderNextCursor)
		if next == "" {
			if r.header.Get("Link") != "" {
				t.Error("Link on the last page")
			}
			break
		}
		link := r.header.Get("Link")
		if !strings.HasPrefix(link, "</api/v1/platform/tenants?") || !strings.HasSuffix(link, `>; rel="next"`) ||
			!strings.Contains(link, "cursor="+url.QueryEscape(next)) {
			t.Fatalf("Link %q for cursor %q", link, next)
		}
		path = strings.TrimSuffix(strings.TrimPrefix(link, "<"), `>; rel="next"`)
	}
	if len(got) != want || want < 10 {
		t.Fatalf("paged %d tenants matching %q, want %d", len(got), word, want)
	}
	seen := map[string]bool{}
	for _, tn := range got {
		if seen[tn.ID] || !strings.Contains(strings.ToLower(tn.Name), strings.ToLower(word)) {
			t.Fatalf("%+v twice or not a match", tn)
		}
		seen[tn.ID] = true
	}

	h.do(request{path: "/api/v1/platform/tenants?cursor=bogus", auth: key}).wantBody(t, 400, `{"code":"invalid_argument","message":"invalid cursor"}`)
	h.do(request{path: "/api/v1/platform/tenants?limit=0", auth: key}).wantStatus(t, 400)
	if page, _ := h.tenants("/api/v1/platform/tenants?limit=5000", key); len(page) != 500 {
		t.Errorf("limit above the maximum: %d", len(page))
	}
	// The JS SDK's route knows no paging: everything.
	if sdk, _ := h.tenants("/api/v1/tenants?limit=5&search=acme", key); len(sdk) != 500 {
		t.Errorf("/api/v1/tenants with parameters: %d tenants", len(sdk))
	}
}

func TestTenantListKnobs(t *testing.T) {
	h := newHarness(t, Options{Tenants: 50, Unlicensed: true})
	key := h.srv.OperatorKey()
	for _, path := range []string{"/api/v1/platform/tenants", "/api/v1/tenants"} {
		h.do(request{path: path, auth: key}).wantBody(t, 402, `{"message":"enterprise license required"}`)
	}
	h.srv.SetUnlicensed(false)
	h.srv.SetPlainTenantList(true)
	list, r := h.tenants("/api/v1/platform/tenants?search=acme&limit=2&cursor=bogus", key)
	if len(list) != 50 || r.header.Get(HeaderNextCursor) != "" || r.header.Get(HeaderTotalCount) != "" {
		t.Errorf("plain list: %d tenants, headers %v", len(list), r.header)
	}
	h.srv.SetPlainTenantList(false)
	if list, _ = h.tenants("/api/v1/platform/tenants?limit=2", key); len(list) != 2 {
		t.Errorf("paging back: %d", len(list))
	}
}
