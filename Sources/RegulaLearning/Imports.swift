// The platform imports every file of this module shares, in one place. Sources avoid the whole
// of Foundation on purpose: FoundationEssentials keeps the kernel's resident memory about
// 4 MiB lower (see docs/developing.md). Re-exported so dependent modules see the same names.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Darwin)
@_exported import Darwin
#endif
