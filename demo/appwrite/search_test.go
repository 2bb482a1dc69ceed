package appwrite

import (
	"slices"
	"testing"
)

// searchIDs runs one search and returns every id it finds (fewer than 5000).
func (h *harness) searchIDs(sess, search string) []string {
	h.t.Helper()
	l := h.list(sess, usersPath([]string{q("limit", "", 5000)}, "search", search))
	if l.Total != len(l.Users) {
		h.t.Fatalf("search %q: total %d but %d users", search, l.Total, len(l.Users))
	}
	return l.ids()
}

func TestSearchSemantics(t *testing.T) {
	h := newHarness(t, Options{Users: 2000})
	op := h.operator()
	generated := h.store().users[len(h.store().users)-1]
	tests := []struct {
		name, search string
		has, hasNot  []string
		none         bool
	}{
		{"prefix of the last word", "lovel", []string{AdaID}, nil, false},
		{"case-insensitive", "LOVELACE", []string{AdaID}, nil, false},
		{"words are OR-ed", "lovelace smirnova", []string{AdaID, "olga"}, nil, false},
		{"non-last words match whole only", "lovel smirnova", []string{"olga"}, []string{AdaID}, false},
		{"a 1-letter last word is a prefix", "l", []string{AdaID, LongNameID}, nil, false},
		{"a 2-letter last word is a prefix", "sm", []string{"olga"}, nil, false},
		{"short non-last words are dropped", "zz lovelace", []string{AdaID}, nil, false},
		{"a short word alone is never indexed", "王伟", nil, []string{"wei"}, true},
		{"stopword com matches nobody", "com", nil, []string{AdaID, "unicorn"}, true},
		{"quoted phrase, in order", `"ada lovelace"`, []string{AdaID}, nil, false},
		{"quoted phrase, wrong order", `"lovelace ada"`, nil, []string{AdaID}, true},
		{"only @ finds nothing", "@", nil, nil, true},
		{"only operators find nothing", `+-*()<>~"`, nil, nil, true},
		{"phone in E.164", AdaPhone, []string{AdaID}, nil, false},
		{"email", "olga.smirnova@example.ru", []string{"olga"}, nil, false},
		{"id", generated.id, []string{generated.id}, nil, false},
		{"Cyrillic", "Смирнова", []string{"olga"}, nil, false},
		{"Cyrillic lower case", "ольга", []string{"olga"}, nil, false},
		{"Greek", "Παπαδοπούλου", []string{"eleni"}, nil, false},
		{"Hangul", "김민준", []string{"minjun"}, nil, false},
		{"Devanagari", "शर्मा", []string{"priya"}, nil, false},
		{"accents", "ångström", []string{"zoe"}, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := h.searchIDs(op, tc.search)
			if tc.none && len(got) > 0 {
				t.Errorf("found %d users, want none", len(got))
			}
			for _, id := range tc.has {
				if !slices.Contains(got, id) {
					t.Errorf("%s not found (%d results)", id, len(got))
				}
			}
			for _, id := range tc.hasNot {
				if slices.Contains(got, id) {
					t.Errorf("%s found, want not", id)
				}
			}
		})
	}
	if got := h.searchIDs(op, generated.id); !slices.Equal(got, []string{generated.id}) {
		t.Errorf("search by a full id found %v, want exactly that user", got)
	}
	if got := h.searchIDs(op, AdaPhone); !slices.Equal(got, []string{AdaID}) {
		t.Errorf("search by ada's phone found %v, want exactly ada", got)
	}
}

func TestSearchCombinesWithQueries(t *testing.T) {
	h := newHarness(t, Options{Users: 2000})
	op := h.operator()
	sq := parseSearch("garcia")
	want := h.reference(func(u *user) bool { return u.status && sq.Matches(userTokens(u)) })
	if len(want) < 10 {
		t.Fatalf("only %d matches", len(want))
	}
	got := h.walk(op, 7, []string{q("equal", "status", true)}, "search", "garcia")
	if !slices.Equal(got, want) {
		t.Errorf("search plus filter, paged by 7: %s", firstDiff(got, want))
	}
	if l := h.list(op, usersPath([]string{q("equal", "status", true)}, "search", "garcia")); l.Total != len(want) {
		t.Errorf("total %d, want %d", l.Total, len(want))
	}
	long := make([]byte, 257)
	for i := range long {
		long[i] = 'a'
	}
	h.get(usersPath(nil, "search", string(long)), op).wantError(t, 400, "general_argument_invalid")
}
