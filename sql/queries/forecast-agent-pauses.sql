-- Logged-in and paused seconds of all operators in [from, to), for the measured shrinkage of the
-- staffing plan. Each event opens a segment up to the operator's next event; a login or unpause
-- segment is available time, a pause segment paused time, a logout closes the session. A segment
-- never runs past the end of its local day (a session with no logout closes there, DESIGN §9).
-- planned_paused_s: the pauses whose reason is one of `planned` (those a roster schedules itself).
SELECT
    sumIf(seg_s, state = 'pause') AS paused_s,
    sumIf(seg_s, state = 'pause' AND has({planned:Array(String)}, reason)) AS planned_paused_s,
    sumIf(seg_s, state IN ('login', 'unpause', 'pause')) AS logged_in_s
FROM
(
    SELECT
        state,
        reason,
        greatest(0, toUnixTimestamp64Milli(least(if(next_at > at, next_at, day_end), day_end)) - toUnixTimestamp64Milli(at)) / 1000 AS seg_s
    FROM
    (
        SELECT
            at,
            state,
            reason,
            leadInFrame(at) OVER (PARTITION BY agent_id ORDER BY at ASC ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_at,
            toDateTime64(toStartOfDay(toTimeZone(at, {tz:String})) + INTERVAL 1 DAY, 3, 'UTC') AS day_end
        FROM agent_event FINAL
        WHERE at >= {from:DateTime64(3, 'UTC')} AND at < {to:DateTime64(3, 'UTC')}
    )
)
