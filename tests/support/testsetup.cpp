// Linked into every test program: what a program must do before it opens a library (dubao and dubao-cli do it
// in main()), done before the test's own main().
#include "core/analysis/peopleindex.h"
#include "core/reuse/reuseindex.h"
#include "core/search/searchschema.h"

#include <QtGlobal>

namespace {

void setUpTestProgram()
{
    dubao::registerSearchSchema();
    dubao::registerAnalysisSchema();
    dubao::registerReuseSchema();
}

} // namespace

Q_CONSTRUCTOR_FUNCTION(setUpTestProgram)
