/*
 * fuzz.h: what the harnesses share.
 *
 * tests/fuzz/run compiles the generator with recoverable UBSan checks, so
 * that ubsan.supp can pass over bugs already reported; the options below
 * make every other report fatal, also when a harness is run by hand.
 * FUZZ_SUPP, the absolute path of ubsan.supp, comes from the run script.
 */
#ifndef UMPRESS_FUZZ_H
#define UMPRESS_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

const char	*__ubsan_default_options(void);

const char *
__ubsan_default_options(void)
{
#ifdef FUZZ_SUPP
	return "halt_on_error=1:print_stacktrace=1:suppressions=" FUZZ_SUPP;
#else
	return "halt_on_error=1:print_stacktrace=1";
#endif
}

/* Where the generator's messages go: /dev/null, or stderr with
 * FUZZ_VERBOSE=1 (to see why an input is refused). */
static inline FILE *
fuzz_sink(void)
{
	const char *v = getenv("FUZZ_VERBOSE");
	FILE *f;

	if (v != NULL && *v != '\0' && *v != '0')
		return stderr;
	if ((f = fopen("/dev/null", "w")) == NULL)
		abort();
	return f;
}

/* 1 when FUZZ_VERBOSE asks for the harness's own tracing. */
static inline int
fuzz_verbose(void)
{
	const char *v = getenv("FUZZ_VERBOSE");

	return v != NULL && *v != '\0' && *v != '0';
}

#endif /* UMPRESS_FUZZ_H */
