/**
 * The service's functional checks written as plain JUnit Jupiter tests. They ship in the service jar: the build runs
 * them under Surefire against the service it starts ({@code OrdersChecksTests}), and the running service offers them
 * as scenarios through the JUnit bridge, one scenario per class.
 */
@NullMarked
package dev.selftest.samples.orders.checks;

import org.jspecify.annotations.NullMarked;
