-- The Brieven list pages through a body's letters newest first: an index in that order lets a window
-- read its own rows instead of sorting every letter (and their versions) first.
CREATE INDEX letters_body_created ON letters(body_id, created_at DESC, id DESC);
