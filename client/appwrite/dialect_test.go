package appwrite

import (
	"testing"

	"actas/client"
)

func TestDialectOpens(t *testing.T) {
	b, err := Dialect{}.Open(client.Config{Endpoint: "http://127.0.0.1:9080", Scope: "demo"})
	if err != nil || b.Endpoint() != "http://127.0.0.1:9080/v1" {
		t.Fatalf("open: %v %v", b, err)
	}
	// A refused endpoint gives no backend at all, not a nil client inside one.
	b, err = Dialect{}.Open(client.Config{Endpoint: "http://user:pw@example.com", Scope: "demo"})
	if err == nil || b != nil {
		t.Fatalf("refused endpoint: %v %v", b, err)
	}
	if d := (Dialect{}).Describe(); d.Scope.Label != "Project" || d.Subject.One != "user" {
		t.Fatalf("%+v", d)
	}
}

// Appwrite's one role: an impersonator reads and writes as users; every account reads
// its own logs.
func TestOperatorCapabilities(t *testing.T) {
	yes, no := true, false
	for _, tc := range []struct {
		flag *bool
		want client.Capability
	}{
		{&yes, client.CanRead | client.CanWrite | client.CanAudit},
		{&no, client.CanAudit},
		{nil, client.CanAudit},
	} {
		if got := (Account{ID: "a", Impersonator: tc.flag}).operator().Can; got != tc.want {
			t.Fatalf("impersonator %v: %b, want %b", tc.flag, got, tc.want)
		}
	}
}
