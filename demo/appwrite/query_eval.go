package appwrite

import (
	"cmp"
	"slices"
	"strings"
)

// attribute values of a user, by kind.
func (u *user) str(attr string) string {
	switch attr {
	case "name":
		return u.name
	case "email":
		return u.email
	case "phone":
		return u.phone
	case "$id":
		return u.id
	}
	return ""
}

func (u *user) flag(attr string) bool {
	switch attr {
	case "status":
		return u.status
	case "emailVerification":
		return u.emailVerified
	case "phoneVerification":
		return u.phoneVerified
	case "impersonator":
		return u.impersonator
	}
	return false
}

// num gives dates (Unix ms, 0 = unset) and the sequence number.
func (u *user) num(attr string, seq int32) int64 {
	switch attr {
	case "registration", "$createdAt":
		return u.registration
	case "passwordUpdate":
		return u.passwordUpdate
	case "$updatedAt":
		return u.updatedAt
	case "$sequence":
		return int64(seq) + 1
	}
	return 0
}

func (f *filter) match(u *user, seq int32) bool {
	switch f.kind {
	case kindBool:
		v := u.flag(f.attr)
		switch f.method {
		case "equal":
			return slices.Contains(f.bools, v)
		case "notEqual":
			return v != f.bools[0]
		case "isNull":
			return false
		case "isNotNull":
			return true
		}
		return false
	case kindStrings:
		switch f.method {
		case "contains":
			for _, want := range f.strs {
				if slices.Contains(u.labels, want) {
					return true
				}
			}
			return false
		case "isNull":
			return len(u.labels) == 0
		case "isNotNull":
			return len(u.labels) > 0
		}
		return false
	case kindString:
		return matchOrdered(f, u.str(f.attr), f.strs, "", func(v, prefix string) bool { return strings.HasPrefix(v, prefix) },
			func(v, suffix string) bool { return strings.HasSuffix(v, suffix) })
	default:
		v := u.num(f.attr, seq)
		return matchOrdered(f, v, f.nums, 0, nil, nil)
	}
}

// matchOrdered applies comparison methods to a value; zero is null (an unset date or an
// empty phone) and matches only isNull and equality with zero.
func matchOrdered[T cmp.Ordered](f *filter, v T, want []T, zero T, starts, ends func(v, w T) bool) bool {
	switch f.method {
	case "isNull":
		return v == zero
	case "isNotNull":
		return v != zero
	case "equal":
		return slices.Contains(want, v)
	case "notEqual":
		return v != want[0]
	}
	if v == zero {
		return false
	}
	switch f.method {
	case "lessThan":
		return v < want[0]
	case "lessThanEqual":
		return v <= want[0]
	case "greaterThan":
		return v > want[0]
	case "greaterThanEqual":
		return v >= want[0]
	case "between":
		return v >= want[0] && v <= want[1]
	case "startsWith":
		return starts != nil && starts(v, want[0])
	case "endsWith":
		return ends != nil && ends(v, want[0])
	case "contains":
		if s, ok := any(v).(string); ok {
			for _, w := range want {
				if strings.Contains(s, any(w).(string)) {
					return true
				}
			}
		}
	}
	return false
}

// compareUsers orders two users by the given orders, then by sequence.
func (s *store) compareUsers(orders []order, a, b int32) int {
	ua, ub := &s.users[a], &s.users[b]
	for _, o := range orders {
		var c int
		switch o.kind {
		case kindBool:
			c = cmp.Compare(boolInt(ua.flag(o.attr)), boolInt(ub.flag(o.attr)))
		case kindString:
			c = strings.Compare(ua.str(o.attr), ub.str(o.attr))
		default:
			c = cmp.Compare(ua.num(o.attr, a), ub.num(o.attr, b))
		}
		if o.desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return cmp.Compare(a, b)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
