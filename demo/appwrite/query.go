package appwrite

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Appwrite's list limits: at most 100 queries of 4096 characters, limit 1..5000, offset
// 0..5000, and totals counted up to 5000.
const (
	maxQueries     = 100
	maxQueryLength = 4096
	maxLimit       = 5000
	maxOffset      = 5000
	maxCount       = 5000
	defaultLimit   = 25
	maxSearchLen   = 256
)

type attrKind int

const (
	kindString attrKind = iota
	kindBool
	kindDate
	kindStrings // an array of strings
	kindInt
)

// userAttributes are the attributes /v1/users may filter and order on.
var userAttributes = map[string]attrKind{
	"name": kindString, "email": kindString, "phone": kindString, "$id": kindString,
	"status": kindBool, "emailVerification": kindBool, "phoneVerification": kindBool, "impersonator": kindBool,
	"registration": kindDate, "passwordUpdate": kindDate, "$createdAt": kindDate, "$updatedAt": kindDate,
	"labels": kindStrings, "$sequence": kindInt,
}

type filter struct {
	method string
	attr   string
	kind   attrKind
	strs   []string
	bools  []bool
	nums   []int64 // dates as Unix milliseconds, or sequence numbers
}

type order struct {
	attr string
	kind attrKind
	desc bool
}

// listSpec is a parsed `queries[]` list.
type listSpec struct {
	limit, offset int
	cursor        string
	before        bool
	filters       []filter
	orders        []order
}

type rawQuery struct {
	Method    string            `json:"method"`
	Attribute string            `json:"attribute"`
	Values    []json.RawMessage `json:"values"`
}

var indexedParam = regexp.MustCompile(`^queries\[(\d*)\]$`)

// queryParams collects queries[]=…, queries[N]=… and queries=… in index order, as PHP does.
func queryParams(form url.Values) []string {
	type entry struct {
		index int
		value string
	}
	var entries []entry
	next := 0
	for key, vals := range form {
		m := indexedParam.FindStringSubmatch(key)
		if key != "queries" && m == nil {
			continue
		}
		for _, v := range vals {
			idx := next
			if m != nil && m[1] != "" {
				idx, _ = strconv.Atoi(m[1])
			} else {
				next++
				idx = 1<<30 + idx // appended entries keep their order after indexed ones
			}
			entries = append(entries, entry{idx, v})
		}
	}
	sort.SliceStable(entries, func(a, b int) bool { return entries[a].index < entries[b].index })
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.value
	}
	return out
}

// parseQueries validates queries for a collection whose attributes are attrs. When
// onlyPaging is set (the logs endpoints) only limit and offset are allowed.
func parseQueries(raw []string, attrs map[string]attrKind, onlyPaging bool) (listSpec, *apiError) {
	spec := listSpec{limit: defaultLimit}
	if len(raw) > maxQueries {
		return spec, errArgument("queries", fmt.Sprintf("Value must a valid array no longer than %d items and Value must be a valid string and at least 1 chars and no longer than %d chars", maxQueries, maxQueryLength))
	}
	seen := map[string]bool{}
	for _, s := range raw {
		if len(s) > maxQueryLength {
			return spec, errArgument("queries", fmt.Sprintf("Value must be a valid string and at least 1 chars and no longer than %d chars", maxQueryLength))
		}
		var q rawQuery
		if err := json.Unmarshal([]byte(s), &q); err != nil || q.Method == "" {
			return spec, errQuery("Invalid query: " + s)
		}
		if onlyPaging && q.Method != "limit" && q.Method != "offset" {
			return spec, errQuery(fmt.Sprintf("Query method not allowed: %s", q.Method))
		}
		switch q.Method {
		case "limit", "offset", "cursorAfter", "cursorBefore":
			group := q.Method
			if strings.HasPrefix(group, "cursor") {
				group = "cursor"
			}
			if seen[group] {
				return spec, errQuery(fmt.Sprintf("Invalid query: %s queries can only be used once", group))
			}
			seen[group] = true
		}
		if err := spec.add(q, attrs); err != nil {
			return spec, err
		}
	}
	return spec, nil
}

func (spec *listSpec) add(q rawQuery, attrs map[string]attrKind) *apiError {
	switch q.Method {
	case "limit", "offset":
		n, ok := singleInt(q.Values)
		hi := maxLimit
		lo := 1
		if q.Method == "offset" {
			hi, lo = maxOffset, 0
		}
		if !ok || n < int64(lo) || n > int64(hi) {
			return errQuery(fmt.Sprintf("Invalid %s: Value must be a valid range between %d and %s", q.Method, lo, commas(hi)))
		}
		if q.Method == "limit" {
			spec.limit = int(n)
		} else {
			spec.offset = int(n)
		}
	case "cursorAfter", "cursorBefore":
		var id string
		if len(q.Values) != 1 || json.Unmarshal(q.Values[0], &id) != nil || id == "" {
			return errQuery("Invalid cursor: Cursor must contain at most one value")
		}
		spec.cursor, spec.before = id, q.Method == "cursorBefore"
	case "orderAsc", "orderDesc":
		kind, ok := attrs[q.Attribute]
		if !ok {
			return errQuery("Attribute not found in schema: " + q.Attribute)
		}
		if kind == kindStrings {
			return errQuery(fmt.Sprintf("Cannot order by attribute \"%s\" because it is an array", q.Attribute))
		}
		spec.orders = append(spec.orders, order{q.Attribute, kind, q.Method == "orderDesc"})
	case "select":
		// Appwrite accepts select on users; every attribute is returned anyway.
	case "search":
		return errQuery(fmt.Sprintf("Searching by attribute \"%s\" requires a fulltext index.", q.Attribute))
	default:
		f, err := parseFilter(q, attrs)
		if err != nil {
			return err
		}
		spec.filters = append(spec.filters, f)
	}
	return nil
}

var filterArity = map[string][2]int{ // method -> min, max number of values (-1: unbounded)
	"equal": {1, -1}, "notEqual": {1, 1}, "lessThan": {1, 1}, "lessThanEqual": {1, 1},
	"greaterThan": {1, 1}, "greaterThanEqual": {1, 1}, "contains": {1, -1},
	"startsWith": {1, 1}, "endsWith": {1, 1}, "between": {2, 2}, "isNull": {0, 0}, "isNotNull": {0, 0},
}

func parseFilter(q rawQuery, attrs map[string]attrKind) (filter, *apiError) {
	arity, known := filterArity[q.Method]
	if !known {
		return filter{}, errQuery("Invalid query method: " + q.Method)
	}
	kind, ok := attrs[q.Attribute]
	if !ok {
		return filter{}, errQuery("Attribute not found in schema: " + q.Attribute)
	}
	if len(q.Values) < arity[0] || (arity[1] >= 0 && len(q.Values) > arity[1]) {
		return filter{}, errQuery(fmt.Sprintf("%s queries require %d value(s)", q.Method, arity[0]))
	}
	if kind == kindStrings && q.Method != "contains" && q.Method != "isNull" && q.Method != "isNotNull" {
		return filter{}, errQuery(fmt.Sprintf("Cannot query %s on attribute \"%s\" because it is an array.", q.Method, q.Attribute))
	}
	if q.Method == "contains" && kind != kindStrings && kind != kindString {
		return filter{}, errQuery(fmt.Sprintf("Cannot query contains on attribute \"%s\" because it is not an array or string.", q.Attribute))
	}
	f := filter{method: q.Method, attr: q.Attribute, kind: kind}
	for _, raw := range q.Values {
		if err := f.addValue(raw); err != nil {
			return filter{}, errQuery(fmt.Sprintf("Query value is invalid for attribute \"%s\"", q.Attribute))
		}
	}
	return f, nil
}

func (f *filter) addValue(raw json.RawMessage) error {
	switch f.kind {
	case kindBool:
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return err
		}
		f.bools = append(f.bools, b)
	case kindInt:
		var n int64
		if err := json.Unmarshal(raw, &n); err != nil {
			return err
		}
		f.nums = append(f.nums, n)
	case kindDate:
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		t, err := parseDate(s)
		if err != nil {
			return err
		}
		f.nums = append(f.nums, t.UnixMilli())
	default:
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		f.strs = append(f.strs, s)
	}
	return nil
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.000-07:00", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("invalid date %q", s)
}

func singleInt(values []json.RawMessage) (int64, bool) {
	if len(values) != 1 {
		return 0, false
	}
	var n int64
	if err := json.Unmarshal(values[0], &n); err != nil {
		return 0, false
	}
	return n, true
}

func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
