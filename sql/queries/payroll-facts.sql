-- Pay facts of DESIGN §9 per operator for one local month [from, to): operators with a handled
-- visit, a rating or an agent event in the month, with their current contract from `agent`.
-- handled = answered offered visits (DESIGN §5: not self-service, not a call-back) entered in the
-- month; handle time is summed in whole milliseconds so that it stays exact. Ratings follow the
-- KPI rule, kept in rating_fact by the write path: the latest rating of a call, in the month of
-- its rated_at, to its agent_id or else to the agent of the call's last answered visit.
-- Complaints are scores 1–2.
SELECT
    a.agent_id AS agent_id,
    a.handled AS handled,
    a.handle_ms AS handle_ms,
    a.handled_dates AS handled_dates,
    a.ratings AS ratings,
    a.rating_score_sum AS rating_score_sum,
    a.complaints AS complaints,
    a.has_events AS has_events,
    ag.name AS name,
    ag.site AS site,
    ag.contract_hours_week AS contract_hours_week,
    toString(ag.hired_at) AS hired_at
FROM
(
    SELECT
        op AS agent_id,
        sum(n_handled) AS handled,
        sum(n_handle_ms) AS handle_ms,
        arraySort(groupUniqArrayArray(dates)) AS handled_dates,
        sum(n_ratings) AS ratings,
        sum(n_score) AS rating_score_sum,
        sum(n_complaints) AS complaints,
        max(n_events) AS has_events
    FROM
    (
        SELECT
            agent_id AS op,
            count() AS n_handled,
            sum(toInt64(round((talk_s + hold_s + wrap_s) * 1000))) AS n_handle_ms,
            groupUniqArray(formatDateTime(entered_at, '%Y-%m-%d', {tz:String})) AS dates,
            0 AS n_ratings, 0 AS n_score, 0 AS n_complaints, 0 AS n_events
        FROM call
        WHERE entered_at >= {from:DateTime64(3, 'UTC')} AND entered_at < {to:DateTime64(3, 'UTC')}
          AND answered_at IS NOT NULL AND NOT self_service AND NOT callback AND agent_id != ''
          AND (empty({agents:Array(String)}) OR agent_id IN (SELECT arrayJoin({agents:Array(String)})))
        GROUP BY op

        UNION ALL

        SELECT
            r.agent AS op,
            0, 0, CAST([], 'Array(String)'),
            count() AS n_ratings,
            sum(toUInt64(r.score)) AS n_score,
            countIf(r.score <= 2) AS n_complaints,
            0
        FROM rating_fact AS r FINAL
        WHERE r.rated_at >= {from:DateTime64(3, 'UTC')} AND r.rated_at < {to:DateTime64(3, 'UTC')} AND r.deleted = 0
          AND (empty({agents:Array(String)}) OR r.agent IN (SELECT arrayJoin({agents:Array(String)})))
        GROUP BY op

        UNION ALL

        SELECT DISTINCT agent_id AS op, 0, 0, CAST([], 'Array(String)'), 0, 0, 0, 1
        FROM agent_event
        WHERE at >= {from:DateTime64(3, 'UTC')} AND at < {to:DateTime64(3, 'UTC')}
          AND (empty({agents:Array(String)}) OR agent_id IN (SELECT arrayJoin({agents:Array(String)})))
    )
    WHERE op != ''
    GROUP BY op
) AS a
LEFT JOIN (SELECT agent_id, name, site, contract_hours_week, hired_at FROM agent FINAL) AS ag ON ag.agent_id = a.agent_id
WHERE empty({agents:Array(String)}) OR a.agent_id IN (SELECT arrayJoin({agents:Array(String)}))
ORDER BY agent_id
SETTINGS join_use_nulls = 1
