#pragma once

// The close-semantics suites run twice: as they are, and with
// permessage-deflate negotiated (RFC 7692). ctest's `*_deflate` entries set
// CLOSECALL_TEST_DEFLATE=1 (tests/server/CMakeLists.txt): testConfig() then
// accepts deflate, the raw peer (rawpeer.h) offers it, refuses to go on
// without it, sends its data messages compressed and inflates ours, so every
// post-close receive of those suites arrives compressed and must still be
// inflated, flagged and counted as docs/close-semantics.md says.

#include <QtCore/QtGlobal>

namespace closecall::test {

inline bool deflateRun()
{
    return qEnvironmentVariableIntValue("CLOSECALL_TEST_DEFLATE") == 1;
}

} // namespace closecall::test
