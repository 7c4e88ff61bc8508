-- Whether the FCR facts answer [from, to) exactly for the window {fcr_window_s}: a contact with no
-- next contact within the horizon {horizon_s} whose window reaches past the horizon cannot tell
-- (contact_fact's next_contact_at looks no further). Every stored version is checked (no FINAL):
-- a superset, which at worst sends the query to the raw tables.
SELECT count() AS undecided
FROM contact_fact
WHERE first_answered_at >= {from:DateTime64(3, 'UTC')} AND first_answered_at < {to:DateTime64(3, 'UTC')}
  AND span_ms > toInt64({horizon_s:UInt32}) * 1000 - toInt64({fcr_window_s:UInt32}) * 1000
  AND deleted = 0 AND eligible AND NOT any_transfer AND NOT any_callback AND next_contact_at IS NULL
  AND last_ended + toIntervalSecond({fcr_window_s:UInt32}) > first_entered + toIntervalSecond({horizon_s:UInt32})
