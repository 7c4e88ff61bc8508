-- The visit part of kpi.sql: every queue visit entered in [from, to), from `call`.
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
