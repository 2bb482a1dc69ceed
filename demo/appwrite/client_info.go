package appwrite

import "strings"

// parseClient is a small stand-in for Appwrite's User-Agent parser: enough to tell a
// browser from a library and name the operating system.
func parseClient(ua string) clientInfo {
	c := clientInfo{countryCode: "--", countryName: "Unknown", clientType: "library"}
	product, _, _ := strings.Cut(ua, " ")
	c.clientName, c.clientVersion, _ = strings.Cut(product, "/")
	for _, b := range []struct{ token, name, code, engine string }{
		{"Firefox/", "Firefox", "FF", "Gecko"}, {"Edg/", "Microsoft Edge", "PS", "Blink"},
		{"Chrome/", "Chrome", "CH", "Blink"}, {"Safari/", "Safari", "SF", "WebKit"},
	} {
		if i := strings.Index(ua, b.token); i >= 0 {
			c.clientType, c.clientName, c.clientCode, c.clientEngine = "browser", b.name, b.code, b.engine
			c.clientVersion, _, _ = strings.Cut(ua[i+len(b.token):], " ")
			break
		}
	}
	for _, o := range []struct{ token, name, code string }{
		{"Windows", "Windows", "WIN"}, {"iPhone", "iOS", "IOS"}, {"Mac OS X", "Mac", "MAC"},
		{"Android", "Android", "AND"}, {"Linux", "GNU/Linux", "LIN"},
	} {
		if strings.Contains(ua, o.token) {
			c.osName, c.osCode = o.name, o.code
			break
		}
	}
	return c
}
