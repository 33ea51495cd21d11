/**
 * The JUnit bridge: {@link dev.selftest.junit.JUnitScenarios} offers JUnit Jupiter test classes as Selftest
 * scenarios, and {@link dev.selftest.junit.SelftestExtension} gives those tests the same
 * {@link dev.selftest.junit.SelftestContext} under Surefire in CI and inside the live service.
 */
@NullMarked
package dev.selftest.junit;

import org.jspecify.annotations.NullMarked;
