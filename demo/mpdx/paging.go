package mpdx

import (
	"net/url"
	"strconv"
)

// Paging is page and per_page (seen), not JSON:API's page[number].
const (
	DefaultPerPage = 25
	// MaxPerPage bounds per_page (the demo's; larger values are clamped).
	MaxPerPage = 500
)

// paging is one page of a list: page counts from 1.
type paging struct {
	page, perPage int
}

// pagingOf reads ?page= and ?per_page= leniently, as Rails' to_i does: anything that is
// not a positive number is the default (page 1, DefaultPerPage).
func pagingOf(q url.Values) paging {
	p := paging{page: 1, perPage: DefaultPerPage}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 0 {
		p.page = n
	}
	if n, err := strconv.Atoi(q.Get("per_page")); err == nil && n > 0 {
		p.perPage = min(n, MaxPerPage)
	}
	return p
}

// window is the part [from, to) of total items on the page.
func (p paging) window(total int) (from, to int) {
	from = min((p.page-1)*p.perPage, total)
	if p.page-1 > total/p.perPage { // a page far past the end: avoid overflowing
		from = total
	}
	return from, min(from+p.perPage, total)
}

// meta is the document's meta: {"pagination":{page, per_page, total_count, total_pages}}.
func (p paging) meta(total int) map[string]any {
	return map[string]any{"pagination": map[string]int{
		"page": p.page, "per_page": p.perPage, "total_count": total, "total_pages": (total + p.perPage - 1) / p.perPage,
	}}
}

// pageOf slices items to the page.
func pageOf[T any](p paging, items []T) []T {
	from, to := p.window(len(items))
	return items[from:to]
}
