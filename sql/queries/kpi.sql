-- KPIs of DESIGN §5 for [from, to), grouped by allow-listed expressions that kpi.ts puts in
-- place of the markers (no user text reaches this SQL). Three parts are added up, each a file
-- of its own: queue visits (by entered_at: kpi-visits.sql, or a rollup: rollup-visits.sql),
-- ratings (by rated_at, the latest per call: kpi-ratings.sql from rating_fact, or
-- kpi-ratings-raw.sql) and FCR contacts (by their first answered visit: kpi-fcr.sql from
-- contact_fact, or kpi-fcr-raw.sql after the CTEs of kpi-contacts.sql). Filters are arrays; an
-- empty array means no filter.
SELECT
    __GROUP__
    sum(n_self_service) AS self_service,
    sum(n_callbacks) AS callbacks,
    sum(n_offered) AS offered,
    sum(n_answered) AS answered,
    sum(n_short_abandoned) AS short_abandoned,
    sum(n_lost) AS lost,
    sum(n_answered_within_sl) AS answered_within_sl,
    sum(n_transferred) AS transferred,
    sum(n_wait_answered_s) AS wait_answered_s,
    sum(n_wait_offered_s) AS wait_offered_s,
    sum(n_handle_answered_s) AS handle_answered_s,
    sum(n_ratings) AS ratings,
    sum(n_score_sum) AS score_sum,
    sum(n_satisfied) AS satisfied,
    sum(n_dissatisfied) AS dissatisfied,
    sum(n_fcr_eligible) AS fcr_eligible,
    sum(n_fcr_resolved) AS fcr_resolved,
    max(n_fcr_provisional) AS fcr_provisional
FROM
(
__VISITS__

    UNION ALL

__RATINGS__

    UNION ALL

__FCR__
)
__GROUP_BY__
SETTINGS join_use_nulls = 1
