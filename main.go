// Command actas is a terminal support console for acting as a customer, safely. main
// only wires: the commands live in package cli, and the dialects are this table.
package main

import (
	"os"

	"actas/cli"
	"actas/client"
	"actas/client/appwrite"
	"actas/client/ironflow"
	"actas/client/mpdx"
)

func main() {
	dialects := client.Dialects{
		appwrite.Dialect{}.Name(): appwrite.Dialect{},
		ironflow.Dialect{}.Name(): ironflow.Dialect{},
		mpdx.Dialect{}.Name():     mpdx.Dialect{},
	}
	os.Exit(cli.Main(os.Args[1:], dialects))
}
