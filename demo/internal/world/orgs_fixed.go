package world

import "time"

// fixedOrg is a fixed organization as written: members by person id, owner first.
type fixedOrg struct {
	id, name     string
	created      time.Time
	environments []string
	owner        string
	admins       []string
	members      []string
}

// fixedOrgs put the fixed targets into organizations (the staff stay out, except
// OperatorTargetID): a Latin, a many-script and a Japanese-named one.
var fixedOrgs = []fixedOrg{
	{id: "acme", name: "Acme Corp", created: day(2019, 2, 12), environments: []string{"staging"},
		owner: AdaID, admins: []string{OperatorTargetID},
		members: []string{BlockedID, EscapeID, LongNameID, "zoe", "unicorn"}},
	{id: "globex", name: "Globex Corporation", created: day(2019, 5, 20), environments: []string{"staging", "development"},
		owner: "olga", admins: []string{"eleni"}, members: []string{"amina", "noa", "priya"}},
	{id: "sakura", name: "さくら Labs 株式会社", created: day(2019, 6, 1),
		owner: "yuki", admins: []string{"wei"}, members: []string{"minjun", "thao"}},
}

// buildFixedOrg joins members a day apart, each after both the organization and their own
// registration.
func buildFixedOrg(f fixedOrg, registered map[string]time.Time) Org {
	o := Org{ID: f.id, Name: f.name, Created: f.created}
	o.Environments = append(o.Environments, newEnvironment(f.id, DefaultEnvironment, f.created))
	for i, e := range f.environments {
		o.Environments = append(o.Environments, newEnvironment(f.id, e, f.created.AddDate(0, 0, 7*(i+1))))
	}
	add := func(id string, role Role) {
		joined := later(f.created, registered[id]).AddDate(0, 0, len(o.Members))
		o.Members = append(o.Members, Membership{OrgID: f.id, PersonID: id, Role: role, Joined: joined})
	}
	add(f.owner, RoleOwner)
	for _, id := range f.admins {
		add(id, RoleAdmin)
	}
	for _, id := range f.members {
		add(id, RoleMember)
	}
	return o
}
