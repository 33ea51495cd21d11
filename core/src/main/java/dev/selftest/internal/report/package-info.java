/** Reports of runs: JSON views and JUnit XML. */
@NullMarked
package dev.selftest.internal.report;

import org.jspecify.annotations.NullMarked;
