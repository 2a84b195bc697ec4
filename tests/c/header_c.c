/*
 * The header compiles as strict C99 (gcc -std=c99 -Wall -Wextra -Werror -pedantic),
 * twice over (include guard), and declares what CONTRACT §2 declares.
 */
#include "govit.h"
#include "govit.h" /* the include guard makes a second inclusion harmless */

#include <stdio.h>
#include <string.h>

/* Every function, with the exact type CONTRACT §2 gives it. */
static uint32_t (*const abi_version)(void) = govit_abi_version;
static const char *(*const version)(void) = govit_version;
static govit_status (*const engine_new)(const char *, govit_engine **, char **) = govit_engine_new;
static void (*const engine_free)(govit_engine *) = govit_engine_free;
static govit_status (*const check)(const govit_engine *, const char *, const char *, char **) = govit_check;
static govit_status (*const apply)(const govit_engine *, const char *, const char *, char **) = govit_apply;
static govit_status (*const verify)(const govit_engine *, const char *, char **) = govit_verify;
static govit_status (*const day_info)(const govit_engine *, const char *, char **) = govit_day_info;
static govit_status (*const add_working_days)(const govit_engine *, const char *, int32_t, char **) =
    govit_add_working_days;
static govit_status (*const rules)(const govit_engine *, char **) = govit_rules;
static void (*const string_free)(char *) = govit_string_free;

/* The status codes and their values are part of the ABI. */
typedef char status_values_are_fixed[(GOVIT_OK == 0 && GOVIT_NULL_ARGUMENT == 1 && GOVIT_INVALID_UTF8 == 2 &&
                                      GOVIT_INVALID_JSON == 3 && GOVIT_INVALID_INPUT == 4 &&
                                      GOVIT_INPUT_TOO_LARGE == 5 && GOVIT_UNSUPPORTED == 6 &&
                                      GOVIT_INTERNAL == 7)
                                         ? 1
                                         : -1];
typedef char abi_version_is_1[GOVIT_ABI_VERSION == 1 ? 1 : -1];
typedef char status_is_int_sized[sizeof(govit_status) == sizeof(int) ? 1 : -1];

int main(void) {
    govit_engine *engine = NULL;
    char *out = NULL;
    int ok;
    (void)check;
    (void)apply;
    (void)verify;
    (void)add_working_days;
    (void)rules;
    ok = abi_version() == GOVIT_ABI_VERSION && strcmp(version(), GOVIT_VERSION) == 0 &&
         engine_new(NULL, &engine, NULL) == GOVIT_OK && day_info(engine, "2025-10-01", &out) == GOVIT_OK;
    if (ok) {
        printf("C99 header check: %s\n", out);
    }
    string_free(out);
    engine_free(engine);
    return ok ? 0 : 1;
}
