/*
 * main.c: options and a switch over commands (cli.md); the only place
 * that exits.  Each command is one function in build.c; this file only
 * turns the command line into a struct opts.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

static const char usage_text[] =
"usage: umpress [-C DIR] COMMAND [OPTIONS]\n"
"\n"
"  build [--as-of DATE] [--out DIR] [--jobs N]\n"
"                 the site, packets, lists and bundles into output/\n"
"  check [--as-of DATE]\n"
"                 check content, templates and records; write nothing\n"
"  packet ID [--format html|json|text] [--as-of DATE]\n"
"                 one employee's packet on standard output\n"
"  report FY [--as-of DATE] [--password-file FILE] [--out DIR]\n"
"                 one fiscal year's report bundle (FY as 2026-27)\n"
"  records init FILE\n"
"                 a new, empty participant database\n"
"  records demo FILE [--employees N] [--seed S] [--as-of DATE]\n"
"                 a synthetic, deterministic demo database\n"
"  serve [--port N] [--bind ADDR] [--as-of DATE]\n"
"                 build, serve output/site/ on http://127.0.0.1:1313/ and\n"
"                 rebuild and reload on every change\n"
"  new page PATH  a new page, content/PATH.md\n"
"\n"
"  --quiet, --verbose\n"
"                 build, serve: no progress line; a line per stage\n"
"  -C DIR         run as if started in DIR\n"
"  --help, --version\n"
"\n"
"Exit status: 0 done, 1 a problem in the content, templates or records,\n"
"2 a usage error.  See umpress(1) and umpress(5).\n";

static void
usage(const char *fmt, const char *arg)
{
	if (fmt != NULL) {
		fputs("umpress: ", stderr);
		fprintf(stderr, fmt, arg);
		fputc('\n', stderr);
	}
	fputs(usage_text, stderr);
	exit(2);
}

/* A whole number in [min, max], or a usage error naming the option. */
static long
number(const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno || v < min || v > max)
		usage("%s: expected a whole number", opt);
	return v;
}

enum {
	OPT_AS_OF = 1000, OPT_OUT, OPT_JOBS, OPT_FORMAT, OPT_PASSWORD,
	OPT_EMPLOYEES, OPT_SEED, OPT_HELP, OPT_VERSION,
	OPT_PORT, OPT_BIND, OPT_QUIET, OPT_VERBOSE
};

static const struct option long_opts[] = {
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "out", required_argument, NULL, OPT_OUT },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "password-file", required_argument, NULL, OPT_PASSWORD },
	{ "employees", required_argument, NULL, OPT_EMPLOYEES },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "port", required_argument, NULL, OPT_PORT },
	{ "bind", required_argument, NULL, OPT_BIND },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ NULL, 0, NULL, 0 }
};

/* Which options each command takes. */
static int
allowed(enum command c, int opt)
{
	switch (opt) {
	case OPT_AS_OF:
		return c != CMD_RECORDS_INIT && c != CMD_NEW_PAGE;
	case OPT_PORT:
	case OPT_BIND:
		return c == CMD_SERVE;
	case OPT_QUIET:
	case OPT_VERBOSE:
		return c == CMD_BUILD || c == CMD_SERVE;
	case OPT_OUT:
		return c == CMD_BUILD || c == CMD_REPORT;
	case OPT_JOBS:
		return c == CMD_BUILD;
	case OPT_FORMAT:
		return c == CMD_PACKET;
	case OPT_PASSWORD:
		return c == CMD_REPORT;
	case OPT_EMPLOYEES:
	case OPT_SEED:
		return c == CMD_RECORDS_DEMO;
	}
	return 0;
}

static void
set_opt(struct opts *o, int opt, const char *name)
{
	if (!allowed(o->cmd, opt))
		usage("--%s does not go with this command", name);
	switch (opt) {
	case OPT_AS_OF:
		if (!date_parse(optarg, strlen(optarg), &o->as_of))
			usage("--as-of: '%s' is not a date (YYYY-MM-DD)",
			    optarg);
		break;
	case OPT_OUT:
		o->out = optarg;
		break;
	case OPT_JOBS:
		o->jobs = (int)number("--jobs", optarg, 1, 256);
		break;
	case OPT_FORMAT:
		if (strcmp(optarg, "html") && strcmp(optarg, "json") &&
		    strcmp(optarg, "text"))
			usage("--format: expected html, json or text, not "
			    "'%s'", optarg);
		o->format = optarg;
		break;
	case OPT_PASSWORD:
		o->password_file = optarg;
		break;
	case OPT_EMPLOYEES:
		o->employees = number("--employees", optarg, 0, 100000000);
		break;
	case OPT_SEED:
		o->seed = (unsigned long)number("--seed", optarg, 0, LONG_MAX);
		break;
	case OPT_PORT:
		/* 0: a free port the system picks (serve prints it). */
		o->port = (int)number("--port", optarg, 0, 65535);
		break;
	case OPT_BIND:
		if (!serve_addr_ok(optarg))
			usage("--bind: '%s' is not an IPv4 or IPv6 address",
			    optarg);
		o->bind = optarg;
		break;
	case OPT_QUIET:
		o->quiet = 1;
		break;
	case OPT_VERBOSE:
		o->verbose = 1;
		break;
	}
}

/* The command word(s) and their positional arguments. */
static void
command(struct opts *o, int argc, char **argv)
{
	static const struct {
		const char	*word;
		enum command	 cmd;
		int		 nargs;
	} cmds[] = {
		{ "build", CMD_BUILD, 0 }, { "check", CMD_CHECK, 0 },
		{ "packet", CMD_PACKET, 1 }, { "report", CMD_REPORT, 1 },
		{ "serve", CMD_SERVE, 0 },
	};
	size_t i;

	if (argc < 1)
		usage("no command given", NULL);
	if (strcmp(argv[0], "records") == 0) {
		if (argc < 2 || (strcmp(argv[1], "init") &&
		    strcmp(argv[1], "demo")))
			usage("records: expected init or demo", NULL);
		o->cmd = strcmp(argv[1], "init") == 0 ? CMD_RECORDS_INIT :
		    CMD_RECORDS_DEMO;
		o->nargs = 1;
		o->word = 2;
		return;
	}
	if (strcmp(argv[0], "new") == 0) {
		if (argc < 2 || strcmp(argv[1], "page"))
			usage("new: expected page", NULL);
		o->cmd = CMD_NEW_PAGE;
		o->nargs = 1;
		o->word = 2;
		return;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[0], cmds[i].word) == 0) {
			o->cmd = cmds[i].cmd;
			o->nargs = cmds[i].nargs;
			o->word = 1;
			return;
		}
	usage("unknown command '%s'", argv[0]);
}

/* Options and arguments after the command, in any order. */
static void
command_args(struct opts *o, int argc, char **argv)
{
	int c, idx, n = 0;

	optind = 0;	/* 0: glibc starts over, optstring and all */
	while (optind < argc) {
		if ((c = getopt_long(argc, argv, "-", long_opts, &idx)) == -1)
			break;
		if (c == 1) {
			if (n == o->nargs)
				usage("unexpected argument '%s'", optarg);
			o->args[n++] = optarg;
		} else if (c == OPT_HELP) {
			fputs(usage_text, stdout);
			exit(0);
		} else if (c == '?' || c == OPT_VERSION)
			usage(NULL, NULL);
		else
			set_opt(o, c, long_opts[idx].name);
	}
	if (n < o->nargs)
		usage("missing argument: see the usage below", NULL);
	/* cli.md: FY is YYYY-YY, the second year the one after the first. */
	if (o->cmd == CMD_REPORT && !date_fy_parse(o->args[0], &c))
		usage("report: '%s' is not a fiscal year such as 2026-27",
		    o->args[0]);
	if (o->cmd == CMD_NEW_PAGE && !content_slug_ok(o->args[0]))
		usage("new page: '%s' is not a page path such as guides/"
		    "overtime", o->args[0]);
}

int
main(int argc, char **argv)
{
	struct opts o;
	int c;

	memset(&o, 0, sizeof(o));
	o.as_of = DAY_NONE;
	o.format = "html";
	o.seed = 1;
	o.employees = 500;
	o.port = 1313;
	while ((c = getopt_long(argc, argv, "+C:", long_opts, NULL)) != -1)
		switch (c) {
		case 'C':
			if (chdir(optarg) == -1) {
				fprintf(stderr, "umpress: -C %s: %s\n", optarg,
				    strerror(errno));
				return 2;
			}
			break;
		case OPT_HELP:
			fputs(usage_text, stdout);
			return 0;
		case OPT_VERSION:
			puts("umpress " UMPRESS_VERSION);
			return 0;
		default:
			usage(NULL, NULL);
		}
	argc -= optind;
	argv += optind;
	command(&o, argc, argv);
	command_args(&o, argc - o.word + 1, argv + o.word - 1);
	if (o.as_of == DAY_NONE)
		o.as_of = date_default_as_of();
	return cmd_run(&o);
}
