package org.eclipsesol.desk.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;

/**
 * Reads the test database directly (plain JDBC through the application's datasource, outside any request),
 * so tests can prove that a refused request changed nothing.
 */
public final class Db {

    private Db() {
    }

    private static DataSource dataSource() {
        return Arc.container().instance(DataSource.class).get();
    }

    /** Rows of a query as column-to-value maps (values as strings, for easy comparison). */
    public static List<Map<String, String>> rows(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(String sql, Object... params) {
        return Long.parseLong(rows(sql, params).get(0).values().iterator().next());
    }

    public static int update(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Everything about one ticket a request could change: its row and the number of each dependent row. */
    public static Map<String, String> ticketState(String ticketId) {
        UUID id = UUID.fromString(ticketId);
        Map<String, String> state = new LinkedHashMap<>(rows("""
                select status, priority, service, category, version, updated_at, assignee_id, escalated, exclusion,
                       resolved_at, closed_at, first_response_at
                  from ticket where id = ?""", id).get(0));
        state.put("comments", Long.toString(count("select count(*) from ticket_comment where ticket_id = ?", id)));
        state.put("events", Long.toString(count("select count(*) from ticket_event where ticket_id = ?", id)));
        state.put("attachments", Long.toString(count("select count(*) from attachment where ticket_id = ?", id)));
        state.put("timeEntries", Long.toString(count("select count(*) from time_entry where ticket_id = ?", id)));
        state.put("escalations", rows("""
                select string_agg(status, ',' order by level) as s from escalation where ticket_id = ?""", id).get(0)
                .get("s"));
        return state;
    }

    /**
     * Row counts of the tables requests create rows in. Events and escalations are left out: the SLA monitor
     * may add them to other tests' tickets at any moment (compare {@link #ticketState} for those).
     */
    public static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("ticket", "ticket_comment", "attachment", "time_entry",
                "organization", "organization_email_domain", "membership", "agreement_covered_service",
                "agreement_target_override", "idempotency_key")) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }
}
