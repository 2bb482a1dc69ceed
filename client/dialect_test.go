package client

import (
	"strings"
	"testing"
)

type namedDialect string

func (d namedDialect) Name() string                 { return string(d) }
func (d namedDialect) Describe() Description        { return Description{} }
func (d namedDialect) Open(Config) (Backend, error) { return nil, nil }

func TestDialectsNamesAreSorted(t *testing.T) {
	d := Dialects{"mpdx": namedDialect("mpdx"), "appwrite": namedDialect("appwrite"), "ironflow": namedDialect("ironflow")}
	if got := strings.Join(d.Names(), ","); got != "appwrite,ironflow,mpdx" {
		t.Fatalf("names %s", got)
	}
	if !d.Has("mpdx") || d.Has("parse") {
		t.Fatal("Has")
	}
}
