package client

import (
	"strings"
	"testing"
)

func TestParseTarget(t *testing.T) {
	good := map[string]Target{
		"ada":                   {Kind: ByID, Value: "ada"},
		" 6650aa01c3f2e9a1b2c3": {Kind: ByID, Value: "6650aa01c3f2e9a1b2c3"},
		"ada@example.com":       {Kind: ByEmail, Value: "ada@example.com"},
		"+14155550100":          {Kind: ByPhone, Value: "+14155550100"},
	}
	for in, want := range good {
		if got, err := ParseTarget(in); err != nil || got != want {
			t.Errorf("%q: %v %v, want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "  ", "+1 415", "+0123456789", "+12", "@example.com", "ada@", "a b", "a/b", "ada @x.com"} {
		if got, err := ParseTarget(bad); err == nil {
			t.Errorf("%q accepted as %v", bad, got)
		}
	}
}

// A target's place goes into a header: one a header cannot carry is refused.
func TestATargetsPlaceIsChecked(t *testing.T) {
	for _, bad := range []string{"env\nX-Evil: 1", "env staging", "\x1b[2J", strings.Repeat("e", 200)} {
		if err := (Target{Kind: ByID, Value: "org_acme", Scope: bad}).Check(); err == nil {
			t.Errorf("%q taken", bad)
		}
	}
	if err := (Target{Kind: ByID, Value: "org_acme", Scope: "env_staging"}).Check(); err != nil {
		t.Error(err)
	}
}
