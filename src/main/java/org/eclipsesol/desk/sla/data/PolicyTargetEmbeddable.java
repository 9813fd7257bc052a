package org.eclipsesol.desk.sla.data;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A policy version's targets and clock for one priority. */
@Embeddable
public class PolicyTargetEmbeddable {

    /** TWENTY_FOUR_SEVEN or BUSINESS_HOURS. */
    public String clock;

    @Column(name = "response_seconds")
    public long responseSeconds;

    @Column(name = "resolution_seconds")
    public long resolutionSeconds;
}
