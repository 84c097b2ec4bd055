// libFuzzer harness: parseIssueText() on arbitrary text, read as UTF-8 and as UTF-16. See fuzztargets.h for the checks.
#include "fuzztargets.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    dubao::fuzz::abortOnFailure("fuzz_issueparser", dubao::fuzz::issueParserTarget(bytes));
    return 0;
}
