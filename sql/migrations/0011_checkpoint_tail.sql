-- A fingerprint of the bytes just before a followed file's checkpointed offset (ingest/follow.ts):
-- a file truncated and written again past that offset (logrotate's copytruncate) no longer holds
-- them there. The follower then reads the rest of the copy, and the file again from its start.
ALTER TABLE ingest_checkpoint ADD COLUMN IF NOT EXISTS tail String DEFAULT '' AFTER line;
