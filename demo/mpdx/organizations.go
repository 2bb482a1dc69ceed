package mpdx

import "net/http"

// organizationDoc is an organizations resource (seen).
type organizationDoc struct {
	ID   string `jsonapi:"primary,organizations"`
	Name string `jsonapi:"attr,name"`
}

// listOrganizations is GET /api/v2/organizations (the path is unverified): the
// organizations the caller administers, in seeded order; none for anyone else. No
// paging: an admin has few.
func listOrganizations(x *exchange) *apiError {
	s := x.srv.store
	docs := []*organizationDoc{}
	for _, o := range s.administers(x.u) {
		docs = append(docs, &organizationDoc{ID: s.orgs[o].id, Name: s.orgs[o].name})
	}
	writeDocument(x.w, http.StatusOK, docs, nil, nil)
	return nil
}
