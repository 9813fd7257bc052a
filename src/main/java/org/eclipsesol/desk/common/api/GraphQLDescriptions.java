package org.eclipsesol.desk.common.api;

import static java.util.Map.entry;

import java.util.HashSet;
import java.util.Map;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;

/**
 * Describes what the Java annotations cannot: the enums (their values live in the catalog, the SLA engine, which
 * is plain Java, or the data layer, none of which should know of GraphQL) and the entry types SmallRye generates
 * for maps ({@code Entry_Priority_TargetPair} and the like, whose key and value are never null). Every type, field, argument
 * and enum value of the
 * published schema has a description (GraphQLSchemaDescriptionsTest, graphql-schema-linter in
 * tools/api-clients/check.sh); a description given by an annotation wins over this table.
 * <p>
 * Works like {@link GraphQLScalars}: the schema about to be built is transformed and the builder refilled.
 */
public class GraphQLDescriptions implements EventingService {

    /** An enum's description and one per value. */
    record EnumDoc(String description, Map<String, String> values) {
    }

    /** A generated type's description and one per field. */
    record TypeDoc(String description, Map<String, String> fields) {
    }

    static final Map<String, EnumDoc> ENUMS = Map.ofEntries(
            entry("Category", new EnumDoc("What kind of help is asked for.", Map.of(
                    "TECHNICAL_ASSISTANCE", "Something does not work and needs a technician.",
                    "SYSTEM_MAINTENANCE", "Maintenance of a system: updates, backups, planned work.",
                    "USER_ASSISTANCE", "Help for a user: how to do something, access, training.",
                    "SERVICE_REQUEST", "A request for something new: a device, an account, a change."))),
            entry("Channel", new EnumDoc("How a ticket reached us.", Map.of(
                    "PORTAL", "The client portal.",
                    "MOBILE", "The mobile app.",
                    "EMAIL", "An e-mail to the support address (or logged by staff).",
                    "PHONE", "A phone call, logged by staff."))),
            entry("ClockType", new EnumDoc("The kind of clock a target is measured on.", Map.of(
                    "TWENTY_FOUR_SEVEN", "Every real second counts (after-hours support for critical issues).",
                    "BUSINESS_HOURS", "Only time inside the policy's business hours counts, holidays excluded."))),
            entry("EscalationSource", new EnumDoc("Who or what raised an escalation.", Map.of(
                    "CLIENT", "A client of the ticket's organization.",
                    "STAFF", "A staff member.",
                    "EMAIL", "A client's e-mail asking to escalate.",
                    "SLA_BREACH", "Support Desk itself, when the resolution target was breached."))),
            entry("EscalationStatus", new EnumDoc("Where an escalation stands.", Map.of(
                    "OPEN", "Raised; no supervisor has acknowledged it yet.",
                    "ACKNOWLEDGED", "A supervisor has taken it on.",
                    "CLOSED", "A supervisor has closed it."))),
            entry("Exclusion",
                    new EnumDoc("Why a ticket falls outside the standard policy (its SLA is NOT_APPLICABLE, it is billable).",
                            Map.of(
                                    "THIRD_PARTY", "Caused by a third party (a vendor, a carrier, ...).",
                                    "CLIENT_NEGLIGENCE", "Caused by the client's negligence.",
                                    "OUT_OF_SCOPE", "Work the agreement does not cover."))),
            entry("Priority", new EnumDoc("A ticket's priority; it selects the SLA targets and clock.", Map.of(
                    "CRITICAL", "Business stopped; 24/7 clock (policy 1: response PT1H, resolution PT4H).",
                    "HIGH", "Seriously impaired (policy 1: PT2H / PT12H, business hours).",
                    "MEDIUM", "Impaired, with a workaround (policy 1: PT8H / PT48H, business hours).",
                    "LOW", "Minor or a question (policy 1: PT24H / PT72H, business hours)."))),
            entry("SatisfactionRating", new EnumDoc("A client's rating of how a ticket was handled.", Map.of(
                    "GOOD", "Satisfied.",
                    "BAD", "Not satisfied; a ticket that can still be escalated comes with the offer to escalate it."))),
            entry("SegmentKind", new EnumDoc("What a target's clock did during a stretch of time.", Map.of(
                    "COUNTING", "The clock ran: open ticket, inside business hours (always, for a 24/7 clock).",
                    "OUTSIDE_HOURS", "Open ticket outside business hours or on a holiday: nothing counted.",
                    "PAUSED", "Waiting on the client: the clock was paused.",
                    "RESOLVED", "Resolved, closed or cancelled: the clock was stopped."))),
            entry("ServiceLine", new EnumDoc("The services the support policy covers.", Map.of(
                    "MANAGED_IT", "Managed IT: computers, servers, network, accounts.",
                    "PHONE_SYSTEMS", "Phone systems.",
                    "ACCESS_CONTROL", "Access control: doors, badges, readers.",
                    "SURVEILLANCE", "Surveillance: cameras and recorders.",
                    "BREAK_FIX", "Break/fix repairs."))),
            entry("SlaAlertKind", new EnumDoc("The moments of a target that raise an alert.", Map.of(
                    "AT_RISK", "The target reached the policy's at-risk share (default 75%) of its time.",
                    "BREACHED", "The target is past due and not met."))),
            entry("TargetKind", new EnumDoc("The two targets a ticket is measured against.", Map.of(
                    "RESPONSE", "Time to the first response the client can see.",
                    "RESOLUTION", "Time to the (last) resolution."))),
            entry("TargetSource", new EnumDoc("Where a ticket's targets come from.", Map.of(
                    "POLICY", "The policy version the ticket is pinned to.",
                    "AGREEMENT", "The organization's agreement, which overrides the policy for this priority.",
                    "OVERRIDE", "A supervisor's override of this ticket, with a reason."))),
            entry("TargetStatus", new EnumDoc("Where one SLA target stands.", Map.of(
                    "ON_TRACK", "Running, below the at-risk share of the target.",
                    "AT_RISK", "Running, at or past the at-risk share, not yet due.",
                    "PAUSED", "Not met, not breached: the clock is stopped while waiting on the client.",
                    "BREACHED", "Past due and unmet, or met late.",
                    "MET", "Met in time.",
                    "NOT_APPLICABLE", "The ticket is excluded from the SLA or cancelled."))),
            entry("TicketChangeKind", new EnumDoc("What changed on a ticket (TicketChange.what).", Map.of(
                    "CREATED", "The ticket was opened.",
                    "UPDATED", "Fields or the status changed, or the ticket was rated.",
                    "COMMENTED", "A public comment was added.",
                    "ATTACHMENT_ADDED", "A file was attached.",
                    "ESCALATED", "The ticket was escalated.",
                    "ESCALATION_CLOSED", "An escalation was closed.",
                    "SLA",
                    "The SLA figures changed by themselves: a target turned at risk or breached, or its figures were recomputed.",
                    "INTERNAL_NOTE_ADDED", "An internal note was added (pushed to staff only)."))),
            entry("TicketEventType", new EnumDoc("What a ticket history entry records.", Map.ofEntries(
                    entry("CREATED", "The ticket was opened."),
                    entry("STATUS_CHANGED", "The status changed (before and after)."),
                    entry("PRIORITY_CHANGED", "The priority changed; detail is the reason."),
                    entry("ASSIGNED", "The assignee changed (before and after are staff ids)."),
                    entry("SERVICE_CHANGED", "The service changed."),
                    entry("CATEGORY_CHANGED", "The category changed."),
                    entry("EXCLUSION_CHANGED", "The exclusion was set or cleared (staff only)."),
                    entry("COMMENTED", "A public comment was added."),
                    entry("INTERNAL_NOTE_ADDED", "An internal note was added (staff only)."),
                    entry("ATTACHMENT_ADDED", "A file was attached; detail is its name."),
                    entry("ESCALATED", "The ticket was escalated."),
                    entry("ESCALATION_ACKNOWLEDGED", "A supervisor acknowledged the escalation."),
                    entry("ESCALATION_CLOSED", "A supervisor closed the escalation."),
                    entry("RESPONDED", "The first response the client can see: the response target was met."),
                    entry("SLA_OVERRIDDEN", "A supervisor overrode the targets; detail is the reason."),
                    entry("SLA_AT_RISK", "A target reached its at-risk share."),
                    entry("SLA_BREACHED", "A target was breached."),
                    entry("TIME_LOGGED", "Work was logged (staff only)."),
                    entry("SATISFACTION_RATED", "The client rated the ticket.")))),
            entry("TicketSort", new EnumDoc("The order of a ticket list.", Map.of(
                    "NEWEST", "Newest first (default).",
                    "OLDEST", "Oldest first: new tickets appear on later pages.",
                    "DUE", "Earliest SLA due time first; tickets without a running clock last.",
                    "RELEVANCE",
                    "With q: best full-text match first (an exact ticket number on top), then newest; without q, newest.",
                    "UPDATED",
                    "Oldest change first, by (updatedAt, id): for incremental sync with updatedSince. A ticket changed "
                            + "while a client pages moves to the end and comes again; none is skipped."))),
            entry("TicketStatus", new EnumDoc("Where a ticket is in its lifecycle.", Map.of(
                    "NEW", "Opened; no one has worked on it yet.",
                    "IN_PROGRESS", "Staff are working on it.",
                    "WAITING_ON_CLIENT", "Staff wait for the client; the clocks still running are paused.",
                    "RESOLVED", "Staff consider it solved; the client confirms (CLOSED) or reopens it (IN_PROGRESS).",
                    "CLOSED", "Done (final): confirmed by the client, or automatically 7 days after resolution.",
                    "CANCELLED", "Withdrawn while NEW (final)."))));

    private static final String PRIORITY_KEY = "The priority.";

    static final Map<String, TypeDoc> GENERATED = Map.of(
            "Entry_Priority_TargetPair", new TypeDoc("An agreement's targets for one priority.",
                    Map.of("key", PRIORITY_KEY, "value", "The response and resolution targets.")),
            "Entry_Priority_TargetPairInputInput", new TypeDoc("An agreement's targets for one priority.",
                    Map.of("key", PRIORITY_KEY, "value", "The response and resolution targets.")),
            "Entry_Priority_PolicyTarget", new TypeDoc("A policy's clock and targets for one priority.",
                    Map.of("key", PRIORITY_KEY, "value", "The clock and targets.")),
            "Entry_Priority_PolicyTargetInputInput", new TypeDoc("A policy's clock and targets for one priority.",
                    Map.of("key", PRIORITY_KEY, "value", "The clock and targets.")),
            "Entry_String_String", new TypeDoc("A policy's business hours on one day of the week.",
                    Map.of("key", "The day: MONDAY..SUNDAY.", "value",
                            "Its intervals, e.g. 09:00-17:00 or 08:00-12:00,13:00-17:00.")),
            "Entry_String_StringInput", new TypeDoc("A policy's business hours on one day of the week.",
                    Map.of("key", "The day: MONDAY..SUNDAY.", "value",
                            "Its intervals, e.g. 09:00-17:00 or 08:00-12:00,13:00-17:00.")));

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema described = SchemaTransformer.transformSchema(builder.build(), new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLEnumType(GraphQLEnumType node, TraverserContext<GraphQLSchemaElement> context) {
                EnumDoc doc = ENUMS.get(node.getName());
                if (doc == null) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, node.transform(b -> {
                    b.description(orElse(node.getDescription(), doc.description()));
                    b.clearValues();
                    for (GraphQLEnumValueDefinition v : node.getValues()) {
                        b.value(v.transform(vb -> vb.description(orElse(v.getDescription(), doc.values().get(v.getName())))));
                    }
                }));
            }

            @Override
            public TraversalControl visitGraphQLObjectType(GraphQLObjectType node,
                    TraverserContext<GraphQLSchemaElement> context) {
                TypeDoc doc = GENERATED.get(node.getName());
                if (doc == null) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, node.transform(b -> {
                    b.description(orElse(node.getDescription(), doc.description()));
                    b.clearFields();
                    for (GraphQLFieldDefinition f : node.getFieldDefinitions()) {
                        // A map's entries always have a key and a value.
                        b.field(f.transform(fb -> fb.description(orElse(f.getDescription(), doc.fields().get(f.getName())))
                                .type(GraphQLNonNull.nonNull(f.getType()))));
                    }
                }));
            }

            @Override
            public TraversalControl visitGraphQLInputObjectType(GraphQLInputObjectType node,
                    TraverserContext<GraphQLSchemaElement> context) {
                TypeDoc doc = GENERATED.get(node.getName());
                if (doc == null) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, node.transform(b -> {
                    b.description(orElse(node.getDescription(), doc.description()));
                    b.clearFields();
                    for (GraphQLInputObjectField f : node.getFieldDefinitions()) {
                        b.field(f.transform(fb -> fb.description(orElse(f.getDescription(), doc.fields().get(f.getName())))));
                    }
                }));
            }
        });
        return GraphQLSchema.newSchema(described).clearAdditionalTypes()
                .additionalTypes(new HashSet<>(described.getAdditionalTypes()));
    }

    private static String orElse(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }
}
