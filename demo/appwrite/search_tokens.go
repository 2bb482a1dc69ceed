package appwrite

import "actas/demo/internal/textsearch"

// Users are searched like Appwrite on MariaDB: a user's searchable text is "$id email phone
// name", read with InnoDB's full-text rules (textsearch.InnoDB: words of 3 characters or
// more, no stopwords, the last word of a search a prefix, a quoted search a phrase).
var searchTokenizer = textsearch.InnoDB{}

func searchableText(u *user) string {
	return u.id + " " + u.email + " " + u.phone + " " + u.name
}

// buildSearchIndex indexes users by sequence number. The index reads a user's text
// through the slice when the user changes later, which is safe because users never move.
func buildSearchIndex(users []user) *textsearch.Index {
	return textsearch.Build(len(users), func(seq int32) string { return searchableText(&users[seq]) }, searchTokenizer)
}

// parseSearch reads a `search` parameter.
func parseSearch(s string) textsearch.Query { return searchTokenizer.Parse(s) }

// userTokens lists the indexed words of a user, in order, repeats kept.
func userTokens(u *user) []string { return textsearch.Tokens(searchTokenizer, searchableText(u)) }
