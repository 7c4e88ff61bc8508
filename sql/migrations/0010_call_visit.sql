-- A call may enter the same queue more than once (a dialplan that loops Queue() with a timeout,
-- a caller sent back to the queue): each entry is a visit of its own (DESIGN §5). `visit` numbers
-- the visits of one (call_id, queue): 0 the first, 1 the next… and extends the key, so that a
-- re-entry is not taken for a duplicate of the first visit. Inputs without it are visit 0: their
-- key stays (call_id, queue). (A column added to the sorting key may have no DEFAULT expression;
-- a UInt16's default is 0.)
ALTER TABLE call ADD COLUMN IF NOT EXISTS visit UInt16 AFTER queue, MODIFY ORDER BY (call_id, queue, visit);
