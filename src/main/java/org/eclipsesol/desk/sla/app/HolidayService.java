package org.eclipsesol.desk.sla.app;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.data.HolidayEntity;

/** The holiday list that business-hours clocks skip. */
@ApplicationScoped
public class HolidayService {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    @Inject
    SlaPolicies sla;

    @Inject
    Event<HolidaysChanged> changed;

    public List<HolidayView> holidays(Caller caller) {
        caller.requireTicketUser();
        return HolidayEntity.<HolidayEntity> list("order by date").stream().map(h -> new HolidayView(h.date, h.name)).toList();
    }

    /** Replaces the holiday list. Open tickets' clocks follow it; closed tickets keep their frozen figures. */
    @Transactional
    public List<HolidayView> putHolidays(Caller caller, @NotNull List<@Valid @NotNull HolidayView> holidays) {
        caller.requireSupervisor();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            org.eclipsesol.desk.common.Instants.inRange("[" + i + "].date", holidays.get(i).date());
            if (!seen.add(holidays.get(i).date())) {
                throw ProblemException.invalid("[" + i + "].date", "appears twice");
            }
        }
        HolidayEntity.deleteAll();
        for (HolidayView h : holidays) {
            HolidayEntity e = new HolidayEntity();
            e.date = h.date();
            e.name = h.name().trim();
            e.persist();
        }
        em.flush();
        sla.holidaysChanged();
        // Another thread may reload the old list before this transaction commits; forget it again afterwards.
        transactions.registerInterposedSynchronization(new Synchronization() {

            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                sla.holidaysChanged();
            }
        });
        changed.fire(new HolidaysChanged());
        return holidays(caller);
    }
}
