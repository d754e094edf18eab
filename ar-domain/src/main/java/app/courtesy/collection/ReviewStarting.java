package app.courtesy.collection;

import java.time.LocalDate;

/**
 * Fired, in the review's transaction, before the cases are reviewed for {@code date}: whatever else
 * decides from payments on that day (arrangements) does so first, so the cases see it.
 */
public record ReviewStarting(LocalDate date) {}
