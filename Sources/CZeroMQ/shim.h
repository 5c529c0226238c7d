#ifndef REGULA_CZEROMQ_SHIM_H
#define REGULA_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
