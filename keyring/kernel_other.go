//go:build !linux

package keyring

import "fmt"

// Kernel is the Linux kernel keyring; elsewhere it is never available.
type Kernel struct{}

func NewKernel() *Kernel { return &Kernel{} }

var errNoKernelKeyring = fmt.Errorf("%w: the kernel keyring exists only on Linux", ErrUnavailable)

func (k *Kernel) probe() error               { return errNoKernelKeyring }
func (k *Kernel) Get(Profile) (Entry, error) { return Entry{}, errNoKernelKeyring }
func (k *Kernel) Set(Profile, Entry) error   { return errNoKernelKeyring }
func (k *Kernel) Delete(Profile) error       { return errNoKernelKeyring }
func (k *Kernel) Durable() bool              { return false }
func (k *Kernel) Where() string              { return "the kernel keyring" }
