// Command actas is a terminal support console for acting as a customer, safely. main
// only wires: the commands live in package cli.
package main

import (
	"os"

	"actas/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
