/*
 * main.c: options and a switch over commands (cli.md); the only place
 * that exits.  Each command is one function in build.c; this file only
 * turns the command line into a struct opts.  The commands and options
 * are described once, in the tables below, and every usage text (the
 * whole one of --help, one command's of COMMAND --help) is made from them.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

enum {
	OPT_AS_OF = 1000, OPT_OUT, OPT_JOBS, OPT_FORMAT, OPT_PASSWORD,
	OPT_EMPLOYEES, OPT_SEED, OPT_STRICT, OPT_QUIET, OPT_VERBOSE,
	OPT_PORT, OPT_BIND, OPT_HELP, OPT_VERSION
};

static const struct option long_opts[] = {
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "out", required_argument, NULL, OPT_OUT },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "password-file", required_argument, NULL, OPT_PASSWORD },
	{ "employees", required_argument, NULL, OPT_EMPLOYEES },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ "port", required_argument, NULL, OPT_PORT },
	{ "bind", required_argument, NULL, OPT_BIND },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* What each option of long_opts (same order) takes and does. */
static const struct {
	const char	*arg;	/* its argument's name, or NULL */
	const char	*help;	/* one line */
} opt_help[] = {
	{ "DATE", "the as-of date, YYYY-MM-DD (default: today)" },
	{ "DIR", "write into DIR instead of output/" },
	{ "N", "worker threads, 1 to 256 (default: one per core)" },
	{ "html|json|text", "the packet's format (default: html)" },
	{ "FILE", "encrypt the bundle with FILE's first line" },
	{ "N", "employees in the demo (default: 500)" },
	{ "S", "the demo's random seed (default: 1)" },
	{ NULL, "warnings are errors (also strict: true in site.yaml)" },
	{ NULL, "print no warnings (unless --strict)" },
	{ NULL, "say what each step read and made" },
	{ "N", "the port to serve on (default: 1313; 0: any free one)" },
	{ "ADDR", "the address to serve on (default: 127.0.0.1)" },
	{ NULL, "this text" },
	{ NULL, "the version" },
};

/* The commands: their words, positional arguments and what they do. */
static const struct cmdinfo {
	const char	*word;		/* "build", "records demo" */
	enum command	 cmd;
	int		 nargs;		/* positional arguments */
	const char	*args;		/* their names, or "" */
	const char	*about;		/* one line */
} cmds[] = {
	{ "build", CMD_BUILD, 0, "",
	  "build the site, packets, lists and bundles into output/" },
	{ "check", CMD_CHECK, 0, "",
	  "check content, templates and records; write nothing" },
	{ "packet", CMD_PACKET, 1, " ID",
	  "print one employee's packet on standard output" },
	{ "report", CMD_REPORT, 1, " FY",
	  "make one fiscal year's report bundle (FY as 2026-27)" },
	{ "records init", CMD_RECORDS_INIT, 1, " FILE",
	  "make a new, empty participant database" },
	{ "records demo", CMD_RECORDS_DEMO, 1, " FILE",
	  "make a synthetic, deterministic demo database" },
	{ "serve", CMD_SERVE, 0, "",
	  "build, serve output/site/ on a local address, rebuild on change" },
	{ "new page", CMD_NEW_PAGE, 1, " PATH",
	  "write a new page, content/PATH.md, with its front matter" },
};
#define NCMDS	(sizeof(cmds) / sizeof(cmds[0]))

/* Which options each command takes. */
static int
allowed(enum command c, int opt)
{
	switch (opt) {
	case OPT_AS_OF:
		return c != CMD_RECORDS_INIT && c != CMD_NEW_PAGE;
	case OPT_OUT:
		return c == CMD_BUILD || c == CMD_REPORT;
	case OPT_JOBS:
		return c == CMD_BUILD;
	case OPT_STRICT:
	case OPT_QUIET:
	case OPT_VERBOSE:
		return c == CMD_BUILD || c == CMD_SERVE;
	case OPT_PORT:
	case OPT_BIND:
		return c == CMD_SERVE;
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

/* "  build [--as-of DATE] ...": a command and its options, wrapped. */
static void
synopsis(FILE *f, const char *lead, int indent, const struct cmdinfo *ci)
{
	size_t i, col;

	col = (size_t)fprintf(f, "%s%s%s", lead, ci->word, ci->args);
	for (i = 0; long_opts[i].name != NULL; i++) {
		if (!allowed(ci->cmd, long_opts[i].val))
			continue;
		if (col + strlen(long_opts[i].name) + 14 > 78)
			col = (size_t)fprintf(f, "\n%*s", indent, "") - 1;
		col += (size_t)fprintf(f, " [--%s%s%s]", long_opts[i].name,
		    opt_help[i].arg ? " " : "", opt_help[i].arg ?
		    opt_help[i].arg : "");
	}
	fputc('\n', f);
}

/* umpress --help: every command. */
static void
usage_all(FILE *f)
{
	size_t i;

	fputs("usage: umpress [-C DIR] COMMAND [OPTIONS]\n\n", f);
	for (i = 0; i < NCMDS; i++) {
		synopsis(f, "  ", 5, &cmds[i]);
		fprintf(f, "%17s%s\n", "", cmds[i].about);
	}
	fputs("\n"
	    "  -C DIR         run as if started in DIR\n"
	    "  --help, --version\n"
	    "  COMMAND --help the usage of one command\n"
	    "\n"
	    "Exit status: 0 done, 1 a problem in the content, templates or records,\n"
	    "2 a usage error.  See umpress(1) and umpress(5).\n", f);
}

/* umpress COMMAND --help: that command, and each option it takes. */
static void
usage_cmd(FILE *f, const struct cmdinfo *ci)
{
	char name[64];
	size_t i;
	int any = 0;

	synopsis(f, "usage: umpress [-C DIR] ", 7, ci);
	fprintf(f, "\n%c%s.\n", toupper((unsigned char)ci->about[0]),
	    ci->about + 1);
	for (i = 0; long_opts[i].name != NULL; i++) {
		if (!allowed(ci->cmd, long_opts[i].val))
			continue;
		/* A blank line before the options, when there are any. */
		if (!any++)
			fputc('\n', f);
		snprintf(name, sizeof(name), "--%s%s%s", long_opts[i].name,
		    opt_help[i].arg ? " " : "", opt_help[i].arg ?
		    opt_help[i].arg : "");
		if (strlen(name) > 20)
			fprintf(f, "  %s\n%23s%s\n", name, "", opt_help[i].help);
		else
			fprintf(f, "  %-20s %s\n", name, opt_help[i].help);
	}
	fputs("\nSee umpress(1).\n", f);
}

/*
 * umpress records --help, umpress new --help: the usage of each command
 * of the group (cli.md: COMMAND --help prints its usage and exits 0,
 * "records" and "new" alone as much as "build").
 */
static void
usage_group(FILE *f, const char *group)
{
	size_t i, len = strlen(group);
	const char *lead = "usage: umpress [-C DIR] ";

	for (i = 0; i < NCMDS; i++)
		if (strncmp(cmds[i].word, group, len) == 0 &&
		    cmds[i].word[len] == ' ') {
			synopsis(f, lead, 7, &cmds[i]);
			lead = "       umpress [-C DIR] ";
		}
	fputc('\n', f);
	for (i = 0; i < NCMDS; i++)
		if (strncmp(cmds[i].word, group, len) == 0 &&
		    cmds[i].word[len] == ' ')
			fprintf(f, "  %-14s %s\n", cmds[i].word,
			    cmds[i].about);
	fprintf(f, "\n  %s COMMAND --help the usage of one of them\n"
	    "\nSee umpress(1).\n", group);
}

/* A usage error: the message, then the usage of the command when it is
 * known, else all of it; exit status 2. */
static void
usage(const struct cmdinfo *ci, const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		fputs("umpress: ", stderr);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	if (ci != NULL)
		usage_cmd(stderr, ci);
	else
		usage_all(stderr);
	exit(2);
}

/* A whole number in [min, max], or a usage error naming the option and
 * the range. */
static long
number(const struct cmdinfo *ci, const char *opt, const char *s, long min,
    long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s != '\0' && *end == '\0' && !errno && v >= min && v <= max)
		return v;
	if (max == LONG_MAX)
		usage(ci, "%s: expected a whole number of at least %ld, not "
		    "'%s'", opt, min, s);
	usage(ci, "%s: expected a whole number from %ld to %ld, not '%s'",
	    opt, min, max, s);
	return 0;
}

static void
set_opt(struct opts *o, const struct cmdinfo *ci, int opt, const char *name)
{
	if (!allowed(o->cmd, opt))
		usage(ci, "--%s does not go with %s", name, ci->word);
	/* cli.md: an empty name is no folder or file: say so before any
	 * work, not after a whole build. */
	if (optarg != NULL && *optarg == '\0')
		usage(ci, "--%s: an empty value", name);
	switch (opt) {
	case OPT_AS_OF:
		if (!date_parse(optarg, strlen(optarg), &o->as_of))
			usage(ci, "--as-of: '%s' is not a date (YYYY-MM-DD)",
			    optarg);
		break;
	case OPT_OUT:
		o->out = optarg;
		break;
	case OPT_JOBS:	/* cli.md: 1 to 256 */
		o->jobs = (int)number(ci, "--jobs", optarg, 1, 256);
		break;
	case OPT_FORMAT:
		if (strcmp(optarg, "html") && strcmp(optarg, "json") &&
		    strcmp(optarg, "text"))
			usage(ci, "--format: expected html, json or text, not "
			    "'%s'", optarg);
		o->format = optarg;
		break;
	case OPT_PASSWORD:
		o->password_file = optarg;
		break;
	case OPT_EMPLOYEES:
		o->employees = number(ci, "--employees", optarg, 0, 100000000);
		break;
	case OPT_SEED:
		o->seed = (unsigned long)number(ci, "--seed", optarg, 0,
		    LONG_MAX);
		break;
	case OPT_STRICT:
		o->strict = 1;
		break;
	case OPT_QUIET:
		o->quiet = 1;
		break;
	case OPT_VERBOSE:
		o->verbose = 1;
		break;
	case OPT_PORT:
		/* 0: a free port the system picks (serve prints it). */
		o->port = (int)number(ci, "--port", optarg, 0, 65535);
		break;
	case OPT_BIND:
		if (!serve_addr_ok(optarg))
			usage(ci, "--bind: '%s' is not an IPv4 or IPv6 address",
			    optarg);
		o->bind = optarg;
		break;
	}
}

/* The command word(s): the command's entry in cmds. */
static const struct cmdinfo *
command(struct opts *o, int argc, char **argv)
{
	char word[32];
	size_t i;

	if (argc < 1)
		usage(NULL, "no command given");
	/* "records --help", "new --help": the group's usage. */
	if ((strcmp(argv[0], "records") == 0 || strcmp(argv[0], "new") == 0)
	    && argc >= 2 && strcmp(argv[1], "--help") == 0) {
		usage_group(stdout, argv[0]);
		exit(0);
	}
	if (strcmp(argv[0], "records") == 0) {
		if (argc < 2 || (strcmp(argv[1], "init") &&
		    strcmp(argv[1], "demo")))
			usage(NULL, "records: expected init or demo");
		snprintf(word, sizeof(word), "records %s", argv[1]);
		o->word = 2;
	} else if (strcmp(argv[0], "new") == 0) {
		if (argc < 2 || strcmp(argv[1], "page"))
			usage(NULL, "new: expected page");
		snprintf(word, sizeof(word), "new page");
		o->word = 2;
	} else {
		snprintf(word, sizeof(word), "%s", argv[0]);
		o->word = 1;
	}
	for (i = 0; i < NCMDS; i++)
		if (strcmp(word, cmds[i].word) == 0) {
			o->cmd = cmds[i].cmd;
			o->nargs = cmds[i].nargs;
			return &cmds[i];
		}
	usage(NULL, "unknown command '%s'", argv[0]);
	return NULL;
}

/* Options and arguments after the command, in any order. */
static void
command_args(struct opts *o, const struct cmdinfo *ci, int argc,
    char **argv)
{
	int c, idx, n = 0;

	optind = 0;	/* 0: glibc starts over, optstring and all */
	while (optind < argc) {
		if ((c = getopt_long(argc, argv, "-", long_opts, &idx)) == -1)
			break;
		if (c == 1) {
			if (n == o->nargs)
				usage(ci, "unexpected argument '%s'", optarg);
			o->args[n++] = optarg;
		} else if (c == OPT_HELP) {
			usage_cmd(stdout, ci);
			exit(0);
		} else if (c == '?' || c == OPT_VERSION)
			usage(ci, NULL);
		else
			set_opt(o, ci, c, long_opts[idx].name);
	}
	if (n < o->nargs)
		usage(ci, "%s: missing%s", ci->word, ci->args);
	/* cli.md: FY is YYYY-YY, the second year the one after the first. */
	if (o->cmd == CMD_REPORT && !date_fy_parse(o->args[0], &c))
		usage(ci, "report: '%s' is not a fiscal year such as 2026-27",
		    o->args[0]);
	if (o->cmd == CMD_NEW_PAGE && !content_slug_ok(o->args[0]))
		usage(ci, "new page: '%s' is not a page path such as "
		    "guides/overtime", o->args[0]);
}

int
main(int argc, char **argv)
{
	const struct cmdinfo *ci;
	struct opts o;
	int c;

	memset(&o, 0, sizeof(o));
	o.as_of = DAY_NONE;
	o.format = "html";
	o.seed = 1;
	o.employees = 500;
	o.port = 1313;	/* cli.md: serve's default */
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
			usage_all(stdout);
			return 0;
		case OPT_VERSION:
			puts("umpress " UMPRESS_VERSION);
			return 0;
		default:
			usage(NULL, NULL);
		}
	argc -= optind;
	argv += optind;
	ci = command(&o, argc, argv);
	command_args(&o, ci, argc - o.word + 1, argv + o.word - 1);
	if (o.as_of == DAY_NONE)
		o.as_of = date_default_as_of();
	return cmd_run(&o);
}
