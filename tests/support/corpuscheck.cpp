// Linked into every test program labelled `corpus`: such a program reads the real corpus, so without it the
// program fails before its first test, saying where the corpus was looked for and how to point the build at it,
// instead of skipping or passing with nothing tested. `ctest -LE corpus` leaves these programs out.
#include "tests/support/corpus.h"

#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace {

void requireCorpus()
{
    if (!dubao::test::corpusFiles().isEmpty())
        return;
    std::fprintf(stderr,
                 "FAIL!  : the corpus is missing: %s holds no issue files (*.txt).\n"
                 "         This test reads the real corpus (ctest label \"corpus\"). Point the CMake cache variable\n"
                 "         DUBAO_CORPUS_DIR at the corpus folder (default: ../shared/corpus beside the project) and\n"
                 "         rebuild, or leave these tests out with `ctest -LE corpus`.\n",
                 qPrintable(dubao::test::corpusDir()));
    std::fflush(stderr);
    std::_Exit(EXIT_FAILURE); // before main(): nothing has run, nothing to tidy up
}

} // namespace

Q_CONSTRUCTOR_FUNCTION(requireCorpus)
