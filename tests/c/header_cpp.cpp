// The header compiles as C++11 (g++ -std=c++11 -Wall -Wextra -Werror -pedantic) and
// its declarations have C linkage: this program links against libgovit and runs.
#include "govit.h"
#include "govit.h"

#include <cstdio>
#include <cstring>
#include <type_traits>

static_assert(GOVIT_OK == 0 && GOVIT_INTERNAL == 7, "status values are part of the ABI");
static_assert(GOVIT_ABI_VERSION == 1, "ABI version 1");
static_assert(sizeof(govit_status) == sizeof(int), "govit_status is an int-sized C enum");
static_assert(std::is_same<decltype(&govit_add_working_days),
                           govit_status (*)(const govit_engine *, const char *, int32_t, char **)>::value,
              "govit_add_working_days as CONTRACT §2 declares it");
static_assert(std::is_same<decltype(&govit_engine_new), govit_status (*)(const char *, govit_engine **, char **)>::value,
              "govit_engine_new as CONTRACT §2 declares it");

namespace {
// RAII owners, as a C++ host would write them.
struct Engine {
    govit_engine *ptr = nullptr;
    ~Engine() { govit_engine_free(ptr); }
};
struct String {
    char *ptr = nullptr;
    ~String() { govit_string_free(ptr); }
};
}  // namespace

int main() {
    Engine engine;
    String error, out;
    if (govit_engine_new(nullptr, &engine.ptr, &error.ptr) != GOVIT_OK) {
        std::fprintf(stderr, "engine: %s\n", error.ptr);
        return 1;
    }
    if (govit_add_working_days(engine.ptr, "2025-09-26", 10, &out.ptr) != GOVIT_OK ||
        std::strstr(out.ptr, "\"date\":\"2025-10-16\"") == nullptr) {
        std::fprintf(stderr, "add_working_days: %s\n", out.ptr ? out.ptr : "(null)");
        return 1;
    }
    std::printf("C++11 header check: %s (govit %s, ABI %u)\n", out.ptr, govit_version(), govit_abi_version());
    return 0;
}
