package world

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFixedPeople(t *testing.T) {
	people := map[string]Person{}
	for _, p := range FixedPeople() {
		people[p.ID] = p
	}
	if ada := people[AdaID]; ada.Email != AdaEmail || ada.Phone != AdaPhone || !ada.Active || !ada.PhoneVerified {
		t.Errorf("ada: %+v", ada)
	}
	if m := people[BlockedID]; m.Active || m.Email != BlockedEmail {
		t.Errorf("mallory is not blocked: %+v", m)
	}
	if !people[MFAID].TwoFactor || people[OperatorID].TwoFactor {
		t.Error("only the MFA operator has a second factor")
	}
	if n := utf8.RuneCountInString(people[LongNameID].Name); n != 300 {
		t.Errorf("long name has %d characters", n)
	}
	if !strings.Contains(people[EscapeID].Name, "\x1b[") {
		t.Error("the escape name has no escape sequence")
	}
	fresh := FixedPeople()
	fresh[0].Name = "changed"
	if FixedPeople()[0].Name == "changed" {
		t.Error("FixedPeople hands out shared state")
	}
}

// The fixed organizations name fixed people only; OperatorTargetID is a member so that
// staff can also be a target.
func TestFixedOrganizations(t *testing.T) {
	w := New(1, 1)
	acme, ok := w.Org("acme")
	if !ok || acme.Members[0].PersonID != AdaID || len(acme.Environments) != 2 {
		t.Fatalf("acme: %+v", acme)
	}
	if ms := w.MembershipsOf(OperatorTargetID); len(ms) != 1 || ms[0].OrgID != "acme" || ms[0].Role != RoleAdmin {
		t.Errorf("olive's memberships: %v", ms)
	}
	if ms := w.MembershipsOf(OperatorID); len(ms) != 0 {
		t.Errorf("the operator belongs to %v; staff stay out of organizations", ms)
	}
}
