/**
 * KPIs: the Micrometer meters Selftest records ({@link dev.selftest.kpi.SelftestMeters}), how an application marks
 * its own meters as functional KPIs ({@link dev.selftest.kpi.Kpi}), and the snapshot served at
 * {@code /selftest/kpis} ({@link dev.selftest.kpi.KpiSnapshot}).
 */
@NullMarked
package dev.selftest.kpi;

import org.jspecify.annotations.NullMarked;
