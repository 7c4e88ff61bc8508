-- The visits of a drill-down: entered in [{from}, {to}), the filters (an empty array = no filter)
-- and an outcome named as in DESIGN §5 ('' = every visit). Shared by calls-list and calls-count.
WHERE entered_at >= {from:DateTime64(3, 'UTC')} AND entered_at < {to:DateTime64(3, 'UTC')}
  AND (empty({queues:Array(String)}) OR queue IN {queues:Array(String)})
  AND (empty({languages:Array(String)}) OR language IN {languages:Array(String)})
  AND (empty({sites:Array(String)}) OR site IN {sites:Array(String)})
  AND (empty({channels:Array(String)}) OR channel IN {channels:Array(String)})
  AND (empty({agents:Array(String)}) OR agent_id IN {agents:Array(String)})
  AND multiIf(
      {outcome:String} = '', 1,
      {outcome:String} = 'self_service', self_service,
      {outcome:String} = 'callback', callback AND NOT self_service,
      self_service OR callback, 0,
      {outcome:String} = 'offered', 1,
      {outcome:String} = 'answered', answered_at IS NOT NULL,
      {outcome:String} = 'transferred', answered_at IS NOT NULL AND transferred,
      {outcome:String} = 'abandoned', answered_at IS NULL,
      {outcome:String} = 'lost', answered_at IS NULL AND wait_s >= {lost_after_s:Float64},
      {outcome:String} = 'short_abandoned', answered_at IS NULL AND wait_s < {short_abandon_s:Float64},
      0)
