package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.Cursors;
import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/** Reading tickets: one by id or number, cursor-paged lists, counts. */
@ApplicationScoped
public class TicketQueries {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketAccess access;

    @Inject
    TicketViews views;

    /** desk.search.ranked-matches: RELEVANCE ranks the newest this many text matches (docs/decisions.md "Lists"). */
    @Inject
    DeskConfig config;

    public TicketView get(Caller caller, UUID id) {
        return views.view(caller, access.visible(caller, id), clock.instant());
    }

    public TicketView getByNumber(Caller caller, String number) {
        return views.view(caller, access.visibleByNumber(caller, number), clock.instant());
    }

    public Page<TicketView> list(Caller caller, TicketFilter filter, Integer limit, String cursor) {
        TicketPage page = page(caller, filter, limit, cursor);
        return new Page<>(page.items(), page.nextCursor());
    }

    /**
     * The same list as {@link #list}, with the cursor that resumes after each item (GraphQL connections
     * give every edge a cursor).
     */
    public TicketPage page(Caller caller, TicketFilter filter, Integer limit, String cursor) {
        caller.requireTicketUser();
        int size = Cursors.limit(limit);
        boolean text = filter.q() != null && !filter.q().isBlank();
        TicketSort sort = filter.sort() == null ? (text ? TicketSort.RELEVANCE : TicketSort.NEWEST) : filter.sort();
        if (sort == TicketSort.RELEVANCE && !text) {
            sort = TicketSort.NEWEST;
        }
        if (text) {
            return textPage(caller, filter, sort, size, cursor);
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = TicketSearch.where(caller, filter, params);
        String order = TicketSearch.resumeAndOrder(sort, cursor, where, params);
        var query = em.createQuery("select t from TicketEntity t join fetch t.organization left join fetch t.assignee where "
                + where + order, TicketEntity.class);
        params.forEach(query::setParameter);
        List<TicketEntity> rows = query.setMaxResults(size + 1).getResultList();
        boolean more = rows.size() > size;
        if (more) {
            rows = rows.subList(0, size);
        }
        Instant now = clock.instant();
        List<TicketView> items = views.views(caller, rows, now);
        List<String> cursors = new ArrayList<>(rows.size());
        for (TicketEntity t : rows) {
            cursors.add(TicketSearch.cursorOf(t, sort));
        }
        return new TicketPage(items, cursors, more ? cursors.get(cursors.size() - 1) : null);
    }

    private TicketPage textPage(Caller caller, TicketFilter filter, TicketSort sort, int size, String cursor) {
        List<TicketTextSearch.Hit> hits = TicketTextSearch.page(em, caller, filter, sort, cursor, size + 1,
                config.search().rankedMatches());
        boolean more = hits.size() > size;
        if (more) {
            hits = hits.subList(0, size);
        }
        Map<UUID, String> given = new HashMap<>();
        hits.forEach(h -> given.put(h.id(), h.cursor()));
        List<TicketEntity> rows = TicketTextSearch.load(hits);
        List<TicketView> items = views.views(caller, rows, clock.instant());
        List<String> cursors = new ArrayList<>(rows.size());
        for (TicketEntity t : rows) {
            String c = given.get(t.id);
            cursors.add(c != null ? c : TicketSearch.cursorOf(t, sort));
        }
        return new TicketPage(items, cursors, more && !cursors.isEmpty() ? cursors.get(cursors.size() - 1) : null);
    }

    /** {@link #count} stops counting here: a count costs at most this many index entries or rows. */
    public static final long COUNT_CAP = 10_000;

    /**
     * How many tickets the caller would page through with this filter, up to {@link #COUNT_CAP} (one count statement
     * that stops at the cap; {@code COUNT_CAP} means "that many or more").
     */
    public long count(Caller caller, TicketFilter filter) {
        caller.requireTicketUser();
        return TicketTextSearch.count(em, caller, filter, COUNT_CAP);
    }
}
