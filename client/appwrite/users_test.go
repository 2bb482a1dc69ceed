package appwrite

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"actas/client"
	demo "actas/demo/appwrite"
)

func TestSearchPagesWithCursor(t *testing.T) {
	b := startDemo(t, demo.Options{Users: 5000})
	c := b.operator(t)
	first, err := c.SearchSubjects(ctx, client.SubjectQuery{Search: "garcia", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Subjects) != 10 || first.Next == "" || first.Total <= 10 || first.TotalCapped {
		t.Fatalf("first page: %d subjects, next %q, total %d capped %v", len(first.Subjects), first.Next, first.Total, first.TotalCapped)
	}
	seen := map[string]bool{}
	pages := []client.SubjectPage{first}
	for p := first; p.Next != ""; {
		p, err = c.SearchSubjects(ctx, client.SubjectQuery{Search: "garcia", Limit: 10, After: p.Next})
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	n := 0
	for _, p := range pages {
		for _, s := range p.Subjects {
			if seen[s.ID] {
				t.Fatalf("%s listed twice", s.ID)
			}
			seen[s.ID] = true
			if !strings.Contains(strings.ToLower(s.Email+" "+s.Name), "garcia") {
				t.Fatalf("%+v does not match garcia", s)
			}
			n++
		}
	}
	if n != first.Total {
		t.Fatalf("paged %d subjects, total said %d", n, first.Total)
	}
}

func TestSearchTotalIsCapped(t *testing.T) {
	b := startDemo(t, demo.Options{Users: 6000})
	page, err := b.operator(t).SearchSubjects(ctx, client.SubjectQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 5000 || !page.TotalCapped || len(page.Subjects) != 25 {
		t.Fatalf("total %d capped %v len %d", page.Total, page.TotalCapped, len(page.Subjects))
	}
	if s := page.Subjects[0]; s.ID != demo.OperatorID || s.Registered.IsZero() {
		t.Fatalf("first subject %+v", s)
	}
}

func TestSubjectAndNotFound(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	s, err := c.Subject(ctx, demo.BlockedID)
	if err != nil || !s.Blocked || s.Email != demo.BlockedEmail {
		t.Fatalf("%+v %v", s, err)
	}
	_, err = c.Subject(ctx, "no-such-user")
	var apiErr *client.Error
	if !errors.Is(err, client.ErrNotFound) || !errors.As(err, &apiErr) || apiErr.Type != "user_not_found" {
		t.Fatalf("err = %v", err)
	}
}

func TestNonImpersonatorCannotListUsers(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.client(t, nil)
	op, err := c.Login(ctx, client.Credentials{Email: demo.ViewerEmail, Password: demo.ViewerPassword})
	if err != nil || op.CanImpersonate() {
		t.Fatalf("viewer: %+v %v", op, err)
	}
	_, err = c.SearchSubjects(ctx, client.SubjectQuery{Search: "ada"})
	var apiErr *client.Error
	if !errors.Is(err, client.ErrUnauthorized) || !errors.As(err, &apiErr) || apiErr.Type != "general_unauthorized_scope" {
		t.Fatalf("err = %v", err)
	}
}

func TestOperatorAuditListsOwnRows(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	entries, err := c.OperatorAudit(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 || entries[0].Event != "session.create" || entries[0].ActorID != demo.OperatorID || entries[0].Time.IsZero() {
		t.Fatalf("entries = %+v", entries)
	}
	if _, err := b.client(t, nil).OperatorAudit(ctx, 5); !errors.Is(err, client.ErrNotSignedIn) {
		t.Fatalf("signed out: %v", err)
	}
	ada, err := c.SubjectAudit(ctx, demo.AdaID, 10)
	if err != nil || len(ada) == 0 {
		t.Fatalf("ada's logs: %v %v", ada, err)
	}
}

// The User model carries the password hash; no type of this package may decode it.
func TestNoModelDecodesPasswordFields(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeOf(Account{}), reflect.TypeOf(client.Subject{}), reflect.TypeOf(userList{})} {
		checkNoPasswordField(t, typ)
	}
}

func checkNoPasswordField(t *testing.T, typ reflect.Type) {
	for typ.Kind() == reflect.Slice || typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		tag := strings.Split(f.Tag.Get("json"), ",")[0]
		for _, bad := range []string{"password", "hash", "hashOptions"} {
			if strings.EqualFold(tag, bad) || strings.EqualFold(f.Name, bad) || strings.EqualFold(f.Name, "HashOptions") {
				t.Errorf("%s.%s decodes %q", typ.Name(), f.Name, bad)
			}
		}
		checkNoPasswordField(t, f.Type)
	}
}
