-- Offered calls per skill and 15-minute local cell of each local date in [from, to): the history
-- the forecast learns from (DESIGN §6), plus the sums of the patience estimate. A skill is the
-- visit's language, or its queue when the language is unknown. Offered as in DESIGN §5: neither
-- self-service nor call-backs. Short abandons (wait < short_abandon_s) are left out of the
-- patience sums, as in reporting.
SELECT
    formatDateTime(toTimeZone(entered_at, {tz:String}), '%Y-%m-%d') AS local_date,
    if(language != '', language, queue) AS skill_name,
    intDiv(toHour(toTimeZone(entered_at, {tz:String})) * 60 + toMinute(toTimeZone(entered_at, {tz:String})), 15) AS cell,
    count() AS offered_n,
    countIf(answered_at IS NOT NULL) AS answered_n,
    sumIf(talk_s + hold_s + wrap_s, answered_at IS NOT NULL) AS handle_s,
    sumIf(wait_s, answered_at IS NOT NULL OR wait_s >= {short_abandon_s:Float64}) AS patience_wait_s,
    countIf(answered_at IS NULL AND wait_s >= {short_abandon_s:Float64}) AS patience_abandoned_n
FROM call
WHERE entered_at >= {from:DateTime64(3, 'UTC')} AND entered_at < {to:DateTime64(3, 'UTC')}
  AND NOT self_service AND NOT callback
GROUP BY local_date, skill_name, cell
ORDER BY local_date, skill_name, cell
