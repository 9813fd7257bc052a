package org.eclipsesol.desk.notify.app;

import org.eclipsesol.desk.catalog.Category;
import org.eclipsesol.desk.catalog.Channel;
import org.eclipsesol.desk.catalog.Exclusion;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.security.OrganizationRef;
import org.eclipsesol.desk.sla.app.SlaView;
import org.eclipsesol.desk.sla.app.TargetView;
import org.eclipsesol.desk.ticket.app.CommentView;
import org.eclipsesol.desk.ticket.app.EscalationSummary;
import org.eclipsesol.desk.ticket.app.PersonView;
import org.eclipsesol.desk.ticket.app.TicketView;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native images: the types the outbox serializes with the ObjectMapper outside any resource method's declared return
 * type (webhook bodies: the ticket as staff see it, a public comment). Outbox params are a {@code Map<String, String>}
 * and templates receive strings only, which need no reflection. The outbox's REST types are listed too (a
 * {@code Page<NotificationView>} is generic).
 */
@RegisterForReflection(targets = { TicketView.class, PersonView.class, OrganizationRef.class, EscalationSummary.class,
        SlaView.class, TargetView.class, CommentView.class, Priority.class, ServiceLine.class, Category.class,
        Channel.class, TicketStatus.class, Exclusion.class, Page.class, NotificationView.class, WebhookView.class,
        WebhookInput.class, PreferenceView.class, PreferenceInput.class, NoticeKind.class })
final class SerializedTypes {

    private SerializedTypes() {
    }
}
