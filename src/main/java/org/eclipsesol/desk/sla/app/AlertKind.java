package org.eclipsesol.desk.sla.app;

import org.eclipse.microprofile.graphql.Enum;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The two moments of a target that raise an alert. */
@RegisterForReflection
@Enum("SlaAlertKind")
public enum AlertKind {
    AT_RISK,
    BREACHED
}
