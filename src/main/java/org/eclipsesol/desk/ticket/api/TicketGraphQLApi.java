package org.eclipsesol.desk.ticket.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.api.GraphQLErrors;
import org.eclipsesol.desk.common.api.GraphQLPaging;
import org.eclipsesol.desk.common.api.PageInfo;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.sla.app.OverrideInput;
import org.eclipsesol.desk.sla.app.TimelineView;
import org.eclipsesol.desk.ticket.api.TicketGraphQLTypes.OpenTicketPayload;
import org.eclipsesol.desk.ticket.api.TicketGraphQLTypes.TicketConnection;
import org.eclipsesol.desk.ticket.api.TicketGraphQLTypes.TicketEdge;
import org.eclipsesol.desk.ticket.api.TicketGraphQLTypes.TicketFilterInput;
import org.eclipsesol.desk.ticket.api.TicketGraphQLTypes.TicketUpdateInput;
import org.eclipsesol.desk.ticket.app.AttachmentService;
import org.eclipsesol.desk.ticket.app.AttachmentView;
import org.eclipsesol.desk.ticket.app.CommentInput;
import org.eclipsesol.desk.ticket.app.CommentService;
import org.eclipsesol.desk.ticket.app.CommentView;
import org.eclipsesol.desk.ticket.app.EventView;
import org.eclipsesol.desk.ticket.app.SatisfactionInput;
import org.eclipsesol.desk.ticket.app.SatisfactionResult;
import org.eclipsesol.desk.ticket.app.SatisfactionService;
import org.eclipsesol.desk.ticket.app.SlaOverrideService;
import org.eclipsesol.desk.ticket.app.SlaTimelineService;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketCreation;
import org.eclipsesol.desk.ticket.app.TicketFilter;
import org.eclipsesol.desk.ticket.app.TicketInput;
import org.eclipsesol.desk.ticket.app.TicketPage;
import org.eclipsesol.desk.ticket.app.TicketQueries;
import org.eclipsesol.desk.ticket.app.TicketUpdates;
import org.eclipsesol.desk.ticket.app.TicketView;
import org.eclipsesol.desk.ticket.app.TimeEntryInput;
import org.eclipsesol.desk.ticket.app.TimeEntryService;
import org.eclipsesol.desk.ticket.app.TimeEntryView;

/**
 * Tickets over GraphQL: a thin adapter over the same services as REST. Nested fields of a page of tickets
 * are batched ({@code @Source List<TicketView>}): each costs a fixed number of statements whatever the page size.
 */
@GraphQLApi
@GraphQLErrors
public class TicketGraphQLApi {

    @Inject
    SatisfactionService satisfaction;

    /** Per ticket, at most this many comments and events are returned in a nested list. */
    static final int NESTED_LIMIT = 100;

    @Inject
    TicketCreation creation;

    @Inject
    TicketQueries tickets;

    @Inject
    TicketUpdates updates;

    @Inject
    CommentService comments;

    @Inject
    AttachmentService attachments;

    @Inject
    TimeEntryService timeEntries;

    @Inject
    SlaOverrideService overrides;

    @Inject
    SlaTimelineService timelines;

    @Inject
    CallerResolver callers;

    // ---- queries

    @Query("ticket")
    @Description("A ticket by id. Another organization's ticket answers NOT_FOUND, exactly like an unknown id.")
    public TicketView ticket(@Name("id") @NonNull @Id @Description("The ticket's id.") String id) {
        return tickets.get(callers.current(), TicketAccess.parseId(id));
    }

    @Query("ticketByNumber")
    @Description("A ticket by its human number, e.g. T-10042.")
    public TicketView ticketByNumber(@Name("number") @NonNull @Description("The ticket number, e.g. T-10042.") String number) {
        return tickets.getByNumber(callers.current(), number);
    }

    @Query("tickets")
    @Description("Tickets the caller may see, cursor-paged: first (default 20, at most 100) after a cursor.")
    public @NonNull TicketConnection tickets(
            @Name("filter") @Description("Which tickets, in which order; null: all the caller may see, newest first.") TicketFilterInput filter,
            @Name("first") @Description("How many tickets: default 20, at most 100.") Integer first,
            @Name("after") @Description("Start after this cursor (an edge's cursor or pageInfo.endCursor, read with the same filter); null for the first page.") String after) {
        int size = GraphQLPaging.first(first);
        var f = filter == null ? TicketFilter.NONE : filter.toFilter();
        String cursor = GraphQLPaging.after(after);
        TicketPage page = tickets.page(callers.current(), f, size, cursor);
        List<TicketEdge> edges = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(new TicketEdge(page.cursors().get(i), page.items().get(i)));
        }
        return new TicketConnection(edges, PageInfo.of(page.cursors(), page.nextCursor() != null, cursor), f);
    }

    @Description("How many tickets match the filter, over all pages, counted up to 10000 (10000 means that many or more): "
            + "computed only when selected, by one count statement that stops at the cap.")
    public long totalCount(@Source TicketConnection connection) {
        return tickets.count(callers.current(), connection.filter());
    }

    // ---- nested fields (batched)

    @Description("Comments, oldest first (at most 100). Clients never receive internal notes.")
    public List<@NonNull List<@NonNull CommentView>> comments(@Source List<TicketView> source) {
        Map<UUID, Page<CommentView>> pages = comments.commentsOf(callers.current(), ids(source), NESTED_LIMIT, null);
        return source.stream().map(t -> pages.containsKey(t.id()) ? pages.get(t.id()).items() : List.<CommentView> of())
                .toList();
    }

    @Description("The ticket's history, oldest first (at most 100 events). Clients see no internal events.")
    public List<@NonNull List<@NonNull EventView>> events(@Source List<TicketView> source) {
        Map<UUID, List<EventView>> events = comments.eventsOf(callers.current(), ids(source), NESTED_LIMIT);
        return source.stream().map(t -> events.getOrDefault(t.id(), List.of())).toList();
    }

    @Description("Attachment metadata with a download URL (REST, same token).")
    public List<@NonNull List<@NonNull AttachmentView>> attachments(@Source List<TicketView> source) {
        Map<UUID, List<AttachmentView>> found = attachments.listOf(callers.current(), ids(source));
        return source.stream().map(t -> found.getOrDefault(t.id(), List.of())).toList();
    }

    @Description("Time logged on the ticket. Staff only: a client asking gets FORBIDDEN and null.")
    public List<List<@NonNull TimeEntryView>> timeEntries(@Source List<TicketView> source) {
        Map<UUID, Boolean> billable = new LinkedHashMap<>();
        source.forEach(t -> billable.put(t.id(), t.billable()));
        Map<UUID, List<TimeEntryView>> found = timeEntries.listOf(callers.current(), billable);
        return source.stream().map(t -> found.getOrDefault(t.id(), List.of())).toList();
    }

    /**
     * Batched although it reads nothing: all of a page's SLAs then complete together, so every ticket's nested
     * {@code timeline} lands in one batch (single resolvers finishing one by one on worker threads can straddle
     * the batch's dispatch and cause a second one).
     */
    @Description("The ticket's live SLA (frozen once closed or cancelled).")
    public List<@NonNull TicketSla> sla(@Source List<TicketView> source) {
        return source.stream().map(t -> TicketSla.of(t.id(), t.sla())).toList();
    }

    @Description("How each target's elapsed time is made up (segments derived from the ticket's events).")
    public List<TimelineView> timeline(@Source List<TicketSla> slas) {
        Map<UUID, TimelineView> found = timelines.timelines(callers.current(),
                slas.stream().map(TicketSla::ticketId).distinct().toList());
        return slas.stream().map(s -> found.get(s.ticketId())).toList();
    }

    private static List<UUID> ids(List<TicketView> source) {
        return source.stream().map(TicketView::id).distinct().toList();
    }

    // ---- mutations

    @Mutation("openTicket")
    @Description("Open a ticket. With an idempotencyKey, a repeat of the same request returns the first ticket (replayed = true); "
            + "the same key with a different request is refused.")
    public @NonNull OpenTicketPayload openTicket(@Name("input") @NonNull @Description("The new ticket.") TicketInput input,
            @Name("idempotencyKey") @Description("A key of the caller's choosing (at most 200 characters) that makes retries safe, like REST's Idempotency-Key header.") String idempotencyKey) {
        TicketCreation.Created created = creation.create(callers.current(), input, idempotencyKey);
        return new OpenTicketPayload(created.ticket(), created.replayed());
    }

    @Mutation("updateTicket")
    @Description("Change a ticket (REST PATCH). expectedVersion works like If-Match: a stale version is refused with CONFLICT "
            + "and changes nothing.")
    public @NonNull TicketView updateTicket(@Name("id") @NonNull @Id @Description("The ticket's id.") String id,
            @Name("input") @NonNull @Description("The fields to change.") TicketUpdateInput input,
            @Name("expectedVersion") @Description("The version the change is based on (Ticket.version); null: no check.") Integer expectedVersion) {
        return updates.patch(callers.current(), TicketAccess.parseId(id), input.toPatch(), expectedVersion);
    }

    @Mutation("addComment")
    @Description("Comment on a ticket; internal = true (staff only) writes a note clients never see.")
    public @NonNull CommentView addComment(@Name("ticketId") @NonNull @Id @Description("The ticket's id.") String ticketId,
            @Name("input") @NonNull @Description("The comment.") CommentInput input) {
        return comments.add(callers.current(), TicketAccess.parseId(ticketId), input);
    }

    @Mutation("rateTicket")
    @Description("Rate a resolved ticket (or one closed within 7 days) GOOD or BAD, once (client of its organization); a BAD "
            + "rating of a ticket that can still be escalated returns the offer to escalate (escalateTicket).")
    public @NonNull SatisfactionResult rateTicket(
            @Name("ticketId") @NonNull @Id @Description("The ticket's id.") String ticketId,
            @Name("input") @NonNull @Description("The rating.") SatisfactionInput input) {
        return satisfaction.rate(callers.current(), TicketAccess.parseId(ticketId), input);
    }

    @Mutation("logTime")
    @Description("Log work on a ticket (staff).")
    public @NonNull TimeEntryView logTime(@Name("ticketId") @NonNull @Id @Description("The ticket's id.") String ticketId,
            @Name("input") @NonNull @Description("The work done.") TimeEntryInput input) {
        return timeEntries.log(callers.current(), TicketAccess.parseId(ticketId), input);
    }

    @Mutation("overrideSla")
    @Description("Override a ticket's targets with a reason (supervisor).")
    public @NonNull TicketSla overrideSla(@Name("ticketId") @NonNull @Id @Description("The ticket's id.") String ticketId,
            @Name("input") @NonNull @Description("The new targets and the reason.") OverrideInput input) {
        UUID id = TicketAccess.parseId(ticketId);
        return TicketSla.of(id, overrides.override(callers.current(), id, input));
    }
}
