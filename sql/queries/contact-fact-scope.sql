-- The contacts whose contact_fact row a batch of stored visits can change: the batch's own
-- contacts {ids}, and every contact of the batch's known callers {callers} with a visit entered in
-- [{lo} - horizon, {hi}] (an earlier contact whose next_contact_at a new visit may become;
-- a superset is harmless). One row: their ids, the span of their first_entered and their callers.
SELECT
    groupArray(call_id) AS ids,
    toString(min(first_entered)) AS fe_lo,
    toString(max(first_entered)) AS fe_hi,
    groupUniqArrayIf(caller, caller != '') AS scope_callers
FROM
(
    SELECT call_id, min(entered_at) AS first_entered, anyIf(caller_hash, caller_hash != '') AS caller
    FROM call
    WHERE call_id IN
    (
        SELECT arrayJoin({ids:Array(String)})
        UNION DISTINCT
        SELECT call_id FROM call
        WHERE entered_at >= {lo:DateTime64(3, 'UTC')} - toIntervalSecond({horizon_s:UInt32})
          AND entered_at <= {hi:DateTime64(3, 'UTC')}
          AND caller_hash IN (SELECT arrayJoin({callers:Array(String)}))
    )
    GROUP BY call_id
)
