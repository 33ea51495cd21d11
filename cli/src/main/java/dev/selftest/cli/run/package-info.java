/** {@code selftest run}: the fan-out over instances, live progress, the summary, JUnit XML and JSON reports. */
@NullMarked
package dev.selftest.cli.run;

import org.jspecify.annotations.NullMarked;
