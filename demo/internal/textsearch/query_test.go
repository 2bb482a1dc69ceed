package textsearch

import "testing"

func TestQueryMatches(t *testing.T) {
	toks := []string{"ada", "lovelace", "example", "ada"}
	for _, tc := range []struct {
		q    Query
		want bool
	}{
		{Query{Prefix: "lov"}, true},
		{Query{Prefix: "ove"}, false},
		{Query{Exact: []string{"lovel"}}, false}, // only whole words
		{Query{Exact: []string{"nobody", "example"}}, true},
		{Query{Exact: []string{"nobody"}, Prefix: "ex"}, true},
		{Query{Phrase: []string{"ada", "lovelace"}}, true},
		{Query{Phrase: []string{"lovelace", "ada"}}, false},
		{Query{Phrase: []string{"example", "ada"}}, true},
		{Query{}, false},
	} {
		if got := tc.q.Matches(toks); got != tc.want {
			t.Errorf("%+v matches %v, want %v", tc.q, got, tc.want)
		}
	}
}
