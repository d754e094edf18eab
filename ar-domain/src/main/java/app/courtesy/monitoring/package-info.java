/**
 * What operations see of a running node, beside Payara's own metrics: {@link
 * app.courtesy.monitoring.Meters}, the application's series at {@code /metrics} (runs, messages per
 * channel, bounces, replies, imports, sign-in failures), each counted only once what it counts is
 * committed; and {@link app.courtesy.monitoring.Sending}, when this node last sent a message and
 * since when its sending fails, for the health check that reports sending as degraded.
 */
package app.courtesy.monitoring;
