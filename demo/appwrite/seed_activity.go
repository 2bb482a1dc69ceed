package appwrite

import "time"

// seedActivity gives the fixed accounts a history: devices signed in and audit rows, so
// that "their sessions" and "their logs" have something to show. Times are relative to
// start; the secrets of these sessions are thrown away, so nobody can use them.
func seedActivity(st *store, now time.Time) {
	mac := clientInfo{osCode: "MAC", osName: "Mac", osVersion: "14.6", clientType: "browser", clientCode: "CH",
		clientName: "Chrome", clientVersion: "130.0", clientEngine: "Blink", clientEngineVer: "130.0",
		deviceName: "desktop", countryCode: "gb", countryName: "United Kingdom"}
	phone := clientInfo{osCode: "IOS", osName: "iOS", osVersion: "18.1", clientType: "browser", clientCode: "SF",
		clientName: "Mobile Safari", clientVersion: "18.1", clientEngine: "WebKit", clientEngineVer: "605.1",
		deviceName: "smartphone", deviceBrand: "Apple", deviceModel: "iPhone", countryCode: "gb", countryName: "United Kingdom"}
	at := func(d time.Duration) int64 { return now.Add(-d).UnixMilli() }
	type visit struct {
		who    string
		ago    time.Duration
		client clientInfo
		ip     string
	}
	for _, v := range []visit{
		{AdaID, 40 * 24 * time.Hour, mac, "81.2.69.142"},
		{AdaID, 3 * 24 * time.Hour, phone, "81.2.69.160"},
		{OperatorID, 30 * 24 * time.Hour, mac, "203.0.113.7"},
	} {
		seq := st.userByID(v.who)
		if seq < 0 {
			continue
		}
		s := &session{id: newID(), user: seq, created: at(v.ago), updated: at(v.ago),
			expire: at(v.ago - sessionLifetime), providerUID: st.users[seq].email, ip: v.ip,
			client: v.client, factors: []string{"password"}}
		st.sessions.add(s, newSecret())
		st.record("session.create", seq, -1, v.ip, s.created, v.client)
	}
	if ada := st.userByID(AdaID); ada >= 0 {
		st.record("user.update", ada, -1, "81.2.69.160", at(2*24*time.Hour), phone)
		st.record("challenge.create", ada, -1, "81.2.69.160", at(47*time.Hour), phone)
	}
}
