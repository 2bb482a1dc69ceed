package appwrite

import (
	"net/http"
	"testing"
)

func TestImpersonatedWriteIsAuditedAsTheOperator(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	opBefore := h.logs(op, "/v1/users/"+OperatorID+"/logs")
	adaBefore := h.logs(op, "/v1/users/"+AdaID+"/logs")

	r := h.do(request{method: "PATCH", path: "/v1/account/prefs", session: op,
		header: headers(HeaderImpersonateID, AdaID, "User-Agent", "actas-test/1.0"),
		body:   map[string]any{"prefs": map[string]any{"theme": "light"}}})
	a := r.wantStatus(t, http.StatusOK).object(t)
	if prefs, _ := a["prefs"].(map[string]any); a["$id"] != AdaID || prefs["theme"] != "light" || a["impersonatorUserId"] != OperatorID {
		t.Fatalf("prefs update answered %v", a)
	}
	if u := h.get("/v1/users/"+AdaID, op).object(t); u["prefs"].(map[string]any)["theme"] != "light" {
		t.Errorf("ada's prefs did not change: %v", u["prefs"])
	}

	opAfter := h.logs(op, "/v1/users/"+OperatorID+"/logs")
	if opAfter.Total != opBefore.Total+1 {
		t.Fatalf("operator's logs: %d rows, want %d", opAfter.Total, opBefore.Total+1)
	}
	row := opAfter.Logs[0]
	want := map[string]any{"event": "user.update", "userId": OperatorID, "userEmail": OperatorEmail,
		"userName": "Sam Support", "userType": "user", "clientName": "actas-test"}
	for k, v := range want {
		if row[k] != v {
			t.Errorf("audit row %s = %v, want %v", k, row[k], v)
		}
	}
	for k, v := range row {
		if v == AdaID || v == AdaEmail {
			t.Errorf("audit row field %s exposes the target: %v", k, v)
		}
	}
	if adaAfter := h.logs(op, "/v1/users/"+AdaID+"/logs"); adaAfter.Total != adaBefore.Total {
		t.Errorf("ada's logs grew from %d to %d rows", adaBefore.Total, adaAfter.Total)
	}
}

func TestAccountLogsAndSessionsWhileImpersonating(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	mine := h.logs(op, "/v1/account/logs")
	if mine.Total == 0 || mine.Logs[0]["userId"] != OperatorID {
		t.Fatalf("operator's own account logs: %v", mine)
	}
	theirs := h.logs(op, "/v1/account/logs", HeaderImpersonateID, AdaID)
	if theirs.Total != 4 {
		t.Errorf("ada's account logs: %d rows, want her 4", theirs.Total)
	}
	for _, row := range theirs.Logs {
		if row["userId"] != AdaID {
			t.Errorf("row of %v in ada's account logs", row["userId"])
		}
	}

	var sessions struct {
		Total    int              `json:"total"`
		Sessions []map[string]any `json:"sessions"`
	}
	h.get("/v1/account/sessions", op, HeaderImpersonateID, AdaID).wantStatus(t, http.StatusOK).decode(t, &sessions)
	if sessions.Total != 2 || len(sessions.Sessions) != 2 {
		t.Fatalf("ada's sessions: %d", sessions.Total)
	}
	for _, s := range sessions.Sessions {
		if s["userId"] != AdaID || s["current"] != false || s["secret"] != "" {
			t.Errorf("session %v: userId %v current %v secret %q", s["$id"], s["userId"], s["current"], s["secret"])
		}
	}
	h.get("/v1/account/sessions", op).wantStatus(t, http.StatusOK).decode(t, &sessions)
	current := 0
	for _, s := range sessions.Sessions {
		if s["userId"] != OperatorID {
			t.Errorf("operator's sessions list a session of %v", s["userId"])
		}
		if s["current"] == true {
			current++
		}
	}
	if current != 1 {
		t.Errorf("%d current sessions among the operator's, want 1", current)
	}
	// The operator's session is not one of ada's.
	id := h.get("/v1/account/sessions/current", op).wantStatus(t, http.StatusOK).object(t)["$id"].(string)
	h.get("/v1/account/sessions/"+id, op, HeaderImpersonateID, AdaID).wantError(t, http.StatusNotFound, "user_session_not_found")
}
