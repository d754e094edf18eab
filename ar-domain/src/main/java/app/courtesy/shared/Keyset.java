package app.courtesy.shared;

/**
 * Where the previous page of a list ended: the last row's sort key, written as text (a number, a
 * name, an ISO date; empty when the list is in id order alone), and its id, which breaks ties. The
 * next page is read from the index onwards from there, so page 5,000 costs what page 1 costs.
 */
public record Keyset(String key, long id) {}
