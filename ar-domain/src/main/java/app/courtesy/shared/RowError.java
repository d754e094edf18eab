package app.courtesy.shared;

/**
 * One thing wrong with one item of a batch (a JSON array element or a CSV line).
 *
 * @param row the item's zero-based index in the batch
 * @param field the field at fault, as named in the input ({@code dueDate}); empty for the whole
 *     item
 * @param message what is wrong, in words a finance person understands
 */
public record RowError(int row, String field, String message) {}
