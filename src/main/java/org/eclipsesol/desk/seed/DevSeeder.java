package org.eclipsesol.desk.seed;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.catalog.Category;
import org.eclipsesol.desk.catalog.Channel;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.customer.app.AgreementInput;
import org.eclipsesol.desk.customer.app.MemberInput;
import org.eclipsesol.desk.customer.app.OrganizationInput;
import org.eclipsesol.desk.customer.app.OrganizationService;
import org.eclipsesol.desk.customer.app.OrganizationView;
import org.eclipsesol.desk.customer.app.TargetPair;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.Role;
import org.eclipsesol.desk.sla.app.HolidayService;
import org.eclipsesol.desk.sla.app.HolidayView;
import org.eclipsesol.desk.ticket.app.CommentInput;
import org.eclipsesol.desk.ticket.app.CommentService;
import org.eclipsesol.desk.ticket.app.TicketCreation;
import org.eclipsesol.desk.ticket.app.TicketInput;
import org.eclipsesol.desk.ticket.app.TicketPatch;
import org.eclipsesol.desk.ticket.app.TicketUpdates;
import org.eclipsesol.desk.ticket.app.TicketView;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo data for dev mode (desk.seed.enabled): two client organizations with members, staff, holidays
 * and a few tickets in different states. Goes through the services, so the data obeys every rule.
 * Runs only when there is no organization yet.
 */
public class DevSeeder {

    private static final Logger LOG = Logger.getLogger(DevSeeder.class);
    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Inject
    DeskConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OrganizationService organizations;

    @Inject
    TicketCreation tickets;

    @Inject
    TicketUpdates updates;

    @Inject
    CommentService comments;

    @Inject
    HolidayService holidays;

    void onStart(@Observes StartupEvent event) {
        if (!config.seed().enabled()) {
            return;
        }
        long existing = QuarkusTransaction.requiringNew().call(
                () -> em.createQuery("select count(o) from OrganizationEntity o", Long.class).getSingleResult());
        if (existing > 0) {
            return;
        }
        seed();
        LOG.info("Seeded demo data: organizations Acme Dental (acme.example) and Globex Logistics (globex.example)");
    }

    void seed() {
        Caller sam = staff("sam@eclipsesol.org", "Sam Supervisor", Role.SUPERVISOR, Role.TECHNICIAN);
        Caller tom = staff("tom@eclipsesol.org", "Tom Technician", Role.TECHNICIAN);
        staff("tess@eclipsesol.org", "Tess Technician", Role.TECHNICIAN);

        holidays.putHolidays(sam, List.of(new HolidayView(LocalDate.of(2026, 11, 26), "Thanksgiving Day"),
                new HolidayView(LocalDate.of(2026, 12, 25), "Christmas Day"),
                new HolidayView(LocalDate.of(2027, 1, 1), "New Year's Day")));

        OrganizationView acme = organizations.create(sam, new OrganizationInput("Acme Dental", List.of("acme.example"), null));
        OrganizationView globex = organizations.create(sam, new OrganizationInput("Globex Logistics", List.of("globex.example"),
                new AgreementInput(List.of(ServiceLine.MANAGED_IT, ServiceLine.PHONE_SYSTEMS, ServiceLine.BREAK_FIX),
                        Map.of(Priority.HIGH, new TargetPair(Duration.ofHours(1), Duration.ofHours(8))))));
        organizations.addMember(sam, acme.id(), new MemberInput("frank.contractor@gmail.example"));

        Instant now = clock.instant();
        ZonedDateTime lastFriday = now.atZone(DENVER).with(TemporalAdjusters.previous(DayOfWeek.FRIDAY))
                .with(LocalTime.of(16, 0));
        TicketView phone = tickets.create(sam, new TicketInput("Front desk phones have no dial tone",
                "Called in: all four front desk handsets show 'No service' since the power cut.", Priority.MEDIUM,
                ServiceLine.PHONE_SYSTEMS, Category.TECHNICAL_ASSISTANCE, Channel.PHONE, null, null, acme.id(),
                "ana@acme.example", lastFriday.toInstant()), null).ticket();
        updates.patch(tom, phone.id(), new TicketPatch(TicketStatus.IN_PROGRESS, null, null, Optional.of(tom.id()), null, null,
                null, null), null);
        comments.add(tom, phone.id(),
                new CommentInput("We are checking the PBX remotely; a technician can come on site if needed.", false));

        TicketView outage = tickets.create(sam, new TicketInput("Server room door controller offline",
                "Badge readers on the server room door do not respond.", Priority.CRITICAL, ServiceLine.ACCESS_CONTROL,
                Category.TECHNICAL_ASSISTANCE, Channel.PHONE, "Controller 2 heartbeat lost", null, acme.id(),
                "ben@acme.example",
                now.minusSeconds(40 * 60)), null).ticket();
        comments.add(tom, outage.id(), new CommentInput("Remote reboot did not help; checking the PoE switch.", true));

        TicketView printer = tickets.create(sam, new TicketInput("How do I add a shared calendar?",
                "New receptionist needs the clinic calendar on her phone.", Priority.LOW, ServiceLine.MANAGED_IT,
                Category.USER_ASSISTANCE, Channel.EMAIL, null, null, acme.id(), "ana@acme.example", now.minusSeconds(3 * 3600)),
                null).ticket();
        updates.patch(tom, printer.id(),
                new TicketPatch(TicketStatus.WAITING_ON_CLIENT, null, null, null, null, null, null, null),
                null);
        comments.add(tom, printer.id(), new CommentInput("Which phone model does she use?", false));

        tickets.create(sam, new TicketInput("Warehouse camera 3 shows a black image",
                "The loading-dock camera went dark yesterday evening.", Priority.HIGH, ServiceLine.SURVEILLANCE,
                Category.TECHNICAL_ASSISTANCE, Channel.PORTAL, null, "Open the NVR, select camera 3", globex.id(),
                "carla@globex.example", now.minusSeconds(30 * 60)), null);
        TicketView vpn = tickets.create(sam, new TicketInput("VPN drops every 10 minutes",
                "Remote dispatchers lose the VPN several times an hour.", Priority.HIGH, ServiceLine.MANAGED_IT,
                Category.TECHNICAL_ASSISTANCE, Channel.PORTAL, "Tunnel keepalive timeout", null, globex.id(),
                "dan@globex.example",
                now.minusSeconds(2 * 3600)), null).ticket();
        updates.patch(sam, vpn.id(), new TicketPatch(TicketStatus.RESOLVED, null, null, null, null, null, null, null), null);
    }

    private Caller staff(String id, String name, Role... roles) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into app_user (id, name, email, roles, last_seen_at) values (:id, :name, :id, :roles, now())
                on conflict (id) do nothing
                """).setParameter("id", id).setParameter("name", name)
                .setParameter("roles", String.join(",", Arrays.stream(roles).map(Role::claimValue).toList()))
                .executeUpdate());
        return new Caller(id, name, id, EnumSet.copyOf(List.of(roles)), null);
    }
}
