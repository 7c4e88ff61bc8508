-- Each visit of `call` FINAL as the flags the rollups sum (0004_rollups.sql), after the bucket
-- and key columns that rollup.ts puts in place of __BUCKET__; a WHERE may follow.
SELECT
    __BUCKET__,
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
