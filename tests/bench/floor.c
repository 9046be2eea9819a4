/*
 * floor.c: the raw-write floor of the benchmark.  Recreates a folder tree
 * from a listing, the same folders and the same number of files of the
 * same sizes, one open/write/close per file (the way umpress writes), so
 * "umpress time / floor time" says what the generator costs beyond the
 * disk.  The listing has one line per entry, folders before their files:
 *   d PATH
 *   f SIZE PATH
 * Usage: floor LISTING DIR
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
	char line[8192], path[8192], *data = NULL, *name;
	size_t cap = 0;
	long long size;
	FILE *f;
	int fd;

	if (argc != 3) {
		fputs("usage: floor LISTING DIR\n", stderr);
		return 2;
	}
	if ((f = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	if (mkdir(argv[2], 0700) == -1) {
		perror(argv[2]);
		return 1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == 'd' && line[1] == ' ') {
			snprintf(path, sizeof(path), "%s/%s", argv[2], line + 2);
			if (line[2] != '\0' && mkdir(path, 0700) == -1) {
				perror(path);
				return 1;
			}
			continue;
		}
		if (line[0] != 'f' || (size = strtoll(line + 2, &name, 10)) < 0 ||
		    *name != ' ') {
			fprintf(stderr, "%s: bad line: %s\n", argv[1], line);
			return 1;
		}
		if ((size_t)size > cap) {
			free(data);
			cap = (size_t)size;
			if ((data = malloc(cap)) == NULL)
				return 1;
			memset(data, 'x', cap);
		}
		snprintf(path, sizeof(path), "%s/%s", argv[2], name + 1);
		if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
		    write(fd, data, (size_t)size) != size || close(fd) == -1) {
			perror(path);
			return 1;
		}
	}
	fclose(f);
	free(data);
	return 0;
}
