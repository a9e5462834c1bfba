-- The actielijst and the besluitenlijst are paged: the Acties screen shows a window of them, never every
-- row. These indexes hold each list in its order (actions by due date, no date last, then by number;
-- decisions by number) with every column a filter tests, so that counting a list and skipping to a
-- window read an index alone. The open actions (the list the screen opens on, and the late ones) have
-- their own, small, index.
CREATE INDEX actions_list ON actions(body_id, due IS NULL, due, id, status, owner, meeting_id, dossier_id, deleted_at)
	WHERE deleted_at IS NULL;
CREATE INDEX actions_open ON actions(body_id, due IS NULL, due, id, status, owner, meeting_id, dossier_id, deleted_at)
	WHERE deleted_at IS NULL AND status IN ('open','bezig');
CREATE INDEX decisions_list ON decisions(body_id, year, seq, meeting_id, deleted_at) WHERE deleted_at IS NULL;
