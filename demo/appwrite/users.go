package appwrite

import (
	"net/http"
	"slices"
	"unicode/utf8"

	"actas/demo/internal/textsearch"
)

func listUsers(x *exchange) *apiError {
	form := x.r.URL.Query()
	search := form.Get("search")
	if utf8.RuneCountInString(search) > maxSearchLen {
		return errArgument("search", "Value must be a valid string and no longer than 256 chars")
	}
	wantTotal, err := totalParam(x.r)
	if err != nil {
		return err
	}
	spec, err := parseQueries(queryParams(form), userAttributes, false)
	if err != nil {
		return err
	}
	var q *textsearch.Query
	if search != "" {
		parsed := parseSearch(search)
		q = &parsed
	}
	total, page, err := x.st.listUsers(spec, q, wantTotal)
	if err != nil {
		return err
	}
	docs := make([]userJSON, len(page))
	for i, seq := range page {
		docs[i] = x.st.users[seq].userDoc()
	}
	return x.reply(http.StatusOK, map[string]any{"total": total, "users": docs})
}

func (x *exchange) pathUser() (int32, *apiError) {
	seq := x.st.userByID(x.r.PathValue("userId"))
	if seq < 0 {
		return -1, errUserNotFound
	}
	return seq, nil
}

func getUser(x *exchange) *apiError {
	seq, err := x.pathUser()
	if err != nil {
		return err
	}
	return x.reply(http.StatusOK, x.st.users[seq].userDoc())
}

func userLogs(x *exchange) *apiError {
	seq, err := x.pathUser()
	if err != nil {
		return err
	}
	return x.logs(seq)
}

func updateImpersonator(x *exchange) *apiError {
	seq, err := x.pathUser()
	if err != nil {
		return err
	}
	var body struct {
		Impersonator *bool `json:"impersonator"`
	}
	if err := x.decode(&body); err != nil {
		return err
	}
	if body.Impersonator == nil {
		return errArgument("impersonator", "Value must be a valid boolean")
	}
	u := &x.st.users[seq]
	u.impersonator = *body.Impersonator
	u.updatedAt = x.now.UnixMilli()
	return x.reply(http.StatusOK, u.userDoc())
}

// deleteUserSessions signs a user out everywhere (an admin revoking access): every later
// request with one of those session values is a guest's.
func deleteUserSessions(x *exchange) *apiError {
	seq, err := x.pathUser()
	if err != nil {
		return err
	}
	for _, s := range slices.Clone(x.st.sessions.byUser[seq]) {
		x.st.sessions.remove(s)
	}
	x.w.WriteHeader(http.StatusNoContent)
	return nil
}

// updateUserName renames a user as an administrator does (users.write): the same rule as
// the user's own rename, up to 128 characters.
func updateUserName(x *exchange) *apiError {
	seq, err := x.pathUser()
	if err != nil {
		return err
	}
	name, err := x.decodeName()
	if err != nil {
		return err
	}
	u := &x.st.users[seq]
	u.name = name
	u.updatedAt = x.now.UnixMilli()
	x.st.markChanged(seq)
	return x.reply(http.StatusOK, u.userDoc())
}
