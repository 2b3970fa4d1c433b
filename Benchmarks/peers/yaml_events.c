/*
 * Peer for `captions check`: parse every *.yml file under a folder with
 * libyaml's event parser (no tree, no checks), on N threads.  This is the
 * floor a YAML-based checker can reach; the target is that
 * `captions check` stays within 1.5x of it.
 *
 * Build: cc -O2 -o yaml_events yaml_events.c -lyaml -lpthread
 * Usage: yaml_events DIR [THREADS]     (THREADS defaults to 2)
 * Prints "files=... events=... scalar_bytes=..." on stderr; exit 1 on a
 * parse error, 2 on a usage or I/O error.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static char **paths;          /* every *.yml path found by nftw */
static size_t npaths, cap;
static atomic_size_t next_index; /* work queue: threads take the next file */

struct tally {
    size_t files, events, scalar_bytes, errors;
};

static int collect(const char *path, const struct stat *sb, int type, struct FTW *ftw) {
    (void)sb;
    (void)ftw;
    size_t len = strlen(path);
    if (type != FTW_F || len < 4 || strcmp(path + len - 4, ".yml") != 0)
        return 0;
    if (npaths == cap) {
        cap = cap ? cap * 2 : 1024;
        paths = realloc(paths, cap * sizeof *paths);
        if (!paths) return -1;
    }
    paths[npaths++] = strdup(path);
    return 0;
}

/* Read a whole file into a malloc'ed buffer. */
static unsigned char *slurp(const char *path, size_t *size) {
    FILE *fh = fopen(path, "rb");
    if (!fh) return NULL;
    size_t cap_ = 1 << 14, len = 0, n;
    unsigned char *buf = malloc(cap_);
    while (buf && (n = fread(buf + len, 1, cap_ - len, fh)) > 0) {
        len += n;
        if (len == cap_) buf = realloc(buf, cap_ *= 2);
    }
    fclose(fh);
    *size = len;
    return buf;
}

static void *worker(void *arg) {
    struct tally *t = arg;
    size_t i;
    while ((i = atomic_fetch_add(&next_index, 1)) < npaths) {
        size_t size = 0;
        unsigned char *data = slurp(paths[i], &size);
        if (!data) { t->errors++; continue; }
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, data, size);
        for (;;) {
            if (!yaml_parser_parse(&parser, &event)) {
                fprintf(stderr, "%s:%zu:%zu: %s\n", paths[i], parser.problem_mark.line + 1,
                        parser.problem_mark.column + 1, parser.problem ? parser.problem : "error");
                t->errors++;
                break;
            }
            t->events++;
            if (event.type == YAML_SCALAR_EVENT) t->scalar_bytes += event.data.scalar.length;
            int done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            if (done) break;
        }
        yaml_parser_delete(&parser);
        free(data);
        t->files++;
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s DIR [THREADS]\n", argv[0]);
        return 2;
    }
    int nthreads = argc == 3 ? atoi(argv[2]) : 2;
    if (nthreads < 1 || nthreads > 64) nthreads = 2;
    if (nftw(argv[1], collect, 32, FTW_PHYS) != 0) {
        perror(argv[1]);
        return 2;
    }
    pthread_t tids[64];
    struct tally tallies[64];
    memset(tallies, 0, sizeof tallies);
    for (int k = 0; k < nthreads; k++) pthread_create(&tids[k], NULL, worker, &tallies[k]);
    struct tally sum = {0, 0, 0, 0};
    for (int k = 0; k < nthreads; k++) {
        pthread_join(tids[k], NULL);
        sum.files += tallies[k].files;
        sum.events += tallies[k].events;
        sum.scalar_bytes += tallies[k].scalar_bytes;
        sum.errors += tallies[k].errors;
    }
    fprintf(stderr, "files=%zu events=%zu scalar_bytes=%zu errors=%zu threads=%d\n",
            sum.files, sum.events, sum.scalar_bytes, sum.errors, nthreads);
    return sum.errors ? 1 : 0;
}
