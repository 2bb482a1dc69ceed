package netfault

import "net/http"

// StatusRecorder remembers the status a handler wrote (200 when it wrote a body first),
// for Seen and a dialect's own audit.
type StatusRecorder struct {
	http.ResponseWriter
	Status int
}

func (s *StatusRecorder) WriteHeader(code int) {
	if s.Status == 0 {
		s.Status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *StatusRecorder) Write(p []byte) (int, error) {
	if s.Status == 0 {
		s.Status = http.StatusOK
	}
	return s.ResponseWriter.Write(p)
}

func (s *StatusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Watch records r as it arrives and gives the writer to answer it through; done, called
// once it is answered, records the status it got.
func (l *SeenLog) Watch(w http.ResponseWriter, r *http.Request) (rec *StatusRecorder, done func()) {
	rec = &StatusRecorder{ResponseWriter: w}
	arrived := l.Arrive(r)
	return rec, func() { arrived(rec.Status) }
}
