#ifndef REGULA_CBLAS_SHIM_H
#define REGULA_CBLAS_SHIM_H
// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), and the Fortran-style entry points of
// the LAPACK routines OpenBLAS implements itself (dpotrf_: Cholesky; dpstrf_: pivoted Cholesky), declared by its
// f77blas.h. The library itself is linked statically by the RegulaLearning target; see
// Package.swift for why.
#include <stddef.h>
#include <cblas.h>
#include <f77blas.h>
// LAPACK's pivoted Cholesky of a positive semi-definite matrix (rank-revealing), which
// OpenBLAS carries from reference LAPACK; f77blas.h does not declare it.
// It is Fortran: gfortran passes a CHARACTER argument's length as a hidden trailing argument,
// which a caller must supply (a missing one has corrupted callers' stacks elsewhere).
void dpstrf_(char *uplo, blasint *n, double *a, blasint *lda, blasint *piv, blasint *rank,
             double *tol, double *work, blasint *info, size_t uplo_length);
#endif
