-- Archive search (store/search_plan.go, store/search_filter.go).
--
-- documents_search is a slim copy of what search reads of a document besides its text: a document's
-- row holds its text, so a seek in documents by id touches pages no other row shares (some 4 µs on
-- 100,000 documents), and search seeks once per matching document it passes over. In this index the
-- same seek is 3-4 times cheaper.
CREATE INDEX documents_search ON documents(id, body_id, deleted_at, date, type, sender, dossier_id, title);

-- A filter that leaves few documents (afzender:, type: with a year) is read from these indexes and
-- intersected with the matching ids, instead of walking the doclist of a common word. The senders of a
-- body are few: search skips through them distinct and tests each once.
CREATE INDEX documents_body_sender ON documents(body_id, sender);
CREATE INDEX documents_body_type ON documents(body_id, type, date);
