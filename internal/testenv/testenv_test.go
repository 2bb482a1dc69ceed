package testenv

import (
	"runtime"
	"testing"
)

// recorder stands in for a test so that Require's skip or failure can be observed.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}

func (r *recorder) Skip(args ...any) {
	r.skipped = args[0].(string)
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) {
	r.failed = args[0].(string)
	runtime.Goexit()
}

// run calls Require on its own goroutine, as Skip and Fatal end the goroutine.
func run(ok bool) *recorder {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Require(r, ok, "node-appwrite", "run npm ci --prefix testdata/sdk")
	}()
	<-done
	return r
}

func TestRequire(t *testing.T) {
	const line = "node-appwrite missing: run npm ci --prefix testdata/sdk"
	tests := []struct {
		env             string
		ok              bool
		skipped, failed string
	}{
		{"", true, "", ""},
		{"1", true, "", ""},
		{"", false, line, ""},
		{"0", false, line, ""},
		{"1", false, "", line + " (ACTAS_REQUIRE_ALL=1)"},
	}
	for _, tc := range tests {
		t.Setenv(RequireAllEnv, tc.env)
		r := run(tc.ok)
		if r.skipped != tc.skipped || r.failed != tc.failed {
			t.Errorf("env %q ok %v: skipped %q failed %q; want %q and %q", tc.env, tc.ok, r.skipped, r.failed, tc.skipped, tc.failed)
		}
	}
}
