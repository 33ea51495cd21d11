/** Where a run request becomes scenario executions: selection, the bounded runner, timeouts, cleanup, history. */
@NullMarked
package dev.selftest.internal.run;

import org.jspecify.annotations.NullMarked;
