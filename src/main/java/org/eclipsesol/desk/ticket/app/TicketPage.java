package org.eclipsesol.desk.ticket.app;

import java.util.List;

/**
 * A page of tickets with the cursor that resumes after each item ({@code cursors.get(i)} belongs to
 * {@code items.get(i)}); {@code nextCursor} is null on the last page.
 */
public record TicketPage(List<TicketView> items, List<String> cursors, String nextCursor) {
}
