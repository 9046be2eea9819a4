/*
 * floor.c: the raw-write floor of the benchmark.  Writes N files of the
 * given total bytes into DIR/packets/, one open/write/close each, the way
 * umpress writes packets, so "umpress time / floor time" says what the
 * generator costs beyond the disk.
 *   floor DIR N TOTAL_BYTES
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	char path[4096], *data;
	long n, i;
	long long total, size, left;
	int fd;

	if (argc != 4) {
		fputs("usage: floor DIR N TOTAL_BYTES\n", stderr);
		return 2;
	}
	n = atol(argv[2]);
	total = atoll(argv[3]);
	if (n <= 0 || total < 0)
		return 2;
	size = total / n + 1;
	if ((data = malloc((size_t)size)) == NULL)
		return 1;
	memset(data, 'x', (size_t)size);
	snprintf(path, sizeof(path), "%s/packets", argv[1]);
	mkdir(argv[1], 0700);
	mkdir(path, 0700);
	left = total;
	for (i = 0; i < n; i++) {
		long long len = i == n - 1 ? left : (left < size ? left : size);

		snprintf(path, sizeof(path), "%s/packets/E%07ld.html", argv[1],
		    i);
		if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
		    write(fd, data, (size_t)len) != len || close(fd) == -1) {
			perror(path);
			return 1;
		}
		left -= len;
	}
	free(data);
	return 0;
}
