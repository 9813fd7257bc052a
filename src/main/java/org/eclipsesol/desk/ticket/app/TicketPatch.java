package org.eclipsesol.desk.ticket.app;

import java.util.Optional;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipsesol.desk.catalog.Category;
import org.eclipsesol.desk.catalog.Exclusion;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.catalog.TicketStatus;

/**
 * A partial update: only the fields present change. {@code assigneeId} and {@code exclusion} use
 * {@link Optional} so that an explicit null (unassign, clear the exclusion) differs from an absent field (null here; see
 * {@code common.JsonCustomizer}).
 */
@Schema(description = "Only the fields present change. A priority change needs a reason; an exclusion needs a note.")
public record TicketPatch(
        TicketStatus status,
        Priority priority,
        @Size(max = 2000) String reason,
        @Schema(implementation = String.class, nullable = true) Optional<String> assigneeId,
        ServiceLine service,
        Category category,
        @Schema(implementation = Exclusion.class, nullable = true) Optional<Exclusion> exclusion,
        @Size(max = 2000) String exclusionNote) {

    public boolean isEmpty() {
        return status == null && priority == null && assigneeId == null && service == null && category == null
                && exclusion == null;
    }
}
