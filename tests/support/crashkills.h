// How many times a crash test kills its program: the full count in the normal build, a quarter under the
// sanitizers (DUBAO_SANITIZE, where every round costs several times more), so CI's second pass stays in its budget.
// tests/cli/CMakeLists.txt defines DUBAO_CRASH_SANITIZED for the crash tests of a sanitizer build.
#pragma once

#include <algorithm>

namespace dubao::test {

#ifdef DUBAO_CRASH_SANITIZED
inline constexpr int kCrashKillDivisor = 4;
#else
inline constexpr int kCrashKillDivisor = 1;
#endif

/// `full` kills in the normal build, full / 4 (at least 3) under the sanitizers.
constexpr int crashKills(int full)
{
    return std::max(3, full / kCrashKillDivisor);
}

} // namespace dubao::test
