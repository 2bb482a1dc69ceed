package appwrite

import (
	"net/http"
	"slices"
	"testing"
)

// rename changes a user's name through PATCH /v1/account/name, as the operator
// impersonating that user.
func (h *harness) rename(op, id, name string) {
	h.t.Helper()
	r := h.do(request{method: "PATCH", path: "/v1/account/name", session: op,
		header: headers(HeaderImpersonateID, id), body: map[string]string{"name": name}})
	r.wantStatus(h.t, http.StatusOK)
	if got := r.object(h.t)["name"]; got != name {
		h.t.Fatalf("renamed %s to %v, want %q", id, got, name)
	}
}

func TestSearchFollowsRenames(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{Users: 3000})
	op := h.operator()
	if got := h.searchIDs(op, "lovelace"); !slices.Equal(got, []string{AdaID}) {
		t.Fatalf("before: lovelace found %v", got)
	}
	h.rename(op, AdaID, "Augusta Byron")
	if got := h.searchIDs(op, "lovelace"); len(got) != 0 {
		t.Errorf("old name still found: %v", got)
	}
	for _, s := range []string{"byron", "augus", `"augusta byron"`, "zzz augusta"} {
		if got := h.searchIDs(op, s); !slices.Contains(got, AdaID) {
			t.Errorf("new name: %q does not find ada (%v)", s, got)
		}
	}
	// Ada's id, email and phone still find her.
	for _, s := range []string{AdaID, AdaEmail, AdaPhone} {
		if got := h.searchIDs(op, s); !slices.Contains(got, AdaID) {
			t.Errorf("%q no longer finds ada", s)
		}
	}

	// Rename more users, some into and some out of common words, and compare everything.
	st := h.store()
	for i, name := range []string{"Alan Turing", "Zed Quux", "Smith Garcia", "Ωmega", "Aaron A"} {
		h.rename(op, st.users[100+i*37].id, name)
	}
	h.rename(op, st.users[100].id, "Back Again") // a user changed twice
	checkSearchesAgainstReference(t, h, op, []string{
		"a", "s", "garcia", "smith", "turing", "alan", "zed", "quux", "ωmega", "back", "augusta", "lovelace", `"smith garcia"`,
	})
}
