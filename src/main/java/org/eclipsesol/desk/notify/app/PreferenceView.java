package org.eclipsesol.desk.notify.app;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's e-mail notices: which optional kinds they switched off. */
@Schema(description = "E-mail notices the caller switched off (optedOut) and the kinds they may switch off (optional). "
        + "ACKNOWLEDGEMENT and WAITING_ON_CLIENT are sent anyway for tickets that came by e-mail.")
public record PreferenceView(String email, List<NoticeKind> optedOut, List<NoticeKind> optional) {
}
