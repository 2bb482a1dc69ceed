package ironflow

import (
	"hash/fnv"
	"strings"
	"time"

	"actas/demo/internal/world"
)

// tenant is an organization as Ironflow lists it. Its projects, functions, events and
// workers are generated when first asked for (tenantData), so that 100,000 tenants seed fast.
type tenant struct {
	id, name     string
	created      time.Time
	environments []environment // the default first
	keys         int           // key_count
	seed         uint64        // of its generated data
	search       string        // lower-case "id name", what ?search= matches
}

// environment is one of a tenant's environments. Ids name the environment within its
// tenant ("env_staging"): every tenant has its own env_default, as the protocol implies.
type environment struct {
	id, name string
	created  time.Time
}

// knownEnvironmentIDs are "env_"+name for the names every tenant shares, made once.
var knownEnvironmentIDs = map[string]string{
	world.DefaultEnvironment: DefaultEnvironment, "staging": "env_staging",
	"production": "env_production", "development": "env_development",
}

func environmentID(name string) string {
	if id, ok := knownEnvironmentIDs[name]; ok {
		return id
	}
	return "env_" + name
}

// seedTenants builds the fixed tenants, then n-len(fixed) generated ones (at least the
// fixed), in order of creation. The generated ones are the world's standalone
// organizations for seed; the fixed ones do not depend on it.
func seedTenants(n int, seed uint64) []tenant {
	out := make([]tenant, 0, max(n, len(fixedTenants)))
	reserved := make([]string, 0, 2*len(fixedTenants))
	for _, f := range fixedTenants {
		created, _ := time.Parse(time.RFC3339, f.created)
		t := tenant{id: f.id, name: f.name, created: created, keys: f.keys, seed: hash(f.id)}
		for i, e := range f.environments {
			t.environments = append(t.environments, environment{id: environmentID(e), name: e, created: created.AddDate(0, 0, 7*i)})
		}
		out = append(out, t.indexed())
		reserved = append(reserved, strings.TrimPrefix(f.id, "org_"), f.name)
	}
	for _, o := range world.StandaloneOrgs(n-len(fixedTenants), seed, reserved...) {
		id := "org_" + o.ID
		s := hash(id) ^ seed*0x9e3779b97f4a7c15
		t := tenant{id: id, name: o.Name, created: o.Created, keys: int(s % 6), seed: s,
			environments: make([]environment, len(o.Environments))}
		for i, e := range o.Environments {
			t.environments[i] = environment{id: environmentID(e.Name), name: e.Name, created: e.Created}
		}
		out = append(out, t.indexed())
	}
	return out
}

func (t tenant) indexed() tenant {
	t.search = strings.ToLower(t.id + " " + t.name)
	return t
}

// environment finds one of the tenant's environments by id or by name.
func (t *tenant) environment(idOrName string) (*environment, bool) {
	for i := range t.environments {
		if e := &t.environments[i]; e.id == idOrName || e.name == idOrName {
			return e, true
		}
	}
	return nil, false
}

func hash(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return h.Sum64()
}
