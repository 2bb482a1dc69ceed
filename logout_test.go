package main

import (
	"bytes"
	"context"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"actas/client"
	"actas/client/appwrite"
	"actas/demo"
	"actas/keyring"
	"actas/session"
)

func TestLogoutEndsTheBackendSessionAndDeletesTheEntry(t *testing.T) {
	srv := demo.New(demo.Options{Users: 100})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	c, _ := appwrite.New(appwrite.Config{Endpoint: hs.URL, Project: demo.DefaultProject})
	op, err := c.Login(context.Background(), client.Credentials{Email: demo.OperatorEmail, Password: demo.OperatorPassword})
	if err != nil {
		t.Fatal(err)
	}
	store := keyring.NewMemory()
	profile := keyring.Profile{Endpoint: c.Endpoint(), Project: demo.DefaultProject, Email: demo.OperatorEmail}
	_ = store.Set(profile, keyring.Entry{Secret: c.Secret(), OperatorID: op.ID, OperatorEmail: op.Email})
	journal := filepath.Join(t.TempDir(), "audit.jsonl")
	var out bytes.Buffer
	r := session.Recent{Endpoint: hs.URL, Project: demo.DefaultProject, Email: "SUPPORT@example.com"}
	if err := logout(context.Background(), &out, r, store, journal); err != nil {
		t.Fatal(err)
	}
	if srv.IsSessionSecret(c.Secret()) {
		t.Fatal("the backend session still works")
	}
	if _, err := store.Get(profile); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("entry kept: %v", err)
	}
	entries, _, _ := session.ReadJournal(journal)
	if len(entries) != 1 || entries[0].Event != session.EventLogout || entries[0].OperatorID != demo.OperatorID {
		t.Fatalf("journal %+v", entries)
	}
	if !strings.Contains(out.String(), "Signed out") {
		t.Fatalf("said %q", out.String())
	}
	out.Reset()
	if err := logout(context.Background(), &out, r, store, journal); err != nil || !strings.Contains(out.String(), "No stored session") {
		t.Fatalf("second logout: %v %q", err, out.String())
	}
	if err := logout(context.Background(), &out, session.Recent{}, store, journal); err == nil {
		t.Fatal("logout without a profile succeeded")
	}
}
