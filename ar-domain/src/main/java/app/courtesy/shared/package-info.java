/**
 * Building blocks shared by every aggregate: {@link app.courtesy.shared.Money}, the root of the
 * business exceptions, and the {@link java.time.Clock} that production code reads instead of
 * calling {@code now()}.
 */
package app.courtesy.shared;
