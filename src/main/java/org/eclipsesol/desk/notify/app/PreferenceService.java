package org.eclipsesol.desk.notify.app;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ReplicaCaches;
import org.eclipsesol.desk.notify.data.NotificationPreferenceEntity;
import org.eclipsesol.desk.security.Caller;

/** Per-person opt-out of optional notices ({@code /api/v1/me/notifications}), keyed by the caller's e-mail. */
@ApplicationScoped
public class PreferenceService {

    @Inject
    Clock clock;

    @Inject
    ReplicaCaches caches;

    public PreferenceView get(Caller caller) {
        String email = email(caller);
        return view(email, Notices.optedOutOf(email));
    }

    @Transactional
    public PreferenceView put(Caller caller, @Valid @NotNull PreferenceInput input) {
        String email = email(caller);
        Set<NoticeKind> kinds = new TreeSet<>();
        for (NoticeKind kind : input.optedOut()) {
            if (kind == null || !kind.optional()) {
                throw ProblemException.invalid("optedOut", kind + " cannot be switched off");
            }
            kinds.add(kind);
        }
        NotificationPreferenceEntity p = NotificationPreferenceEntity.findById(email);
        if (p == null) {
            p = new NotificationPreferenceEntity();
            p.email = email;
            p.optedOut = "";
            p.updatedAt = clock.instant();
            p.persist();
        }
        p.optedOut = kinds.stream().map(Enum::name).collect(Collectors.joining(","));
        p.updatedAt = clock.instant();
        caches.changed(Notices.PREFERENCES_CACHE);
        return view(email, kinds);
    }

    private static String email(Caller caller) {
        if (caller.email() == null || caller.email().isBlank()) {
            throw ProblemException.conflict("Your account has no e-mail address: there is nothing to configure.");
        }
        return caller.email().toLowerCase();
    }

    private static PreferenceView view(String email, Set<NoticeKind> optedOut) {
        List<NoticeKind> optional = Arrays.stream(NoticeKind.values()).filter(NoticeKind::optional).toList();
        return new PreferenceView(email, List.copyOf(new TreeSet<>(optedOut)), optional);
    }
}
