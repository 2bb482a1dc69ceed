package appwrite

import (
	"strings"
	"testing"
)

func TestDescribeNamesEndpointAndDemoCredentials(t *testing.T) {
	srv := New(Options{Users: 50, APIKey: "standard_test"})
	out := srv.Describe("http://127.0.0.1:9080/v1")
	for _, want := range []string{
		"http://127.0.0.1:9080/v1", "with 50 users", "project   demo", "standard_test",
		OperatorEmail, OperatorPassword, ViewerEmail, ViewerPassword, MFAEmail, MFAPassword, MFATOTPSecret,
		AdaEmail, AdaPhone, BlockedEmail,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Describe lacks %q:\n%s", want, out)
		}
	}
	if srv.APIKey() != "standard_test" {
		t.Errorf("APIKey() = %q", srv.APIKey())
	}
	if a, b := New(Options{Users: 20}).APIKey(), New(Options{Users: 20}).APIKey(); a == b || !strings.HasPrefix(a, "standard_") {
		t.Errorf("default API keys %q and %q should be random", a, b)
	}
}
