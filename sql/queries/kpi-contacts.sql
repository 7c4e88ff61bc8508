-- Contacts (call_id) whose first answered visit is in [{from}, {to}), with what FCR needs.
-- Used as the CTE `contacts` of kpi.sql, and `repeats` lists those followed by another contact
-- of the same caller within the window (DESIGN §5).
WITH
contacts AS
(
    SELECT
        call_id,
        min(entered_at) AS first_entered,
        max(ended_at) AS last_ended,
        max(transferred) AS any_transfer,
        max(callback) AS any_callback,
        anyIf(caller_hash, caller_hash != '') AS caller,
        minIf(entered_at, answered_at IS NOT NULL AND NOT self_service) AS first_answered_at,
        argMinIf(queue, entered_at, answered_at IS NOT NULL AND NOT self_service) AS queue,
        argMinIf(language, entered_at, answered_at IS NOT NULL AND NOT self_service) AS language,
        argMinIf(site, entered_at, answered_at IS NOT NULL AND NOT self_service) AS site,
        argMinIf(agent_id, entered_at, answered_at IS NOT NULL AND NOT self_service) AS agent,
        argMinIf(channel, entered_at, answered_at IS NOT NULL AND NOT self_service) AS channel
    FROM call
    WHERE call_id IN
    (
        SELECT call_id FROM call
        WHERE answered_at IS NOT NULL AND NOT self_service
          AND entered_at >= {from:DateTime64(3, 'UTC')} AND entered_at < {to:DateTime64(3, 'UTC')}
    )
    GROUP BY call_id
    HAVING first_answered_at >= {from:DateTime64(3, 'UTC')} AND first_answered_at < {to:DateTime64(3, 'UTC')}
),
repeats AS
(
    SELECT c.call_id
    FROM contacts AS c
    INNER JOIN
    (
        SELECT call_id, caller_hash, entered_at FROM call
        WHERE NOT self_service AND caller_hash != ''
          AND entered_at >= {from:DateTime64(3, 'UTC')} - toIntervalDay(31)
          AND entered_at <= {to:DateTime64(3, 'UTC')} + toIntervalSecond({fcr_window_s:UInt32}) + toIntervalDay(31)
    ) AS v ON v.caller_hash = c.caller
    WHERE c.caller != '' AND v.call_id != c.call_id
      AND v.entered_at > c.first_entered
      AND v.entered_at <= c.last_ended + toIntervalSecond({fcr_window_s:UInt32})
    GROUP BY c.call_id
)
