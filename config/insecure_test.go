package config

import (
	"strings"
	"testing"
)

// A profile reaching its backend over plain http, and one that allows it.
const plainHTTPDoc = `[profiles.lab]
project = "p"
endpoint = "http://lab.example.com/v1"

[profiles.trusted]
endpoint = "http://lab.example.com/v1"
insecure = true

[profiles.local]
endpoint = "http://127.0.0.1:9080/v1"
`

const plainHTTPRefused = ` uses plain http to a non-loopback host: the session would travel in clear text; use https, or allow it explicitly with insecure = true in the profile or --insecure`

func TestPlainHTTPNeedsInsecure(t *testing.T) {
	path := writeConfig(t, plainHTTPDoc)
	f, err := Load(path) // a profile nobody uses yet is not an error: --insecure may allow it
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		o        Overrides
		env      map[string]string
		want     string // the error; "" = resolved
		insecure bool
		source   string // of insecure
	}{
		{name: "profile without insecure", o: Overrides{Profile: "lab"},
			want: "config " + path + `:3: profiles.lab.endpoint: "http://lab.example.com/v1"` + plainHTTPRefused},
		{name: "profile says insecure", o: Overrides{Profile: "trusted"}, insecure: true, source: "profile"},
		{name: "env allows it", o: Overrides{Profile: "lab"}, env: map[string]string{"ACTAS_INSECURE": "1"}, insecure: true, source: "env"},
		{name: "flag allows it", o: Overrides{Profile: "lab", Insecure: yes()}, insecure: true, source: "flag"},
		{name: "flag false beats env", o: Overrides{Profile: "lab", Insecure: no()}, env: map[string]string{"ACTAS_INSECURE": "yes"},
			want: "config " + path + `:3: profiles.lab.endpoint: "http://lab.example.com/v1"` + plainHTTPRefused},
		{name: "env false beats profile", o: Overrides{Profile: "trusted"}, env: map[string]string{"ACTAS_INSECURE": "0"},
			want: "config " + path + `:6: profiles.trusted.endpoint: "http://lab.example.com/v1"` + plainHTTPRefused},
		{name: "loopback needs nothing", o: Overrides{Profile: "local"}, source: "default"},
		{name: "flag endpoint", o: Overrides{Profile: "local", Endpoint: "http://appwrite.example.com/v1?x=1"},
			want: `--endpoint: "http://appwrite.example.com/v1"` + plainHTTPRefused},
		{name: "env endpoint", o: Overrides{Profile: "local"}, env: map[string]string{"ACTAS_ENDPOINT": "http://10.1.2.3/v1"},
			want: `ACTAS_ENDPOINT: "http://10.1.2.3/v1"` + plainHTTPRefused},
		{name: "env endpoint allowed by the profile", o: Overrides{Profile: "trusted"}, env: map[string]string{"ACTAS_ENDPOINT": "http://10.1.2.3/v1"},
			insecure: true, source: "profile"},
		{name: "insecure over https changes nothing", o: Overrides{Endpoint: "https://a.example.com", Insecure: yes()}, insecure: true, source: "flag"},
		{name: "insecure env not a boolean", o: Overrides{Profile: "local", Insecure: yes()}, env: map[string]string{"ACTAS_INSECURE": "sure"},
			want: `ACTAS_INSECURE: "sure" is not a boolean (use 1, true, yes, 0, false or no)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Resolve(f, c.o, func(k string) string { return c.env[k] })
			switch {
			case c.want != "" && (err == nil || err.Error() != c.want):
				t.Errorf("error\n got %v\nwant %s", err, c.want)
			case c.want == "" && err != nil:
				t.Errorf("error %v", err)
			case c.want == "" && (s.Profile.Insecure != c.insecure || s.Sources["insecure"] != c.source):
				t.Errorf("insecure = %v from %s; want %v from %s", s.Profile.Insecure, s.Sources["insecure"], c.insecure, c.source)
			}
		})
	}
}

func TestLoadInsecure(t *testing.T) {
	f, err := Load(writeConfig(t, plainHTTPDoc))
	if err != nil {
		t.Fatal(err)
	}
	if f.Profiles["lab"].Insecure || !f.Profiles["trusted"].Insecure {
		t.Errorf("insecure: lab %v, trusted %v", f.Profiles["lab"].Insecure, f.Profiles["trusted"].Insecure)
	}
}

// A hand-made File has no lines to name.
func TestPlainHTTPInAHandMadeFile(t *testing.T) {
	f := &File{Profiles: map[string]Profile{"x": {Endpoint: "http://x.example.com"}}}
	_, err := Resolve(f, Overrides{Profile: "x"}, nil)
	if want := `profiles.x.endpoint: "http://x.example.com"` + plainHTTPRefused; err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	f.Profiles["x"] = Profile{Endpoint: "http://x.example.com", Insecure: true}
	if s, err := Resolve(f, Overrides{Profile: "x"}, nil); err != nil || s.Sources["insecure"] != "profile" {
		t.Errorf("insecure profile: %v, %v", s.Sources["insecure"], err)
	}
}

// No error about an endpoint shows its password, wherever the endpoint came from.
func TestEndpointErrorsHideThePassword(t *testing.T) {
	const ep = "http://support:hunter2@lab.example.com/v1"
	if _, err := Load(writeConfig(t, "[profiles.a]\nendpoint = \""+ep+"\"\n")); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("file: %v", err)
	}
	for _, o := range []Overrides{{Endpoint: ep}, {Endpoint: ep, Insecure: yes()}} {
		if _, err := Resolve(nil, o, nil); err == nil || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("flag: %v", err)
		}
	}
	if _, err := Resolve(nil, Overrides{}, func(k string) string { return map[string]string{"ACTAS_ENDPOINT": ep}[k] }); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("env: %v", err)
	}
}
