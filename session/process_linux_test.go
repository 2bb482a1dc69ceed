package session

import (
	"os"
	"strings"
	"testing"
)

// The command name may hold spaces and parentheses; fields are counted after the last ")".
func TestParseProcStat(t *testing.T) {
	stat := "4242 (a) b (c)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 100"
	ticks, state, err := parseProcStat(stat)
	if err != nil || ticks != "987654" || state != 'S' {
		t.Fatalf("%q %c %v", ticks, state, err)
	}
	for _, bad := range []string{"", "4242 (x", "4242 (x) S 1 2", "4242 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 x"} {
		if _, _, err := parseProcStat(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestProcessStartNamesBootAndStartTime(t *testing.T) {
	start := processStart(os.Getpid())
	boot, _ := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if !strings.HasPrefix(start, strings.TrimSpace(string(boot))+":") || processGone(os.Getpid(), start) {
		t.Fatalf("%q", start)
	}
}
