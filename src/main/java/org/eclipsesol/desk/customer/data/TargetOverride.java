package org.eclipsesol.desk.customer.data;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An agreement's response and resolution targets for one priority, in seconds of clock time. */
@Embeddable
public class TargetOverride {

    @Column(name = "response_seconds")
    public long responseSeconds;

    @Column(name = "resolution_seconds")
    public long resolutionSeconds;

    public TargetOverride() {
    }

    public TargetOverride(long responseSeconds, long resolutionSeconds) {
        this.responseSeconds = responseSeconds;
        this.resolutionSeconds = resolutionSeconds;
    }
}
