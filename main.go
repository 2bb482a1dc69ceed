// Command actas is a terminal support console for acting as a customer, safely.
package main

import (
	"os"

	"github.com/spf13/cobra"
)

func main() {
	if err := rootCommand().Execute(); err != nil {
		os.Exit(2)
	}
}

func rootCommand() *cobra.Command {
	var opts consoleOptions
	root := &cobra.Command{
		Use:   "actas",
		Short: "A support console for acting as a customer, with an always-visible banner",
		Long: "actas signs you in as yourself, finds a customer, acts as them under a banner that is\n" +
			"always visible, stops with one key (ctrl+x) and keeps an audit journal.\n\n" +
			"  actas --demo    run against the embedded demo backend",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: false,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runConsole(cmd.Context(), opts)
		},
	}
	opts.bind(root)
	root.AddCommand(demoCommand(), logoutCommand())
	return root
}
