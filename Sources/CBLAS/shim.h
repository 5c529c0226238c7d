#ifndef REGULA_CBLAS_SHIM_H
#define REGULA_CBLAS_SHIM_H
// OpenBLAS's CBLAS interface (Debian: libopenblas-dev). The library itself is linked
// statically by the RegulaLearning target; see Package.swift for why.
#include <cblas.h>
#endif
