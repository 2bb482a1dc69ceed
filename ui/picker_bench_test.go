package ui

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/session"
)

// BenchmarkPicker compares the console with the stock bubbles at 100,000 and 1,000,000
// users loaded in the picker: one frame (the root model's View, banner and chrome
// included) and one cursor move (the root's Update for a down key), then prints one
// summary line per size:
//
//	go test -run '^$' -bench Picker ./ui
//
// The anchor (the stock list with its default dot paginator) is measured at 100,000
// rows only: its View is quadratic in the number of pages.
func BenchmarkPicker(b *testing.B) {
	for _, n := range benchSizes {
		if n == 100_000 {
			b.Run(fmt.Sprintf("list_view/%d", n), func(b *testing.B) { benchList(b, n, paginator.Dots) })
		}
		b.Run(fmt.Sprintf("arabic_list_view/%d", n), func(b *testing.B) { benchList(b, n, paginator.Arabic) })
		b.Run(fmt.Sprintf("table_move/%d", n), func(b *testing.B) { benchTableMove(b, n) })
		b.Run(fmt.Sprintf("picker_view/%d", n), func(b *testing.B) { benchPickerView(b, n) })
		b.Run(fmt.Sprintf("picker_move/%d", n), func(b *testing.B) { benchPickerMove(b, n) })
	}
	for _, n := range benchSizes {
		fmt.Println(summary(n))
	}
}

var benchSizes = []int{100_000, 1_000_000}

const benchMax = 1_000_000

// nsPerOp holds each sub-benchmark's ns/op from its last (largest) run, by name.
var nsPerOp = map[string]float64{}

func record(b *testing.B, name string, n int) {
	nsPerOp[fmt.Sprintf("%s/%d", name, n)] = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
}

var viewSink string

// Data shared by every sub-benchmark, built once for the largest size; smaller sizes
// use a prefix.
var (
	subjectsOnce  sync.Once
	benchSubjects []client.Subject
	itemsOnce     sync.Once
	benchItems    []list.Item
	rowsOnce      sync.Once
	benchRows     []table.Row
)

func synthSubjects() []client.Subject {
	subjectsOnce.Do(func() {
		first := []string{"Ada", "Grace", "Linus", "Zoë", "Søren", "山田", "Amélie", "Oluwaseun", "Marie", "Jürgen"}
		last := []string{"Lovelace", "Hopper", "Torvalds", "Ågren", "Kierkegaard", "太郎", "Poulain", "Adeyemi", "Curie", "Habermas"}
		labels := [][]string{nil, {"vip"}, {"beta", "eu"}, {"staff", "vip", "mfa-enforced"}}
		benchSubjects = make([]client.Subject, benchMax)
		for i := range benchSubjects {
			id := strconv.Itoa(i)
			benchSubjects[i] = client.Subject{
				ID:         "u" + id,
				Name:       first[i%len(first)] + " " + last[(i/len(first))%len(last)] + " " + id,
				Email:      "user" + id + "@example.com",
				Phone:      "+1555" + fmt.Sprintf("%07d", i),
				Blocked:    i%23 == 0,
				Labels:     labels[i%len(labels)],
				LastAccess: benchNow.Add(-time.Duration(i%(120*24*60)) * time.Minute),
			}
		}
	})
	return benchSubjects
}

// listItem is what a picker built on the stock list would hold.
type listItem struct{ title, desc string }

func (i listItem) Title() string       { return i.title }
func (i listItem) Description() string { return i.desc }
func (i listItem) FilterValue() string { return i.title }

func synthItems() []list.Item {
	itemsOnce.Do(func() {
		subs := synthSubjects()
		benchItems = make([]list.Item, len(subs))
		for i := range subs {
			benchItems[i] = listItem{subs[i].Name, subs[i].Email}
		}
	})
	return benchItems
}

func synthRows() []table.Row {
	rowsOnce.Do(func() {
		subs := synthSubjects()
		benchRows = make([]table.Row, len(subs))
		for i := range subs {
			s := &subs[i]
			status := "active"
			if s.Blocked {
				status = "blocked"
			}
			benchRows[i] = table.Row{s.Name, s.Email, s.Phone, status, strings.Join(s.Labels, ","), ago(benchNow.Sub(s.LastAccess))}
		}
	})
	return benchRows
}

func benchList(b *testing.B, n int, pages paginator.Type) {
	l := list.New(synthItems()[:n], list.NewDefaultDelegate(), 120, 40)
	l.Paginator.Type = pages
	name := "list_view"
	if pages == paginator.Arabic {
		name = "arabic_list_view"
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		viewSink = l.View()
	}
	b.StopTimer()
	record(b, name, n)
}

func benchTableMove(b *testing.B, n int) {
	t := table.New(
		table.WithColumns([]table.Column{
			{Title: "NAME", Width: 30}, {Title: "EMAIL", Width: 36}, {Title: "PHONE", Width: 16},
			{Title: "STATUS", Width: 7}, {Title: "LABELS", Width: 16}, {Title: "LAST ACCESS", Width: 11},
		}),
		table.WithRows(synthRows()[:n]),
		table.WithHeight(40),
		table.WithWidth(120),
		table.WithFocused(true),
	)
	t.SetCursor(n / 2)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if t.Cursor() >= n-1 {
			t.GotoTop()
		}
		t.MoveDown(1)
	}
	b.StopTimer()
	record(b, "table_move", n)
}

var benchNow = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// benchRoot is the root model signed in, impersonating (so the banner is drawn too), with
// the picker on top holding n users and the cursor in the middle.
func benchRoot(n int) Model { return benchRootOf(client.Description{}, synthSubjects()[:n]) }

// benchRootOf is benchRoot for a dialect's description and subjects.
func benchRootOf(desc client.Description, subjects []client.Subject) Model {
	n := len(subjects)
	m := New(Deps{Clock: func() time.Time { return benchNow }, Description: desc})
	op := client.Operator{ID: "support", Email: "support@example.com", Can: client.CanRead | client.CanWrite | client.CanAudit}
	m.env.operator = op
	sess := session.New(session.Config{Backend: benchBackend{op: op, sub: synthSubjects()[0]}, Clock: func() time.Time { return benchNow }})
	if _, err := sess.Login(context.Background(), client.Credentials{}); err != nil {
		panic(err)
	}
	act, err := sess.Impersonate(context.Background(), client.Target{Value: "x"}, "")
	if err != nil {
		panic(err)
	}
	m.env.setSession(sess)
	p := newPicker(m.env)
	p.table.SetRows(subjects)
	p.total, p.capped, p.next = 5000, true, "cursor"
	m.stack = []screen{p}
	m.set(&act)
	m.now = benchNow
	model, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = model.(Model)
	p.table.SetCursor(n / 2)
	return m
}

func benchPickerView(b *testing.B, n int) { benchViewOf(b, benchRoot(n), "picker_view", n) }

func benchViewOf(b *testing.B, m Model, name string, n int) {
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		viewSink = m.View().Content
	}
	b.StopTimer()
	record(b, name, n)
}

var downKey = tea.KeyPressMsg{Code: tea.KeyDown}

func benchPickerMove(b *testing.B, n int) { benchMoveOf(b, benchRoot(n), "picker_move", n) }

func benchMoveOf(b *testing.B, m Model, name string, n int) {
	p := m.stack[0].(*picker)
	p.next = "" // moving near the end must not start a page load here
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if p.table.Cursor() >= n-1 {
			p.table.Top()
		}
		model, _ := m.Update(downKey)
		m = model.(Model)
	}
	b.StopTimer()
	record(b, name, n)
}

// summary compares this table with the stock bubbles at n rows, from the recorded ns/op.
func summary(n int) string {
	get := func(name string) (float64, bool) {
		v, ok := nsPerOp[fmt.Sprintf("%s/%d", name, n)]
		return v, ok && v > 0
	}
	ms := func(ns float64) string { return formatMS(ns) + " ms" }
	vs := func(ours float64, okOurs bool, label, other string) string {
		theirs, ok := get(other)
		if !ok || !okOurs {
			return ""
		}
		return fmt.Sprintf(" vs %s %s (%sx)", label, ms(theirs), formatRatio(theirs/ours))
	}

	var s strings.Builder
	fmt.Fprintf(&s, "picker %d rows:", n)
	view, okView := get("picker_view")
	if okView {
		fmt.Fprintf(&s, " View %s", ms(view))
	} else {
		s.WriteString(" View not measured")
	}
	comparisons := []string{vs(view, okView, "list", "list_view"), vs(view, okView, "arabic list", "arabic_list_view")}
	var kept []string
	for _, c := range comparisons {
		if c != "" {
			kept = append(kept, c)
		}
	}
	s.WriteString(strings.Join(kept, ","))
	move, okMove := get("picker_move")
	if okMove {
		fmt.Fprintf(&s, "; move %s", ms(move))
	} else {
		s.WriteString("; move not measured")
	}
	s.WriteString(vs(move, okMove, "table", "table_move"))
	return s.String()
}

// formatMS writes ns in milliseconds with three significant digits, without exponent.
func formatMS(ns float64) string {
	v := ns / 1e6
	if v <= 0 {
		return "0"
	}
	digits := max(0, 2-int(math.Floor(math.Log10(v))))
	return strconv.FormatFloat(v, 'f', digits, 64)
}

func formatRatio(r float64) string {
	if r < 10 {
		return strconv.FormatFloat(r, 'f', 1, 64)
	}
	return strconv.FormatFloat(r, 'f', 0, 64)
}

// benchBackend answers at once, so that a benchmark measures the console, not a network.
type benchBackend struct {
	op  client.Operator
	sub client.Subject
}

func (b benchBackend) Login(context.Context, client.Credentials) (client.Operator, error) {
	return b.op, nil
}
func (b benchBackend) CompleteMFA(context.Context, string) (client.Operator, error) { return b.op, nil }
func (b benchBackend) Resume(context.Context, string) (client.Operator, error)      { return b.op, nil }
func (b benchBackend) Secret() string                                               { return "" }
func (b benchBackend) Endpoint() string                                             { return "" }
func (b benchBackend) Logout(context.Context) error                                 { return nil }
func (b benchBackend) SearchSubjects(context.Context, client.SubjectQuery) (client.SubjectPage, error) {
	return client.SubjectPage{}, nil
}
func (b benchBackend) Subject(context.Context, string) (client.Subject, error) { return b.sub, nil }
func (b benchBackend) Find(context.Context, client.Target) (client.Subject, error) {
	return b.sub, nil
}
func (b benchBackend) OperatorAudit(context.Context, int) ([]client.AuditEntry, error) {
	return nil, nil
}
func (b benchBackend) SubjectAudit(context.Context, string, int) ([]client.AuditEntry, error) {
	return nil, nil
}
func (b benchBackend) Impersonate(context.Context, client.Target, client.ImpersonateOptions) (client.Impersonation, error) {
	return benchImpersonation{sub: b.sub}, nil
}

type benchImpersonation struct{ sub client.Subject }

func (i benchImpersonation) Subject() client.Subject { return i.sub }
func (i benchImpersonation) Target() client.Target   { return client.Target{Value: i.sub.ID} }
func (i benchImpersonation) Expires() time.Time      { return time.Time{} }
func (i benchImpersonation) Overview(context.Context) (client.Overview, error) {
	return client.Overview{Subject: i.sub}, nil
}
func (i benchImpersonation) Do(context.Context, client.Request) (client.Response, error) {
	return client.Response{Status: 200}, nil
}
func (i benchImpersonation) Verify(context.Context) error { return nil }
func (i benchImpersonation) Stop()                        {}
