package mpdx

import (
	"net/http"
	"testing"
	"time"
)

type contactAnswer struct {
	Data struct {
		ID         string
		Attributes struct {
			Name          string
			Notes         string
			UpdatedInDBAt string `json:"updated_in_db_at"`
		}
	}
}

// Updates need updated_in_db_at: the current value writes, a stale or missing one is 409.
func TestContactUpdateNeedsTheCurrentUpdatedInDBAt(t *testing.T) {
	h := newHarness(t, Options{})
	ada := h.impersonationToken(AdaUserID)
	var lists struct{ Data []struct{ ID string } }
	h.get(ada, "/api/v2/account_lists").decode(t, &lists)
	base := "/api/v2/account_lists/" + lists.Data[0].ID + "/contacts"
	first, _ := h.get(ada, base).list(t)
	path := base + "/" + first[0].ID
	var before contactAnswer
	h.get(ada, path).decode(t, &before)
	put := func(method string, attrs map[string]any) *response {
		body := resource("contacts", attrs)
		body["data"].(map[string]any)["id"] = first[0].ID
		return h.do(request{method: method, path: path, auth: ada, body: body})
	}

	var after contactAnswer
	put("PUT", map[string]any{"notes": "Called about the gift", "updated_in_db_at": before.Data.Attributes.UpdatedInDBAt}).
		wantStatus(t, http.StatusOK).decode(t, &after)
	if after.Data.Attributes.Notes != "Called about the gift" || after.Data.Attributes.Name != before.Data.Attributes.Name ||
		after.Data.Attributes.UpdatedInDBAt == before.Data.Attributes.UpdatedInDBAt {
		t.Fatalf("after %+v, before %+v", after, before)
	}
	// The old value is stale now, even on a frozen clock.
	stale := put("PUT", map[string]any{"notes": "again", "updated_in_db_at": before.Data.Attributes.UpdatedInDBAt})
	current := after.Data.Attributes.UpdatedInDBAt
	stale.wantBody(t, 409, `{"errors":[{"status":"409","title":"Conflict","detail":"updated_in_db_at is not equal to the current value in the database (`+
		current+`)","meta":{"updated_in_db_at":"`+current+`"}}],"meta":{"updated_in_db_at":"`+current+`"}}`)
	put("PATCH", map[string]any{"name": "Renamed"}).
		wantBody(t, 409, `{"errors":[{"status":"409","title":"Conflict","detail":"updated_in_db_at has to be sent in the list of attributes in order to update resource"}]}`)
	// Unix seconds are read too; the write is what GET answers later.
	cur, _ := time.Parse(time.RFC3339, current)
	h.clock.Advance(30 * time.Minute)
	put("PATCH", map[string]any{"name": "Renamed", "updated_in_db_at": cur.Unix()}).wantStatus(t, 200)
	var got contactAnswer
	h.get(ada, path).decode(t, &got)
	if got.Data.Attributes.Name != "Renamed" || got.Data.Attributes.UpdatedInDBAt != testNow.Add(30*time.Minute).Format(time.RFC3339) {
		t.Errorf("got %+v", got)
	}

	put("PUT", map[string]any{"updated_in_db_at": "yesterday"}).
		wantBody(t, 400, `{"errors":[{"status":"400","title":"Bad Request","detail":"updated_in_db_at is not a time: yesterday","source":{"pointer":"/data/attributes/updated_in_db_at"}}]}`)
	h.do(request{method: "PUT", path: path, auth: ada, body: resource("people", map[string]any{})}).
		wantBody(t, 409, `{"errors":[{"status":"409","title":"Conflict","detail":"'people' is not a valid resource type for this endpoint. Expected 'contacts' instead"}]}`)
	wrong := resource("contacts", map[string]any{"updated_in_db_at": got.Data.Attributes.UpdatedInDBAt})
	wrong["data"].(map[string]any)["id"] = "other"
	h.do(request{method: "PUT", path: path, auth: ada, body: wrong}).
		wantBody(t, 409, `{"errors":[{"status":"409","title":"Conflict","detail":"'other' is not the id of the resource at this endpoint. Expected '`+first[0].ID+`' instead"}]}`)
	h.do(request{method: "PUT", path: base + "/nosuch", auth: ada, body: resource("contacts", map[string]any{"updated_in_db_at": current})}).
		wantStatus(t, http.StatusNotFound)
}
