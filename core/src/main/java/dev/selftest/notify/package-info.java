/**
 * Notifications: "let alarms come to you". {@link dev.selftest.notify.WebhookNotifier} posts a message to a chat or
 * incident webhook when a deployment run fails and when a scheduled scenario starts or stops failing.
 */
@NullMarked
package dev.selftest.notify;

import org.jspecify.annotations.NullMarked;
