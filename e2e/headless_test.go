//go:build linux

package e2e

import (
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	demo "actas/demo/appwrite"
	"actas/internal/testenv"
)

// headlessScript is the walk on a machine without a Secret Service: each
// command's output and exit code land in files of their own.
const headlessScript = `
run() { name=$1; shift; "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.rc"; }
printf '%s\n' "$PASSWORD" | run login "$ACTAS" login --endpoint "$URL" --project demo --email "$EMAIL" --password-stdin
live_keys() { grep ' actas:' /proc/keys | awk '$2 !~ /i/' | wc -l; } # "i": invalidated, gone at the next collection
live_keys >"$OUT/keys-after-login"
run whoami "$ACTAS" whoami
run as "$ACTAS" as ada -- GET /account
run logout "$ACTAS" logout
live_keys >"$OUT/keys-after-logout"
run whoami-after "$ACTAS" whoami
`

// On a machine without a Secret Service the commands keep the session in the kernel's
// user keyring: login, whoami, as and logout work one after another, and the session
// value is in no file. The binary runs in a user namespace of its own, whose user keyring
// is new and ends with it: nothing is written to the developer's keyrings.
func TestHeadlessCommandsUseTheKernelKeyring(t *testing.T) {
	// Before Linux 5.3 the user keyring belonged to the uid, not the namespace: the
	// binary would write to the developer's own.
	testenv.Require(t, kernelAtLeast(t, 5, 3), "Linux 5.3 or later (user keyrings per user namespace)",
		"run the end-to-end tests on a newer kernel")
	bin := buildBinary(t)
	srv := demo.New(demo.Options{Users: 200})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	home, out := t.TempDir(), t.TempDir()
	hostKeys := actasKeysInProc(t)

	cmd := exec.Command("sh", "-c", headlessScript)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_STATE_HOME=", "XDG_CONFIG_HOME=",
		"DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent", // no Secret Service answers
		"OUT=" + out, "ACTAS=" + bin, "URL=" + hs.URL + "/v1", "EMAIL=" + demo.OperatorEmail, "PASSWORD=" + demo.OperatorPassword}
	uid, gid := os.Getuid(), os.Getgid()
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWUSER,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: uid, HostID: uid, Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: gid, HostID: gid, Size: 1}}}
	output, err := cmd.CombinedOutput()
	if err != nil && strings.Contains(err.Error(), "fork/exec") {
		testenv.Require(t, false, "user namespaces ("+err.Error()+")",
			"allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or run as root)")
	}
	if err != nil {
		t.Fatalf("script: %v\n%s", err, output)
	}
	read := func(name string) string {
		b, _ := os.ReadFile(filepath.Join(out, name))
		return strings.TrimSpace(string(b))
	}
	if read("login.rc") == "3" && strings.Contains(read("login.err"), "kernel keyring: ") { // the system calls were refused
		testenv.Require(t, false, "kernel keyring ("+read("login.err")+")",
			"run the tests where the keyctl and add_key system calls are allowed (Docker's default seccomp profile refuses them)")
	}
	for _, step := range []struct{ name, rc, want string }{
		{"login", "0", "Session kept in the kernel keyring until reboot, actas logout or the session's end."},
		{"whoami", "0", demo.OperatorEmail},
		{"as", "0", `"$id"`},
		{"logout", "0", ""},
		{"whoami-after", "3", ""},
	} {
		if got := read(step.name + ".rc"); got != step.rc || !strings.Contains(read(step.name+".out"), step.want) {
			t.Fatalf("actas %s: exit %s (want %s)\nstdout: %s\nstderr: %s", step.name, got, step.rc, read(step.name+".out"), read(step.name+".err"))
		}
	}
	if read("keys-after-login") != "1" || read("keys-after-logout") != "0" {
		t.Fatalf("actas keys in the namespace's keyrings: %s after login, %s after logout",
			read("keys-after-login"), read("keys-after-logout"))
	}
	if got := actasKeysInProc(t); got != hostKeys {
		t.Fatalf("the test's own keyrings changed: %d actas keys before, %d after", hostKeys, got)
	}
	checkNoSessionOnDisk(t, home, srv)
}

// actasKeysInProc counts the actas keys this process can see.
func actasKeysInProc(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/keys")
	if err != nil {
		testenv.Require(t, false, "kernel keyring (/proc/keys: "+err.Error()+")", "a Linux kernel with CONFIG_KEYS")
	}
	return strings.Count(string(b), " actas:")
}

// kernelAtLeast compares the running kernel's release with major.minor.
func kernelAtLeast(t *testing.T, major, minor int) bool {
	t.Helper()
	var u syscall.Utsname
	if err := syscall.Uname(&u); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, c := range u.Release {
		if c == 0 {
			break
		}
		b.WriteByte(byte(c))
	}
	var maj, min int
	if _, err := fmt.Sscanf(b.String(), "%d.%d", &maj, &min); err != nil {
		t.Fatalf("kernel release %q: %v", b.String(), err)
	}
	return maj > major || maj == major && min >= minor
}
