package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipsesol.desk.sla.engine.PhaseChange;
import org.eclipsesol.desk.sla.engine.TicketPhase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The ticket's compact phase log (JSONB {@code [{"at": "2026-11-26T02:37:00.361306Z", "phase": "OPEN"}, ...]}),
 * written with every STATUS_CHANGED event so the SLA is computed without reading events. Instants are written in
 * full (ISO-8601), so the log rebuilds exactly the instants the events hold.
 */
final class PhaseLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {
    };

    /** One entry as stored (the engine's enum is plain Java, so it is registered from here). */
    @RegisterForReflection(targets = { PhaseLog.Entry.class, TicketPhase.class })
    record Entry(String at, TicketPhase phase) {
    }

    private PhaseLog() {
    }

    static List<PhaseChange> read(String log) {
        List<PhaseChange> changes = new ArrayList<>();
        for (Entry entry : entries(log)) {
            changes.add(new PhaseChange(Instant.parse(entry.at()), entry.phase()));
        }
        return changes;
    }

    static String append(String log, Instant at, TicketPhase phase) {
        List<Entry> entries = entries(log);
        entries.add(new Entry(at.toString(), phase));
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a phase log", e);
        }
    }

    private static List<Entry> entries(String log) {
        if (log == null || log.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(JSON.readValue(log, ENTRIES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable phase log " + log, e);
        }
    }
}
