/** How KPIs are recorded (a run listener writing Micrometer meters) and read back (snapshots, Prometheus text). */
@NullMarked
package dev.selftest.internal.kpi;

import org.jspecify.annotations.NullMarked;
