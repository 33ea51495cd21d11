/** The built-in webhook notifier: when to notify, the message, and delivery with retries off the run's thread. */
@NullMarked
package dev.selftest.internal.notify;

import org.jspecify.annotations.NullMarked;
