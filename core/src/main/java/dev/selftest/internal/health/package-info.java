/** How health is kept fresh: each check called in the background with a timeout, results put through hysteresis. */
@NullMarked
package dev.selftest.internal.health;

import org.jspecify.annotations.NullMarked;
