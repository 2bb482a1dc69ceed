package appwrite

import (
	"slices"

	"actas/demo/internal/textsearch"
)

// seqIter yields user sequence numbers in ascending order (*textsearch.Hits is one).
type seqIter interface{ Next() (int32, bool) }

type rangeIter struct{ at, end int32 }

func (r *rangeIter) Next() (int32, bool) {
	if r.at >= r.end {
		return 0, false
	}
	r.at++
	return r.at - 1, true
}

// candidates walks the users after `after` that match the search (all users if none).
func (s *store) candidates(q *textsearch.Query, after int32) seqIter {
	if q == nil {
		return &rangeIter{at: after + 1, end: int32(len(s.users))}
	}
	return s.search.Search(*q, after)
}

func (s *store) matchesFilters(spec *listSpec, seq int32) bool {
	for i := range spec.filters {
		if !spec.filters[i].match(&s.users[seq], seq) {
			return false
		}
	}
	return true
}

// listUsers answers GET /v1/users: total (capped at 5000, 0 when not wanted) and one page.
// The caller holds s.mu for reading.
func (s *store) listUsers(spec listSpec, q *textsearch.Query, wantTotal bool) (int, []int32, *apiError) {
	cursor := int32(-1)
	if spec.cursor != "" {
		if cursor = s.userByID(spec.cursor); cursor < 0 {
			return 0, nil, errCursorNotFound
		}
	}
	var page []int32
	if len(spec.orders) == 0 {
		page = s.pageInSequence(spec, q, cursor)
	} else {
		page = s.pageOrdered(spec, q, cursor)
	}
	total := 0
	if wantTotal {
		it := s.candidates(q, -1)
		for v, ok := it.Next(); ok && total < maxCount; v, ok = it.Next() {
			if s.matchesFilters(&spec, v) {
				total++
			}
		}
	}
	return total, page, nil
}

// pageInSequence serves the default order without sorting: candidates already come in it.
func (s *store) pageInSequence(spec listSpec, q *textsearch.Query, cursor int32) []int32 {
	if cursor >= 0 && spec.before {
		// The page just before the cursor: keep the last offset+limit matches in a ring.
		size := spec.offset + spec.limit
		ring := make([]int32, 0, size)
		n := 0
		it := s.candidates(q, -1)
		for v, ok := it.Next(); ok && v < cursor; v, ok = it.Next() {
			if !s.matchesFilters(&spec, v) {
				continue
			}
			if len(ring) < size {
				ring = append(ring, v)
			} else {
				ring[n%size] = v
			}
			n++
		}
		window := ring
		if n > size { // unroll the ring: oldest first
			window = append(slices.Clone(ring[n%size:]), ring[:n%size]...)
		}
		end := max(0, len(window)-spec.offset)
		return slices.Clone(window[max(0, end-spec.limit):end])
	}
	page := make([]int32, 0, spec.limit)
	skip := spec.offset
	it := s.candidates(q, cursor)
	for v, ok := it.Next(); ok && len(page) < spec.limit; v, ok = it.Next() {
		if !s.matchesFilters(&spec, v) {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		page = append(page, v)
	}
	return page
}

// pageOrdered sorts every match; used only when the caller asks for an order.
func (s *store) pageOrdered(spec listSpec, q *textsearch.Query, cursor int32) []int32 {
	var all []int32
	it := s.candidates(q, -1)
	for v, ok := it.Next(); ok; v, ok = it.Next() {
		if s.matchesFilters(&spec, v) {
			all = append(all, v)
		}
	}
	slices.SortFunc(all, func(a, b int32) int { return s.compareUsers(spec.orders, a, b) })
	if cursor >= 0 {
		// Like Appwrite, the cursor is a position in the order, whether or not it matches.
		pos, _ := slices.BinarySearchFunc(all, cursor, func(e, c int32) int { return s.compareUsers(spec.orders, e, c) })
		if spec.before {
			end := max(0, pos-spec.offset)
			return slices.Clone(all[max(0, end-spec.limit):end])
		}
		if pos < len(all) && all[pos] == cursor {
			pos++
		}
		all = all[pos:]
	}
	all = all[min(spec.offset, len(all)):]
	return slices.Clone(all[:min(spec.limit, len(all))])
}
