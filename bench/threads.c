/* threads [NTHREADS [NCALLS [WAVE]]]: create NTHREADS threads (default 300),
 * at most WAVE (default 50) alive at a time, each making NCALLS (default
 * 200) gettid system calls; join them all. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long ncalls = 200;

static void *
worker(void *arg)
{
	for (long i = 0; i < ncalls; i++)
		syscall(SYS_gettid);
	return arg;
}

int
main(int argc, char **argv)
{
	int nthreads = argc > 1 ? atoi(argv[1]) : 300;
	int wave = argc > 3 ? atoi(argv[3]) : 50;

	if (argc > 2)
		ncalls = atol(argv[2]);
	if (nthreads < 1 || wave < 1) {
		fprintf(stderr, "threads: bad arguments\n");
		return 2;
	}

	pthread_t *t = calloc((size_t)wave, sizeof(*t));
	if (!t) {
		perror("calloc");
		return 1;
	}
	for (int done = 0; done < nthreads; ) {
		int k = nthreads - done < wave ? nthreads - done : wave;
		for (int i = 0; i < k; i++) {
			int e = pthread_create(&t[i], NULL, worker, NULL);
			if (e) {
				fprintf(stderr, "threads: pthread_create: %s\n", strerror(e));
				return 1;
			}
		}
		for (int i = 0; i < k; i++) {
			int e = pthread_join(t[i], NULL);
			if (e) {
				fprintf(stderr, "threads: pthread_join: %s\n", strerror(e));
				return 1;
			}
		}
		done += k;
	}
	free(t);
	return 0;
}
