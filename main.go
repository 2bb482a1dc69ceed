// Command actas is a terminal support console for acting as a customer, safely.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], defaultEnv()))
}
