package textsearch

import "sort"

// Union walks the union of sorted lists in ascending order without repeats. It keeps a
// binary heap of list heads, so each step costs log(lists). The zero Union is empty.
type Union struct {
	heap []listCursor
}

type listCursor struct {
	list []int32
	pos  int
}

func (c listCursor) head() int32 { return c.list[c.pos] }

// NewUnion starts every list at its first value greater than after.
func NewUnion(lists [][]int32, after int32) *Union {
	m := &Union{heap: make([]listCursor, 0, len(lists))}
	for _, l := range lists {
		pos := sort.Search(len(l), func(i int) bool { return l[i] > after })
		if pos < len(l) {
			m.heap = append(m.heap, listCursor{l, pos})
		}
	}
	for i := len(m.heap)/2 - 1; i >= 0; i-- {
		m.down(i)
	}
	return m
}

// Next returns the next value, or false when every list is spent.
func (m *Union) Next() (int32, bool) {
	if len(m.heap) == 0 {
		return 0, false
	}
	v := m.heap[0].head()
	for len(m.heap) > 0 && m.heap[0].head() == v {
		m.heap[0].pos++
		if m.heap[0].pos == len(m.heap[0].list) {
			last := len(m.heap) - 1
			m.heap[0] = m.heap[last]
			m.heap = m.heap[:last]
		}
		if len(m.heap) > 0 {
			m.down(0)
		}
	}
	return v, true
}

func (m *Union) down(i int) {
	h := m.heap
	for {
		l, r, min := 2*i+1, 2*i+2, i
		if l < len(h) && h[l].head() < h[min].head() {
			min = l
		}
		if r < len(h) && h[r].head() < h[min].head() {
			min = r
		}
		if min == i {
			return
		}
		h[i], h[min] = h[min], h[i]
		i = min
	}
}
