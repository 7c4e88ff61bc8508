-- KPIs of DESIGN §5 from the raw tables only (kpi.sql reads the facts instead; kpi.ts runs this
-- when the facts cannot answer a window exactly), after the CTEs of kpi-contacts.sql.
-- Grouped by allow-listed expressions that the caller puts in
-- place of the GROUP markers (no user text reaches this SQL). Three parts are added up:
-- queue visits (by entered_at), ratings (by rated_at, latest per call) and FCR contacts (by their
-- first answered visit). Filters are arrays; an empty array means no filter.
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
    SELECT
        entered_at AS t, queue, language, site, agent_id AS agent, channel,
        toUInt64(self_service) AS n_self_service,
        toUInt64(callback AND NOT self_service) AS n_callbacks,
        toUInt64(NOT self_service AND NOT callback) AS n_offered,
        toUInt64(n_offered AND answered_at IS NOT NULL) AS n_answered,
        toUInt64(n_offered AND answered_at IS NULL AND wait_s < {short_abandon_s:Float64}) AS n_short_abandoned,
        toUInt64(n_offered AND answered_at IS NULL AND wait_s >= {lost_after_s:Float64}) AS n_lost,
        toUInt64(n_answered AND wait_s <= {sl_answer_within_s:Float64}) AS n_answered_within_sl,
        toUInt64(n_answered AND transferred) AS n_transferred,
        if(n_answered = 1, wait_s, 0) AS n_wait_answered_s,
        if(n_offered = 1, wait_s, 0) AS n_wait_offered_s,
        if(n_answered = 1, talk_s + hold_s + wrap_s, 0) AS n_handle_answered_s,
        0 AS n_ratings, 0 AS n_score_sum, 0 AS n_satisfied, 0 AS n_dissatisfied,
        0 AS n_fcr_eligible, 0 AS n_fcr_resolved, 0 AS n_fcr_provisional
    FROM call
    WHERE entered_at >= {from:DateTime64(3, 'UTC')} AND entered_at < {to:DateTime64(3, 'UTC')}
      AND (empty({queues:Array(String)}) OR queue IN {queues:Array(String)})
      AND (empty({languages:Array(String)}) OR language IN {languages:Array(String)})
      AND (empty({sites:Array(String)}) OR site IN {sites:Array(String)})
      AND (empty({channels:Array(String)}) OR channel IN {channels:Array(String)})
      AND (empty({agents:Array(String)}) OR agent_id IN {agents:Array(String)})

    UNION ALL

    SELECT
        r.last_rated_at AS t,
        ifNull(v.queue, '') AS queue, ifNull(v.language, '') AS language, ifNull(v.site, '') AS site,
        if(r.rater_agent != '', r.rater_agent, ifNull(v.agent_id, '')) AS agent,
        ifNull(v.channel, '') AS channel,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1 AS n_ratings,
        toUInt64(r.score) AS n_score_sum,
        toUInt64(r.score >= 4) AS n_satisfied,
        toUInt64(r.score <= 2) AS n_dissatisfied,
        0, 0, 0
    FROM
    (
        SELECT call_id, max(rated_at) AS last_rated_at, argMax(score, rated_at) AS score,
               argMax(agent_id, rated_at) AS rater_agent
        FROM rating
        WHERE rated_at >= {from:DateTime64(3, 'UTC')}
        GROUP BY call_id
        HAVING last_rated_at < {to:DateTime64(3, 'UTC')}
    ) AS r
    LEFT JOIN
    (
        SELECT call_id,
               argMax(queue, entered_at) AS queue, argMax(language, entered_at) AS language,
               argMax(site, entered_at) AS site, argMax(agent_id, entered_at) AS agent_id,
               argMax(channel, entered_at) AS channel
        FROM call
        WHERE answered_at IS NOT NULL AND NOT self_service
          AND call_id IN (SELECT call_id FROM rating WHERE rated_at >= {from:DateTime64(3, 'UTC')} AND rated_at < {to:DateTime64(3, 'UTC')})
        GROUP BY call_id
    ) AS v ON v.call_id = r.call_id
    WHERE (empty({queues:Array(String)}) OR queue IN {queues:Array(String)})
      AND (empty({languages:Array(String)}) OR language IN {languages:Array(String)})
      AND (empty({sites:Array(String)}) OR site IN {sites:Array(String)})
      AND (empty({channels:Array(String)}) OR channel IN {channels:Array(String)})
      AND (empty({agents:Array(String)}) OR agent IN {agents:Array(String)})

    UNION ALL

    SELECT
        c.first_answered_at AS t, c.queue, c.language, c.site, c.agent, c.channel,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        toUInt64(c.caller != '') AS n_fcr_eligible,
        toUInt64(c.caller != '' AND NOT c.any_transfer AND NOT c.any_callback AND c.call_id NOT IN repeats) AS n_fcr_resolved,
        toUInt64(c.caller != '' AND c.last_ended > (SELECT max(ended_at) FROM call) - toIntervalSecond({fcr_window_s:UInt32})) AS n_fcr_provisional
    FROM contacts AS c
    WHERE (empty({queues:Array(String)}) OR c.queue IN {queues:Array(String)})
      AND (empty({languages:Array(String)}) OR c.language IN {languages:Array(String)})
      AND (empty({sites:Array(String)}) OR c.site IN {sites:Array(String)})
      AND (empty({channels:Array(String)}) OR c.channel IN {channels:Array(String)})
      AND (empty({agents:Array(String)}) OR c.agent IN {agents:Array(String)})
)
__GROUP_BY__
SETTINGS join_use_nulls = 1
