-- Actions, decisions and minutes: what the meeting's memory needs beyond the tables of 0001.

-- Which member attended which meeting. A member without a row was not recorded (shown as unknown).
CREATE TABLE attendance (
	meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
	member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
	presence   TEXT NOT NULL CHECK (presence IN ('aanwezig','afwezig')),
	note       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

-- Approval of a meeting's verslag, recorded with the later meeting that approved it. An OV verslag is
-- approved by the OR and by the bestuurder (art 23a WOR), each possibly in another meeting.
CREATE TABLE verslag_approvals (
	meeting_id            INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
	or_meeting_id         INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
	or_on                 TEXT,
	bestuurder_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
	bestuurder_on         TEXT
) STRICT;

-- An action can carry out a decision.
ALTER TABLE actions ADD COLUMN decision_id INTEGER REFERENCES decisions(id) ON DELETE SET NULL;
CREATE INDEX actions_meeting ON actions(meeting_id);
CREATE INDEX actions_decision ON actions(decision_id);
CREATE INDEX decisions_meeting ON decisions(meeting_id);

-- History lines are grouped per save (batch), so that undo reverts one whole save. kind says whether a
-- line records a change or the undo of one; undone marks a change that was undone.
ALTER TABLE action_history ADD COLUMN batch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE action_history ADD COLUMN kind TEXT NOT NULL DEFAULT 'wijziging' CHECK (kind IN ('wijziging','ongedaan'));
ALTER TABLE action_history ADD COLUMN undone INTEGER NOT NULL DEFAULT 0;
CREATE INDEX action_history_batch ON action_history(batch);
