package mpdx

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"actas/demo/internal/world"
)

// contact is a person or household an account list raises support from.
type contact struct {
	id, name        string
	status          string
	pledgeAmount    string // "" for none
	pledgeCurrency  string
	pledgeFrequency string // months between gifts, as MPDX's decimal ("1.0")
	sendNewsletter  string
	starred         bool
	notes           string
	created         time.Time
	updated         time.Time // what updated_in_db_at must match to write
}

// donation is one gift from a contact.
type donation struct {
	id            string
	contact       int // index into listData.contacts
	amount        string
	currency      string
	date          time.Time // a day
	paymentMethod string
	created       time.Time
}

// listData are an account list's contacts (by name) and donations (newest first).
type listData struct {
	contacts  []contact
	byID      map[string]int
	donations []donation
}

// dataStore generates each account list's data on first use, so that 100,000 members
// seed fast, and keeps what was written since.
type dataStore struct {
	mu    sync.Mutex
	lists map[int32]*listData
}

func newDataStore() *dataStore { return &dataStore{lists: map[int32]*listData{}} }

// with runs fn on list l's data under the store's lock.
func (d *dataStore) with(s *store, l int32, fn func(*listData)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	data, ok := d.lists[l]
	if !ok {
		data = generateListData(s, l)
		d.lists[l] = data
	}
	fn(data)
}

var (
	contactGiven  = []string{"John", "Mary", "David", "Sarah", "Michael", "Grace", "Daniel", "Ruth", "Samuel", "Esther", "Peter", "Lydia", "Thomas", "Hannah", "James", "Naomi", "Luis", "Ana", "Kwame", "Amara", "Jin", "Mei", "Olu", "Ingrid"}
	contactFamily = []string{"Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Martinez", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Lee", "Okafor", "Nguyen", "Kim", "Müller", "Rossi", "Haddad"}
	statuses      = []string{"Partner - Financial", "Partner - Financial", "Partner - Financial", "Partner - Special", "Partner - Pray",
		"Ask in Future", "Contact for Appointment", "Appointment Scheduled", "Call for Decision", "Never Contacted", "Not Interested"}
	newsletters    = []string{"Both", "Email", "Physical", "None"}
	pledgeAmounts  = []string{"25.0", "35.0", "50.0", "75.0", "100.0", "150.0", "200.0"}
	paymentMethods = []string{"EFT", "EFT", "Check", "Credit Card"}
)

// generateListData draws list l's contacts and donations from the seed and the list's id
// alone, so they are the same whichever lists were asked for before.
func generateListData(s *store, l int32) *listData {
	list := &s.lists[l]
	h := fnv.New64a()
	_, _ = h.Write([]byte(list.id))
	rng := rand.New(rand.NewPCG(h.Sum64(), s.seed^0x636f6e7461637473)) // "contacts"
	epoch := world.Epoch()
	data := &listData{byID: map[string]int{}}
	n := 3 + rng.IntN(28)
	for i := range n {
		family := contactFamily[rng.IntN(len(contactFamily))]
		name := family + ", " + contactGiven[rng.IntN(len(contactGiven))]
		if rng.IntN(3) == 0 {
			name += " and " + contactGiven[rng.IntN(len(contactGiven))]
		}
		created := between(rng, list.created, epoch)
		c := contact{id: uuidOf(s.seed, "contact", fmt.Sprintf("%s#%d", list.id, i)), name: name,
			status: statuses[rng.IntN(len(statuses))], sendNewsletter: newsletters[rng.IntN(len(newsletters))],
			starred: rng.IntN(10) == 0, created: created, updated: between(rng, created, epoch)}
		if strings.HasPrefix(c.status, "Partner - Financial") {
			c.pledgeAmount, c.pledgeCurrency, c.pledgeFrequency = pledgeAmounts[rng.IntN(len(pledgeAmounts))], "USD", "1.0"
		}
		data.contacts = append(data.contacts, c)
	}
	slices.SortStableFunc(data.contacts, func(a, b contact) int { return strings.Compare(a.name, b.name) })
	for i := range data.contacts {
		c := &data.contacts[i]
		data.byID[c.id] = i
		if c.pledgeAmount == "" {
			continue
		}
		for m := range 1 + rng.IntN(6) {
			date := time.Date(epoch.Year(), epoch.Month()-time.Month(m+1), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
			if date.Before(c.created) {
				break
			}
			data.donations = append(data.donations, donation{id: uuidOf(s.seed, "donation", fmt.Sprintf("%s#%d", c.id, m)),
				contact: i, amount: c.pledgeAmount, currency: "USD", date: date,
				paymentMethod: paymentMethods[rng.IntN(len(paymentMethods))], created: date.Add(36 * time.Hour)})
		}
	}
	slices.SortStableFunc(data.donations, func(a, b donation) int { return b.date.Compare(a.date) })
	return data
}

// between is a random second from a to b (a when b is not after it).
func between(rng *rand.Rand, a, b time.Time) time.Time {
	a = a.Truncate(time.Second)
	if !b.After(a) {
		return a
	}
	return a.Add(time.Duration(rng.Int64N(int64(b.Sub(a))/int64(time.Second)+1)) * time.Second)
}
