/*
 * check.c — apply one event to one project record through govit's C ABI and
 * print the decision.
 *
 *   check PROJECT.json EVENT.json
 *
 * Prints whether the event is accepted, the state before and after, and each
 * finding (rule, severity, message). A host would store the result's "project"
 * member as the new record.
 * Exit status: 0 when the event is accepted, 1 when it is refused, 2 on an
 * error (unreadable file, or a govit status other than GOVIT_OK: the error
 * document goes to stderr).
 *
 * Build (see docs/c-api.md):
 *   cc -std=c99 check.c $(pkg-config --cflags --libs govit) -o check
 *
 * The result is JSON; this example reads the few members it prints with a
 * small reader of its own, so that it needs nothing but libc. A real host
 * would use its JSON library.
 */

#include <govit.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- files ---------------------------------------------------------------- */

/* Reads a whole file into a NUL-terminated buffer (caller frees), or NULL. */
static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    if (f == NULL) {
        return NULL;
    }
    do {
        if (cap - len < 4096) {
            char *bigger;
            cap = cap ? cap * 2 : 8192;
            bigger = realloc(buf, cap + 1);
            if (bigger == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = bigger;
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
    } while (n > 0);
    if (ferror(f)) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[len] = '\0';
    return buf;
}

/* ---- a minimal JSON reader for well-formed documents from govit ----------- */

static const char *skip_ws(const char *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
        p++;
    }
    return p;
}

/* p at '"': returns the character after the closing quote. */
static const char *skip_string(const char *p) {
    for (p++; *p && *p != '"'; p++) {
        if (*p == '\\' && p[1]) {
            p++;
        }
    }
    return *p ? p + 1 : p;
}

/* Returns the character after the value at p. */
static const char *skip_value(const char *p) {
    int depth = 0;
    p = skip_ws(p);
    do {
        if (*p == '"') {
            p = skip_string(p);
            continue;
        }
        if (*p == '{' || *p == '[') {
            depth++;
        } else if (*p == '}' || *p == ']') {
            depth--;
        } else if (depth == 0) {
            /* a scalar: up to the next delimiter */
            while (*p && *p != ',' && *p != '}' && *p != ']') {
                p++;
            }
            return p;
        }
        if (*p) {
            p++;
        }
    } while (*p && depth > 0);
    return p;
}

/* obj at '{': the value of member `key`, or NULL. */
static const char *member(const char *obj, const char *key) {
    size_t klen = strlen(key);
    const char *p = skip_ws(obj);
    if (*p != '{') {
        return NULL;
    }
    p = skip_ws(p + 1);
    while (*p == '"') {
        const char *name = p + 1;
        const char *end = skip_string(p);
        int match = (size_t)(end - 1 - name) == klen && strncmp(name, key, klen) == 0;
        p = skip_ws(end);
        if (*p != ':') {
            return NULL;
        }
        p = skip_ws(p + 1);
        if (match) {
            return p;
        }
        p = skip_ws(skip_value(p));
        if (*p != ',') {
            return NULL;
        }
        p = skip_ws(p + 1);
    }
    return NULL;
}

static void put_utf8(char **out, unsigned long c) {
    char *o = *out;
    if (c < 0x80) {
        *o++ = (char)c;
    } else if (c < 0x800) {
        *o++ = (char)(0xC0 | (c >> 6));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = (char)(0xE0 | (c >> 12));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (c >> 18));
        *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    }
    *out = o;
}

/* The JSON string at p, unescaped (caller frees); NULL if p is not at a string. */
static char *string_at(const char *p) {
    const char *end;
    char *s, *o;
    if (p == NULL) {
        return NULL;
    }
    if (*p != '"') {
        return NULL;
    }
    end = skip_string(p);
    s = malloc((size_t)(end - p) + 1); /* unescaping never grows a string */
    if (s == NULL) {
        return NULL;
    }
    for (o = s, p++; p < end - 1; p++) {
        if (*p != '\\') {
            *o++ = *p;
            continue;
        }
        switch (*++p) {
        case 'n': *o++ = '\n'; break;
        case 't': *o++ = '\t'; break;
        case 'r': *o++ = '\r'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'u': {
            unsigned long c = strtoul((char[5]){p[1], p[2], p[3], p[4], 0}, NULL, 16);
            p += 4;
            if (c >= 0xD800 && c < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
                unsigned long lo = strtoul((char[5]){p[3], p[4], p[5], p[6], 0}, NULL, 16);
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            }
            put_utf8(&o, c);
            break;
        }
        default: *o++ = *p; break; /* \" \\ \/ */
        }
    }
    *o = '\0';
    return s;
}

/* Prints `label` and the string member `key` of `obj`. */
static void print_member(const char *label, const char *obj, const char *key) {
    char *value = string_at(member(obj, key));
    printf("%s%s\n", label, value ? value : "?");
    free(value);
}

/* ---- main ------------------------------------------------------------------ */

int main(int argc, char **argv) {
    char *project = NULL, *event = NULL, *result = NULL, *error = NULL;
    govit_engine *engine = NULL;
    govit_status status;
    const char *p;
    int exit_code = 2, n = 0;

    if (argc != 3) {
        fprintf(stderr, "usage: %s PROJECT.json EVENT.json\n", argv[0]);
        return 2;
    }
    /* The header and the library must speak the same ABI. */
    if (govit_abi_version() != GOVIT_ABI_VERSION) {
        fprintf(stderr, "libgovit ABI %u, but this program was built for ABI %d\n", govit_abi_version(),
                GOVIT_ABI_VERSION);
        return 2;
    }
    project = read_file(argv[1]);
    event = read_file(argv[2]);
    if (project == NULL || event == NULL) {
        fprintf(stderr, "cannot read %s\n", project == NULL ? argv[1] : argv[2]);
        goto done;
    }

    /* One engine for the whole program (NULL config = defaults); share it between threads. */
    status = govit_engine_new(NULL, &engine, &error);
    if (status != GOVIT_OK) {
        fprintf(stderr, "govit_engine_new: status %d: %s\n", (int)status, error ? error : "");
        goto done;
    }

    /* A refused event is GOVIT_OK with "accepted": false; any other status is an error. */
    status = govit_apply(engine, project, event, &result);
    if (status != GOVIT_OK) {
        fprintf(stderr, "govit_apply: status %d: %s\n", (int)status, result ? result : "");
        goto done;
    }

    p = member(result, "accepted");
    exit_code = (p != NULL && strncmp(p, "true", 4) == 0) ? 0 : 1;
    printf("govit %s: %s\n", govit_version(), exit_code == 0 ? "accepted" : "refused");
    printf("accepted:     %s\n", exit_code == 0 ? "yes" : "no");
    print_member("state before: ", result, "state_before");
    print_member("state after:  ", result, "state_after");
    p = member(result, "findings");
    if (p != NULL && *p == '[') {
        p = skip_ws(p + 1);
        while (*p == '{') {
            char *rule = string_at(member(p, "rule"));
            char *severity = string_at(member(p, "severity"));
            char *message = string_at(member(p, "message"));
            printf("finding %d:    [%s] %s\n              %s\n", ++n, severity ? severity : "?",
                   rule ? rule : "?", message ? message : "?");
            free(rule);
            free(severity);
            free(message);
            p = skip_ws(skip_value(p));
            if (*p == ',') {
                p = skip_ws(p + 1);
            }
        }
    }
    if (n == 0) {
        printf("findings:     none\n");
    }

done:
    /* Strings from govit go back with govit_string_free (NULL is fine); the engine with govit_engine_free. */
    govit_string_free(result);
    govit_string_free(error);
    govit_engine_free(engine);
    free(project);
    free(event);
    return exit_code;
}
