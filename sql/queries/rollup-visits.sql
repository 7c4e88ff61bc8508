-- The visit part of kpi.sql read from a rollup of 0004_rollups.sql instead of `call`
-- (rollup-kpi.ts). The table, its time column and its agent column (or '' for the rollup
-- without agents) come from an allow-list in rollup-kpi.ts; every value is bound.
    SELECT
        __TIME__ AS t, queue, language, site, __AGENT__ AS agent, channel,
        self_service AS n_self_service, callbacks AS n_callbacks, offered AS n_offered, answered AS n_answered,
        short_abandoned AS n_short_abandoned, lost AS n_lost, answered_within_sl AS n_answered_within_sl,
        transferred AS n_transferred, wait_answered_s AS n_wait_answered_s, wait_offered_s AS n_wait_offered_s,
        handle_answered_s AS n_handle_answered_s,
        0 AS n_ratings, 0 AS n_score_sum, 0 AS n_satisfied, 0 AS n_dissatisfied,
        0 AS n_fcr_eligible, 0 AS n_fcr_resolved, 0 AS n_fcr_provisional
    FROM __TABLE__
    WHERE __TIME__ >= {from:DateTime64(3, 'UTC')} AND __TIME__ < {to:DateTime64(3, 'UTC')}
      AND (empty({queues:Array(String)}) OR queue IN {queues:Array(String)})
      AND (empty({languages:Array(String)}) OR language IN {languages:Array(String)})
      AND (empty({sites:Array(String)}) OR site IN {sites:Array(String)})
      AND (empty({channels:Array(String)}) OR channel IN {channels:Array(String)})
      AND (empty({agents:Array(String)}) OR __AGENT__ IN {agents:Array(String)})
