package org.eclipsesol.desk.sla.app;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The two moments of a target that raise an alert. */
@RegisterForReflection
public enum AlertKind {
    AT_RISK,
    BREACHED
}
