package session

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// processStart names one run of a process: the boot id and the process's start time in
// clock ticks since boot (field 22 of /proc/PID/stat). With the pid it survives pid reuse
// and reboots. Empty when /proc cannot say.
func processStart(pid int) string {
	start, _, err := readProcStat(pid)
	if err != nil {
		return ""
	}
	return start
}

// processGone: no such pid, a zombie (it will never run again), or another run of a
// process under the same pid. Anything /proc cannot answer counts as alive.
func processGone(pid int, start string) bool {
	now, state, err := readProcStat(pid)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return true
	case err != nil:
		return false
	case state == 'Z' || state == 'X':
		return true
	}
	return start != "" && now != "" && now != start
}

func readProcStat(pid int) (start string, state byte, err error) {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "", 0, err
	}
	ticks, state, err := parseProcStat(string(stat))
	if err != nil {
		return "", 0, err
	}
	boot, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return "", state, nil // a state but no identity: existence is all we know
	}
	return strings.TrimSpace(string(boot)) + ":" + ticks, state, nil
}

// parseProcStat returns fields 22 (starttime) and 3 (state) of a /proc/PID/stat line. The
// command name (field 2) is in parentheses and may itself hold spaces and parentheses, so
// the fields are counted from the last ")".
func parseProcStat(stat string) (starttime string, state byte, err error) {
	end := strings.LastIndexByte(stat, ')')
	if end < 0 {
		return "", 0, errors.New("proc stat: no command name")
	}
	fields := strings.Fields(stat[end+1:]) // fields[0] is field 3
	if len(fields) < 20 || len(fields[0]) != 1 {
		return "", 0, errors.New("proc stat: too few fields")
	}
	if _, err := strconv.ParseUint(fields[19], 10, 64); err != nil {
		return "", 0, fmt.Errorf("proc stat: starttime %q", fields[19])
	}
	return fields[19], fields[0][0], nil
}
