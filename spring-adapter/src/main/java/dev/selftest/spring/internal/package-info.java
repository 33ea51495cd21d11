/** How the Spring adapter translates: Spring's configuration, servlet requests and security to core. */
@NullMarked
package dev.selftest.spring.internal;

import org.jspecify.annotations.NullMarked;
