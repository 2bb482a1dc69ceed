package session

import "os"

// process is who wrote a journal line: enough to tell later whether it is still running.
type process struct {
	pid   int
	start string // see processStart; empty where the system gives no such identity
	host  string
}

func currentProcess() process {
	host, _ := os.Hostname()
	return process{pid: os.Getpid(), start: processStart(os.Getpid()), host: host}
}

// provesGone reports whether the process that journaled start is certainly not running, as
// seen from p: it ran on this host, and its pid is free or now names another process. On
// another host, or without a pid, nobody can tell, and the answer is false.
func (p process) provesGone(start Entry) bool {
	if start.Host == "" || start.Host != p.host || start.PID <= 0 {
		return false
	}
	return processGone(start.PID, start.ProcStart)
}
