/**
 * The application's background work. Jobs here are thin: each start-up step or timer calls one
 * domain service, which re-derives from the database what is due, so a restart or a second node
 * never does anything twice.
 */
package app.courtesy.notifications;
