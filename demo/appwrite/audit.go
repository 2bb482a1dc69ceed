package appwrite

// logRow is one audit entry. Like Appwrite 1.9's audit worker, a row made while
// impersonating is keyed by the operator and names the operator; the target is kept only
// internally (impersonated) and no API field exposes it.
type logRow struct {
	event        string
	actor        int32
	impersonated int32 // -1 when not impersonating
	ip           string
	time         int64
	client       clientInfo
}

type logJSON struct {
	Event               string `json:"event"`
	UserID              string `json:"userId"`
	UserEmail           string `json:"userEmail"`
	UserName            string `json:"userName"`
	Mode                string `json:"mode"`
	UserType            string `json:"userType"`
	IP                  string `json:"ip"`
	Time                string `json:"time"`
	OSCode              string `json:"osCode"`
	OSName              string `json:"osName"`
	OSVersion           string `json:"osVersion"`
	ClientType          string `json:"clientType"`
	ClientCode          string `json:"clientCode"`
	ClientName          string `json:"clientName"`
	ClientVersion       string `json:"clientVersion"`
	ClientEngine        string `json:"clientEngine"`
	ClientEngineVersion string `json:"clientEngineVersion"`
	DeviceName          string `json:"deviceName"`
	DeviceBrand         string `json:"deviceBrand"`
	DeviceModel         string `json:"deviceModel"`
	CountryCode         string `json:"countryCode"`
	CountryName         string `json:"countryName"`
}

// record appends an audit row; the caller holds s.mu for writing.
func (s *store) record(event string, actor, impersonated int32, ip string, now int64, client clientInfo) {
	row := logRow{event: event, actor: actor, impersonated: impersonated, ip: ip, time: now, client: client}
	s.logs[actor] = append(s.logs[actor], row)
}

func (s *store) logJSON(row logRow) logJSON {
	u := &s.users[row.actor]
	c := row.client
	return logJSON{
		Event: row.event, UserID: u.id, UserEmail: u.email, UserName: u.name,
		Mode: "default", UserType: "user", IP: row.ip, Time: formatTime(row.time),
		OSCode: c.osCode, OSName: c.osName, OSVersion: c.osVersion,
		ClientType: c.clientType, ClientCode: c.clientCode, ClientName: c.clientName,
		ClientVersion: c.clientVersion, ClientEngine: c.clientEngine, ClientEngineVersion: c.clientEngineVer,
		DeviceName: c.deviceName, DeviceBrand: c.deviceBrand, DeviceModel: c.deviceModel,
		CountryCode: c.countryCode, CountryName: c.countryName,
	}
}

// logPage returns a user's rows newest first, after offset, at most limit.
func (s *store) logPage(user int32, offset, limit int) (total int, out []logJSON) {
	rows := s.logs[user]
	total = len(rows)
	out = []logJSON{}
	for i := len(rows) - 1 - offset; i >= 0 && len(out) < limit; i-- {
		out = append(out, s.logJSON(rows[i]))
	}
	return total, out
}
