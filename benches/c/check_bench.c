/* The direct C call the binding overheads are measured against (issue 9 §4):
 * the same `govit_check` as bindings/java/bench/CheckBench.java and
 * bindings/dotnet/bench/CheckBench.cs, on the same input, the same N.
 *
 *   check_bench <project.json> <N> [options_json]
 *
 * Warms up with N calls, then times 9 repetitions of N calls and prints the
 * medians of wall time and of the calling thread's CPU time:
 * `c check <ns per call> ns/call <cpu ns per call> cpu_ns/call`. Each call is what a host does:
 * govit_check, then govit_string_free of the result.
 * Build: cc -O2 -I include benches/c/check_bench.c -L target/release -lgovit
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "govit.h"

#define REPS 9

static double clock_ns(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)n + 1);
  if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
    free(text);
    text = NULL;
  }
  if (text) text[n] = '\0';
  fclose(f);
  return text;
}

static void calls(const govit_engine *e, const char *project, const char *options, long n) {
  for (long i = 0; i < n; i++) {
    char *out = NULL;
    if (govit_check(e, project, options, &out) != GOVIT_OK) {
      fprintf(stderr, "check failed: %s\n", out ? out : "(no document)");
      exit(1);
    }
    govit_string_free(out);
  }
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s <project.json> <N> [options_json]\n", argv[0]);
    return 2;
  }
  char *project = read_file(argv[1]);
  long n = atol(argv[2]);
  const char *options = argc > 3 ? argv[3] : NULL;
  if (!project || n <= 0) {
    fprintf(stderr, "cannot read %s, or N is not positive\n", argv[1]);
    return 2;
  }
  govit_engine *e = NULL;
  if (govit_engine_new(NULL, &e, NULL) != GOVIT_OK) return 1;
  calls(e, project, options, n); /* warm-up */
  double t[REPS], cpu[REPS];
  for (int r = 0; r < REPS; r++) {
    double start = clock_ns(CLOCK_MONOTONIC), start_cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID);
    calls(e, project, options, n);
    t[r] = (clock_ns(CLOCK_MONOTONIC) - start) / (double)n;
    cpu[r] = (clock_ns(CLOCK_THREAD_CPUTIME_ID) - start_cpu) / (double)n;
  }
  qsort(t, REPS, sizeof t[0], cmp);
  qsort(cpu, REPS, sizeof cpu[0], cmp);
  printf("c check %.0f ns/call %.0f cpu_ns/call\n", t[REPS / 2], cpu[REPS / 2]);
  govit_engine_free(e);
  free(project);
  return 0;
}
