package ironflow

import (
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Cursors are opaque to clients: base64url of "kind:position", the position being where
// the previous page stopped. A cursor of another list or a forged one is refused (400).
func encodeCursor(kind string, pos int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(kind + ":" + strconv.FormatInt(pos, 10)))
}

func decodeCursor(kind, c string) (int64, *apiError) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, errBadCursor
	}
	k, pos, ok := strings.Cut(string(raw), ":")
	n, err := strconv.ParseInt(pos, 10, 64)
	if !ok || k != kind || err != nil || n < 0 {
		return 0, errBadCursor
	}
	return n, nil
}

// limitOf reads ?limit=: def when absent, at most max (larger values are clamped, as
// list APIs commonly do), a positive integer or 400.
func limitOf(q url.Values, def, max int) (int, *apiError) {
	v := q.Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, errArgument("limit must be a positive integer")
	}
	return min(n, max), nil
}

// timeOf reads an RFC 3339 time parameter; zero when absent.
func timeOf(q url.Values, name string) (time.Time, *apiError) {
	v := q.Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, errArgument(name + " must be an RFC 3339 time")
	}
	return t, nil
}

// stamp is how times are served: RFC 3339 in UTC, to the millisecond when there is one.
func stamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.999Z07:00")
}
