-- The rollups' counters recomputed from `call` FINAL (duplicates collapsed) per UTC day in
-- [{from}, {to}), with the thresholds of 0004_rollups.sql; compared with rollup-days.sql.
SELECT
    day,
    sum(f_self_service) AS c_self_service, sum(f_callback) AS c_callbacks, sum(f_offered) AS c_offered,
    sum(f_answered) AS c_answered, sum(f_short_abandoned) AS c_short_abandoned, sum(f_lost) AS c_lost,
    sum(f_within_sl) AS c_answered_within_sl, sum(f_transferred) AS c_transferred,
    sum(f_wait_answered_s) AS c_wait_answered_s, sum(f_wait_offered_s) AS c_wait_offered_s,
    sum(f_handle_answered_s) AS c_handle_answered_s
FROM
(
    SELECT
        toString(toDate(entered_at)) AS day,
        toUInt64(self_service) AS f_self_service,
        toUInt64(callback AND NOT self_service) AS f_callback,
        toUInt64(NOT self_service AND NOT callback) AS f_offered,
        toUInt64(f_offered AND answered_at IS NOT NULL) AS f_answered,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s < 5) AS f_short_abandoned,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s >= 30) AS f_lost,
        toUInt64(f_answered AND wait_s <= 20) AS f_within_sl,
        toUInt64(f_answered AND transferred) AS f_transferred,
        if(f_answered = 1, wait_s, 0) AS f_wait_answered_s,
        if(f_offered = 1, wait_s, 0) AS f_wait_offered_s,
        if(f_answered = 1, talk_s + hold_s + wrap_s, 0) AS f_handle_answered_s
    FROM call FINAL
    WHERE entered_at >= {from:DateTime64(3, 'UTC')} AND entered_at < {to:DateTime64(3, 'UTC')}
)
GROUP BY day
ORDER BY day
