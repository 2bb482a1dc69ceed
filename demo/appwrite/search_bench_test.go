package appwrite

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// benchQueries mix very common prefixes (thousands of matching words), names, emails,
// phones, ids, other scripts and misses, as an operator would type them.
var benchQueries = []string{
	"a", "s", "ada", "smi", "garcia", "lovelace", "gonz", "+1415", "+44", "gmail", "proton",
	"5c3b", "6a1", "yuki", "ольга", "müller", "王", "tanaka yuki", "zzzz", "maria.garcia", "1415555", "kim",
}

type millionFixture struct {
	url, session string
	lowered      []string // "$id email phone name", lower-cased: the anchor's haystack
	build        time.Duration
}

var (
	millionOnce sync.Once
	million     millionFixture
)

func loadMillion(b *testing.B) *millionFixture {
	millionOnce.Do(func() {
		start := time.Now()
		srv := New(Options{Users: 1_000_000, LoginLimit: -1})
		million.build = time.Since(start)
		hs := httptest.NewServer(srv)
		million.url = hs.URL
		million.session = benchLogin(b, hs.URL)
		st := srv.projects[srv.Project()]
		million.lowered = make([]string, len(st.users))
		for i := range st.users {
			million.lowered[i] = strings.ToLower(searchableText(&st.users[i]))
		}
	})
	return &million
}

func benchLogin(b *testing.B, base string) string {
	body := strings.NewReader(`{"email":"` + OperatorEmail + `","password":"` + OperatorPassword + `"}`)
	req, _ := http.NewRequest("POST", base+"/v1/account/sessions/email", body)
	req.Header.Set("X-Appwrite-Project", DefaultProject)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "a_session_"+DefaultProject {
			return c.Value
		}
	}
	b.Fatal("no session")
	return ""
}

// BenchmarkUserSearch1M times one GET /v1/users?search=…&limit 25 (with the total, capped
// at 5000) over loopback HTTP against 1,000,000 users, and, in the same run, the anchor:
// a plain substring scan over 1,000,000 pre-lowered strings for the same queries.
func BenchmarkUserSearch1M(b *testing.B) {
	f := loadMillion(b)
	b.Logf("seeding and indexing 1,000,000 users took %v", f.build.Round(time.Millisecond))
	var indexP50, scanP50 time.Duration
	b.Run("index", func(b *testing.B) {
		hc := &http.Client{}
		limit := url.QueryEscape(`{"method":"limit","values":[25]}`)
		times := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			q := benchQueries[i%len(benchQueries)]
			req, _ := http.NewRequest("GET", f.url+"/v1/users?queries[]="+limit+"&search="+url.QueryEscape(q), nil)
			req.Header.Set("X-Appwrite-Project", DefaultProject)
			req.Header.Set("X-Appwrite-Session", f.session)
			start := time.Now()
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			times = append(times, time.Since(start))
			if resp.StatusCode != 200 {
				b.Fatalf("%q: status %d", q, resp.StatusCode)
			}
		}
		indexP50 = median(times)
		b.ReportMetric(float64(indexP50.Microseconds())/1000, "p50-ms")
	})
	b.Run("substring-scan-anchor", func(b *testing.B) {
		times := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			q := strings.ToLower(benchQueries[i%len(benchQueries)])
			start := time.Now()
			var page []int
			total := 0
			for j, s := range f.lowered {
				if strings.Contains(s, q) {
					if len(page) < 25 {
						page = append(page, j)
					}
					total++
				}
			}
			times = append(times, time.Since(start))
			_ = total
		}
		scanP50 = median(times)
		b.ReportMetric(float64(scanP50.Microseconds())/1000, "p50-ms")
	})
	if indexP50 > 0 && scanP50 > 0 {
		fmt.Printf("search over 1,000,000 users: index p50 %.2f ms over HTTP, substring-scan anchor p50 %.1f ms: %.0fx faster\n",
			float64(indexP50.Microseconds())/1000, float64(scanP50.Microseconds())/1000, float64(scanP50)/float64(indexP50))
	}
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}
