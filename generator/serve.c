/*
 * serve.c: umpress serve, the preview a coordinator keeps open while
 * editing pages.  It builds, serves output/site/ over HTTP
 * (libmicrohttpd, a thread per connection), watches content/,
 * templates/ and records/umpress.db (inotify) and builds again after
 * each change; open pages then reload themselves.
 *
 *   reloading  every HTML page served (never a file in output/) gets a
 *              small script that listens to /_umpress/events
 *              (Server-Sent Events); each build sends its number, and a
 *              page made before it reloads
 *   errors     a build that fails leaves the last good output in place
 *              (output.c); its messages, FILE:LINE: message, go to the
 *              terminal and at the top of every page served until a
 *              build succeeds
 *   safety     only regular files under output/site/: a path with a
 *              ".." or "." segment or a hidden name (after the URL's
 *              %-decoding, so %2e%2e is ".."), or one that leads out of
 *              the site by a symbolic link, is 404; output/private/ is
 *              never reached
 *   the tests  "listening on URL" on stdout when it listens, and a line
 *              after every build, so a test waits for a line, not a time
 *
 * The main thread watches and runs each build as a process of its own
 * (build_run); the server's threads only read files and the state
 * below, under its lock.
 */
#define _GNU_SOURCE	/* signalfd, inotify, open_memstream */
#include <sys/types.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "extern.h"

#define SITE_DIR	"output/site"
#define EVENTS		"/_umpress/events"
/* An editor saves in steps (write, rename, chmod): the build waits until
 * the files have been still this long (ms). */
#define SETTLE_MS	40
/* A comment this often keeps an idle event stream open through proxies
 * and tells a closed one (s). */
#define PING_S		15

/* What the server's threads and the main thread share. */
struct serve {
	pthread_mutex_t	 lock;		/* the fields below */
	pthread_cond_t	 built;		/* a build ended, or stopping */
	unsigned long	 gen;		/* builds done: pages made before
					 * the latest reload */
	char		*errors;	/* the last build's messages when it
					 * failed, else NULL */
	int		 stopping;	/* SIGINT or SIGTERM came */
};

/* One event stream: how far its page is. */
struct stream {
	struct serve	*sv;
	unsigned long	 sent;		/* the build number it was told */
	int		 hello;		/* 1: the first message went */
};

/* ---- addresses -------------------------------------------------------- */

/* addr as a socket address (IPv4, or IPv6 with or without []). */
static int
addr_parse(const char *addr, int port, struct sockaddr_storage *ss,
    socklen_t *len)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
	char host[INET6_ADDRSTRLEN + 2];
	size_t n = strlen(addr);

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, addr, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)port);
		*len = sizeof(*v4);
		return 1;
	}
	if (n >= 2 && addr[0] == '[' && addr[n - 1] == ']' && n < sizeof(host)) {
		memcpy(host, addr + 1, n - 2);
		host[n - 2] = '\0';
		addr = host;
	}
	if (inet_pton(AF_INET6, addr, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		*len = sizeof(*v6);
		return 1;
	}
	return 0;
}

int
serve_addr_ok(const char *addr)
{
	struct sockaddr_storage ss;
	socklen_t len;

	return addr_parse(addr, 0, &ss, &len);
}

/*
 * A listening socket on addr:port (port 0: one the system picks, into
 * *port).  -1 when it cannot be had (reported: a port in use says so).
 */
static int
listen_on(const char *addr, int *port, struct diag *d)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fd, on = 1, e;

	if (!addr_parse(addr, *port, &ss, &len)) {
		diag_msg(d, DIAG_ERROR, "--bind: '%s' is not an IPv4 or IPv6 "
		    "address", addr);
		return -1;
	}
	if ((fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) == -1 ||
	    bind(fd, (struct sockaddr *)&ss, len) == -1 || listen(fd, 64) == -1 ||
	    getsockname(fd, (struct sockaddr *)&ss, &len) == -1) {
		e = errno;
		if (e == EADDRINUSE)
			diag_msg(d, DIAG_ERROR, "cannot listen on %s port %d: "
			    "the port is in use (another umpress serve? choose "
			    "another port with --port)", addr, *port);
		else
			diag_msg(d, DIAG_ERROR, "cannot listen on %s port %d: "
			    "%s", addr, *port, strerror(e));
		if (fd != -1)
			close(fd);
		return -1;
	}
	*port = ntohs(ss.ss_family == AF_INET ?
	    ((struct sockaddr_in *)&ss)->sin_port :
	    ((struct sockaddr_in6 *)&ss)->sin6_port);
	return fd;
}

/* ---- files ------------------------------------------------------------ */

/* The content type of a file by its name. */
static const char *
content_type(const char *path)
{
	static const struct {
		const char	*ext;
		const char	*type;
	} types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".svg", "image/svg+xml" },
		{ ".xml", "application/xml; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".csv", "text/csv; charset=utf-8" },
		{ ".png", "image/png" }, { ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" }, { ".gif", "image/gif" },
		{ ".webp", "image/webp" }, { ".ico", "image/x-icon" },
		{ ".pdf", "application/pdf" }, { ".zip", "application/zip" },
		{ ".woff", "font/woff" }, { ".woff2", "font/woff2" },
	};
	size_t i, n = strlen(path), e;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		e = strlen(types[i].ext);
		if (n > e && strcasecmp(path + n - e, types[i].ext) == 0)
			return types[i].type;
	}
	return "application/octet-stream";
}

/* Whether a decoded URL path may name a file of the site: "/", then
 * segments none of which is empty (but the last), "." or "..", or
 * begins with a dot (hidden files, the manifest). */
static int
url_safe(const char *url)
{
	const char *p;

	if (url[0] != '/')
		return 0;
	for (p = url + 1; *p != '\0'; p++)
		if ((p[-1] == '/' && (*p == '/' || *p == '.')) || *p == '\\')
			return 0;
	return 1;
}

enum found {
	FOUND_NONE,	/* 404 */
	FOUND_FILE,	/* *path is a regular file of the site */
	FOUND_DIR	/* a folder asked for without its '/': redirect */
};

/*
 * The file a URL names under output/site/ (a folder: its index.html),
 * resolved (symbolic links followed) and checked to be inside the site
 * as resolved.  *path is the caller's to free.
 */
static enum found
resolve(const char *url, char **path)
{
	char *want, *root = NULL, *real = NULL;
	enum found f = FOUND_NONE;
	struct stat st;
	size_t n;

	*path = NULL;
	if (!url_safe(url))
		return FOUND_NONE;
	want = xasprintf(SITE_DIR "%s", url);
	if (stat(want, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (url[strlen(url) - 1] != '/') {
			free(want);
			return FOUND_DIR;
		}
		free(want);
		want = xasprintf(SITE_DIR "%sindex.html", url);
	}
	if ((root = realpath(SITE_DIR, NULL)) != NULL &&
	    (real = realpath(want, NULL)) != NULL &&
	    strncmp(real, root, n = strlen(root)) == 0 && real[n] == '/' &&
	    stat(real, &st) == 0 && S_ISREG(st.st_mode)) {
		f = FOUND_FILE;
		*path = real;
		real = NULL;
	}
	free(want);
	free(root);
	free(real);
	return f;
}

/* ---- what is added to the pages served ------------------------------- */

/* Inserts s at offset at of b. */
static void
insert(struct buf *b, size_t at, const char *s)
{
	size_t n = strlen(s);

	buf_reserve(b, n);
	memmove(b->data + at + n, b->data + at, b->len - at + 1);
	memcpy(b->data + at, s, n);
	b->len += n;
}

/* Where the text after "<body ...>" starts, or 0. */
static size_t
body_start(const struct buf *b)
{
	const char *p = strstr(b->data, "<body"), *e;

	if (p == NULL || (e = strchr(p, '>')) == NULL)
		return 0;
	return (size_t)(e - b->data) + 1;
}

/*
 * Adds the reload script before </body> (else at the end) and, while
 * the last build failed, its messages after <body>.
 */
static void
decorate(struct buf *b, unsigned long gen, const char *errors)
{
	struct buf s = {0};
	const char *end;
	size_t at;

	if (b->data == NULL)
		buf_puts(b, "");
	buf_printf(&s, "<script>/* umpress serve: reload after a build */"
	    "(function(){var gen=\"%lu\",es=new EventSource(\"" EVENTS "\");"
	    "es.onmessage=function(e){if(e.data!==gen){es.close();"
	    "location.reload();}};})();</script>\n", gen);
	end = strstr(b->data, "</body>");
	insert(b, end != NULL ? (size_t)(end - b->data) : b->len, s.data);
	if (errors != NULL) {
		buf_reset(&s);
		BUF_LIT(&s, "\n<div role=\"alert\" style=\"margin:0;padding:1em;"
		    "background:#fff0f0;color:#700;border-bottom:4px solid "
		    "#c00;font:15px/1.5 monospace;white-space:pre-wrap\">"
		    "<strong>umpress serve: the last build failed. This is the "
		    "last good page; it reloads once the build succeeds."
		    "</strong>\n");
		esc_html(&s, errors, strlen(errors));
		BUF_LIT(&s, "</div>\n");
		at = body_start(b);
		insert(b, at, s.data);
	}
	buf_free(&s);
}

/* ---- responses -------------------------------------------------------- */

static enum MHD_Result
queue(struct MHD_Connection *c, unsigned status, struct buf *body,
    const char *type, const char *etag)
{
	struct MHD_Response *r;
	size_t len = body->len;
	enum MHD_Result ok;

	r = MHD_create_response_from_buffer(len, buf_detach(body),
	    MHD_RESPMEM_MUST_FREE);
	if (r == NULL)
		return MHD_NO;
	if (type != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	if (etag != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, etag);
	/* Always asked again, answered 304 while unchanged: a rebuilt
	 * page is never shown from the browser's cache. */
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

/* The build number and errors, copied under the lock. */
static unsigned long
state(struct serve *sv, char **errors)
{
	unsigned long gen;

	pthread_mutex_lock(&sv->lock);
	gen = sv->gen;
	*errors = sv->errors != NULL ? xstrdup(sv->errors) : NULL;
	pthread_mutex_unlock(&sv->lock);
	return gen;
}

/* Whether an If-None-Match header names etag (or is "*"). */
static int
etag_matches(struct MHD_Connection *c, const char *etag)
{
	const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_IF_NONE_MATCH);

	return inm != NULL && (strstr(inm, etag) != NULL ||
	    strcmp(inm, "*") == 0);
}

/* The site's 404 page, or a few words when it has none. */
static enum MHD_Result
not_found(struct serve *sv, struct MHD_Connection *c)
{
	struct buf b = {0};
	char *errors;
	unsigned long gen = state(sv, &errors);

	if (!file_read(SITE_DIR "/404.html", &b)) {
		buf_reset(&b);
		BUF_LIT(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
		    "charset=\"utf-8\"><title>Not found</title></head><body>"
		    "<p>No such page. The site is in output/site/.</p></body>"
		    "</html>\n");
	}
	decorate(&b, gen, errors);
	free(errors);
	return queue(c, MHD_HTTP_NOT_FOUND, &b, "text/html; charset=utf-8",
	    NULL);
}

/* A folder asked for without its '/': its relative links need it. */
static enum MHD_Result
redirect(struct MHD_Connection *c, const char *url)
{
	struct MHD_Response *r;
	enum MHD_Result ok;
	struct buf loc = {0};

	esc_url(&loc, url, strlen(url));
	buf_putc(&loc, '/');
	r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (r == NULL) {
		buf_free(&loc);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, loc.data);
	ok = MHD_queue_response(c, MHD_HTTP_MOVED_PERMANENTLY, r);
	MHD_destroy_response(r);
	buf_free(&loc);
	return ok;
}

/* A file of the site: HTML decorated, an ETag of the bytes sent. */
static enum MHD_Result
file(struct serve *sv, struct MHD_Connection *c, const char *path)
{
	const char *type = content_type(path);
	struct buf b = {0};
	struct digest dg;
	char etag[40], *errors = NULL;
	unsigned long gen;
	enum MHD_Result ok;

	if (!file_read(path, &b)) {
		buf_free(&b);
		return not_found(sv, c);
	}
	if (strncmp(type, "text/html", 9) == 0) {
		gen = state(sv, &errors);
		decorate(&b, gen, errors);
		free(errors);
	}
	hash_bytes(b.data, b.len, &dg);
	snprintf(etag, sizeof(etag), "\"%016llx%016llx\"",
	    (unsigned long long)dg.w[0], (unsigned long long)dg.w[1]);
	if (etag_matches(c, etag)) {
		buf_reset(&b);
		ok = queue(c, MHD_HTTP_NOT_MODIFIED, &b, NULL, etag);
	} else
		ok = queue(c, MHD_HTTP_OK, &b, type, etag);
	buf_free(&b);
	return ok;
}

/* The event stream: the build number now, then after each build; a
 * comment every PING_S seconds; the end when the server stops.  The
 * thread of the connection waits here (a thread per connection). */
static ssize_t
stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream *e = cls;
	struct serve *sv = e->sv;
	struct timespec until;
	int n, rc = 0;

	(void)pos;
	pthread_mutex_lock(&sv->lock);
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += PING_S;
	while (e->hello && !sv->stopping && sv->gen == e->sent && rc == 0)
		rc = pthread_cond_timedwait(&sv->built, &sv->lock, &until);
	if (sv->stopping)
		n = -1;
	else if (e->hello && sv->gen == e->sent)
		n = snprintf(out, max, ": ping\n\n");
	else
		n = snprintf(out, max, "%sdata: %lu\n\n", e->hello ? "" :
		    "retry: 1000\n", e->sent = sv->gen);
	e->hello = 1;
	pthread_mutex_unlock(&sv->lock);
	if (n < 0)
		return MHD_CONTENT_READER_END_OF_STREAM;
	return n < (int)max ? n : MHD_CONTENT_READER_END_WITH_ERROR;
}

static enum MHD_Result
events(struct serve *sv, struct MHD_Connection *c)
{
	struct stream *e = xcalloc(1, sizeof(*e));
	struct MHD_Response *r;
	enum MHD_Result ok;

	e->sv = sv;
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256,
	    stream_read, e, free);
	if (r == NULL) {
		free(e);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "text/event-stream");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
	ok = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_len, void **req)
{
	struct serve *sv = cls;
	struct buf b = {0};
	char *path;
	enum MHD_Result ok;

	(void)version;
	(void)upload;
	(void)upload_len;
	(void)req;
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		BUF_LIT(&b, "GET and HEAD only\n");
		return queue(c, MHD_HTTP_METHOD_NOT_ALLOWED, &b,
		    "text/plain; charset=utf-8", NULL);
	}
	if (strcmp(url, EVENTS) == 0)
		return events(sv, c);
	switch (resolve(url, &path)) {
	case FOUND_FILE:
		ok = file(sv, c, path);
		free(path);
		return ok;
	case FOUND_DIR:
		return redirect(c, url);
	case FOUND_NONE:
		break;
	}
	return not_found(sv, c);
}

/* ---- watching ---------------------------------------------------------- */

/* What changes a build: under content/ and templates/, and the
 * database.  Editors' swap and backup files do not. */
#define WATCH_MASK	(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | \
	IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | \
	IN_MOVE_SELF)

/* The watches: which folder each is. */
struct watch {
	int	 fd;		/* inotify */
	int	 records;	/* the watch descriptor of records/, or -1 */
};

/* Watches dir and every folder under it (not hidden ones). */
static void
watch_tree(struct watch *w, const char *dir, int depth)
{
	struct dirent *e;
	struct stat st;
	char *sub;
	DIR *dp;

	if (depth > 16 || inotify_add_watch(w->fd, dir, WATCH_MASK) == -1 ||
	    (dp = opendir(dir)) == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		sub = xasprintf("%s/%s", dir, e->d_name);
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			watch_tree(w, sub, depth + 1);
		free(sub);
	}
	closedir(dp);
}

/* Whether an event changes what a build reads. */
static int
relevant(struct watch *w, const struct inotify_event *ev)
{
	const char *n = ev->len > 0 ? ev->name : "";
	size_t len = strlen(n);

	if (ev->mask & IN_IGNORED)
		return 0;
	if (ev->wd == w->records)
		return strcmp(n, "umpress.db") == 0 ||
		    strcmp(n, "umpress.db-wal") == 0;
	if (n[0] == '.' || (len > 0 && n[len - 1] == '~') ||
	    strcmp(n, "4913") == 0)	/* vim's test of the folder */
		return 0;
	return 1;
}

/*
 * Reads the events waiting; new folders are watched too.  Returns
 * whether any matters to a build.
 */
static int
watch_read(struct watch *w)
{
	union {
		struct inotify_event	 e;	/* aligns the buffer */
		char			 b[4096];
	} ev;
	const struct inotify_event *e;
	ssize_t n;
	char *p;
	int any = 0;

	while ((n = read(w->fd, ev.b, sizeof(ev.b))) > 0)
		for (p = ev.b; p < ev.b + n; p += sizeof(*e) + e->len) {
			e = (const struct inotify_event *)p;
			any |= relevant(w, e);
			/* A new folder: the files put in it before its
			 * watch are found by the build, later ones by the
			 * watch. */
			if ((e->mask & (IN_CREATE | IN_MOVED_TO)) &&
			    (e->mask & IN_ISDIR) && e->wd != w->records)
				any = 1;
		}
	return any;
}

/* Watches a new folder under content/ or templates/ once it is seen:
 * simplest to watch both trees again (a watch added twice is one). */
static void
watch_all(struct watch *w)
{
	watch_tree(w, "content", 0);
	watch_tree(w, "templates", 0);
	w->records = inotify_add_watch(w->fd, "records", IN_CLOSE_WRITE |
	    IN_MOVED_TO | IN_CREATE | IN_DELETE);
}

/* ---- the loop ------------------------------------------------------------ */

static double
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/*
 * Runs argv, this program as "umpress build ...", in a process of its
 * own: every build starts clean (Graphviz keeps state from one context
 * to the next that a second build in one process trips on, and a long
 * preview would gather whatever a build leaks) and one that crashes
 * leaves the server up.  Its standard error into *text (the caller's
 * to free); 1 when it exited 0.  Between fork and exec, async-signal-
 * safe calls only: the server's threads hold locks the child never had.
 */
static int
build_run(char *const *argv, char **text)
{
	struct buf b = {0};
	char chunk[4096];
	int fd[2], st = 0, null;
	ssize_t n;
	pid_t pid;
	sigset_t none;

	if (pipe2(fd, O_CLOEXEC) == -1 || (pid = fork()) == -1) {
		*text = xasprintf("umpress: serve: cannot start a build: %s\n",
		    strerror(errno));
		return 0;
	}
	if (pid == 0) {
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGPIPE, SIG_DFL);
		if ((null = open("/dev/null", O_RDWR)) != -1) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
		}
		dup2(fd[1], STDERR_FILENO);
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	close(fd[1]);
	while ((n = read(fd[0], chunk, sizeof(chunk))) != 0)
		if (n > 0)
			buf_put(&b, chunk, (size_t)n);
		else if (errno != EINTR)
			break;
	close(fd[0]);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		continue;
	if (WIFSIGNALED(st))
		buf_printf(&b, "umpress: the build was stopped by signal %d\n",
		    WTERMSIG(st));
	else if (WIFEXITED(st) && WEXITSTATUS(st) == 127 && b.len == 0)
		BUF_LIT(&b, "umpress: serve: cannot run /proc/self/exe\n");
	*text = buf_detach(&b);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* One build, its messages to the terminal and kept for the pages. */
static void
build(struct serve *sv, char *const *argv, int quiet)
{
	struct timespec t0;
	char *text;
	int ok;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok = build_run(argv, &text);
	fputs(text, stderr);
	fflush(stderr);
	pthread_mutex_lock(&sv->lock);
	sv->gen++;
	free(sv->errors);
	sv->errors = ok ? NULL : text;
	if (ok)
		free(text);
	pthread_cond_broadcast(&sv->built);
	pthread_mutex_unlock(&sv->lock);
	if (!ok)
		printf("build failed: the last good site stays served\n");
	else if (!quiet)
		printf("built in %.0f ms\n", ms_since(&t0));
	fflush(stdout);
}

/* Waits for a change that matters, and for the files to settle.  0 when
 * a signal came instead. */
static int
wait_change(struct watch *w, int sigfd)
{
	struct pollfd p[2] = { { sigfd, POLLIN, 0 }, { w->fd, POLLIN, 0 } };
	int changed = 0, timeout = -1;

	for (;;) {
		if (poll(p, 2, timeout) == -1) {
			if (errno == EINTR)
				continue;
			return 0;
		}
		if (p[0].revents & POLLIN)
			return 0;
		if (!(p[1].revents & POLLIN)) {
			if (changed)
				return 1;	/* still for SETTLE_MS */
			continue;
		}
		if (watch_read(w)) {
			changed = 1;
			timeout = SETTLE_MS;
			watch_all(w);
		}
	}
}

/* The address as a URL's host: IPv6 in brackets. */
static void
url_host(struct buf *b, const char *addr)
{
	if (strchr(addr, ':') != NULL && addr[0] != '[')
		buf_printf(b, "[%s]", addr);
	else
		buf_puts(b, addr);
}

int
serve_run(const char *addr, int port, int quiet, char *const *argv,
    struct diag *d)
{
	struct serve sv = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	    0, NULL, 0 };
	struct watch w = { -1, -1 };
	struct MHD_Daemon *mhd = NULL;
	struct buf url = {0};
	sigset_t sigs;
	int lfd, sigfd = -1, ok = 0;

	if ((lfd = listen_on(addr, &port, d)) == -1)
		return 0;
	/* Blocked in every thread (the server's inherit it), read from a
	 * signalfd by the loop: a clean stop, between builds. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	/* An ignored signal is dropped before any signalfd sees it, and a
	 * shell starts background commands with SIGINT ignored. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	if ((sigfd = signalfd(-1, &sigs, SFD_CLOEXEC)) == -1 ||
	    (w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1) {
		diag_msg(d, DIAG_ERROR, "serve: %s", strerror(errno));
		goto out;
	}
	watch_all(&w);
	build(&sv, argv, quiet);
	mhd = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
	    (strchr(addr, ':') != NULL ? MHD_USE_IPv6 : 0), 0, NULL, NULL,
	    handle, &sv, MHD_OPTION_LISTEN_SOCKET, lfd,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(4 * PING_S),
	    MHD_OPTION_END);
	if (mhd == NULL) {
		diag_msg(d, DIAG_ERROR, "serve: the HTTP server could not "
		    "start on %s port %d", addr, port);
		goto out;
	}
	lfd = -1;	/* the server's now */
	BUF_LIT(&url, "http://");
	url_host(&url, addr);
	buf_printf(&url, ":%d/", port);
	printf("listening on %s\n", url.data);
	fflush(stdout);
	while (wait_change(&w, sigfd))
		build(&sv, argv, quiet);
	ok = 1;
out:
	pthread_mutex_lock(&sv.lock);
	sv.stopping = 1;
	pthread_cond_broadcast(&sv.built);
	pthread_mutex_unlock(&sv.lock);
	if (mhd != NULL)
		MHD_stop_daemon(mhd);
	if (ok && !quiet)
		printf("stopped\n");
	fflush(stdout);
	if (lfd != -1)
		close(lfd);
	if (w.fd != -1)
		close(w.fd);
	if (sigfd != -1)
		close(sigfd);
	free(sv.errors);
	buf_free(&url);
	pthread_mutex_destroy(&sv.lock);
	pthread_cond_destroy(&sv.built);
	return ok;
}
