package org.eclipsesol.desk.common;

import java.util.List;

/** One page of a cursor-paged list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
