/** Tests with Spring Security on the classpath; the module's other tests run without it. */
@NullMarked
package dev.selftest.spring.security;

import org.jspecify.annotations.NullMarked;
