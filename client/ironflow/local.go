package ironflow

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"actas/client"
)

// localCursor starts the cursors of pages cut here from the whole list.
const localCursor = "local:"

// tenantCache is the whole tenant list of a server that ignores search and paging, with
// each tenant's searchable text lowered once, so that a keystroke costs one scan and no
// allocation per tenant.
type tenantCache struct {
	mu      sync.Mutex
	all     []tenant
	text    []string // "id name", lowered, per tenant
	full    bool
	query   string  // the last search
	matches []int32 // its matches, in list order
}

func (tc *tenantCache) loaded() bool {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return tc.full
}

// fill keeps the whole list.
func (tc *tenantCache) fill(all []tenant) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	tc.all, tc.full = all, true
	tc.text = make([]string, len(all))
	for i, t := range all {
		tc.text[i] = strings.ToLower(t.ID + " " + t.Name)
	}
	tc.query, tc.matches = "", nil
}

// match is the tenants whose id or name contains search (in any case), in list order. A
// search that extends the last one only looks among the last one's matches.
func (tc *tenantCache) match(search string) []int32 {
	q := strings.ToLower(strings.TrimSpace(search))
	if tc.matches != nil && q == tc.query {
		return tc.matches
	}
	if tc.matches != nil && tc.query != "" && strings.Contains(q, tc.query) {
		kept := tc.matches[:0:0]
		for _, i := range tc.matches {
			if strings.Contains(tc.text[i], q) {
				kept = append(kept, i)
			}
		}
		tc.query, tc.matches = q, kept
		return kept
	}
	matches := make([]int32, 0, 64)
	for i, t := range tc.text {
		if q == "" || strings.Contains(t, q) {
			matches = append(matches, int32(i))
		}
	}
	tc.query, tc.matches = q, matches
	return matches
}

// page cuts one page of the matches of search, from the offset after names.
func (tc *tenantCache) page(search, after string, limit int) client.SubjectPage {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	matches := tc.match(search)
	from, _ := strconv.Atoi(strings.TrimPrefix(after, localCursor))
	from = min(max(0, from), len(matches))
	to := min(from+limit, len(matches))
	page := client.SubjectPage{Total: len(matches), Subjects: make([]client.Subject, 0, to-from)}
	for _, i := range matches[from:to] {
		page.Subjects = append(page.Subjects, tc.all[i].subject())
	}
	if to < len(matches) {
		page.Next = localCursor + strconv.Itoa(to)
	}
	return page
}

// localPage is a page of the whole list, read once from the server.
func (c *Client) localPage(ctx context.Context, search, after string, limit int) (client.SubjectPage, error) {
	if !c.tenants.loaded() {
		all, _, err := c.listTenants(ctx, url.Values{})
		if err != nil {
			return client.SubjectPage{}, err
		}
		c.tenants.fill(all)
	}
	return c.tenants.page(search, after, limit), nil
}
