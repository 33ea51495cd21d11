package dev.selftest.api;

import org.apiguardian.api.API;

/** What a caller may do with the control API. Health status needs neither: it is public. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Access {
    /** Read scenarios, runs, reports, KPIs and health details. */
    READ,
    /** Start and cancel runs, clean up, change provider states. */
    OPERATE
}
