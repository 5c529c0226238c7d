#ifndef REGULA_CBLAS_SHIM_H
#define REGULA_CBLAS_SHIM_H
// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), and the Fortran-style entry points of
// the LAPACK routines OpenBLAS implements itself (dpotrf_: Cholesky), declared by its
// f77blas.h. The library itself is linked statically by the RegulaLearning target; see
// Package.swift for why.
#include <cblas.h>
#include <f77blas.h>
#endif
