package org.eclipsesol.desk.notify.app;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The notice kinds to switch off (all others are on). */
public record PreferenceInput(@NotNull @Size(max = 20) List<NoticeKind> optedOut) {
}
